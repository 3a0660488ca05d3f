import type { DataSource } from 'typeorm';
import { DEMO_GATEWAY_LABEL } from '../../../db/seed/demo-health';
import { startPeriodic } from './periodic';

/** How often the demo gateway heartbeats its cameras. */
export const DEMO_GATEWAY_INTERVAL_MS = 60_000;

export interface DemoGateway {
  /** One round of heartbeats now; how many cameras it reached (never throws). */
  beat(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Demo mode's stand-in for the cameras' gateways (config.demoGateway; off in the tests): at start and
 * every minute it heartbeats the cameras of the unrevoked camera tokens labelled DEMO_GATEWAY_LABEL
 * (db/seed/demo-health.ts), through the database's own function, as the schema's owner. It holds no
 * token: the seeded tokens are random and unknown. The demo's faulty cameras have no such token, so
 * they fall silent and go OFFLINE once the timeout passes; revoking a camera's gateway token does the
 * same to that camera.
 */
export function startDemoGateway(owner: DataSource, options: { intervalMs?: number; error?: (line: string) => void } = {}): DemoGateway {
  const job = startPeriodic(
    async () => {
      const [row] = await owner.query(`SELECT ww_camera_heartbeat_demo($1) AS n`, [DEMO_GATEWAY_LABEL]);
      return Number(row.n);
    },
    { intervalMs: options.intervalMs ?? DEMO_GATEWAY_INTERVAL_MS, fallback: 0, name: 'demo gateway heartbeat', error: options.error },
  );
  return { beat: job.run, stop: job.stop };
}
