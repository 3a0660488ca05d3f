import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/**
 * What the browser tests share: the built app started as `npm start` runs it (on the embedded
 * database with the demo district, a free port, a fresh data dir), Debian's headless Chromium,
 * and requests to the API as a demo user. `npm run test:browser` builds the app first; a build
 * elsewhere can be tested with WARDWATCH_TEST_NODE_DIR (the server's compiled output, holding
 * server/src/main.js) and WARDWATCH_CLIENT_DIR (the client's).
 */
export const repo = path.resolve(__dirname, '../..');
export const shots = path.join(repo, 'test-results/browser');

/** Every demo user's password (db/seed/demo-users.ts). */
export const DEMO_PASSWORD = 'wardwatch-demo';

export function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).trim();
}

export interface RunningApp {
  url: string;
  process: ChildProcess;
  dataDir: string;
  log(): string;
  /** Stops the app (SIGTERM) and removes its data dir. */
  stop(): Promise<void>;
}

/** Starts the built server on a free port with the embedded database in a fresh data dir. */
export async function startApp(): Promise<RunningApp> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'wardwatch-browser-'));
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1', WARDWATCH_DATA_DIR: dataDir };
  // No demo gateway and no heartbeat timeout: cameras keep the statuses the seed gave them.
  env.WARDWATCH_DEMO_GATEWAY ??= 'off';
  env.WARDWATCH_HEARTBEAT_CHECK ??= '0';
  delete env.DATABASE_URL;
  delete env.NODE_ENV; // as a user runs it (Vitest sets "test", which changes Apollo's signal handling)
  const nodeDir = process.env.WARDWATCH_TEST_NODE_DIR || path.join(repo, 'dist/node');
  const child = spawn(process.execPath, [path.join(nodeDir, 'server/src/main.js')], { cwd: repo, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`app did not start in time:\n${log}`)), 240_000);
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      const m = log.match(/ready at (http:\/\/\S+?) /);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`app exited with ${code}:\n${log}`)));
  });
  return {
    url,
    process: child,
    dataDir,
    log: () => log,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Headless Chromium with the flags that work on these machines, and a fresh profile. */
export async function launchBrowser(): Promise<Browser> {
  mkdirSync(shots, { recursive: true });
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Requests to the running app's API as demo users (logs each one in once). */
export function apiClient(url: string) {
  const cookies = new Map<string, string>();
  async function sessionOf(username: string): Promise<string> {
    if (!cookies.has(username)) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: 'mutation Login($input: LoginInput!) { login(input: $input) { expiresAt } }',
          variables: { input: { username, password: DEMO_PASSWORD } },
        }),
      });
      const cookie = res.headers.get('set-cookie')?.split(';')[0];
      if (!cookie) throw new Error(`login as ${username} failed: ${await res.text()}`);
      cookies.set(username, cookie);
    }
    return cookies.get(username)!;
  }
  return {
    sessionOf,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async gql<T = any>(query: string, variables?: Record<string, unknown>, as = 'planner'): Promise<T> {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: await sessionOf(as) },
        body: JSON.stringify({ query, variables }),
      });
      const body = await res.json();
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data as T;
    },
  };
}

/** Signs in through the login screen and waits until the signed-in page (data-testid="app") shows. */
export async function signIn(page: Page, username: string): Promise<void> {
  await page.getByTestId('login-screen').waitFor();
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('app').waitFor({ timeout: 30_000 });
}
