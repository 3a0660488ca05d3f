import type { Queryable } from './demo-district';
import { mobilePhone, personName, STREET_NAMES } from './names';
import { streamOf, type Random } from './random';

/**
 * The demo district's compliance registries (R2, R4-R8): units, civil servants with home cameras and
 * the ward's checks of them, the ward's checks of rental houses, penalty cases in every state, the
 * directive list R1-R10, and daily snapshots, so a newcomer sees a dashboard with a history.
 *
 * Dates: the cameras, houses and groups carry their own (2016 onwards, the 2017 campaign). The demo
 * replays the ordinance with its deadlines moved to the coming year (R8: the next 30 September at
 * least a month away) and a verification drive in the last four months, so the trend moves. The
 * snapshots of the last SNAPSHOT_DAYS days are computed by the database from these registries
 * (ww_take_compliance_snapshot), as the daily job computes them: nothing in them is made up.
 */

/** District divisions whose civil servants are counted (R4), with how many people each has. */
const DIVISIONS: ReadonlyArray<{ code: string; name: string; people: number }> = [
  { code: 'VP', name: 'Văn phòng HĐND và UBND quận', people: 26 },
  { code: 'NV', name: 'Phòng Nội vụ', people: 9 },
  { code: 'TP', name: 'Phòng Tư pháp', people: 7 },
  { code: 'TCKH', name: 'Phòng Tài chính - Kế hoạch', people: 14 },
  { code: 'QLDT', name: 'Phòng Quản lý đô thị', people: 16 },
  { code: 'TNMT', name: 'Phòng Tài nguyên và Môi trường', people: 13 },
  { code: 'VHTT', name: 'Phòng Văn hóa và Thông tin', people: 10 },
  { code: 'GDDT', name: 'Phòng Giáo dục và Đào tạo', people: 12 },
  { code: 'LDTBXH', name: 'Phòng Lao động - Thương binh và Xã hội', people: 12 },
  { code: 'KT', name: 'Phòng Kinh tế', people: 11 },
  { code: 'YT', name: 'Phòng Y tế', people: 6 },
  { code: 'TTR', name: 'Thanh tra quận', people: 8 },
];
/** Units at 100% in the demo (the divisions that lead the campaign), so the roster is not empty. */
const FULL_UNITS = new Set(['NV', 'TP']);

const POSITIONS = ['Chuyên viên', 'Chuyên viên', 'Chuyên viên', 'Cán sự', 'Phó Trưởng phòng', 'Trưởng phòng', 'Văn thư', 'Kế toán'];
const WARD_POSITIONS = ['Công chức Văn phòng - Thống kê', 'Công chức Tư pháp - Hộ tịch', 'Công chức Địa chính - Xây dựng', 'Công chức Văn hóa - Xã hội', 'Phó Chủ tịch UBND phường', 'Cán bộ Mặt trận'];

/** How many days of daily snapshots the demo starts with. */
export const SNAPSHOT_DAYS = 120;

const DAY_MS = 86_400_000;

export interface ComplianceSummary {
  units: number;
  civilServants: number;
  civilServantChecks: number;
  houseChecks: number;
  penaltyCases: number;
  directives: number;
  snapshotDays: number;
}

