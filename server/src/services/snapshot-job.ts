import type { DataSource } from 'typeorm';
import { takeSnapshots, type SnapshotRun } from '../../../db/snapshots';
import { startPeriodic } from './periodic';

/** How often the job looks for a missing snapshot: hourly, so a new day gets its snapshot within the hour. */
export const SNAPSHOT_INTERVAL_MS = 60 * 60 * 1000;

export interface SnapshotJob {
  /** One check now: today's snapshot where missing (never throws: failures are logged). */
  tick(): Promise<SnapshotRun | null>;
  /** Stops the timer and waits for a check in progress. */
  stop(): Promise<void>;
}

export interface SnapshotJobOptions {
  intervalMs?: number;
  log?: (line: string) => void;
  error?: (line: string) => void;
}

/**
 * The daily compliance snapshot, kept by the server: a check at start (the caller awaits the first
 * `tick()`), then one every hour on a timer that does not keep the process alive. Each check takes
 * today's snapshot of every district that lacks it (and finalises yesterday's, see takeSnapshots)
 * and logs one line when it wrote anything; an error is logged and the next check tries again.
 */
export function startSnapshotJob(owner: DataSource, options: SnapshotJobOptions = {}): SnapshotJob {
  const log = options.log ?? ((line: string) => console.log(line));
  const job = startPeriodic<SnapshotRun | null>(
    async () => {
      const t0 = performance.now();
      const run = await takeSnapshots(owner, { onlyMissing: true });
      if (run.districts > 0 || run.finalised > 0) {
        log(
          `[wardwatch] compliance snapshot ${run.day}: ${run.wards} ward(s) in ${run.districts} district(s)` +
            `${run.finalised ? `, ${run.finalised} district(s) finalised for the day before` : ''} ` +
            `in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
        );
      }
      return run;
    },
    { intervalMs: options.intervalMs ?? SNAPSHOT_INTERVAL_MS, fallback: null, name: 'compliance snapshot', error: options.error },
  );
  return { tick: job.run, stop: job.stop };
}
