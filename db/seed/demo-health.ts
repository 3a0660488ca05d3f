import type { Queryable } from './demo-district';

/** The label of the demo gateway's camera tokens: the in-process demo gateway heartbeats their cameras. */
export const DEMO_GATEWAY_LABEL = 'Demo gateway';
/** About this share of the district's cameras report heartbeats (all of them active). */
export const MONITORED_SHARE = 0.1;
/** Monitored cameras the demo gateway does not heartbeat: they go OFFLINE once the timeout passes. */
export const FAULTY_CAMERAS = 8;

export interface HealthSummary {
  monitored: number;
  /** The monitored cameras without a gateway token: silent from the start (ids, ascending). */
  faulty: number[];
  tokens: number;
}

/**
 * Camera health for the demo district (R10): about a tenth of the active cameras are monitored, with
 * a heartbeat in the last minute, and each has a token of the demo gateway (label DEMO_GATEWAY_LABEL),
 * which heartbeats them every minute while the server runs in demo mode. FAULTY_CAMERAS of them, one
 * in each of the first wards, have none: nothing heartbeats them, so they go OFFLINE once the
 * timeout passes, as faulty cameras would. Two more tokens (a site engineer's, one of them revoked)
 * show what the token list holds; the network operators, when already seeded, get one token each.
 * Nobody knows any seeded token: only random SHA-256 values are stored (issue one through the API to
 * heartbeat by hand). Set-based: a handful of statements, run inside the seed's transaction with
 * ww.system on (the heartbeat columns change without the camera's row triggers: a heartbeat is not an edit).
 */
export async function seedDemoHealth(m: Queryable, districtId: number): Promise<HealthSummary> {
  // The monitored cameras: spread over the wards by a hash of the id (the same on every machine).
  const monitored: Array<{ id: number; ward_id: number; faulty: boolean }> = await m.query(
    `WITH pick AS (
       SELECT c.id, c.ward_id, row_number() OVER (ORDER BY md5('health' || c.id)) AS n
         FROM camera c WHERE c.district_id = $1 AND c.status = 'active'
     ), chosen AS (
       SELECT id, ward_id FROM pick
        WHERE n <= round($2::float8 * (SELECT count(*) FROM camera WHERE district_id = $1))
     ), faulty AS (
       SELECT DISTINCT ON (w.code) c.id FROM chosen c JOIN ward w ON w.id = c.ward_id
        ORDER BY w.code, md5('faulty' || c.id)
        LIMIT $3
     )
     SELECT c.id, c.ward_id, c.id IN (SELECT id FROM faulty) AS faulty FROM chosen c ORDER BY c.id`,
    [districtId, MONITORED_SHARE, FAULTY_CAMERAS],
  );
  const ids = monitored.map((c) => Number(c.id));
  await m.query(
    `UPDATE camera SET last_heartbeat_at = now() - make_interval(secs => 5 + (abs(hashtext(id::text)) % 50))
      WHERE id = ANY ($1::int[])`,
    [ids],
  );
  const healthy = monitored.filter((c) => !c.faulty).map((c) => Number(c.id));
  const faulty = monitored.filter((c) => c.faulty).map((c) => Number(c.id));
  const random = `sha256(convert_to(gen_random_uuid()::text || clock_timestamp()::text, 'UTF8'))`;
  const tokens: unknown[] = await m.query(
    `INSERT INTO heartbeat_token (district_id, camera_id, label, token_hash, created_at, created_by, last_used_at, revoked_at)
     SELECT $1, x.id, x.label, ${random}, x.created_at, 'admin', x.last_used_at, x.revoked_at
       FROM (
         SELECT id, $3::text AS label, now() - interval '30 days' AS created_at, now() AS last_used_at, NULL::timestamptz AS revoked_at
           FROM unnest($2::int[]) AS id
         UNION ALL
         SELECT id, 'Site engineer (installation test)', now() - interval '40 days', now() - interval '39 days', now() - interval '30 days'
           FROM unnest($4::int[]) AS id
         UNION ALL
         SELECT id, 'Site engineer (maintenance laptop)', now() - interval '12 days', now() - interval '3 days', NULL
           FROM unnest($5::int[]) AS id
       ) x
     RETURNING id`,
    [districtId, healthy, DEMO_GATEWAY_LABEL, healthy.slice(0, 1), faulty.slice(0, 1)],
  );
  const operatorTokens: unknown[] = await m.query(
    `INSERT INTO heartbeat_token (district_id, operator_id, label, token_hash, created_at, created_by)
     SELECT o.district_id, o.id, left(o.name || ' monitoring gateway', 120), ${random}, now() - interval '20 days', 'admin'
       FROM network_operator o WHERE o.district_id = $1 ORDER BY o.id
     RETURNING id`,
    [districtId],
  );
  return { monitored: ids.length, faulty, tokens: tokens.length + operatorTokens.length };
}
