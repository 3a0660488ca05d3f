import 'reflect-metadata';
import { validate, type ValidationError } from 'class-validator';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, type ResolverData } from 'type-graphql';
import { BadUserInputError } from './errors';
import { CameraResolver } from './resolvers/camera.resolver';
import { DistrictResolver } from './resolvers/district.resolver';
import { LayerResolver } from './resolvers/layer.resolver';
import { RentalHouseResolver } from './resolvers/rental-house.resolver';
import { WardResolver } from './resolvers/ward.resolver';

export const resolvers = [DistrictResolver, WardResolver, CameraResolver, RentalHouseResolver, LayerResolver] as const;

/** Flattens class-validator errors into `{ field, message }` with dotted paths below `root`. */
function flatten(errors: ValidationError[], root: string): { field: string; message: string }[] {
  return errors.flatMap((e) => {
    const field = root ? `${root}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/**
 * Which argument of the field a value came from: type-graphql hands the validator a class instance
 * converted from the plain argument, so match by identity or by equal own scalar properties. An
 * `@Args()` class spreads over several arguments: its fields are top-level, so the root is ''.
 */
function argumentName(value: object, args: Record<string, unknown>): string {
  for (const [name, v] of Object.entries(args)) {
    if (v === value) return name;
    if (v === null || typeof v !== 'object' || Array.isArray(v)) continue;
    const plain = v as Record<string, unknown>;
    const keys = Object.keys(plain);
    if (keys.length && keys.every((k) => plain[k] === (value as Record<string, unknown>)[k] || typeof plain[k] === 'object')) return name;
  }
  return '';
}

/**
 * Validates every input object against its class-validator limits before a resolver runs, and
 * reports the first violation as BAD_USER_INPUT naming the field (e.g. `input.bearing`); all of them
 * are listed in `extensions.errors`.
 */
async function validateArgument(value: unknown, _type: unknown, data: ResolverData): Promise<void> {
  if (value === null || typeof value !== 'object') return;
  const values = Array.isArray(value) ? value : [value];
  const argName = argumentName(value, data.args);
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
    emitSchemaFile: emitSchemaFile ? { path: emitSchemaFile, sortedSchema: false } : false,
  });
}
