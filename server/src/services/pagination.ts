import { createHash } from 'node:crypto';
import type { SelectQueryBuilder } from 'typeorm';
import { BadUserInputError } from '../errors';

/** Default and largest page sizes for every list (Relay cursor connections). */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/**
 * A keyset position: the sort value of the last row seen (null when sorting by id), its id, and a
 * fingerprint of the list it came from (filter and order), so a cursor cannot be replayed on another.
 */
export interface CursorKey {
  sort: number | null;
  id: number;
  list: string;
}

const MAX_ID = 2 ** 31 - 1;

/** A short fingerprint of a list's filter and order. */
export function listFingerprint(scope: unknown): string {
  return createHash('sha256').update(JSON.stringify(scope ?? null)).digest('base64url').slice(0, 10);
}

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify([key.sort, key.id, key.list])).toString('base64url');
}

export function decodeCursor(cursor: string, list: string, field = 'after'): CursorKey {
  let v: unknown;
  try {
    v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    v = null;
  }
  if (
    !Array.isArray(v) ||
    v.length !== 3 ||
    !(v[0] === null || Number.isFinite(v[0])) ||
    !Number.isInteger(v[1]) ||
    v[1] < 1 ||
    v[1] > MAX_ID ||
    typeof v[2] !== 'string'
  ) {
    throw new BadUserInputError(field, 'is not a cursor returned by this API');
  }
  if (v[2] !== list) throw new BadUserInputError(field, 'belongs to a list with another filter or order');
  return { sort: v[0], id: v[1], list };
}

/** Validates `first` (1..MAX_PAGE_SIZE) and decodes `after` for the list `list`. */
export function pageOf(args: PageArgs, list: string): { limit: number; after: CursorKey | null } {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new BadUserInputError('first', `must be between 1 and ${MAX_PAGE_SIZE} (got ${first})`, { max: MAX_PAGE_SIZE });
  }
  return { limit: first, after: args.after ? decodeCursor(args.after, list) : null };
}

export interface Edge<T> {
  cursor: string;
  node: T;
  distanceMeters: number | null;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
}

/**
 * Builds a connection from rows fetched with `limit + 1` (the extra row tells whether a next page
 * exists). `sortOf` gives a row's keyset sort value (null when the order is by id alone).
 */
export function toConnection<T extends { id: number }>(
  rows: { node: T; sort: number | null }[],
  limit: number,
  totalCount: number,
  list: string,
  isAfterCursor: boolean,
): Connection<T> {
  const page = rows.slice(0, limit);
  const edges = page.map((r) => ({ cursor: encodeCursor({ sort: r.sort, id: r.node.id, list }), node: r.node, distanceMeters: r.sort }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > limit,
      hasPreviousPage: isAfterCursor, // forward pagination: rows precede any cursor we issued
      startCursor: edges.length ? edges[0].cursor : null,
      endCursor: edges.length ? edges[edges.length - 1].cursor : null,
    },
    totalCount,
  };
}

/**
 * Runs a keyset-paginated list: ordered by `sortExpr` (e.g. a distance in metres) then id, or by id
 * alone. Counts the whole filtered set for `totalCount`. `scope` (the filter) binds cursors to it.
 */
export async function paginate<T extends { id: number }>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  sortExpr: string | null,
  args: PageArgs,
  scope: unknown,
): Promise<Connection<T>> {
  const list = listFingerprint(scope);
  const { limit, after } = pageOf(args, list);
  const totalCount = await qb.clone().getCount();
  if (sortExpr) {
    qb.addSelect(sortExpr, 'ww_sort').orderBy(sortExpr, 'ASC').addOrderBy(`${alias}.id`, 'ASC');
    if (after) {
      if (after.sort === null) throw new BadUserInputError('after', 'belongs to a list with another filter or order');
      qb.andWhere(`(${sortExpr} > :afterSort OR (${sortExpr} = :afterSort AND ${alias}.id > :afterId))`, {
        afterSort: after.sort,
        afterId: after.id,
      });
    }
  } else {
    qb.orderBy(`${alias}.id`, 'ASC');
    if (after) qb.andWhere(`${alias}.id > :afterId`, { afterId: after.id });
  }
  qb.limit(limit + 1);
  const { entities, raw } = await qb.getRawAndEntities();
  const sortById = new Map<number, number>(
    sortExpr ? raw.map((r: Record<string, unknown>) => [Number(r[`${alias}_id`]), Number(r.ww_sort)]) : [],
  );
  return toConnection(
    entities.map((node) => ({ node, sort: sortExpr ? (sortById.get(node.id) ?? null) : null })),
    limit,
    totalCount,
    list,
    after !== null,
  );
}
