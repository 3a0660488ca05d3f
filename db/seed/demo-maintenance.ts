import type { Queryable } from './demo-district';
import { personName } from './names';
import { streamOf } from './random';

/**
 * Maintenance tickets for the demo district (R10): about 60 repairs over the last TICKET_DAYS days,
 * in every state, each with its timeline, so the maintenance page and its time-to-repair table have
 * something to show.
 *
 * The tickets fit the cameras as the demo plan left them; the seed changes no camera:
 * - IN_PROGRESS: cameras the plan has in MAINTENANCE (work on them has started);
 * - REPORTED and ASSIGNED: OFFLINE cameras (reported by the ward or the police), and a few ACTIVE ones
 *   (a blurred or misaligned picture);
 * - RESOLVED: ACTIVE cameras; the ones opened by the heartbeat timeout (source HEARTBEAT) are cameras
 *   that report heartbeats (the health seed, which runs first, made them so).
 * Open tickets avoid monitored cameras (the demo gateway heartbeats them, and its faulty ones get their
 * heartbeat tickets from the database when they go offline). Every camera has at most one ticket.
 *
 * Times: reported <= first assigned <= started <= resolved < now, each step after the previous one by
 * hours to days; the timeline has one entry per step at those times (an assignment skipped when work
 * started at once) and a few notes. These times and states are the seed's own: the database sets them
 * for every user's change and lets only the owner (ww.system) write them. Set-based: one statement for
 * the tickets and one for their timelines, inside the seed's transaction with ww.system on.
 */

/** How far back the demo's tickets go. */
export const TICKET_DAYS = 120;

/** How many tickets of each state the demo has (about 60 in all). */
export const TICKETS = { resolved: 36, in_progress: 12, assigned: 6, reported: 6 } as const;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Problems as a ward or the police report them, with what fixed them. */
const REPAIRS: ReadonlyArray<{ problem: string; resolution: string; cost: [number, number] }> = [
  { problem: 'Camera mất hình, đèn nguồn không sáng.', resolution: 'Thay bộ nguồn (adapter 12V) bị cháy.', cost: [150_000, 350_000] },
  { problem: 'Hình ảnh bị mờ, ống kính bám bụi và mạng nhện.', resolution: 'Vệ sinh ống kính và vỏ che mưa.', cost: [0, 100_000] },
  { problem: 'Camera bị lệch hướng sau mưa bão, không còn nhìn ra đường.', resolution: 'Chỉnh lại hướng và siết lại chân đế.', cost: [0, 150_000] },
  { problem: 'Mất kết nối mạng, đầu ghi báo mất tín hiệu.', resolution: 'Nối lại dây mạng bị chuột cắn, bấm lại đầu RJ45.', cost: [50_000, 250_000] },
  { problem: 'Hồng ngoại ban đêm không hoạt động, ban đêm hình tối đen.', resolution: 'Thay camera mới cùng loại (hỏng cảm biến hồng ngoại).', cost: [800_000, 2_500_000] },
  { problem: 'Cây xanh che khuất tầm nhìn của camera.', resolution: 'Phối hợp công ty cây xanh cắt tỉa cành.', cost: [0, 200_000] },
  { problem: 'Đầu ghi không lưu được hình, ổ cứng báo lỗi.', resolution: 'Thay ổ cứng đầu ghi 2TB, cài đặt lại lịch ghi.', cost: [1_200_000, 2_200_000] },
  { problem: 'Camera chập chờn, tự khởi động lại nhiều lần trong ngày.', resolution: 'Cập nhật firmware, thay nguồn ổn định hơn.', cost: [200_000, 500_000] },
  { problem: 'Vỏ camera bị nứt, nước mưa lọt vào trong.', resolution: 'Thay vỏ bảo vệ và gioăng chống nước, sấy khô bo mạch.', cost: [300_000, 900_000] },
  { problem: 'Camera bị đập phá, mất ống kính.', resolution: 'Lắp camera mới, nâng độ cao lắp đặt lên 4 m.', cost: [1_500_000, 4_500_000] },
  { problem: 'Mất điện tại tủ điện khu dân cư, camera không hoạt động.', resolution: 'Điện lực khắc phục sự cố; lắp thêm bộ lưu điện nhỏ.', cost: [400_000, 1_200_000] },
  { problem: 'Hình ảnh bị sọc, nhiễu khi trời mưa.', resolution: 'Thay cáp đồng trục và đầu nối bị oxy hóa.', cost: [100_000, 400_000] },
];

