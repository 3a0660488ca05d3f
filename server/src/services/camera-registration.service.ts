import type { Geometry, Point } from 'geojson';
import { In, type EntityManager } from 'typeorm';
import { CAMERA_TYPE_DEFAULTS } from '../../../shared/camera';
import { validateGeometry } from '../../../shared/geo/validate-geometry';
import type { Config } from '../config';
import { Camera } from '../entities';
import { CameraRegistration, RegistrationState } from '../entities/camera-registration';
import { CameraType, OwnerKind, PoliceAccess } from '../entities/enums';
import { BadUserInputError, NotFoundError, TooManyRequestsError } from '../errors';
import { translateDbError } from './db-errors';
import { paginate, type Connection, type PageArgs } from './pagination';
import { unscopedTransaction, type ScopedDb } from './scoped-db';
import { applyScope, scopeWhere } from './scope';
import { optionalText, trimmed } from './text';
import { assertWardInScope } from './ward.service';

/** What an owner submits on the public page. Limits live on the GraphQL input; the database holds them again. */
export interface RegistrationSubmission {
  location: unknown;
  type: CameraType;
  ownerKind: OwnerKind;
  bearing?: number | null;
  fieldOfView?: number | null;
  rangeMeters?: number | null;
  ownerName: string;
  ownerPhone: string;
  ownerEmail?: string | null;
  address: string;
  policeAccess: PoliceAccess;
  consentToContact: boolean;
}

/** What the owner gets back: the reference to keep, where it was placed, and what they registered. */
export interface RegistrationReceipt {
  reference: string;
  state: RegistrationState;
  submittedAt: Date;
  wardName: string;
  residentialGroupName: string | null;
  districtName: string;
  longitude: number;
  latitude: number;
  type: CameraType;
  ownerKind: OwnerKind;
  bearing: number;
  fieldOfView: number;
  rangeMeters: number;
  policeAccess: PoliceAccess;
}

/** All the public learns of a registration from its reference and phone number. */
export interface RegistrationStatus {
  reference: string;
  state: RegistrationState;
  submittedAt: Date;
  decidedAt: Date | null;
  reviewNote: string | null;
  wardName: string;
}

/** The public page's map: the wards' names and outlines, and their extent. */
export interface RegistrationArea {
  wards: Array<{ code: string; name: string; districtName: string; boundary: Geometry }>;
  bbox: [number, number, number, number] | null;
}

/** Who is asking, for the rate limit: an address (anonymous) or a user. */
export interface Requester {
  key: string;
  config: Config;
}

export const REGISTRATION_LIMITS = {
  ownerName: { min: 2, max: 200 },
  address: { min: 5, max: 300 },
  ownerEmail: 254,
  reviewNote: 1000,
  reason: { min: 3, max: 1000 },
  reference: 40,
  phone: 40,
} as const;

/** Status look-ups an hour per address (or user), and in all: a reference has 50 random bits, but nobody needs more. */
export const STATUS_LOOKUPS_PER_HOUR = { perKey: 30, total: 3000 } as const;

const HOUR_MS = 3_600_000;

const FIELD_OF_CONSTRAINT: Record<string, string> = {
  ww_location_inside_district: 'input.location',
  camera_registration_bearing_check: 'input.bearing',
  camera_registration_field_of_view_check: 'input.fieldOfView',
  camera_registration_range_m_check: 'input.rangeMeters',
  camera_registration_camera_type_check: 'input.type',
  camera_registration_owner_kind_check: 'input.ownerKind',
  camera_registration_owner_name_check: 'input.ownerName',
  camera_registration_owner_phone_check: 'input.ownerPhone',
  camera_registration_owner_email_check: 'input.ownerEmail',
  camera_registration_address_check: 'input.address',
  camera_registration_police_access_check: 'input.policeAccess',
  camera_registration_review_note_check: 'input.note',
  camera_registration_rejected: 'reason',
  ww_camera_registration_decided: 'id',
  ww_camera_registration_review: 'id',
  ww_camera_registration_camera: 'id',
  camera_bearing_check: 'input.bearing',
};

