import 'reflect-metadata';
import { validate, type ValidationError } from 'class-validator';
import { getNamedType, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { buildSchema, type ResolverData } from 'type-graphql';
import { authorize } from './auth-checker';
import { BadUserInputError } from './errors';
import { AuditResolver } from './resolvers/audit.resolver';
import { AuthResolver } from './resolvers/auth.resolver';
import { CameraResolver } from './resolvers/camera.resolver';
import { ComplianceResolver, WardComplianceResolver } from './resolvers/compliance.resolver';
import { CivilServantResolver } from './resolvers/civil-servant.resolver';
import { CoverageResolver } from './resolvers/coverage.resolver';
import { DirectiveResolver } from './resolvers/directive.resolver';
import { DistrictResolver } from './resolvers/district.resolver';
import { LayerResolver } from './resolvers/layer.resolver';
import { PenaltyCaseResolver } from './resolvers/penalty-case.resolver';
import { RentalHouseResolver } from './resolvers/rental-house.resolver';
import { ResidentialGroupResolver } from './resolvers/residential-group.resolver';
import { UnitResolver } from './resolvers/unit.resolver';
import { UserResolver } from './resolvers/user.resolver';
import { WardResolver } from './resolvers/ward.resolver';
import { HeartbeatResolver, WardCameraHealthResolver } from './resolvers/heartbeat.resolver';
import { LiveResolver } from './resolvers/live.resolver';
import { LIVE_PUBSUB } from './live/live-events';
import { MaintenanceResolver, MaintenanceWardStatsResolver } from './resolvers/maintenance.resolver';
import { CameraConnectionFieldResolver, CameraConnectionResolver, NetworkOperatorResolver, SupportAgreementResolver } from './resolvers/network-operator.resolver';
import { FundResolver, FundSpendingResolver } from './resolvers/fund.resolver';
import { CameraRegistrationResolver } from './resolvers/camera-registration.resolver';

export const resolvers = [
  AuthResolver,
  UserResolver,
  AuditResolver,
  DistrictResolver,
  WardResolver,
  ResidentialGroupResolver,
  CameraResolver,
  RentalHouseResolver,
  PenaltyCaseResolver,
  LayerResolver,
  CoverageResolver,
  UnitResolver,
  CivilServantResolver,
  ComplianceResolver,
  WardComplianceResolver,
  DirectiveResolver,
  HeartbeatResolver,
  WardCameraHealthResolver,
  LiveResolver,
  MaintenanceResolver,
  MaintenanceWardStatsResolver,
  NetworkOperatorResolver,
  SupportAgreementResolver,
  CameraConnectionResolver,
  CameraConnectionFieldResolver,
  FundResolver,
  FundSpendingResolver,
  CameraRegistrationResolver,
] as const;

/** Flattens class-validator errors into `{ field, message }` with dotted paths below `root`. */
function flatten(errors: ValidationError[], root: string): { field: string; message: string }[] {
  return errors.flatMap((e) => {
    const field = root ? `${root}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/**
 * Which argument of the field a value came from: the argument whose GraphQL input type is the class
 * being validated (type-graphql names an input type after its class). The fields of an `@Args()`
 * class are top-level arguments themselves, so for those the root is ''.
 */
function argumentName(type: unknown, info: GraphQLResolveInfo): string {
  const name = typeof type === 'function' ? type.name : undefined;
  const field = info.parentType.getFields()[info.fieldName];
  return field?.args.find((a) => getNamedType(a.type).name === name)?.name ?? '';
}

/**
 * Validates every input object against its class-validator limits before a resolver runs, and
 * reports the first violation as BAD_USER_INPUT naming the field (e.g. `input.bearing`); all of them
 * are listed in `extensions.errors`.
 */
async function validateArgument(value: unknown, type: unknown, data: ResolverData): Promise<void> {
  if (value === null || typeof value !== 'object') return;
  const values = Array.isArray(value) ? value : [value];
  const argName = argumentName(type, data.info);
  for (const v of values) {
    if (v === null || typeof v !== 'object') continue;
    const errors = await validate(v as object, { forbidUnknownValues: false, validationError: { target: false } });
    if (errors.length) {
      const all = flatten(errors, argName);
      throw new BadUserInputError(all[0].field, all[0].message, { errors: all });
    }
  }
}

export function createSchema(emitSchemaFile?: string): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [...resolvers],
    validateFn: validateArgument,
    // Every field passes the access policy first (server/src/policy.ts).
    globalMiddlewares: [authorize],
    // type-graphql wants a PubSub once a schema has a subscription; ours subscribe through their own source.
    pubSub: LIVE_PUBSUB,
    emitSchemaFile: emitSchemaFile ? { path: emitSchemaFile, sortedSchema: false } : false,
  });
}