/** Who does the work. */
const CONTRACTORS = [
  'Viettel Đà Nẵng - Tổ kỹ thuật',
  'VNPT Đà Nẵng - Đội ứng cứu thông tin',
  'FPT Telecom Đà Nẵng',
  'Công ty TNHH Camera An Phát',
  'Công ty CP Kỹ thuật An Ninh Miền Trung',
] as const;

const NOTES = [
  'Đã liên hệ kỹ thuật viên, hẹn đến kiểm tra.',
  'Chờ linh kiện thay thế từ nhà cung cấp.',
  'Đã kiểm tra tại chỗ: cần thay thiết bị.',
  'Chủ hộ đồng ý cho vào nhà để sửa chữa.',
] as const;

/** Heartbeat tickets read like the database's own (ww_maintenance_ticket_on_timeout). */
const HEARTBEAT_PROBLEM = 'Mất kết nối: không nhận được tín hiệu heartbeat (No heartbeat received: the camera went offline.)';

interface Candidate {
  id: number;
  ward_id: number;
  ward_code: string;
  status: string;
  monitored: boolean;
}

interface TicketRow {
  district_id: number;
  ward_id: number;
  camera_id: number;
  state: string;
  source: string;
  problem: string;
  reported_at: string;
  reported_by: string | null;
  assignee: string | null;
  assigned_at: string | null;
  started_at: string | null;
  resolved_at: string | null;
  resolution: string | null;
  repair_cost_vnd: number | null;
  updated_at: string;
}

interface EventRow {
  camera_id: number;
  kind: string;
  note: string | null;
  assignee: string | null;
  at: string;
  username: string | null;
}

export interface MaintenanceSummary {
  tickets: number;
  events: number;
  byState: Record<string, number>;
}

