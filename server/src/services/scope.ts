import type { SelectQueryBuilder } from 'typeorm';

/** The user's scope: their district, and their ward (null: the whole district). */
export interface Scope {
  districtId: number;
  wardId: number | null;
}

/**
 * The scope rule as SQL, for statements written by hand: rows of `alias` in the district given by
 * `district` (a parameter such as '$2', or a column), and in the ward given by `ward` unless that is
 * NULL (the whole district). `wardColumn` is `id` for the ward table itself. applyScope is the same
 * rule for TypeORM query builders.
 */
export function scopeSql(alias: string, district: string, ward: string, wardColumn = 'ward_id'): string {
  return `${alias}.district_id = ${district} AND (${ward}::int IS NULL OR ${alias}.${wardColumn} = ${ward})`;
}

/**
 * The user's scope as TypeORM `where` conditions: their district, and their ward when they have
 * one. `wardKey` is the property holding the ward id (`id` for wards themselves).
 */
export function scopeWhere(db: { scope: Scope }, wardKey: 'id' | 'wardId' = 'wardId'): Record<string, number> {
  const { districtId, wardId } = db.scope;
  return wardId == null ? { districtId } : { districtId, [wardKey]: wardId };
}

/** Limits a query over `alias` (a table with `district_id` and `ward_id`) to the user's scope. */
export function applyScope<Q extends SelectQueryBuilder<any>>(qb: Q, alias: string, scope: Scope): Q { // eslint-disable-line @typescript-eslint/no-explicit-any
  qb.andWhere(`${alias}.district_id = :scopeDistrict`, { scopeDistrict: scope.districtId });
  if (scope.wardId != null) qb.andWhere(`${alias}.ward_id = :scopeWard`, { scopeWard: scope.wardId });
  return qb;
}

