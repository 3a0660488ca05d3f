import type { DataSource } from 'typeorm';
import { District } from '../entities';
import { NotFoundError } from '../errors';

export interface AreaStats {
  bbox: [number, number, number, number];
  wardCount: number;
  residentialGroupCount: number;
  cameraCount: number;
  rentalHouseCount: number;
}

export class DistrictService {
  constructor(private readonly ds: DataSource) {}

  /** The district this deployment serves (the first one when several are loaded). */
  async current(): Promise<District> {
    const [d] = await this.ds.getRepository(District).find({ order: { id: 'ASC' }, take: 1 });
    if (!d) throw new NotFoundError('District', 'current');
    return d;
  }

  /** Bounding box and counts of a district, all computed in one SQL statement. */
  async stats(districtId: number): Promise<AreaStats> {
    const [r] = await this.ds.query(
      `SELECT ARRAY[ST_XMin(d.boundary), ST_YMin(d.boundary), ST_XMax(d.boundary), ST_YMax(d.boundary)] AS bbox,
              (SELECT count(*) FROM ward w WHERE w.district_id = d.id)::int AS "wardCount",
              (SELECT count(*) FROM residential_group g WHERE g.district_id = d.id)::int AS "residentialGroupCount",
              (SELECT count(*) FROM camera c WHERE c.district_id = d.id AND c.status <> 'decommissioned')::int AS "cameraCount",
              (SELECT count(*) FROM rental_house h WHERE h.district_id = d.id)::int AS "rentalHouseCount"
         FROM district d WHERE d.id = $1`,
      [districtId],
    );
    if (!r) throw new NotFoundError('District', districtId);
    return r;
  }
}