export async function seedDemoMaintenance(m: Queryable, districtId: number, seed: number, today = new Date()): Promise<MaintenanceSummary> {
  const rng = streamOf(seed, 'maintenance');
  const now = today.getTime();
  // The district's cameras, in a deterministic order; none with an unresolved ticket.
  const cameras: Candidate[] = await m.query(
    `SELECT c.id, c.ward_id, w.code AS ward_code, c.status, c.last_heartbeat_at IS NOT NULL AS monitored
       FROM camera c JOIN ward w ON w.id = c.ward_id
      WHERE c.district_id = $1 AND c.status <> 'decommissioned'
        AND NOT EXISTS (SELECT 1 FROM maintenance_ticket t WHERE t.camera_id = c.id AND t.state <> 'resolved')
      ORDER BY md5('maintenance' || c.id)`,
    [districtId],
  );
  const used = new Set<number>();
  const take = (ok: (c: Candidate) => boolean): Candidate | undefined => {
    const c = cameras.find((x) => !used.has(x.id) && ok(x));
    if (c) used.add(c.id);
    return c;
  };
  const chairOf = (c: Candidate) => `chair.${c.ward_code.toLowerCase()}`;
  const reporterOf = (c: Candidate) =>
    rng.weighted({ chair: 6, police: 3, admin: 1 }) === 'chair' ? chairOf(c) : rng.chance(0.7) ? (c.ward_code === 'P01' ? 'police.p01' : 'police') : 'admin';
  const at = (t: number) => new Date(Math.min(t, now - 60_000)).toISOString();

  const tickets: TicketRow[] = [];
  const events: EventRow[] = [];
  const addTicket = (c: Candidate, state: keyof typeof TICKETS, heartbeat: boolean, reported: number) => {
    const repair = rng.pick(REPAIRS);
    const reporter = heartbeat ? null : reporterOf(c);
    const actor = rng.chance(0.85) ? chairOf(c) : 'admin';
    const assignee = rng.chance(0.3) ? `${personName(rng)} (kỹ thuật viên)` : rng.pick(CONTRACTORS);
    // Each step some hours to days after the previous one; open tickets' steps stay before now.
    const room = Math.max(HOUR, now - reported);
    const assigned = state === 'reported' ? null : reported + Math.min(rng.float(1, 30) * HOUR, room * 0.3);
    const direct = assigned !== null && state !== 'assigned' && rng.chance(0.2); // work started at once, no separate assignment
    const started = state === 'in_progress' || state === 'resolved'
      ? direct ? assigned! : assigned! + Math.min(rng.float(2, 72) * HOUR, room * 0.3)
      : null;
    const resolved = state === 'resolved' ? started! + Math.min(rng.float(2, 160) * HOUR, room * 0.35) : null;
    const [lo, hi] = repair.cost;
    const cost = state === 'resolved' && rng.chance(0.75) ? Math.round(rng.float(lo, hi) / 50_000) * 50_000 : null;
    const last = resolved ?? started ?? assigned ?? reported;
    tickets.push({
      district_id: districtId,
      ward_id: c.ward_id,
      camera_id: c.id,
      state,
      source: heartbeat ? 'heartbeat' : 'manual',
      problem: heartbeat ? HEARTBEAT_PROBLEM : repair.problem,
      reported_at: at(reported),
      reported_by: reporter,
      assignee: assigned === null ? null : assignee,
      assigned_at: assigned === null ? null : at(assigned),
      started_at: started === null ? null : at(started),
      resolved_at: resolved === null ? null : at(resolved),
      resolution: resolved === null ? null : repair.resolution,
      repair_cost_vnd: cost,
      updated_at: at(last),
    });
    events.push({ camera_id: c.id, kind: 'reported', note: null, assignee: null, at: at(reported), username: reporter });
    if (assigned !== null && !direct) events.push({ camera_id: c.id, kind: 'assigned', note: null, assignee, at: at(assigned), username: actor });
    if (started !== null) events.push({ camera_id: c.id, kind: 'started', note: null, assignee, at: at(started), username: actor });
    if (started !== null && rng.chance(0.35)) {
      const noteAt = resolved !== null ? (started + resolved) / 2 : started + Math.min(rng.float(2, 48) * HOUR, (now - started) / 2);
      events.push({ camera_id: c.id, kind: 'note', note: rng.pick(NOTES), assignee: null, at: at(noteAt), username: actor });
    }
    if (resolved !== null) events.push({ camera_id: c.id, kind: 'resolved', note: repair.resolution, assignee: null, at: at(resolved), username: actor });
  };

  const since = now - TICKET_DAYS * DAY;
  for (let i = 0; i < TICKETS.resolved; i++) {
    const heartbeat = i % 6 === 0; // some repairs began with the heartbeat timeout, on cameras that report heartbeats
    const c = take((x) => x.status === 'active' && x.monitored === heartbeat) ?? take((x) => x.status === 'active');
    if (c) addTicket(c, 'resolved', heartbeat && c.monitored, since + rng.float(0, TICKET_DAYS - 8) * DAY);
  }
  for (let i = 0; i < TICKETS.in_progress; i++) {
    const c = take((x) => x.status === 'maintenance' && !x.monitored);
    if (c) addTicket(c, 'in_progress', false, now - rng.float(3, 40) * DAY);
  }
  for (const state of ['assigned', 'reported'] as const) {
    for (let i = 0; i < TICKETS[state]; i++) {
      const c = take((x) => !x.monitored && x.status === (i % 3 === 2 ? 'active' : 'offline'));
      if (c) addTicket(c, state, false, now - rng.float(state === 'reported' ? 0.2 : 1, 14) * DAY);
    }
  }

  const inserted: Array<{ id: number; camera_id: number }> = await m.query(
    `INSERT INTO maintenance_ticket (district_id, ward_id, camera_id, state, source, problem, reported_at, reported_by, assignee,
                                     assigned_at, started_at, resolved_at, resolution, repair_cost_vnd, updated_at)
     SELECT x.district_id, x.ward_id, x.camera_id, x.state, x.source, x.problem, x.reported_at, x.reported_by, x.assignee,
            x.assigned_at, x.started_at, x.resolved_at, x.resolution, x.repair_cost_vnd, x.updated_at
       FROM json_to_recordset($1::json) AS x(district_id int, ward_id int, camera_id int, state text, source text, problem text,
            reported_at timestamptz, reported_by text, assignee text, assigned_at timestamptz, started_at timestamptz,
            resolved_at timestamptz, resolution text, repair_cost_vnd bigint, updated_at timestamptz)
      ORDER BY x.reported_at
     RETURNING id, camera_id`,
    [JSON.stringify(tickets)],
  );
  await m.query(
    `INSERT INTO maintenance_ticket_event (district_id, ward_id, maintenance_ticket_id, kind, note, assignee, at, username)
     SELECT t.district_id, t.ward_id, t.id, x.kind, x.note, x.assignee, x.at, x.username
       FROM json_to_recordset($1::json) AS x(camera_id int, kind text, note text, assignee text, at timestamptz, username text)
       JOIN maintenance_ticket t ON t.camera_id = x.camera_id AND t.id = ANY ($2::int[])
      ORDER BY x.at`,
    [JSON.stringify(events), inserted.map((r) => Number(r.id))],
  );
  const byState: Record<string, number> = {};
  for (const t of tickets) byState[t.state] = (byState[t.state] ?? 0) + 1;
  return { tickets: inserted.length, events: events.length, byState };
}