/** The directive list R1-R10: who owns each (roles that may edit it) and which unit answers for it. */
export function demoDirectives(today: Date): Array<{ code: string; title: string; unit: string | null; owners: string[]; deadline: string | null; status: string; notes: string | null }> {
  // The coming year's 30 September at least 30 days away; the ordinance's other dates in the same year.
  let year = today.getUTCFullYear();
  if (Date.parse(`${year}-09-30T00:00:00+07:00`) - today.getTime() < 30 * DAY_MS) year += 1;
  return [
    { code: 'R1', title: 'Tiếp tục vận động cán bộ, công chức, viên chức và nhân dân lắp đặt camera tại nhà riêng (Công văn 1023/UBND-VP ngày 11/8/2016)', unit: 'VP', owners: ['planner', 'home_affairs'], deadline: null, status: 'in_progress', notes: 'Lồng ghép vào các buổi họp tổ dân phố hằng tháng.' },
    { code: 'R2', title: '100% nhà cho thuê trọ phải lắp đặt camera', unit: null, owners: ['police'], deadline: `${year}-09-30`, status: 'in_progress', notes: 'Công an phường rà soát theo danh sách phường báo cáo.' },
    { code: 'R3', title: 'Làm việc với Viettel, VNPT, FPT về băng thông và hỗ trợ phí thuê bao kết nối camera', unit: null, owners: ['police'], deadline: `${year}-06-09`, status: 'not_started', notes: null },
    { code: 'R4', title: 'Thống kê, lập danh sách CBCCVC các phòng, ban và 13 phường đã lắp camera tại nhà; đơn vị đạt 100% được đề nghị khen thưởng', unit: 'NV', owners: ['home_affairs'], deadline: `${year}-08-31`, status: 'in_progress', notes: 'Tổng hợp theo tháng từ báo cáo kiểm tra của các phường.' },
    { code: 'R5', title: 'Các phường lập danh sách nhà cho thuê trọ chưa lắp camera, báo cáo quận', unit: null, owners: ['ward_chair'], deadline: `${year}-07-31`, status: 'in_progress', notes: null },
    { code: 'R6', title: 'Các phường kiểm tra camera tại nhà riêng của CBCCVC', unit: null, owners: ['ward_chair'], deadline: `${year}-08-31`, status: 'in_progress', notes: null },
    { code: 'R7', title: 'Phối hợp Phòng Tư pháp xử phạt chủ nhà cho thuê trọ không lắp camera', unit: 'TP', owners: ['justice', 'ward_chair'], deadline: null, status: 'in_progress', notes: 'Áp dụng theo quy định xử phạt vi phạm hành chính hiện hành.' },
    { code: 'R8', title: 'Mỗi tổ dân phố có ít nhất 01 camera, kể cả nơi công cộng; hoàn thành trước ngày 30/9', unit: 'QLDT', owners: ['planner', 'ward_chair'], deadline: `${year}-09-30`, status: 'in_progress', notes: null },
    { code: 'R9', title: 'Vận động nguồn tài trợ để duy trì hoạt động hệ thống camera khu dân cư', unit: null, owners: ['ward_chair'], deadline: null, status: 'not_started', notes: null },
    { code: 'R10', title: 'Duy trì, bảo dưỡng hệ thống camera đã lắp đặt', unit: null, owners: ['police', 'ward_chair'], deadline: null, status: 'in_progress', notes: null },
  ];
}

function iso(t: number): string {
  return new Date(t).toISOString();
}

/** A time on a random working hour of a day between `from` and `to` (ms). */
function timeBetween(rng: Random, from: number, to: number): number {
  const day = Math.floor(rng.float(from, Math.max(from, to - DAY_MS)) / DAY_MS) * DAY_MS;
  const t = day + (1 + rng.int(0, 9)) * 3_600_000 + rng.int(0, 59) * 60_000; // 08:00-17:59 local (UTC+7)
  return Math.min(Math.max(t, from), to);
}

/**
 * Seeds the registries of a district whose wards, groups, cameras and rental houses exist. Runs
 * inside the seed's transaction with ww.system on. `today` fixes the dates (tests pass one).
 */
