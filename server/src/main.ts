import 'reflect-metadata';
import { loadConfig } from './config';
import { startServer, type RunningServer } from './server';

async function main(): Promise<void> {
  const config = loadConfig();
  const where = config.databaseUrl ? 'PostgreSQL + PostGIS at DATABASE_URL' : `embedded PostGIS in ${config.dataDir}`;
  let server: RunningServer | undefined;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[wardwatch] ${signal}: shutting down`);
    try {
      await server?.stop();
      console.log('[wardwatch] stopped');
      process.exit(0);
    } catch (err) {
      console.error('[wardwatch] shutdown failed:', err);
      process.exit(1);
    }
  };
  // Installed before starting: Ctrl-C during the first start (creating and seeding the database)
  // waits for the start to finish, then stops in order, so the embedded data directory stays sound.
  let pending: string | undefined;
  const onSignal = (signal: string) => (server ? void shutdown(signal) : (pending ??= signal));
  process.on('SIGINT', () => onSignal('SIGINT'));
  process.on('SIGTERM', () => onSignal('SIGTERM'));

  console.log(`[wardwatch] starting on ${where} ...`);
  server = await startServer(config);
  const rss = Math.round(process.memoryUsage().rss / 2 ** 20);
  console.log(
    `[wardwatch] ready at ${server.url} (GraphQL at ${server.url}/graphql) in ${server.timings.startSeconds.toFixed(1)} s` +
      `${server.timings.seeded ? ', demo district seeded' : ''}; RSS ${rss} MiB`,
  );
  if (pending) await shutdown(pending);
}

main().catch((err) => {
  console.error('[wardwatch] failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
