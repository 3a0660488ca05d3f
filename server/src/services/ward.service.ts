import { In } from 'typeorm';
import { ResidentialGroup, Ward } from '../entities';
import { NotFoundError } from '../errors';
import type { ScopedDb } from './scoped-db';
import { scopeSql, scopeWhere, type Scope } from './scope';

export interface WardStats {
  bbox: [number, number, number, number];
  residentialGroupCount: number;
  cameraCount: number;
  rentalHouseCount: number;
}

/** NOT_FOUND (naming `field`) unless the ward exists in the scope (its district; the user's ward, if any). */
export async function assertWardInScope(
  q: { query(sql: string, params?: unknown[]): Promise<any> }, // eslint-disable-line @typescript-eslint/no-explicit-any
  scope: Scope,
  wardId: number,
  field = 'wardId',
): Promise<void> {
  const [ward] = await q.query(`SELECT 1 FROM ward w WHERE w.id = $1 AND ${scopeSql('w', '$2', '$3', 'id')}`, [
    wardId,
    scope.districtId,
    scope.wardId,
  ]);
  if (!ward) throw new NotFoundError('Ward', wardId, field);
}

export class WardService {
  constructor(private readonly db: ScopedDb) {}

  assertInScope(wardId: number, field = 'wardId'): Promise<void> {
    return assertWardInScope(this.db, this.db.scope, wardId, field);
  }

  /** Whether the user's scope includes ward `id` (a ward user: only their own). */
  private visible(id: number): boolean {
    const own = this.db.scope.wardId;
    return own == null || own === id;
  }

  private async repo<T extends Ward | ResidentialGroup>(entity: new () => T) {
    return (await this.db.manager()).getRepository(entity);
  }

  /** The wards the user may see (a chair: their own), by code. */
  async list(): Promise<Ward[]> {
    return (await this.repo(Ward)).find({ where: scopeWhere(this.db, 'id'), order: { code: 'ASC' } });
  }

  async get(id: number, field = 'id'): Promise<Ward> {
    const ward = this.visible(id) ? await (await this.repo(Ward)).findOneBy({ districtId: this.db.scope.districtId, id }) : null;
    if (!ward) throw new NotFoundError('Ward', id, field);
    return ward;
  }

  /** Wards by id, in the order asked (batched per request). */
  async byIds(ids: readonly number[]): Promise<(Ward | NotFoundError)[]> {
    const rows = await (await this.repo(Ward)).findBy({ districtId: this.db.scope.districtId, id: In(ids.filter((id) => this.visible(id))) });
    const byId = new Map(rows.map((w) => [w.id, w]));
    return ids.map((id) => byId.get(id) ?? new NotFoundError('Ward', id));
  }

  async groups(wardId: number): Promise<ResidentialGroup[]> {
    await this.get(wardId, 'wardId');
    return (await this.repo(ResidentialGroup)).find({ where: { districtId: this.db.scope.districtId, wardId }, order: { code: 'ASC' } });
  }

  /** The residential groups of each ward, in the order asked (batched per request). */
  async groupsOfWards(wardIds: readonly number[]): Promise<ResidentialGroup[][]> {
    const rows = await (await this.repo(ResidentialGroup)).find({
      where: { districtId: this.db.scope.districtId, wardId: In(wardIds.filter((id) => this.visible(id))) },
      order: { code: 'ASC' },
    });
    return wardIds.map((id) => rows.filter((g) => g.wardId === id));
  }

  /** Residential groups by id, in the order asked. */
  async groupsByIds(ids: readonly number[]): Promise<ResidentialGroup[]> {
    const rows = await (await this.repo(ResidentialGroup)).findBy({ ...scopeWhere(this.db), id: In([...ids]) });
    const byId = new Map(rows.map((g) => [g.id, g]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  async group(id: number): Promise<ResidentialGroup> {
    const g = await (await this.repo(ResidentialGroup)).findOneBy({ ...scopeWhere(this.db), id });
    if (!g) throw new NotFoundError('ResidentialGroup', id);
    return g;
  }

  /** Bounding boxes and counts for the given wards in one statement (batched per request). */
  async stats(wardIds: readonly number[]): Promise<(WardStats | undefined)[]> {
    const { districtId, wardId } = this.db.scope;
    const rows: (WardStats & { id: number })[] = await this.db.query(
      `SELECT w.id,
              ARRAY[ST_XMin(w.boundary), ST_YMin(w.boundary), ST_XMax(w.boundary), ST_YMax(w.boundary)] AS bbox,
              (SELECT count(*) FROM residential_group g WHERE g.ward_id = w.id)::int AS "residentialGroupCount",
              (SELECT count(*) FROM camera c WHERE c.ward_id = w.id AND c.status <> 'decommissioned')::int AS "cameraCount",
              (SELECT count(*) FROM rental_house h WHERE h.ward_id = w.id)::int AS "rentalHouseCount"
         FROM ward w WHERE w.id = ANY($1::int[]) AND ${scopeSql('w', '$2', '$3', 'id')}`,
      [wardIds, districtId, wardId],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return wardIds.map((id) => byId.get(id));
  }
}
