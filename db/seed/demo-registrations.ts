import { CAMERA_TYPE_DEFAULTS } from '../../shared/camera';
import type { Queryable } from './demo-district';
import { asciiSlug, mobilePhone, personName, STREET_NAMES } from './names';
import { streamOf, type Random } from './random';

/**
 * Owners' self-registrations (R1) for the demo: a review queue with something in it.
 *
 * - PENDING ones across several wards, submitted in the last days (nothing of them covers);
 * - REJECTED ones with the ward's reason;
 * - APPROVED ones: each is the registration a demo camera came from (a household camera of its ward,
 *   same place, view and owner; approved by the ward's chair when the camera was registered), so the
 *   district's cameras and coverage are the plan's, exactly.
 *
 * The first four rows are ward P02's pending registrations, in this order: the authorisation matrix
 * (test/server/policy.test.ts) approves and rejects them as the ADMIN and as P02's chair. One
 * set-based statement; the references are drawn from the seed, so the demo is the same everywhere.
 */
interface DemoRegistration {
  ward_code: string;
  state: 'pending' | 'approved' | 'rejected';
  /** pending, rejected: the n-th residential group of the ward (by id) holds it; approved: the n-th household camera */
  pick: number;
  reference: string;
  camera_type: 'fixed' | 'dome' | 'ptz';
  owner_kind: 'household' | 'rental_house' | 'business';
  bearing: number;
  field_of_view: number;
  range_m: number;
  owner_name: string;
  owner_phone: string;
  owner_email: string | null;
  address: string;
  police_access: 'none' | 'on_request' | 'live';
  submitted_hours_ago: number;
  reviewed_hours_ago: number | null;
  review_note: string | null;
}

const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

const REJECTIONS = [
  'Vị trí này đã có camera của tổ dân phố quay cùng hướng; đề nghị liên hệ UBND phường để bổ sung thông tin.',
  'Không liên lạc được qua số điện thoại đã đăng ký để xác minh; đề nghị đăng ký lại với số điện thoại đúng.',
  'Camera hướng thẳng vào nhà bên cạnh; đề nghị điều chỉnh hướng và đăng ký lại.',
];

/** [ward code, state, pick] in insertion order (ids follow it). */
const ROWS: ReadonlyArray<[string, DemoRegistration['state'], number]> = [
  ['P02', 'pending', 0],
  ['P02', 'pending', 1],
  ['P02', 'pending', 2],
  ['P02', 'pending', 3],
  ['P01', 'pending', 0],
  ['P06', 'pending', 1],
  ['P07', 'pending', 2],
  ['P11', 'pending', 0],
  ['P02', 'rejected', 4],
  ['P05', 'rejected', 1],
  ['P10', 'rejected', 2],
  ['P01', 'approved', 0],
  ['P03', 'approved', 1],
  ['P04', 'approved', 0],
  ['P08', 'approved', 2],
  ['P12', 'approved', 1],
];

function reference(rng: Random): string {
  let s = '';
  for (let i = 0; i < 10; i++) s += ALPHABET[rng.int(0, ALPHABET.length - 1)];
  return s;
}

/**
 * The demo's registrations, decided by the seed alone; their references also by the district (a
 * second copy of the demo, as test/db/demo-district.test.ts makes, needs references of its own).
 */
export function demoRegistrations(seed: number, districtId: number): DemoRegistration[] {
  const rng = streamOf(seed, 'camera-registrations');
  const references = streamOf(seed, `camera-registration-references-${districtId}`);
  let rejected = 0;
  return ROWS.map(([ward_code, state, pick], i) => {
    const camera_type = rng.chance(0.75) ? 'fixed' : 'dome';
    const d = CAMERA_TYPE_DEFAULTS[camera_type];
    const owner_name = personName(rng);
    const submitted = state === 'pending' ? rng.int(2, 240) : rng.int(5 * 24, 40 * 24);
    return {
      ward_code,
      state,
      pick,
      reference: reference(references),
      camera_type,
      owner_kind: rng.chance(0.8) ? 'household' : rng.chance(0.5) ? 'business' : 'rental_house',
      bearing: camera_type === 'fixed' ? rng.int(0, 71) * 5 : 0,
      field_of_view: d.fieldOfView,
      range_m: d.rangeMeters,
      owner_name,
      owner_phone: mobilePhone(rng),
      owner_email: rng.chance(0.4) ? `${asciiSlug(owner_name)}${rng.int(10, 99)}@gmail.com` : null,
      address: `${rng.chance(0.3) ? `K${rng.int(10, 180)}/` : ''}${rng.int(1, 260)} ${rng.pick(STREET_NAMES)}`,
      police_access: rng.pick(['none', 'on_request', 'on_request', 'live'] as const),
      submitted_hours_ago: submitted,
      reviewed_hours_ago: state === 'rejected' ? submitted - rng.int(24, 96) : null,
      review_note: state === 'rejected' ? REJECTIONS[rejected++ % REJECTIONS.length]! : state === 'approved' && i % 2 === 0 ? 'Đã xác minh tại nhà.' : null,
    };
  });
}

