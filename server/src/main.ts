import 'reflect-metadata';
import { loadConfig } from './config';
import { startServer } from './server';

async function main(): Promise<void> {
  const config = loadConfig();
  const where = config.databaseUrl ? 'PostgreSQL + PostGIS at DATABASE_URL' : `embedded PostGIS in ${config.dataDir}`;
  console.log(`[wardwatch] starting on ${where} ...`);
  const server = await startServer(config);
  const rss = Math.round(process.memoryUsage().rss / 2 ** 20);
  console.log(
    `[wardwatch] ready at ${server.url} (GraphQL at ${server.url}/graphql) in ${server.timings.startSeconds.toFixed(1)} s` +
      `${server.timings.seeded ? ', demo district seeded' : ''}; RSS ${rss} MiB`,
  );
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[wardwatch] ${signal}: shutting down`);
    try {
      await server.stop();
      console.log('[wardwatch] stopped');
      process.exit(0);
    } catch (err) {
      console.error('[wardwatch] shutdown failed:', err);
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err) => {
  console.error('[wardwatch] failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
