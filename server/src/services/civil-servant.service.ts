import type { EntityManager } from 'typeorm';
import { QueryFailedError } from 'typeorm';
import { Camera, CivilServant, CivilServantCheck } from '../entities';
import { CameraStatus, CivilServantCheckResult, OwnerKind } from '../entities/enums';
import { BadUserInputError, NotFoundError } from '../errors';
import { translateDbError } from './db-errors';
import { pointInScope } from './geometry.service';
import { paginate, type Connection, type PageArgs } from './pagination';
import type { ScopedDb } from './scoped-db';
import { applyScope, scopeSql, scopeWhere } from './scope';
import { assertWardInScope } from './ward.service';
import { optionalText, trimmed } from './text';

/** The farthest a home camera may stand from the home it watches (R4, R6). */
export const HOME_CAMERA_MAX_METRES = 150;
/** How far in the future a check's time may lie (clock skew), as the database's CHECK allows. */
const CHECK_CLOCK_SKEW = `interval '5 minutes'`;

export interface CivilServantFilter {
  unitId?: number | null;
  wardId?: number | null;
  /** true: home camera verified and ACTIVE; false: not. */
  verified?: boolean | null;
  /** Part of the name or position (open fields only: never the personal ones). */
  search?: string | null;
}

export interface CivilServantFields {
  unitId?: number | null;
  fullName?: string | null;
  position?: string | null;
  phone?: string | null;
  homeAddress?: string | null;
  location?: unknown;
}

export interface CivilServantCheckFields {
  civilServantId: number;
  result: CivilServantCheckResult;
  checkedAt?: Date | null;
  checkedBy?: string | null;
  note?: string | null;
}

const FIELD_OF_CONSTRAINT: Record<string, string> = {
  ww_location_inside_district: 'input.location',
  ww_civil_servant_unit: 'input.unitId',
  civil_servant_unit_id_fkey: 'input.unitId',
  civil_servant_full_name_check: 'input.fullName',
  civil_servant_position_check: 'input.position',
  civil_servant_phone_check: 'input.phone',
  civil_servant_home_address_check: 'input.homeAddress',
};

const CHECK_FIELD_OF_CONSTRAINT: Record<string, string> = {
  civil_servant_check_checked_by_check: 'input.checkedBy',
  civil_servant_check_note_check: 'input.note',
  civil_servant_check_result_check: 'input.result',
  civil_servant_check_check: 'input.checkedAt',
  ww_civil_servant_check_parent: 'input.civilServantId',
};

/** The verified rule as SQL over a civil servant `s` (the same as Unit's figures count). */
const VERIFIED = `(s.verified_since IS NOT NULL AND EXISTS (SELECT 1 FROM camera c WHERE c.id = s.camera_id AND c.status = 'active'))`;

