import type { DataSource } from 'typeorm';

/** What one run did: the day (Asia/Ho_Chi_Minh), the districts and the ward rows written. */
export interface SnapshotRun {
  day: string;
  districts: number;
  wards: number;
  /** Districts whose previous day's snapshot was taken again after that day ended (finalised). */
  finalised: number;
}

/**
 * Takes the compliance snapshot of `day` (YYYY-MM-DD; default today in Asia/Ho_Chi_Minh) for every
 * district, or with `onlyMissing` for the districts that lack a row for one of their wards that day;
 * with `onlyMissing` it also takes the previous day's again once, when that was taken before the day
 * ended (so each day keeps its figures as they stood at its end). Runs as the schema's owner with
 * ww.system on, in one transaction: ww_take_compliance_snapshot (db/migrations/1764748800000-compliance.ts)
 * does the counting and replaces that day's rows.
 */
export async function takeSnapshots(owner: DataSource, options: { day?: string; onlyMissing?: boolean } = {}): Promise<SnapshotRun> {
  return owner.transaction(async (m) => {
    await m.query(`SELECT set_config('ww.system', 'on', true)`);
    const [{ day }] = await m.query(`SELECT to_char(coalesce($1::date, ww_today()), 'YYYY-MM-DD') AS day`, [options.day ?? null]);
    const districts: { id: number }[] = await m.query(
      `SELECT d.id FROM district d
        WHERE NOT $2::boolean
           OR EXISTS (SELECT 1 FROM ward w WHERE w.district_id = d.id
                         AND NOT EXISTS (SELECT 1 FROM compliance_snapshot s WHERE s.ward_id = w.id AND s.taken_on = $1::date))
        ORDER BY d.id`,
      [day, Boolean(options.onlyMissing)],
    );
    let wards = 0;
    for (const d of districts) {
      const [r] = await m.query(`SELECT ww_take_compliance_snapshot($1, $2::date) AS n`, [d.id, day]);
      wards += r.n as number;
    }
    let finalised = 0;
    if (options.onlyMissing) {
      // The previous day's rows taken while it was still going on: take them again, now that it is over.
      const early: { id: number }[] = await m.query(
        `SELECT DISTINCT s.district_id AS id FROM compliance_snapshot s
          WHERE s.taken_on = $1::date - 1
            AND s.taken_at < (($1::date)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')
          ORDER BY 1`,
        [day],
      );
      for (const d of early) await m.query(`SELECT ww_take_compliance_snapshot($1, $2::date - 1)`, [d.id, day]);
      finalised = early.length;
    }
    return { day, districts: districts.length, wards, finalised };
  });
}
