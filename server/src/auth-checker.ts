import type { MiddlewareFn } from 'type-graphql';
import type { Context } from './context';
import { ForbiddenError, UnauthenticatedError } from './errors';
import { FIELDS, OPERATIONS, PERSONAL_DATA_ROLES, PUBLIC, allows, type Access } from './policy';
import type { Role } from './entities/enums';

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

/** UNAUTHENTICATED without a session, FORBIDDEN for a role the access does not list. */
export function assertAllowed(access: Access | undefined, role: Role | undefined, what: string): void {
  if (access === PUBLIC) return;
  if (role === undefined) throw new UnauthenticatedError();
  if (!allows(access, role)) throw new ForbiddenError(what, `Your role may not use ${what}`);
}

/** True when the viewer may see owners' names and phone numbers. */
export function seesPersonalData(role: Role | undefined): boolean {
  return role !== undefined && PERSONAL_DATA_ROLES.includes(role);
}

/**
 * Runs on every field the schema resolves (type-graphql global middleware), before its resolver:
 * - a root field (query or mutation) needs its entry in OPERATIONS and a role it lists; a field with
 *   no entry is refused (fail closed);
 * - a mutation runs in a savepoint of the request's transaction, with its name set for the audit log;
 * - a PERSONAL field answers null to roles outside PERSONAL_DATA_ROLES; a field of an object type
 *   with no entry in FIELDS is refused.
 */
export const authorize: MiddlewareFn<Context> = async ({ info, context }, next) => {
  const type = info.parentType.name;
  const role = context.viewer?.role;
  if (ROOT_TYPES.has(type)) {
    const key = `${type}.${info.fieldName}`;
    const access = OPERATIONS[key];
    if (access === undefined) {
      console.error(`[wardwatch] ${key} has no access policy in server/src/policy.ts: refused`);
      throw new ForbiddenError(info.fieldName, `${info.fieldName} is not available`);
    }
    assertAllowed(access, role, info.fieldName);
    if (type === 'Mutation' && access !== PUBLIC) {
      return context.db.transaction(async () => {
        await context.db.setAction(info.fieldName);
        return next();
      });
    }
    return next();
  }
  const access = FIELDS[type]?.[info.fieldName];
  if (access === undefined) {
    console.error(`[wardwatch] ${type}.${info.fieldName} has no field policy in server/src/policy.ts: refused`);
    throw new ForbiddenError(info.fieldName, `${type}.${info.fieldName} is not available`);
  }
  if (access === 'personal' && !seesPersonalData(role)) return null;
  return next();
};