/**
 * A sliding one-hour window per key and for everyone: `take` reserves a slot at once (so requests
 * sent together cannot all slip under the limit) and returns its release, for an attempt that
 * turned out to write nothing.
 */
export class HourlyLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly perKey: number,
    private readonly total: number,
    private readonly what: string,
    private readonly now: () => number = Date.now,
  ) {}

  take(key: string): () => void {
    const t = this.now();
    const mine = this.recent(key, t);
    const all = this.recent('*', t);
    if (mine.length >= this.perKey) {
      throw new TooManyRequestsError(`More than ${this.perKey} ${this.what} an hour from this address; try again later`, this.wait(mine, t));
    }
    if (all.length >= this.total) {
      throw new TooManyRequestsError(`The server takes no more ${this.what} this hour; try again later`, this.wait(all, t));
    }
    mine.push(t);
    all.push(t);
    if (this.hits.size > 10_000) this.prune(t);
    return () => {
      for (const list of [mine, all]) {
        const i = list.lastIndexOf(t);
        if (i >= 0) list.splice(i, 1);
      }
    };
  }

  private recent(key: string, t: number): number[] {
    let list = this.hits.get(key);
    if (!list) this.hits.set(key, (list = []));
    while (list.length > 0 && list[0]! <= t - HOUR_MS) list.shift();
    return list;
  }

  private wait(list: number[], t: number): number {
    return Math.max(1, Math.ceil((list[0]! + HOUR_MS - t) / 1000));
  }

  private prune(t: number): void {
    for (const [k, list] of this.hits) if (k !== '*' && (list.length === 0 || list[list.length - 1]! <= t - HOUR_MS)) this.hits.delete(k);
  }
}

/** One pair of limiters per running server (its Config object), shared by all its requests. */
const limiters = new WeakMap<Config, { submissions: HourlyLimiter; lookups: HourlyLimiter }>();

function limitersOf(config: Config) {
  let l = limiters.get(config);
  if (!l) {
    l = {
      submissions: new HourlyLimiter(config.registrationsPerHour, config.registrationsPerHourTotal, 'camera registrations'),
      lookups: new HourlyLimiter(STATUS_LOOKUPS_PER_HOUR.perKey, STATUS_LOOKUPS_PER_HOUR.total, 'status look-ups'),
    };
    limiters.set(config, l);
  }
  return l;
}

/** The reference as the owner may type it: spaces, dashes and lower case are forgiven. */
export function normaliseReference(text: string): string {
  return text.replace(/[^0-9A-Za-z]/g, '').toUpperCase();
}

/**
 * Owners' self-registration (R1): the public's submission and status look-up, and the ward's review
 * queue.
 *
 * The public operations have no viewer, so no scope: they run in a short transaction of their own
 * as the app role with no scope setting at all (row-level security then opens nothing), and call
 * the database's SECURITY DEFINER functions, which do one narrow thing each. A signed-in caller
 * uses the request's own transaction instead (the embedded database has one connection: a second
 * transaction would wait for the request's). Both are rate-limited per address (per user when
 * signed in) and in all.
 *
 * The review (ADMIN, WARD_CHAIR in their ward) locks the registration, checks it is pending, and
 * approves it (the camera is made from it in the same transaction, its status event marked
 * 'registration') or rejects it with a reason.
 */
export class CameraRegistrationService {
  constructor(private readonly db: ScopedDb) {}

  // ------------------------------------------------------------------ public