/** A LIKE pattern matching `text` anywhere, with LIKE's own characters taken literally. */
function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export class CivilServantService {
  constructor(private readonly db: ScopedDb) {}

  /** One civil servant in the user's scope; NOT_FOUND (naming `field`) otherwise: another ward's looks like none. */
  async get(id: number, m?: EntityManager, field = 'id'): Promise<CivilServant> {
    const s = await (m ?? (await this.db.manager())).getRepository(CivilServant).findOneBy({ ...scopeWhere(this.db), id });
    if (!s) throw new NotFoundError('CivilServant', id, field);
    return s;
  }

  private async forUpdate(m: EntityManager, id: number, field: string): Promise<CivilServant> {
    const s = await m.getRepository(CivilServant).findOne({ where: { ...scopeWhere(this.db), id }, lock: { mode: 'pessimistic_write' } });
    if (!s) throw new NotFoundError('CivilServant', id, field);
    return s;
  }

  async list(filter: CivilServantFilter | null | undefined, page: PageArgs): Promise<Connection<CivilServant>> {
    const m = await this.db.manager();
    const qb = m.getRepository(CivilServant).createQueryBuilder('s');
    applyScope(qb, 's', this.db.scope);
    if (filter?.unitId != null) {
      await this.assertUnit(m, filter.unitId, 'filter.unitId', true);
      qb.andWhere('s.unit_id = :unitId', { unitId: filter.unitId });
    }
    if (filter?.wardId != null) {
      await assertWardInScope(m, this.db.scope, filter.wardId, 'filter.wardId');
      qb.andWhere('s.ward_id = :wardId', { wardId: filter.wardId });
    }
    if (filter?.verified === true) qb.andWhere(VERIFIED);
    if (filter?.verified === false) qb.andWhere(`NOT ${VERIFIED}`);
    const search = filter?.search?.trim();
    if (search) qb.andWhere(`(s.full_name ILIKE :search OR s.position ILIKE :search)`, { search: containing(search) });
    return paginate(qb, 's', null, page, filter);
  }

  /** The unit must be the district's: BAD_USER_INPUT naming `field` (NOT_FOUND for a filter). */
  private async assertUnit(m: EntityManager, unitId: number, field: string, notFound = false): Promise<void> {
    const [row] = await m.query(`SELECT 1 FROM unit u WHERE u.id = $1 AND u.district_id = $2`, [unitId, this.db.scope.districtId]);
    if (row) return;
    if (notFound) throw new NotFoundError('Unit', unitId, field);
    throw new BadUserInputError(field, `unit ${unitId} is not a unit of your district`);
  }

  /**
   * Registers a civil servant: the database places them in the ward of their home (a ward chair:
   * only in their own, else FORBIDDEN naming input.location).
   */
  async register(input: CivilServantFields & { unitId: number; fullName: string; homeAddress: string; location: unknown }): Promise<CivilServant> {
    return this.db.transaction(async (m) => {
      const fullName = trimmed(input.fullName, 'input.fullName', 2);
      const homeAddress = trimmed(input.homeAddress, 'input.homeAddress', 3);
      const { point: location, districtId } = await pointInScope(m, this.db.scope, input.location, 'input.location');
      await this.assertUnit(m, input.unitId, 'input.unitId');
      let id: number;
      try {
        const result = await m.getRepository(CivilServant).insert({
          districtId,
          unitId: input.unitId,
          fullName,
          position: optionalText(input.position),
          phone: optionalText(input.phone),
          homeAddress,
          location,
        });
        id = result.identifiers[0].id as number;
      } catch (err) {
        translateDbError(err, FIELD_OF_CONSTRAINT);
      }
      return this.get(id, m);
    });
  }

  /** Changes a civil servant; a new home is placed again, and must stay within reach of a linked camera. */
  async update(id: number, input: CivilServantFields): Promise<CivilServant> {
    return this.db.transaction(async (m) => {
      const s = await this.forUpdate(m, id, 'id');
      const changes: Partial<CivilServant> = {};
      if (input.fullName != null) changes.fullName = trimmed(input.fullName, 'input.fullName', 2);
      if (input.homeAddress != null) changes.homeAddress = trimmed(input.homeAddress, 'input.homeAddress', 3);
      if (input.position !== undefined) changes.position = optionalText(input.position);
      if (input.phone !== undefined) changes.phone = optionalText(input.phone);
      if (input.unitId != null && input.unitId !== s.unitId) {
        await this.assertUnit(m, input.unitId, 'input.unitId');
        changes.unitId = input.unitId;
      }
      if (input.location != null) {
        const placed = await pointInScope(m, this.db.scope, input.location, 'input.location');
        if (s.cameraId != null) await this.assertCameraReaches(m, s.cameraId, placed.point.coordinates, placed.wardId);
        changes.location = placed.point;
        changes.districtId = placed.districtId;
      }
      if (Object.keys(changes).length > 0) {
        try {
          await m.getRepository(CivilServant).update({ id }, changes);
        } catch (err) {
          translateDbError(err, FIELD_OF_CONSTRAINT);
        }
      }
      return this.get(id, m);
    });
  }

  /** A new home must keep its linked camera in the same ward and within reach; else BAD_USER_INPUT input.location. */
  private async assertCameraReaches(m: EntityManager, cameraId: number, [lon, lat]: number[], wardId: number | null): Promise<void> {
    const [row] = await m.query(
      `SELECT c.ward_id AS "wardId", ST_Distance(c.location::geography, ST_SetSRID(ST_MakePoint($2, $3), 4326)::geography) AS metres
         FROM camera c WHERE c.id = $1`,
      [cameraId, lon, lat],
    );
    if (!row || row.wardId !== wardId || row.metres > HOME_CAMERA_MAX_METRES) {
      throw new BadUserInputError(
        'input.location',
        `the new home is out of reach of its home camera ${cameraId} (${HOME_CAMERA_MAX_METRES} m, same ward): unlink the camera first`,
      );
    }
  }

  /**
   * Links a home camera to a civil servant (null: unlinks it). The camera must be in the user's
   * scope, of owner kind CIVIL_SERVANT, not decommissioned, in the home's ward, within 150 m of the
   * home (geodesic metres), and not another servant's: else BAD_USER_INPUT naming cameraId, and
   * nothing is written. A different camera needs its own check: the database clears verifiedSince.
   */
  async linkHomeCamera(civilServantId: number, cameraId: number | null | undefined): Promise<CivilServant> {
    return this.db.transaction(async (m) => {
      const s = await this.forUpdate(m, civilServantId, 'civilServantId');
      const next = cameraId ?? null;
      if (next === s.cameraId) return s;
      if (next !== null) {
        const { districtId, wardId } = this.db.scope;
        const [c] = await m.query(
          `SELECT c.owner_kind AS "ownerKind", c.status, c.ward_id AS "wardId",
                  ST_Distance(c.location::geography, s.location::geography) AS metres,
                  EXISTS (SELECT 1 FROM civil_servant x WHERE x.camera_id = c.id AND x.id <> s.id) AS "linkedElsewhere"
             FROM camera c, civil_servant s
            WHERE c.id = $1 AND s.id = $2 AND ${scopeSql('c', '$3', '$4')}`,
          [next, s.id, districtId, wardId],
        );
        const refuse = (why: string) => new BadUserInputError('cameraId', why);
        if (!c) throw refuse(`camera ${next} was not found`);
        if (c.ownerKind !== OwnerKind.CIVIL_SERVANT) throw refuse(`camera ${next} is not a civil servant's camera (owner kind CIVIL_SERVANT)`);
        if (c.status === CameraStatus.DECOMMISSIONED) throw refuse(`camera ${next} is decommissioned`);
        if (c.wardId !== s.wardId) throw refuse(`camera ${next} stands in another ward than the home`);
        if (c.metres > HOME_CAMERA_MAX_METRES) {
          throw refuse(`camera ${next} is ${Math.round(c.metres)} m from the home; a home camera stands within ${HOME_CAMERA_MAX_METRES} m`);
        }
        if (c.linkedElsewhere) throw refuse(`camera ${next} is already another civil servant's home camera`);
      }
      try {
        await m.query(`UPDATE civil_servant SET camera_id = $1 WHERE id = $2`, [next, s.id]);
      } catch (err) {
        // Linked to a servant this user cannot see (another ward's): the unique key says so.
        const e = err instanceof QueryFailedError ? (err.driverError as { code?: string; constraint?: string }) : undefined;
        if (e?.code === '23505') throw new BadUserInputError('cameraId', `camera ${next} is already another civil servant's home camera`);
        translateDbError(err, { civil_servant_camera_id_fkey: 'cameraId' });
      }
      return this.get(s.id, m);
    });
  }

  /**
   * Records the ward's check of a servant's home camera. The database names the servant's current
   * camera on the check (a trigger: the app may not write civil_servant_check.camera_id) and derives
   * verifiedSince from the checks (re-read here). Only checks made since the camera was linked count
   * (ww_civil_servant_verified), so a WORKING check dated before the link is refused: it would be
   * recorded and never count.
   */
  async recordCheck(input: CivilServantCheckFields): Promise<CivilServant> {
    return this.db.transaction(async (m) => {
      const s = await this.forUpdate(m, input.civilServantId, 'input.civilServantId');
      const viewer = this.db.viewer!;
      const checkedBy = trimmed(input.checkedBy ?? viewer.displayName.slice(0, 120), 'input.checkedBy', 2);
      const [when]: { future: boolean; early: boolean; beforeLink: boolean; linkedAt: Date | null }[] = await m.query(
        `SELECT $1::timestamptz > now() + ${CHECK_CLOCK_SKEW} AS future, $1::timestamptz < $2::timestamptz AS early,
                coalesce($1::timestamptz, now()) < s.camera_linked_at AS "beforeLink", s.camera_linked_at AS "linkedAt"
           FROM civil_servant s WHERE s.id = $3`,
        [input.checkedAt ?? null, s.createdAt, s.id],
      );
      if (when.future) throw new BadUserInputError('input.checkedAt', 'is in the future');
      if (when.early) throw new BadUserInputError('input.checkedAt', `is before the civil servant was registered (${s.createdAt.toISOString()})`);
      if (input.result === CivilServantCheckResult.WORKING) {
        const [camera] = s.cameraId == null ? [] : await m.getRepository(Camera).findBy({ ...scopeWhere(this.db), id: s.cameraId });
        if (!camera) throw new BadUserInputError('input.result', 'WORKING needs a linked home camera: link one first');
        if (camera.status !== CameraStatus.ACTIVE) throw new BadUserInputError('input.result', `WORKING needs an ACTIVE home camera (camera ${camera.id} is ${camera.status.toUpperCase()})`);
        if (when.beforeLink) {
          throw new BadUserInputError(
            'input.checkedAt',
            `is before home camera ${camera.id} was linked (${when.linkedAt!.toISOString()}): a WORKING check counts only from then`,
          );
        }
      }
      try {
        await m.query(
          `INSERT INTO civil_servant_check (civil_servant_id, result, checked_at, checked_by, note)
           VALUES ($1, $2, coalesce($3::timestamptz, now()), $4, $5)`,
          [s.id, input.result, input.checkedAt ?? null, checkedBy, optionalText(input.note)],
        );
      } catch (err) {
        translateDbError(err, CHECK_FIELD_OF_CONSTRAINT);
      }
      return this.get(s.id, m);
    });
  }

  /** Each servant's checks, newest first (batched per request). */
  async checksOf(servantIds: readonly number[]): Promise<CivilServantCheck[][]> {
    const qb = (await this.db.manager()).getRepository(CivilServantCheck).createQueryBuilder('k')
      .where('k.civil_servant_id = ANY(:ids)', { ids: servantIds })
      .orderBy('k.checked_at', 'DESC')
      .addOrderBy('k.id', 'DESC');
    const rows = await applyScope(qb, 'k', this.db.scope).getMany();
    return servantIds.map((id) => rows.filter((k) => k.civilServantId === id));
  }

  /** Each servant's latest check, or null (batched per request). */
  async lastCheckOf(servantIds: readonly number[]): Promise<(CivilServantCheck | null)[]> {
    const qb = (await this.db.manager()).getRepository(CivilServantCheck).createQueryBuilder('k')
      .where('k.civil_servant_id = ANY(:ids)', { ids: servantIds })
      .andWhere(`NOT EXISTS (SELECT 1 FROM civil_servant_check n WHERE n.civil_servant_id = k.civil_servant_id
                   AND (n.checked_at, n.id) > (k.checked_at, k.id))`);
    const rows = await applyScope(qb, 'k', this.db.scope).getMany();
    const byServant = new Map(rows.map((k) => [k.civilServantId, k]));
    return servantIds.map((id) => byServant.get(id) ?? null);
  }

  /** Home cameras by id (null: none, or out of scope), batched per request. */
  async camerasByIds(ids: readonly number[]): Promise<(Camera | null)[]> {
    const qb = (await this.db.manager()).getRepository(Camera).createQueryBuilder('c').where('c.id = ANY(:ids)', { ids });
    const rows = await applyScope(qb, 'c', this.db.scope).getMany();
    const byId = new Map(rows.map((c) => [c.id, c]));
    return ids.map((id) => byId.get(id) ?? null);
  }
}
