import type { DataSource } from 'typeorm';
import { startPeriodic } from './periodic';

export interface HeartbeatMonitor {
  /** One check now: ACTIVE monitored cameras silent for the timeout go OFFLINE; how many did (never throws). */
  tick(): Promise<number>;
  /** Stops the timer and waits for a check in progress. */
  stop(): Promise<void>;
}

export interface HeartbeatMonitorOptions {
  /** A monitored camera with no heartbeat for this long goes OFFLINE. */
  timeoutSeconds: number;
  /** Seconds between checks; 0: no timer (tick() still works). */
  checkSeconds: number;
  log?: (line: string) => void;
  error?: (line: string) => void;
}

/**
 * The heartbeat timeout, kept by the server (R10): every `checkSeconds`, as the schema's owner,
 * ww_camera_heartbeat_timeout turns the ACTIVE monitored cameras whose last heartbeat is older than
 * the timeout OFFLINE (reason 'timeout' in their status history; coverage follows in the same
 * transaction). A camera's next heartbeat brings it back. Like the snapshot job: one check at a time,
 * a timer that does not keep the process alive, errors logged and retried at the next check.
 */
export function startHeartbeatMonitor(owner: DataSource, options: HeartbeatMonitorOptions): HeartbeatMonitor {
  const log = options.log ?? ((line: string) => console.log(line));
  const job = startPeriodic(
    async () => {
      const [row] = await owner.query(`SELECT ww_camera_heartbeat_timeout(make_interval(secs => $1)) AS n`, [options.timeoutSeconds]);
      const n = Number(row.n);
      if (n > 0) log(`[wardwatch] heartbeat timeout: ${n} camera(s) silent for ${options.timeoutSeconds} s went OFFLINE`);
      return n;
    },
    { intervalMs: options.checkSeconds * 1000, fallback: 0, name: 'heartbeat timeout check', error: options.error },
  );
  return { tick: job.run, stop: job.stop };
}
