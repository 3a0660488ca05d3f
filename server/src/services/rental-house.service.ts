import { In, type EntityManager } from 'typeorm';
import { RentalHouse, RentalHouseEvent } from '../entities';
import { ComplianceStatus, HouseCheckResult, RentalHouseEventReason } from '../entities/enums';
import { BadUserInputError, NotFoundError } from '../errors';
import { translateDbError } from './db-errors';
import { pointInScope } from './geometry.service';
import { paginate, type Connection, type PageArgs } from './pagination';
import type { ScopedDb } from './scoped-db';
import { applyScope, scopeSql, scopeWhere } from './scope';
import { applyPointFilter, type PointFilter } from './spatial-filter';
import { optionalText, trimmed } from './text';

export interface RentalHouseFilter extends PointFilter {
  /** true: houses with at least one active camera registered to them; false: houses without (R2, R5). */
  hasActiveCamera?: boolean | null;
  /** Houses whose compliance status is one of these. */
  complianceStatus?: ComplianceStatus[] | null;
}

/** A ward's check of a rental house (R2, R5). */
export interface RentalHouseCheck {
  rentalHouseId: number;
  result: HouseCheckResult;
  note?: string | null;
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

export class RentalHouseService {
  constructor(private readonly db: ScopedDb) {}

  /** One rental house in the user's scope; NOT_FOUND otherwise (another ward's looks like none). */
  async get(id: number, m?: EntityManager): Promise<RentalHouse> {
    const house = await (m ?? (await this.db.manager())).getRepository(RentalHouse).findOneBy({ ...scopeWhere(this.db), id });
    if (!house) throw new NotFoundError('RentalHouse', id);
    return house;
  }

  async list(filter: RentalHouseFilter | null | undefined, page: PageArgs): Promise<Connection<RentalHouse>> {
    const m = await this.db.manager();
    const qb = m.getRepository(RentalHouse).createQueryBuilder('h');
    applyScope(qb, 'h', this.db.scope);
    const distance = await applyPointFilter(m, qb, 'h', filter, this.db.scope);
    if (filter?.hasActiveCamera === true) qb.andWhere(HAS_ACTIVE_CAMERA);
    if (filter?.hasActiveCamera === false) qb.andWhere(`NOT ${HAS_ACTIVE_CAMERA}`);
    if (filter?.complianceStatus?.length) qb.andWhere('h.compliance_status IN (:...complianceStatus)', { complianceStatus: filter.complianceStatus });
    return paginate(qb, 'h', distance, page, filter);
  }

  /** Rental houses by id, in the order asked; undefined for one outside the scope (batched per request). */
  async byIds(ids: readonly number[]): Promise<(RentalHouse | undefined)[]> {
    const rows = await (await this.db.manager()).getRepository(RentalHouse).findBy({ ...scopeWhere(this.db), id: In([...ids]) });
    const byId = new Map(rows.map((h) => [h.id, h]));
    return ids.map((id) => byId.get(id));
  }

  /** The status history of each house, oldest first (batched per request). */
  async historyOf(houseIds: readonly number[]): Promise<RentalHouseEvent[][]> {
    const rows = await (await this.db.manager()).getRepository(RentalHouseEvent).find({
      where: { ...scopeWhere(this.db), rentalHouseId: In([...houseIds]) },
      order: { at: 'ASC', id: 'ASC' },
    });
    return houseIds.map((id) => rows.filter((e) => e.rentalHouseId === id));
  }

  /**
   * Records a ward's check of a house: CAMERA_WORKING (an active camera registered to the house was
   * seen working) makes it CAMERA_VERIFIED; CAMERA_NOT_WORKING or NO_CAMERA make it NON_COMPLIANT.
   * The database turns the event into the house's status.
   */
  async recordCheck(input: RentalHouseCheck): Promise<RentalHouse> {
    const note = optionalText(input.note, 'input.note', 2000);
    return this.db.transaction(async (m) => {
      const house = await m.getRepository(RentalHouse).findOne({
        where: { ...scopeWhere(this.db), id: input.rentalHouseId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!house) throw new NotFoundError('RentalHouse', input.rentalHouseId, 'input.rentalHouseId');
      const [camera]: { id: number }[] = await m.query(
        `SELECT c.id FROM camera c WHERE c.rental_house_id = $1 AND c.status = 'active' ORDER BY c.id LIMIT 1`,
        [house.id],
      );
      const working = input.result === HouseCheckResult.CAMERA_WORKING;
      if (working && !camera) {
        throw new BadUserInputError('input.result', `rental house ${house.id} has no active camera registered to it: register one first`);
      }
      try {
        await m.getRepository(RentalHouseEvent).insert({
          rentalHouseId: house.id,
          status: working ? ComplianceStatus.CAMERA_VERIFIED : ComplianceStatus.NON_COMPLIANT,
          reason: working ? RentalHouseEventReason.CHECK_PASSED : RentalHouseEventReason.CHECK_FAILED,
          cameraId: input.result === HouseCheckResult.NO_CAMERA ? null : (camera?.id ?? null),
          note,
        });
      } catch (err) {
        translateDbError(err, { rental_house_event_note_check: 'input.note' });
      }
      return this.get(house.id, m);
    });
  }

  /** Whether each house has an active camera registered to it (batched per request). */
  async hasActiveCamera(houseIds: readonly number[]): Promise<boolean[]> {
    const { districtId, wardId } = this.db.scope;
    const rows: { id: number; has: boolean }[] = await this.db.query(
      `SELECT h.id, ww_has_active_camera(h.id) AS has FROM rental_house h
        WHERE h.id = ANY($1::int[]) AND ${scopeSql('h', '$2', '$3')}`,
      [houseIds, districtId, wardId],
    );
    const has = new Map(rows.map((r) => [r.id, r.has]));
    return houseIds.map((id) => has.get(id) ?? false);
  }

  async register(input: RentalHouseFields & { address: string; ownerName: string; rooms: number; location: unknown }): Promise<RentalHouse> {
    return this.db.transaction(async (m) => {
      const { point: location, districtId } = await pointInScope(m, this.db.scope, input.location, 'input.location');
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
    return this.db.transaction(async (m) => {
      const house = await m.getRepository(RentalHouse).findOne({ where: { ...scopeWhere(this.db), id }, lock: { mode: 'pessimistic_write' } });
      if (!house) throw new NotFoundError('RentalHouse', id);
      const changes: Partial<RentalHouse> = {};
      if (input.location != null) {
        const placed = await pointInScope(m, this.db.scope, input.location, 'input.location');
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