export async function seedDemoCompliance(m: Queryable, districtId: number, seed: number, today = new Date()): Promise<ComplianceSummary> {
  const rng = streamOf(seed, 'compliance');
  const now = today.getTime();
  const driveStart = now - 110 * DAY_MS;

  // Groups existed before the programme (the snapshots count what existed on each day).
  await m.query(`UPDATE residential_group SET created_at = '2016-01-01T00:00:00+07:00' WHERE district_id = $1`, [districtId]);

  // Units: the divisions and a committee for every ward.
  const wards: Array<{ id: number; code: string; name: string }> = await m.query(
    `SELECT id, code, name FROM ward WHERE district_id = $1 ORDER BY code`,
    [districtId],
  );
  const unitRows: Array<{ id: number; code: string; ward_id: number | null }> = await m.query(
    `INSERT INTO unit (district_id, code, name, kind, ward_id)
     SELECT $1, x.code, x.name, x.kind, x.ward_id FROM json_to_recordset($2::json) AS x(code text, name text, kind text, ward_id int)
     RETURNING id, code, ward_id`,
    [
      districtId,
      JSON.stringify([
        ...DIVISIONS.map((d) => ({ code: d.code, name: d.name, kind: 'division', ward_id: null })),
        ...wards.map((w) => ({ code: `UB-${w.code}`, name: `UBND ${w.name}`, kind: 'ward_committee', ward_id: w.id })),
      ]),
    ],
  );
  const unitId = new Map(unitRows.map((u) => [u.code, Number(u.id)]));

  // Home cameras: the district's civil-servant cameras (not decommissioned), each one person's home.
  const homeCameras: Array<{ id: number; ward_id: number; lon: number; lat: number; active: boolean }> = await m.query(
    `SELECT id, ward_id, ST_X(location) AS lon, ST_Y(location) AS lat, status = 'active' AS active FROM camera
      WHERE district_id = $1 AND owner_kind = 'civil_servant' AND status <> 'decommissioned' ORDER BY id`,
    [districtId],
  );
  // Homes without a camera: a point on a residential group (deterministic, inside the district).
  const groupPoints: Array<{ ward_id: number; lon: number; lat: number }> = await m.query(
    `SELECT g.ward_id, ST_X(p) AS lon, ST_Y(p) AS lat
       FROM residential_group g CROSS JOIN LATERAL (SELECT ST_PointOnSurface(g.boundary) AS p) s
      WHERE g.district_id = $1 ORDER BY g.id`,
    [districtId],
  );
  const camerasByWard = new Map<number, typeof homeCameras>();
  for (const c of homeCameras) camerasByWard.set(c.ward_id, [...(camerasByWard.get(c.ward_id) ?? []), c]);
  const freeCameras = rng.shuffle(homeCameras);
  const taken = new Set<number>();

  interface Person {
    unit: string;
    fullName: string;
    position: string;
    phone: string;
    address: string;
    lon: number;
    lat: number;
    cameraId: number | null;
    createdAt: string;
  }
  const people: Person[] = [];
  const directiveDay = Date.parse('2016-08-11T08:00:00+07:00');
  const takeCamera = (pool: ReadonlyArray<{ id: number; lon: number; lat: number; active: boolean }>, activeOnly: boolean) => {
    const c = pool.find((x) => !taken.has(x.id) && (x.active || !activeOnly));
    if (c) taken.add(c.id);
    return c ?? null;
  };
  const addPerson = (unit: string, position: string, wantsCamera: boolean, wardId: number | null) => {
    const pool = wardId != null ? (camerasByWard.get(wardId) ?? []) : freeCameras;
    const camera = wantsCamera ? takeCamera(pool, FULL_UNITS.has(unit)) : null;
    const home = camera ?? rng.pick(wardId != null ? groupPoints.filter((g) => g.ward_id === wardId) : groupPoints);
    // A home a few metres from its camera (the camera hangs on the house's front).
    const lon = home.lon + (camera ? rng.float(-0.00004, 0.00004) : 0);
    const lat = home.lat + (camera ? rng.float(-0.00004, 0.00004) : 0);
    people.push({
      unit,
      fullName: personName(rng),
      position,
      phone: mobilePhone(rng),
      address: `${rng.int(1, 420)} ${rng.pick(STREET_NAMES)}`,
      lon,
      lat,
      cameraId: camera?.id ?? null,
      createdAt: iso(directiveDay + rng.int(0, 300) * DAY_MS),
    });
  };
  // The district has fewer civil-servant cameras than civil servants: the units at 100% take theirs
  // first, then the ward committees (whose staff mostly live in their own ward), then the divisions.
  const byCode = new Map(DIVISIONS.map((d) => [d.code, d]));
  for (const code of FULL_UNITS) for (let i = 0; i < byCode.get(code)!.people; i++) addPerson(code, rng.pick(POSITIONS), true, null);
  for (const w of wards) {
    const n = rng.int(8, 14);
    for (let i = 0; i < n; i++) addPerson(`UB-${w.code}`, rng.pick(WARD_POSITIONS), rng.chance(0.6), rng.chance(0.8) ? w.id : null);
  }
  // The divisions' people in a shuffled order, so the cameras left are spread over every division.
  const divisionPeople = DIVISIONS.filter((d) => !FULL_UNITS.has(d.code)).flatMap((d) => Array.from({ length: d.people }, () => d.code));
  for (const code of rng.shuffle(divisionPeople)) addPerson(code, rng.pick(POSITIONS), rng.chance(0.6), null);
  const servantRows: Array<{ id: number; camera_id: number | null; unit_id: number; created_at: Date }> = await m.query(
    `INSERT INTO civil_servant (district_id, unit_id, full_name, position, phone, home_address, location, camera_id, created_at)
     SELECT $1, x.unit_id, x.full_name, x.position, x.phone, x.address, ST_SetSRID(ST_MakePoint(x.lon, x.lat), 4326), x.camera_id, x.created_at
       FROM ROWS FROM (json_to_recordset($2::json) AS (unit_id int, full_name text, position text, phone text, address text,
              lon float8, lat float8, camera_id int, created_at timestamptz)) WITH ORDINALITY AS x(unit_id, full_name, position, phone,
              address, lon, lat, camera_id, created_at, n)
      ORDER BY x.n
     RETURNING id, camera_id, unit_id, created_at`,
    [
      districtId,
      JSON.stringify(
        people.map((p) => ({
          unit_id: unitId.get(p.unit),
          full_name: p.fullName,
          position: p.position,
          phone: p.phone,
          address: p.address,
          lon: p.lon,
          lat: p.lat,
          camera_id: p.cameraId,
          created_at: p.createdAt,
        })),
      ),
    ],
  );

  // The ward's checks of home cameras (R6): some years ago, and a drive in the last four months.
  const fullUnitIds = new Set([...FULL_UNITS].map((c) => unitId.get(c)));
  const checks: Array<{ servant: number; camera: number | null; result: string; at: string; by: string; note: string | null }> = [];
  const inspectors = Array.from({ length: 8 }, () => personName(rng));
  for (const s of servantRows) {
    const since = new Date(s.created_at).getTime();
    const full = fullUnitIds.has(s.unit_id);
    if (s.camera_id == null) {
      if (rng.chance(0.3)) checks.push({ servant: s.id, camera: null, result: 'no_camera', at: iso(timeBetween(rng, Math.max(since, driveStart), now)), by: rng.pick(inspectors), note: null });
      continue;
    }
    const roll = rng.float(0, 1);
    if (full || roll < 0.45) {
      checks.push({ servant: s.id, camera: s.camera_id, result: 'working', at: iso(timeBetween(rng, since, Date.parse('2024-12-31T00:00:00+07:00'))), by: rng.pick(inspectors), note: null });
      if (!full && rng.chance(0.12)) {
        checks.push({ servant: s.id, camera: s.camera_id, result: 'not_working', at: iso(timeBetween(rng, driveStart, now)), by: rng.pick(inspectors), note: 'Camera mất kết nối, đã nhắc khắc phục.' });
      }
    } else if (roll < 0.8) {
      checks.push({ servant: s.id, camera: s.camera_id, result: 'working', at: iso(timeBetween(rng, driveStart, now)), by: rng.pick(inspectors), note: null });
    }
  }
  checks.sort((a, b) => a.at.localeCompare(b.at));
  await insertJson(
    m,
    `INSERT INTO civil_servant_check (civil_servant_id, camera_id, result, checked_at, checked_by, note)
     SELECT x.servant, x.camera, x.result, x.at, x.by, x.note
       FROM json_to_recordset($1::json) AS x(servant int, camera int, result text, at timestamptz, by text, note text)`,
    checks,
  );

  // The ward's checks of rental houses (R2, R5): verified cameras, and houses found without one.
  const houses: Array<{ id: number; ward_id: number; has: boolean; since: Date }> = await m.query(
    `SELECT h.id, h.ward_id, ww_has_active_camera(h.id) AS has,
            (SELECT max(e.at) FROM rental_house_event e WHERE e.rental_house_id = h.id) AS since
       FROM rental_house h WHERE h.district_id = $1 ORDER BY h.id`,
    [districtId],
  );
  const houseEvents: Array<{ house: number; status: string; reason: string; at: string; note: string | null; username: string }> = [];
  const failed: Array<{ id: number; ward_id: number; at: number }> = [];
  const chairOf = new Map(wards.map((w) => [w.id, `chair.${w.code.toLowerCase()}`]));
  for (const h of houses) {
    const since = new Date(h.since).getTime();
    const roll = rng.float(0, 1);
    if (h.has && roll < 0.55) {
      const at = roll < 0.35 ? timeBetween(rng, since, Math.max(since + DAY_MS, driveStart)) : timeBetween(rng, Math.max(since, driveStart), now);
      houseEvents.push({ house: h.id, status: 'camera_verified', reason: 'check_passed', at: iso(at), note: null, username: chairOf.get(h.ward_id)! });
    } else if (!h.has && roll < 0.45) {
      const at = timeBetween(rng, Math.max(since, driveStart - 60 * DAY_MS), now - 5 * DAY_MS);
      houseEvents.push({ house: h.id, status: 'non_compliant', reason: 'check_failed', at: iso(at), note: 'Chưa lắp camera.', username: chairOf.get(h.ward_id)! });
      failed.push({ id: h.id, ward_id: h.ward_id, at });
    }
  }
  houseEvents.sort((a, b) => a.at.localeCompare(b.at));
  await insertJson(
    m,
    `INSERT INTO rental_house_event (rental_house_id, status, reason, at, note, username)
     SELECT x.house, x.status, x.reason, x.at, x.note, x.username
       FROM json_to_recordset($1::json) AS x(house int, status text, reason text, at timestamptz, note text, username text)`,
    houseEvents,
  );

  // Penalty cases (R7) against some of the houses found without a camera, in every state.
  const cases = rng.shuffle(failed).slice(0, Math.min(70, failed.length));
  let caseCount = 0;
  for (const [i, h] of cases.entries()) {
    const chair = chairOf.get(h.ward_id)!;
    const opened = h.at + rng.int(1, 4) * DAY_MS;
    if (opened > now) continue;
    const stage = i % 10; // 0-2 open, 3-4 referred, 5 warning, 6-7 fine unpaid, 8 fine paid, 9 closed after payment
    const [row]: Array<{ id: number }> = await m.query(
      `INSERT INTO penalty_case (rental_house_id, opened_at) VALUES ($1, $2) RETURNING id`,
      [h.id, iso(opened)],
    );
    caseCount++;
    const events: Array<{ kind: string; at: number; note: string | null; file: string | null; user: string }> = [
      { kind: 'opened', at: opened, note: 'Kiểm tra thực tế: nhà trọ chưa lắp camera.', file: `BB-${row.id}/${new Date(opened).getUTCFullYear()}`, user: chair },
    ];
    let t = opened;
    const step = () => (t = Math.min(now, t + rng.int(2, 12) * DAY_MS));
    if (stage >= 3) {
      step();
      await m.query(`UPDATE penalty_case SET state = 'referred', referred_at = $2 WHERE id = $1`, [row.id, iso(t)]);
      events.push({ kind: 'referred', at: t, note: 'Chuyển Phòng Tư pháp đề nghị xử lý.', file: null, user: chair });
      if (i % 4 === 0) events.push({ kind: 'evidence', at: t, note: 'Ảnh chụp hiện trạng.', file: `anh-hien-trang-${row.id}.jpg`, user: chair });
    }
    if (stage >= 5) {
      step();
      const fine = stage !== 5;
      const amount = fine ? rng.pick([1_000_000, 1_500_000, 2_000_000, 3_000_000]) : null;
      const basis = 'Quyết định xử phạt vi phạm hành chính về an ninh, trật tự (theo quy định hiện hành).';
      await m.query(
        `UPDATE penalty_case SET state = 'decided', decision = $2, fine_amount_vnd = $3, legal_basis = $4, decided_at = $5 WHERE id = $1`,
        [row.id, fine ? 'fine' : 'warning', amount, basis, iso(t)],
      );
      events.push({ kind: 'decided', at: t, note: fine ? `Phạt tiền ${amount!.toLocaleString('vi-VN')} đồng.` : 'Cảnh cáo.', file: `QD-${row.id}`, user: 'justice' });
    }
    if (stage >= 8) {
      step();
      await m.query(`UPDATE penalty_case SET fine_paid_at = $2 WHERE id = $1`, [row.id, iso(t)]);
      events.push({ kind: 'fine_paid', at: t, note: 'Đã nộp phạt tại Kho bạc.', file: `BL-${row.id}`, user: 'justice' });
    }
    if (stage >= 9) {
      step();
      events.push({ kind: 'closed', at: t, note: null, file: null, user: 'justice' });
    }
    await insertJson(
      m,
      `INSERT INTO penalty_case_event (penalty_case_id, kind, at, note, file_reference, username)
       SELECT ${row.id}, x.kind, x.at, x.note, x.file, x.user
         FROM json_to_recordset($1::json) AS x(kind text, at timestamptz, note text, file text, "user" text)`,
      events.map((e) => ({ ...e, at: iso(e.at) })),
    );
    // Closed after its timeline is written (a closed case takes no more entries).
    if (stage >= 9) await m.query(`UPDATE penalty_case SET state = 'closed', close_reason = 'fine_paid', closed_at = $2 WHERE id = $1`, [row.id, iso(t)]);
    await m.query(
      `INSERT INTO rental_house_event (rental_house_id, status, reason, at, username) VALUES ($1, 'non_compliant', 'case_opened', $2, $3)`,
      [h.id, iso(opened), chair],
    );
  }

  // The directive list.
  const directives = demoDirectives(today);
  await m.query(
    `INSERT INTO directive (district_id, code, title, responsible_unit_id, owner_roles, deadline, status, notes, updated_by)
     SELECT $1, x.code, x.title, x.unit_id, ARRAY(SELECT json_array_elements_text(x.owners)), x.deadline, x.status, x.notes, 'seed'
       FROM json_to_recordset($2::json) AS x(code text, title text, unit_id int, owners json, deadline date, status text, notes text)`,
    [districtId, JSON.stringify(directives.map((d) => ({ ...d, unit_id: d.unit ? unitId.get(d.unit) : null })))],
  );

  // Daily snapshots, as the job would have taken them.
  await m.query(`SELECT ww_take_compliance_snapshots($1, ww_today() - ($2::int - 1), ww_today())`, [districtId, SNAPSHOT_DAYS]);

  return {
    units: unitRows.length,
    civilServants: servantRows.length,
    civilServantChecks: checks.length,
    houseChecks: houseEvents.length,
    penaltyCases: caseCount,
    directives: directives.length,
    snapshotDays: SNAPSHOT_DAYS,
  };
}

async function insertJson(m: Queryable, sql: string, rows: readonly unknown[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) await m.query(sql, [JSON.stringify(rows.slice(i, i + 1000))]);
}
