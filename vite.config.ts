import path from 'node:path';
import react from '@vitejs/plugin-react';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const repo = __dirname;
// graphql 16 has no "exports" map: Vite would pick its ESM build for our code while Node gives the
// CommonJS one to type-graphql and Apollo, and two copies break `instanceof`. Use one: CommonJS.
const oneGraphql = { alias: [{ find: /^graphql$/, replacement: path.join(repo, 'node_modules/graphql/index.js') }] };
// TypeORM and type-graphql read decorator metadata, which esbuild does not emit: tests compile with SWC.
const decorators = () =>
  swc.vite({
    tsconfigFile: path.join(repo, 'tsconfig.json'),
    jsc: { target: 'es2022', transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false } },
  });

class PathOrder extends BaseSequencer {
  async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return [...files].sort((a, b) => a.moduleId.localeCompare(b.moduleId));
  }
}

export default defineConfig({
  // The map client: `vite build` writes dist/client, which `npm start` serves on the API's port.
  root: path.join(repo, 'client'),
  plugins: [react()],
  build: { outDir: path.join(repo, 'dist/client'), emptyOutDir: true, chunkSizeWarningLimit: 1200 },
  // ws: the live map's subscriptions (WebSocket at /graphql) pass through too.
  server: { proxy: { '/graphql': { target: 'http://127.0.0.1:4000', ws: true } } },
  test: {
    // Test files run in path order: test/db (which checks the pristine demo seed) before test/server
    // (whose mutations add cameras and houses to the shared database).
    sequence: { sequencer: PathOrder },
    projects: [
      {
        plugins: [decorators()],
        resolve: oneGraphql,
        test: {
          name: 'unit',
          root: repo,
          include: ['test/shared/**/*.test.ts', 'test/client/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        plugins: [decorators()],
        resolve: oneGraphql,
        test: {
          name: 'integration',
          root: repo,
          include: ['test/db/**/*.test.ts', 'test/server/**/*.test.ts'],
          environment: 'node',
          globalSetup: [path.join(repo, 'test/setup/database.ts')],
          // One database for the whole run: files run one after another, tests inside them in order.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'browser',
          root: repo,
          include: ['test/browser/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
