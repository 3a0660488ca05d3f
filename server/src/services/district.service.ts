import { District } from '../entities';
import { NotFoundError } from '../errors';
import type { ScopedDb } from './scoped-db';
import { scopeSql } from './scope';

export interface AreaStats {
  bbox: [number, number, number, number];
  wardCount: number;
  residentialGroupCount: number;
  cameraCount: number;
  rentalHouseCount: number;
}

export class DistrictService {
  constructor(private readonly db: ScopedDb) {}

  /** The user's district. */
  async current(): Promise<District> {
    const { districtId } = this.db.scope;
    const d = await (await this.db.manager()).getRepository(District).findOneBy({ id: districtId });
    if (!d) throw new NotFoundError('District', districtId);
    return d;
  }

  /** Bounding box and counts of a district, within the user's scope (a chair: their ward), in one statement. */
  async stats(districtId: number): Promise<AreaStats> {
    const { wardId } = this.db.scope;
    const [r] = await this.db.query(
      `SELECT ARRAY[ST_XMin(d.boundary), ST_YMin(d.boundary), ST_XMax(d.boundary), ST_YMax(d.boundary)] AS bbox,
              (SELECT count(*) FROM ward w WHERE ${scopeSql('w', 'd.id', '$2', 'id')})::int AS "wardCount",
              (SELECT count(*) FROM residential_group g WHERE ${scopeSql('g', 'd.id', '$2')})::int AS "residentialGroupCount",
              (SELECT count(*) FROM camera c WHERE ${scopeSql('c', 'd.id', '$2')} AND c.status <> 'decommissioned')::int AS "cameraCount",
              (SELECT count(*) FROM rental_house h WHERE ${scopeSql('h', 'd.id', '$2')})::int AS "rentalHouseCount"
         FROM district d WHERE d.id = $1 AND d.id = $3`,
      [districtId, wardId, this.db.scope.districtId],
    );
    if (!r) throw new NotFoundError('District', districtId);
    return r;
  }
}