  async submit(input: RegistrationSubmission, who: Requester): Promise<RegistrationReceipt> {
    const problem = validateGeometry(input.location, ['Point']);
    if (problem) throw new BadUserInputError(problem.path ? `input.location.${problem.path}` : 'input.location', problem.message);
    const [longitude, latitude] = (input.location as Point).coordinates as [number, number];
    if (input.ownerKind === OwnerKind.PUBLIC) {
      throw new BadUserInputError('input.ownerKind', "a public place's camera is registered by the ward, not on this page");
    }
    if (input.consentToContact !== true) {
      throw new BadUserInputError('input.consentToContact', 'the ward needs your consent to use these details to review the registration');
    }
    const L = REGISTRATION_LIMITS;
    const ownerName = trimmed(input.ownerName, 'input.ownerName', L.ownerName.min);
    const address = trimmed(input.address, 'input.address', L.address.min);
    const ownerPhone = input.ownerPhone.trim();
    const ownerEmail = optionalText(input.ownerEmail, 'input.ownerEmail', L.ownerEmail);
    const defaults = CAMERA_TYPE_DEFAULTS[input.type];
    const fieldOfView = input.fieldOfView ?? defaults.fieldOfView;
    const values = {
      bearing: fieldOfView >= 360 ? 0 : (input.bearing ?? 0),
      fieldOfView,
      rangeMeters: input.rangeMeters ?? defaults.rangeMeters,
    };

    const release = limitersOf(who.config).submissions.take(who.key);
    let row: { reference: string; state: RegistrationState; submitted_at: Date; ward_name: string; residential_group_name: string | null; district_name: string };
    try {
      [row] = await this.asPublic(
        `SELECT * FROM ww_submit_camera_registration($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [longitude, latitude, values.bearing, values.fieldOfView, values.rangeMeters, input.type, input.ownerKind,
          ownerName, ownerPhone, ownerEmail, address, input.policeAccess],
      );
    } catch (err) {
      release(); // nothing was written: the attempt does not count
      translateDbError(err, FIELD_OF_CONSTRAINT);
    }
    return {
      reference: row.reference,
      state: row.state,
      submittedAt: row.submitted_at,
      wardName: row.ward_name,
      residentialGroupName: row.residential_group_name,
      districtName: row.district_name,
      longitude,
      latitude,
      type: input.type,
      ownerKind: input.ownerKind,
      ...values,
      policeAccess: input.policeAccess,
    };
  }

  /** The registration whose reference and phone number both match, or null (the same answer for either wrong). */
  async status(reference: string, phone: string, who: Requester): Promise<RegistrationStatus | null> {
    if (reference.length > REGISTRATION_LIMITS.reference) throw new BadUserInputError('reference', `must be at most ${REGISTRATION_LIMITS.reference} characters`);
    if (phone.length > REGISTRATION_LIMITS.phone) throw new BadUserInputError('phone', `must be at most ${REGISTRATION_LIMITS.phone} characters`);
    if (normaliseReference(reference).length !== 10) throw new BadUserInputError('reference', 'must be the 10 letters and digits of the reference');
    if (phone.replace(/\D/g, '').length < 9) throw new BadUserInputError('phone', 'must be the phone number given with the registration');
    limitersOf(who.config).lookups.take(who.key);
    const [row] = await this.asPublic(`SELECT * FROM ww_camera_registration_status($1, $2)`, [reference, phone]);
    if (!row) return null;
    return {
      reference: row.reference,
      state: row.state,
      submittedAt: row.submitted_at,
      decidedAt: row.decided_at,
      reviewNote: row.review_note,
      wardName: row.ward_name,
    };
  }

  async area(): Promise<RegistrationArea> {
    const [row] = await this.asPublic(`SELECT ww_registration_area() AS area`, []);
    const area = typeof row.area === 'string' ? JSON.parse(row.area) : row.area;
    return area as RegistrationArea;
  }

  /**
   * A statement for the public: in the request's transaction for a signed-in caller; otherwise in a
   * short transaction as the app role with no scope (row-level security opens nothing to it).
   */
  private async asPublic<T = any>(sql: string, params: unknown[]): Promise<T[]> { // eslint-disable-line @typescript-eslint/no-explicit-any
    if (this.db.viewer) return this.db.transaction((m) => m.query(sql, params));
    return unscopedTransaction(this.db.dataSource, (m) => m.query(sql, params), { timeout: '10s' });
  }

  // ------------------------------------------------------------------ the ward's review

  /** One registration in the user's scope; NOT_FOUND otherwise (another ward's looks like none). */
  async get(id: number, m?: EntityManager): Promise<CameraRegistration> {
    const found = await (m ?? (await this.db.manager())).getRepository(CameraRegistration).findOneBy({ ...scopeWhere(this.db), id });
    if (!found) throw new NotFoundError('CameraRegistration', id);
    return found;
  }

  /** The queue: registrations in the user's scope (one ward's, one state's), oldest first. */
  async list(state: RegistrationState | null | undefined, wardId: number | null | undefined, page: PageArgs): Promise<Connection<CameraRegistration>> {
    const m = await this.db.manager();
    const qb = m.getRepository(CameraRegistration).createQueryBuilder('r');
    applyScope(qb, 'r', this.db.scope);
    if (wardId != null) {
      await assertWardInScope(m, this.db.scope, wardId, 'wardId');
      qb.andWhere('r.ward_id = :wardId', { wardId });
    }
    if (state) qb.andWhere('r.state = :state', { state });
    return paginate(qb, 'r', null, page, { cameraRegistrations: { state: state ?? null, wardId: wardId ?? null } });
  }

  /** The cameras approvals made (batched per request; null for one out of scope). */
  async camerasByIds(ids: readonly number[]): Promise<Array<Camera | null>> {
    const rows = await (await this.db.manager()).getRepository(Camera).findBy({ ...scopeWhere(this.db), id: In([...ids]) });
    return ids.map((id) => rows.find((c) => c.id === id) ?? null);
  }

  /**
   * PENDING -> APPROVED: creates the ACTIVE camera from the registration (with the bearing the ward
   * settled on, if it changed it) in the same transaction; its status history says 'registration'.
   */
  async approve(id: number, input: { bearing?: number | null; note?: string | null } | null | undefined): Promise<CameraRegistration> {
    const note = optionalText(input?.note, 'input.note', REGISTRATION_LIMITS.reviewNote);
    return this.db.transaction(async (m) => {
      const reg = await this.pending(m, id);
      const bearing = input?.bearing ?? reg.bearing;
      try {
        // HEALTH's camera_status_event records why the camera's status came to be.
        await m.query(`SELECT set_config('ww.status_reason', 'registration', true)`);
        const [camera]: { id: number }[] = await m.query(
          `INSERT INTO camera (district_id, label, location, bearing, field_of_view, range_m, camera_type, owner_kind,
                               owner_name, owner_phone, police_access, status)
           SELECT r.district_id, 'Đăng ký ' || r.reference, r.location, CASE WHEN r.field_of_view >= 360 THEN 0 ELSE $2 END,
                  r.field_of_view, r.range_m, r.camera_type, r.owner_kind, r.owner_name, r.owner_phone, r.police_access, 'active'
             FROM camera_registration r WHERE r.id = $1
           RETURNING id`,
          [id, bearing],
        );
        await m.query(`SELECT set_config('ww.status_reason', '', true)`);
        await m.query(`UPDATE camera_registration SET state = 'approved', camera_id = $2, review_note = $3 WHERE id = $1`, [id, camera!.id, note]);
      } catch (err) {
        translateDbError(err, FIELD_OF_CONSTRAINT);
      }
      return this.get(id, m);
    });
  }

  /** PENDING -> REJECTED, with the reason the owner will read. */
  async reject(id: number, reason: string): Promise<CameraRegistration> {
    const text = trimmed(reason, 'reason', REGISTRATION_LIMITS.reason.min);
    if (text.length > REGISTRATION_LIMITS.reason.max) {
      throw new BadUserInputError('reason', `must be at most ${REGISTRATION_LIMITS.reason.max} characters (got ${text.length})`);
    }
    return this.db.transaction(async (m) => {
      await this.pending(m, id);
      try {
        await m.query(`UPDATE camera_registration SET state = 'rejected', review_note = $2 WHERE id = $1`, [id, text]);
      } catch (err) {
        translateDbError(err, FIELD_OF_CONSTRAINT);
      }
      return this.get(id, m);
    });
  }

  /** The registration, locked, if it is in scope and still pending (NOT_FOUND, or BAD_USER_INPUT naming `id`). */
  private async pending(m: EntityManager, id: number): Promise<CameraRegistration> {
    const reg = await m.getRepository(CameraRegistration).findOne({ where: { ...scopeWhere(this.db), id }, lock: { mode: 'pessimistic_write' } });
    if (!reg) throw new NotFoundError('CameraRegistration', id);
    if (reg.state !== RegistrationState.PENDING) {
      throw new BadUserInputError('id', `camera registration ${id} is already ${reg.state}: only a pending one can be approved or rejected`);
    }
    return reg;
  }
}