/** Writes the demo registrations of a district (after its cameras and users); returns how many. */
export async function seedDemoRegistrations(m: Queryable, districtId: number, seed: number): Promise<number> {
  const rows = demoRegistrations(seed, districtId);
  const inserted: Array<{ id: number }> = await m.query(
    `WITH x AS (
       SELECT * FROM ROWS FROM (json_to_recordset($2::json) AS (
              ward_code text, state text, pick int, reference text, camera_type text, owner_kind text, bearing float8,
              field_of_view float8, range_m float8, owner_name text, owner_phone text, owner_email text, address text,
              police_access text, submitted_hours_ago float8, reviewed_hours_ago float8, review_note text))
              WITH ORDINALITY AS x(ward_code, state, pick, reference, camera_type, owner_kind, bearing, field_of_view, range_m,
              owner_name, owner_phone, owner_email, address, police_access, submitted_hours_ago, reviewed_hours_ago, review_note, n)
     ),
     placed AS (
       SELECT x.*, w.code, g.p, c.id AS camera_id, c.location AS camera_location, c.bearing AS camera_bearing,
              c.field_of_view AS camera_fov, c.range_m AS camera_range, c.camera_type AS camera_camera_type,
              c.owner_name AS camera_owner_name, c.owner_phone AS camera_owner_phone, c.police_access AS camera_police_access,
              c.registered_at AS camera_registered_at
         FROM x
         JOIN ward w ON w.district_id = $1 AND w.code = x.ward_code
         LEFT JOIN LATERAL (SELECT ST_PointOnSurface(g.boundary) AS p FROM residential_group g
                             WHERE g.ward_id = w.id ORDER BY g.id OFFSET x.pick LIMIT 1) g ON x.state <> 'approved'
         LEFT JOIN LATERAL (SELECT c.* FROM camera c
                             WHERE c.ward_id = w.id AND c.owner_kind = 'household' AND c.status = 'active' AND c.rental_house_id IS NULL
                               AND c.owner_name IS NOT NULL AND c.owner_phone ~ '^\\+?[0-9][0-9 .-]{7,18}[0-9]$'
                             ORDER BY c.id OFFSET x.pick LIMIT 1) c ON x.state = 'approved'
     )
     INSERT INTO camera_registration (district_id, reference, location, bearing, field_of_view, range_m, camera_type, owner_kind,
                                      owner_name, owner_phone, owner_email, address, police_access, state, submitted_at,
                                      reviewed_at, reviewed_by, review_note, camera_id)
     SELECT $1, reference,
            CASE WHEN state = 'approved' THEN camera_location ELSE p END,
            CASE WHEN state = 'approved' THEN camera_bearing ELSE bearing END,
            CASE WHEN state = 'approved' THEN camera_fov ELSE field_of_view END,
            CASE WHEN state = 'approved' THEN camera_range ELSE range_m END,
            CASE WHEN state = 'approved' THEN camera_camera_type ELSE camera_type END,
            CASE WHEN state = 'approved' THEN 'household' ELSE owner_kind END,
            CASE WHEN state = 'approved' THEN camera_owner_name ELSE owner_name END,
            CASE WHEN state = 'approved' THEN camera_owner_phone ELSE owner_phone END,
            owner_email, address,
            CASE WHEN state = 'approved' THEN camera_police_access ELSE police_access END,
            state,
            CASE WHEN state = 'approved' THEN camera_registered_at - make_interval(hours => submitted_hours_ago::int)
                 ELSE now() - make_interval(hours => submitted_hours_ago::int) END,
            CASE WHEN state = 'approved' THEN camera_registered_at
                 WHEN state = 'rejected' THEN now() - make_interval(hours => reviewed_hours_ago::int) END,
            CASE WHEN state <> 'pending' THEN 'chair.' || lower(code) END,
            review_note,
            camera_id
       FROM placed
      ORDER BY n
     RETURNING id`,
    [districtId, JSON.stringify(rows)],
  );
  if (inserted.length !== rows.length) throw new Error(`demo seed: ${inserted.length} of ${rows.length} camera registrations were inserted`);
  return inserted.length;
}
