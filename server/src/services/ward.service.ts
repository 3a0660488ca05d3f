import { In, type DataSource } from 'typeorm';
import { ResidentialGroup, Ward } from '../entities';
import { NotFoundError } from '../errors';

export interface WardStats {
  bbox: [number, number, number, number];
  residentialGroupCount: number;
  cameraCount: number;
  rentalHouseCount: number;
}

/** NOT_FOUND (naming `field`) unless the ward exists in the district. */
export async function assertWardInDistrict(ds: DataSource, districtId: number, wardId: number, field = 'wardId'): Promise<void> {
  const [ward] = await ds.query(`SELECT 1 FROM ward WHERE id = $1 AND district_id = $2`, [wardId, districtId]);
  if (!ward) throw new NotFoundError('Ward', wardId, field);
}

export class WardService {
  constructor(private readonly ds: DataSource) {}

  assertInDistrict(districtId: number, wardId: number, field = 'wardId'): Promise<void> {
    return assertWardInDistrict(this.ds, districtId, wardId, field);
  }

  list(districtId: number): Promise<Ward[]> {
    return this.ds.getRepository(Ward).find({ where: { districtId }, order: { code: 'ASC' } });
  }

  async get(id: number, field = 'id'): Promise<Ward> {
    const ward = await this.ds.getRepository(Ward).findOneBy({ id });
    if (!ward) throw new NotFoundError('Ward', id, field);
    return ward;
  }

  /** Wards by id, in the order asked (batched per request). */
  async byIds(ids: readonly number[]): Promise<(Ward | NotFoundError)[]> {
    const rows = await this.ds.getRepository(Ward).findBy({ id: In([...ids]) });
    const byId = new Map(rows.map((w) => [w.id, w]));
    return ids.map((id) => byId.get(id) ?? new NotFoundError('Ward', id));
  }

  async groups(wardId: number): Promise<ResidentialGroup[]> {
    await this.get(wardId, 'wardId');
    return this.ds.getRepository(ResidentialGroup).find({ where: { wardId }, order: { code: 'ASC' } });
  }

  /** The residential groups of each ward, in the order asked (batched per request). */
  async groupsOfWards(wardIds: readonly number[]): Promise<ResidentialGroup[][]> {
    const rows = await this.ds.getRepository(ResidentialGroup).find({ where: { wardId: In([...wardIds]) }, order: { code: 'ASC' } });
    return wardIds.map((id) => rows.filter((g) => g.wardId === id));
  }

  /** Residential groups by id, in the order asked. */
  async groupsByIds(ids: readonly number[]): Promise<ResidentialGroup[]> {
    const rows = await this.ds.getRepository(ResidentialGroup).findBy({ id: In([...ids]) });
    const byId = new Map(rows.map((g) => [g.id, g]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  async group(id: number): Promise<ResidentialGroup> {
    const g = await this.ds.getRepository(ResidentialGroup).findOneBy({ id });
    if (!g) throw new NotFoundError('ResidentialGroup', id);
    return g;
  }

  /** Bounding boxes and counts for the given wards in one statement (batched per request). */
  async stats(wardIds: readonly number[]): Promise<(WardStats | undefined)[]> {
    const rows: (WardStats & { id: number })[] = await this.ds.query(
      `SELECT w.id,
              ARRAY[ST_XMin(w.boundary), ST_YMin(w.boundary), ST_XMax(w.boundary), ST_YMax(w.boundary)] AS bbox,
              (SELECT count(*) FROM residential_group g WHERE g.ward_id = w.id)::int AS "residentialGroupCount",
              (SELECT count(*) FROM camera c WHERE c.ward_id = w.id AND c.status <> 'decommissioned')::int AS "cameraCount",
              (SELECT count(*) FROM rental_house h WHERE h.ward_id = w.id)::int AS "rentalHouseCount"
         FROM ward w WHERE w.id = ANY($1::int[])`,
      [wardIds],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return wardIds.map((id) => byId.get(id));
  }
}
