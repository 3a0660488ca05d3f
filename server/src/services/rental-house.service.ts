import type { Point } from 'geojson';
import type { DataSource } from 'typeorm';
import { RentalHouse } from '../entities';
import { NotFoundError } from '../errors';
import { translateDbError } from './db-errors';
import { assertGeometry, districtOfPoint } from './geometry.service';
import { paginate, type Connection, type PageArgs } from './pagination';
import { applyPointFilter, type PointFilter } from './spatial-filter';

export interface RentalHouseFilter extends PointFilter {
  /** true: houses with at least one active camera registered to them; false: houses without (R2, R5). */
  hasActiveCamera?: boolean | null;
}

export interface RentalHouseFields {
  address?: string | null;
  ownerName?: string | null;
  ownerPhone?: string | null;
  rooms?: number | null;
  location?: unknown;
}

const FIELD_OF_CONSTRAINT: Record<string, string> = {
  ww_location_inside_district: 'input.location',
  rental_house_rooms_check: 'input.rooms',
  rental_house_address_check: 'input.address',
};

const HAS_ACTIVE_CAMERA = `EXISTS (SELECT 1 FROM camera ac WHERE ac.rental_house_id = h.id AND ac.status = 'active')`;

export class RentalHouseService {
  constructor(private readonly ds: DataSource) {}

  async get(id: number, m = this.ds.manager): Promise<RentalHouse> {
    const house = await m.getRepository(RentalHouse).findOneBy({ id });
    if (!house) throw new NotFoundError('RentalHouse', id);
    return house;
  }

  async list(filter: RentalHouseFilter | null | undefined, page: PageArgs): Promise<Connection<RentalHouse>> {
    const m = this.ds.manager;
    const qb = m.getRepository(RentalHouse).createQueryBuilder('h');
    const distance = await applyPointFilter(m, qb, 'h', filter);
    if (filter?.hasActiveCamera === true) qb.andWhere(HAS_ACTIVE_CAMERA);
    if (filter?.hasActiveCamera === false) qb.andWhere(`NOT ${HAS_ACTIVE_CAMERA}`);
    return paginate(qb, 'h', distance, page);
  }

  /** Whether each house has an active camera registered to it (batched per request). */
  async hasActiveCamera(houseIds: readonly number[]): Promise<boolean[]> {
    const rows: { id: number }[] = await this.ds.query(
      `SELECT DISTINCT rental_house_id AS id FROM camera WHERE rental_house_id = ANY($1::int[]) AND status = 'active'`,
      [houseIds],
    );
    const withCamera = new Set(rows.map((r) => r.id));
    return houseIds.map((id) => withCamera.has(id));
  }

  async register(input: RentalHouseFields & { address: string; ownerName: string; rooms: number; location: unknown }): Promise<RentalHouse> {
    return this.ds.transaction(async (m) => {
      const location = await assertGeometry<Point>(m, input.location, ['Point'], 'input.location');
      const districtId = await districtOfPoint(m, location, 'input.location');
      let id: number;
      try {
        const result = await m.getRepository(RentalHouse).insert({
          districtId,
          address: input.address.trim(),
          ownerName: input.ownerName.trim(),
          ownerPhone: input.ownerPhone ?? null,
          rooms: input.rooms,
          location: { type: 'Point', coordinates: [location.coordinates[0], location.coordinates[1]] },
        });
        id = result.identifiers[0].id as number;
      } catch (err) {
        translateDbError(err, FIELD_OF_CONSTRAINT);
      }
      return this.get(id, m);
    });
  }

  async update(id: number, input: RentalHouseFields): Promise<RentalHouse> {
    return this.ds.transaction(async (m) => {
      const house = await m.getRepository(RentalHouse).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!house) throw new NotFoundError('RentalHouse', id);
      const changes: Partial<RentalHouse> = {};
      if (input.location != null) {
        const location = await assertGeometry<Point>(m, input.location, ['Point'], 'input.location');
        changes.districtId = await districtOfPoint(m, location, 'input.location');
        changes.location = { type: 'Point', coordinates: [location.coordinates[0], location.coordinates[1]] };
      }
      if (input.address != null) changes.address = input.address.trim();
      if (input.ownerName != null) changes.ownerName = input.ownerName.trim();
      if (input.ownerPhone !== undefined) changes.ownerPhone = input.ownerPhone;
      if (input.rooms != null) changes.rooms = input.rooms;
      if (Object.keys(changes).length > 0) {
        try {
          await m.getRepository(RentalHouse).update({ id }, changes);
        } catch (err) {
          translateDbError(err, FIELD_OF_CONSTRAINT);
        }
      }
      return this.get(id, m);
    });
  }
}
