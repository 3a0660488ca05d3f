import { ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * A number inside an interval whose ends may be open, e.g. a bearing in [0, 360):
 * `@InRange({ min: 0, max: 360, maxExclusive: true })`. The message states the interval.
 */
export function InRange(
  r: { min: number; max: number; minExclusive?: boolean; maxExclusive?: boolean },
  options?: ValidationOptions,
): PropertyDecorator {
  const interval = `${r.minExclusive ? '(' : '['}${r.min}, ${r.max}${r.maxExclusive ? ')' : ']'}`;
  return ValidateBy(
    {
      name: 'inRange',
      constraints: [interval],
      validator: {
        validate: (v: unknown) =>
          typeof v === 'number' &&
          Number.isFinite(v) &&
          (r.minExclusive ? v > r.min : v >= r.min) &&
          (r.maxExclusive ? v < r.max : v <= r.max),
        defaultMessage: (args) => `must be in ${interval} (got ${args?.value})`,
      },
    },
    options,
  );
}
