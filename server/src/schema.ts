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
 * Validates every input object against its class-validator limits before a resolver runs, and
 * reports the first violation as BAD_USER_INPUT naming the field (e.g. `input.bearing`); all of them
 * are listed in `extensions.errors`.
 */
async function validateArgument(value: unknown, _type: unknown, data: ResolverData): Promise<void> {
  if (value === null || typeof value !== 'object') return;
  const values = Array.isArray(value) ? value : [value];
  const argName = Object.entries(data.args).find(([, v]) => v === value)?.[0] ?? '';
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
