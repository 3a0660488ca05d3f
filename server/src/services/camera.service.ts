import type { EntityManager } from 'typeorm';
import { CAMERA_TYPE_DEFAULTS } from '../../../shared/camera';
import { Camera, RentalHouse } from '../entities';
import { CameraStatus, CameraType, NetworkOperator, OwnerKind, PoliceAccess } from '../entities/enums';
import { BadUserInputError, NotFoundError } from '../errors';
import { translateDbError } from './db-errors';
import { pointInScope } from './geometry.service';
import { paginate, type Connection, type PageArgs } from './pagination';
import type { ScopedDb } from './scoped-db';
import { applyScope, scopeWhere } from './scope';
import { applyPointFilter, type PointFilter } from './spatial-filter';

export interface CameraFilter extends PointFilter {
  status?: CameraStatus[] | null;
  ownerKind?: OwnerKind[] | null;
  type?: CameraType[] | null;
}

/** Fields a client may set when registering a camera (validated limits live on the GraphQL input). */
export interface CameraFields {
  label?: string | null;
  location?: unknown;
  bearing?: number | null;
  fieldOfView?: number | null;
  rangeMeters?: number | null;
  type?: CameraType | null;
  mountHeightMeters?: number | null;
  ownerKind?: OwnerKind | null;
  ownerName?: string | null;
  ownerPhone?: string | null;
  rentalHouseId?: number | null;
  networkOperator?: NetworkOperator | null;
  status?: CameraStatus | null;
  policeAccess?: PoliceAccess | null;
  installedOn?: string | null;
}

/** Maps database constraints to the input fields they guard. */
const FIELD_OF_CONSTRAINT: Record<string, string> = {
  ww_location_inside_district: 'input.location',
  camera_bearing_check: 'input.bearing',
  camera_field_of_view_check: 'input.fieldOfView',
  camera_range_m_check: 'input.rangeMeters',
  camera_mount_height_m_check: 'input.mountHeightMeters',
  camera_rental_house_id_fkey: 'input.rentalHouseId',
  camera_check: 'input.ownerKind',
};

export class CameraService {
  constructor(private readonly db: ScopedDb) {}

  /** One camera in the user's scope; NOT_FOUND otherwise (another ward's looks like none). */
  async get(id: number, m?: EntityManager): Promise<Camera> {
    const camera = await (m ?? (await this.db.manager())).getRepository(Camera).findOneBy({ ...scopeWhere(this.db), id });
    if (!camera) throw new NotFoundError('Camera', id);
    return camera;
  }

  private async forUpdate(m: EntityManager, id: number): Promise<Camera> {
    const camera = await m.getRepository(Camera).findOne({ where: { ...scopeWhere(this.db), id }, lock: { mode: 'pessimistic_write' } });
    if (!camera) throw new NotFoundError('Camera', id);
    return camera;
  }

  async list(filter: CameraFilter | null | undefined, page: PageArgs): Promise<Connection<Camera>> {
    const m = await this.db.manager();
    const qb = m.getRepository(Camera).createQueryBuilder('c');
    applyScope(qb, 'c', this.db.scope);
    const distance = await applyPointFilter(m, qb, 'c', filter, this.db.scope);
    if (filter?.status?.length) qb.andWhere('c.status IN (:...status)', { status: filter.status });
    if (filter?.ownerKind?.length) qb.andWhere('c.owner_kind IN (:...ownerKind)', { ownerKind: filter.ownerKind });
    if (filter?.type?.length) qb.andWhere('c.camera_type IN (:...cameraType)', { cameraType: filter.type });
    return paginate(qb, 'c', distance, page, filter);
  }

  /** Cameras registered to the given rental houses (batched per request). */
  async ofRentalHouses(houseIds: readonly number[]): Promise<Camera[][]> {
    const qb = (await this.db.manager()).getRepository(Camera).createQueryBuilder('c')
      .where('c.rental_house_id = ANY(:ids)', { ids: houseIds })
      .orderBy('c.id');
    const rows = await applyScope(qb, 'c', this.db.scope).getMany();
    return houseIds.map((id) => rows.filter((c) => c.rentalHouseId === id));
  }

