import { hash } from 'argon2';
import type { RoleValue } from '../../shared/roles';
import type { Queryable } from './demo-district';

/**
 * Demo users, one or more for every role, seeded with the demo district. DEMO ONLY: they all share
 * DEMO_PASSWORD, which the README publishes; outside demo mode the server refuses to start while any
 * of them can still log in with it (server/src/services/auth.service.ts).
 */
export const DEMO_PASSWORD = 'wardwatch-demo';

export interface DemoUser {
  username: string;
  displayName: string;
  role: RoleValue;
  /** Ward code (P01, ...) for a ward chair or ward police. */
  wardCode?: string;
}

/** The fixed demo users; a ward chair for every ward is added from the wards themselves. */
export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'admin', displayName: 'Quản trị hệ thống', role: 'admin' },
  { username: 'planner', displayName: 'Phòng Quản lý đô thị', role: 'planner' },
  { username: 'police', displayName: 'Công an quận', role: 'police' },
  { username: 'police.p01', displayName: 'Công an phường P01', role: 'police', wardCode: 'P01' },
  { username: 'justice', displayName: 'Phòng Tư pháp', role: 'justice' },
  { username: 'homeaffairs', displayName: 'Phòng Nội vụ', role: 'home_affairs' },
];

/** Username of the demo chair of a ward: chair.p01 for ward P01. */
export function demoChairUsername(wardCode: string): string {
  return `chair.${wardCode.toLowerCase()}`;
}

/**
 * Inserts the demo users of a district (its wards must exist); returns how many. Usernames are
 * unique across districts, so a second demo district (tests, benchmarks) gets none.
 */
export async function seedDemoUsers(m: Queryable, districtId: number): Promise<number> {
  const [existing] = await m.query(`SELECT EXISTS (SELECT 1 FROM app_user) AS any`);
  if (existing.any) return 0;
  const wards: Array<{ code: string; chair_name: string }> = await m.query(
    `SELECT code, chair_name FROM ward WHERE district_id = $1 ORDER BY code`,
    [districtId],
  );
  const users: DemoUser[] = [
    ...DEMO_USERS,
    ...wards.map((w): DemoUser => ({ username: demoChairUsername(w.code), displayName: w.chair_name, role: 'ward_chair', wardCode: w.code })),
  ];
  // argon2id with the library's defaults (64 MiB, 3 passes); each user gets its own salt.
  const hashes = await Promise.all(users.map(() => hash(DEMO_PASSWORD)));
  await m.query(
    `INSERT INTO app_user (district_id, username, display_name, role, ward_id, password_hash)
     SELECT $1, x.username, x.display_name, x.role, w.id, x.password_hash
       FROM json_to_recordset($2::json) AS x(username text, display_name text, role text, ward_code text, password_hash text)
       LEFT JOIN ward w ON w.district_id = $1 AND w.code = x.ward_code`,
    [
      districtId,
      JSON.stringify(users.map((u, i) => ({ username: u.username, display_name: u.displayName, role: u.role, ward_code: u.wardCode ?? null, password_hash: hashes[i] }))),
    ],
  );
  return users.length;
}
