import type { DataSource } from 'typeorm';
import { RentalHouse } from '../entities';
import { BadUserInputError, NotFoundError } from '../errors';
import { translateDbError } from './db-errors';
import { pointInDistrict } from './geometry.service';
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

const HAS_ACTIVE_CAMERA = `ww_has_active_camera(h.id)`;

/** Text without surrounding spaces, at least `min` characters of it. */
function trimmed(value: string, field: string, min: number): string {
  const t = value.trim();
  if (t.length < min) throw new BadUserInputError(field, `must have at least ${min} characters besides spaces`);
  return t;
}

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
    return paginate(qb, 'h', distance, page, filter);
  }

  /** Whether each house has an active camera registered to it (batched per request). */
  async hasActiveCamera(houseIds: readonly number[]): Promise<boolean[]> {
    const rows: { id: number; has: boolean }[] = await this.ds.query(
      `SELECT h.id, ww_has_active_camera(h.id) AS has FROM rental_house h WHERE h.id = ANY($1::int[])`,
      [houseIds],
    );
    const has = new Map(rows.map((r) => [r.id, r.has]));
    return houseIds.map((id) => has.get(id) ?? false);
  }

  async register(input: RentalHouseFields & { address: string; ownerName: string; rooms: number; location: unknown }): Promise<RentalHouse> {
    return this.ds.transaction(async (m) => {
      const { point: location, districtId } = await pointInDistrict(m, input.location, 'input.location');
      let id: number;
      try {
        const result = await m.getRepository(RentalHouse).insert({
          districtId,
          address: trimmed(input.address, 'input.address', 3),
          ownerName: trimmed(input.ownerName, 'input.ownerName', 2),
          ownerPhone: input.ownerPhone ?? null,
          rooms: input.rooms,
          location,
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
        const placed = await pointInDistrict(m, input.location, 'input.location');
        changes.districtId = placed.districtId;
        changes.location = placed.point;
      }
      if (input.address != null) changes.address = trimmed(input.address, 'input.address', 3);
      if (input.ownerName != null) changes.ownerName = trimmed(input.ownerName, 'input.ownerName', 2);
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