  /**
   * Registers a camera. Field of view and range default per camera type (shared/camera.ts); its
   * ward, residential group and view sector are derived by the database in the same statement.
   */
  async register(input: CameraFields & { location: unknown; type: CameraType; ownerKind: OwnerKind }): Promise<Camera> {
    if (input.status === CameraStatus.DECOMMISSIONED) {
      throw new BadUserInputError('input.status', 'a new camera cannot be decommissioned');
    }
    return this.db.transaction(async (m) => {
      const { point: location, districtId, wardId } = await pointInScope(m, this.db.scope, input.location, 'input.location');
      const defaults = CAMERA_TYPE_DEFAULTS[input.type];
      const values: Partial<Camera> = {
        districtId,
        label: input.label ?? null,
        location,
        bearing: input.bearing ?? 0,
        fieldOfView: input.fieldOfView ?? defaults.fieldOfView,
        rangeMeters: input.rangeMeters ?? defaults.rangeMeters,
        type: input.type,
        mountHeightMeters: input.mountHeightMeters ?? null,
        ownerKind: input.ownerKind,
        ownerName: input.ownerName ?? null,
        ownerPhone: input.ownerPhone ?? null,
        rentalHouseId: input.rentalHouseId ?? null,
        networkOperator: input.networkOperator ?? NetworkOperator.NONE,
        status: input.status ?? CameraStatus.ACTIVE,
        policeAccess: input.policeAccess ?? PoliceAccess.NONE,
        installedOn: input.installedOn ?? null,
      };
      await this.checkConsistency(m, values, districtId, wardId);
      let id: number;
      try {
        const result = await m.getRepository(Camera).insert(values);
        id = result.identifiers[0].id as number;
      } catch (err) {
        translateDbError(err, FIELD_OF_CONSTRAINT);
      }
      return this.get(id, m);
    });
  }

  /** Changes a camera; moving it or changing its view recomputes its sector in the database. */
  async update(id: number, input: CameraFields): Promise<Camera> {
    return this.db.transaction(async (m) => {
      const camera = await this.forUpdate(m, id);
      if (camera.status === CameraStatus.DECOMMISSIONED) {
        throw new BadUserInputError('id', `camera ${id} is decommissioned and can no longer be changed`);
      }
      if (input.status === CameraStatus.DECOMMISSIONED) {
        throw new BadUserInputError('input.status', 'use decommissionCamera to decommission a camera');
      }
      const changes: Partial<Camera> = {};
      let districtId = camera.districtId;
      let wardId: number | null = camera.wardId;
      if (input.location != null) {
        const placed = await pointInScope(m, this.db.scope, input.location, 'input.location');
        districtId = placed.districtId;
        wardId = placed.wardId;
        changes.location = placed.point;
        changes.districtId = districtId;
      }
      const keys = [
        'label', 'bearing', 'fieldOfView', 'rangeMeters', 'type', 'mountHeightMeters', 'ownerKind', 'ownerName',
        'ownerPhone', 'rentalHouseId', 'networkOperator', 'status', 'policeAccess', 'installedOn',
      ] as const;
      const nonNullable = new Set(['bearing', 'fieldOfView', 'rangeMeters', 'type', 'ownerKind', 'networkOperator', 'status', 'policeAccess']);
      for (const k of keys) {
        const v = input[k];
        if (v === undefined) continue;
        if (v === null && nonNullable.has(k)) throw new BadUserInputError(`input.${k}`, 'cannot be null');
        (changes as Record<string, unknown>)[k] = v;
      }
      await this.checkConsistency(m, { ...camera, ...changes }, districtId, wardId);
      if (Object.keys(changes).length > 0) {
        try {
          await m.getRepository(Camera).update({ id }, changes);
        } catch (err) {
          translateDbError(err, FIELD_OF_CONSTRAINT);
        }
      }
      return this.get(id, m);
    });
  }

  /** Takes a camera out of service for good: it stays on record but never covers again. */
  async decommission(id: number): Promise<Camera> {
    return this.db.transaction(async (m) => {
      const camera = await this.forUpdate(m, id);
      if (camera.status === CameraStatus.DECOMMISSIONED) {
        throw new BadUserInputError('id', `camera ${id} is already decommissioned`);
      }
      await m.query(`UPDATE camera SET status = 'decommissioned', decommissioned_at = now() WHERE id = $1`, [id]);
      return this.get(id, m);
    });
  }

  /**
   * Rules across fields: a camera linked to a rental house is owned by it and stands in the house's
   * ward (so that whoever sees the house sees its camera: R2 and R5 hold in every ward's view).
   */
  private async checkConsistency(m: EntityManager, c: Partial<Camera>, districtId: number, wardId: number | null): Promise<void> {
    if (c.rentalHouseId != null) {
      const house = await m.getRepository(RentalHouse).findOneBy({ ...scopeWhere(this.db), id: c.rentalHouseId, districtId });
      if (!house) throw new NotFoundError('RentalHouse', c.rentalHouseId, 'input.rentalHouseId');
      if (c.ownerKind !== OwnerKind.RENTAL_HOUSE) {
        throw new BadUserInputError('input.ownerKind', 'must be RENTAL_HOUSE for a camera linked to a rental house');
      }
      if (wardId !== house.wardId) {
        throw new BadUserInputError('input.rentalHouseId', `the camera stands in another ward than rental house ${house.id}`);
      }
    }
  }
}
