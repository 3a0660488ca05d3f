import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The map in a real browser: starts the built app (`npm run test:browser` builds it first) on the
 * embedded database with the demo district, and drives it in Debian's headless Chromium.
 * Screenshots go to test-results/browser/ (and the README's to docs/screenshot.png).
 */
const repo = path.resolve(__dirname, '../..');
const shots = path.join(repo, 'test-results/browser');
let app: ChildProcess;
let url: string;
let dataDir: string;
let browser: Browser;
let page: Page;

function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).trim();
}

let appLog = '';

/** Starts `node dist/node/server/src/main.js` as `npm start` does, on a free port, in `dataDir`. */
async function startApp(): Promise<string> {
  dataDir ??= mkdtempSync(path.join(os.tmpdir(), 'wardwatch-browser-'));
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1', WARDWATCH_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  delete env.NODE_ENV; // as a user runs it (Vitest sets "test", which changes Apollo's signal handling)
  app = spawn(process.execPath, ['dist/node/server/src/main.js'], { cwd: repo, env, stdio: ['ignore', 'pipe', 'pipe'] });
  appLog = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`app did not start in time:\n${appLog}`)), 240_000);
    const onData = (chunk: Buffer) => {
      appLog += chunk.toString();
      const m = appLog.match(/ready at (http:\/\/\S+?) /);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    app.stdout!.on('data', onData);
    app.stderr!.on('data', onData);
    app.once('exit', (code) => reject(new Error(`app exited with ${code}:\n${appLog}`)));
  });
}

/** Non-background pixels drawn on the map's canvases (Leaflet draws vectors on canvas). */
async function paintedPixels(): Promise<number> {
  return page.evaluate(() => {
    let n = 0;
    for (const canvas of document.querySelectorAll<HTMLCanvasElement>('[data-testid="map"] canvas')) {
      const ctx = canvas.getContext('2d');
      if (!ctx || canvas.width === 0) continue;
      const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
    }
    return n;
  });
}

/** Sends a signal and waits for the app to exit; returns its exit code. */
async function stopApp(signal: NodeJS.Signals): Promise<number | null> {
  const exited = new Promise<number | null>((r) => app.once('exit', (code) => r(code)));
  app.kill(signal);
  return exited;
}

async function waitForMap(): Promise<void> {
  await page.waitForSelector('[data-testid="app"][data-ready="true"]', { timeout: 60_000 });
  await page.waitForFunction(() => window.__wardwatch?.ready === true, null, { timeout: 60_000 });
  await page.waitForTimeout(300); // let the canvas paint
}

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  url = await startApp();
  browser = await chromium.launch({
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
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'vi-VN' });
  const failed: string[] = [];
  page.on('requestfailed', (r) => failed.push(r.url()));
  page.on('pageerror', (e) => failed.push(`page error: ${e.message}`));
  (page as unknown as { failedRequests: string[] }).failedRequests = failed;
  await page.goto(url);
  await waitForMap();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  if (app && app.exitCode === null && app.signalCode === null) await stopApp('SIGKILL');
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('the map', () => {
  it('opens in Vietnamese and draws the 13 wards with their names', async () => {
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    const counts = await page.evaluate(() => window.__wardwatch!.counts);
    expect(counts.WARDS).toBe(13);
    const names = await page.locator('[data-testid="map"] .leaflet-marker-pane').getByText(/^Phường /).allTextContents();
    expect(new Set(names).size).toBe(13);
    // ... and at this size every name shows (colliding labels move a line up or down before hiding).
    await expect.poll(() => page.locator('.ww-ward-label:not(.is-hidden)').count()).toBe(13);
    await expect(page.getByTestId('legend').textContent()).resolves.toContain('Ranh giới phường');
    await page.screenshot({ path: path.join(shots, 'district-vi.png') });
  });

  it('draws camera view sectors: turning their layer off removes painted pixels', async () => {
    const counts = await page.evaluate(() => window.__wardwatch!.counts);
    expect(counts.VIEW_SECTORS).toBeGreaterThan(1000);
    const withSectors = await paintedPixels();
    await page.getByTestId('layer-toggle-VIEW_SECTORS').click();
    await page.waitForTimeout(300);
    const without = await paintedPixels();
    expect(withSectors - without).toBeGreaterThan(1000);
    await page.getByTestId('layer-toggle-VIEW_SECTORS').click();
    await page.waitForTimeout(300);
    expect(await paintedPixels()).toBe(withSectors);
  });

  it('switches to English and back without a reload', async () => {
    await page.getByTestId('lang-en').click();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
    await expect(page.getByTestId('legend').textContent()).resolves.toContain('Ward boundaries');
    await expect(page.getByTestId('legend').textContent()).resolves.toContain('Camera view sectors');
    await page.screenshot({ path: path.join(shots, 'district-en.png') });
    await page.getByTestId('lang-vi').click();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('vi');
    await expect(page.getByTestId('legend').textContent()).resolves.toContain('Vùng quan sát của camera');
  });

  it('zooms to a ward chosen in the picker', async () => {
    const before = await page.evaluate(() => window.__wardwatch!.map.getZoom());
    const wardValue = await page.locator('[data-testid="ward-picker"] option').nth(3).getAttribute('value');
    await page.getByTestId('ward-picker').selectOption(wardValue!);
    await expect.poll(() => page.evaluate(() => window.__wardwatch!.wardId)).toBe(Number(wardValue));
    await expect.poll(() => page.evaluate(() => window.__wardwatch!.map.getZoom())).toBeGreaterThan(before);
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(shots, 'ward.png') });
  });

  it('shows a camera’s details when it is clicked', async () => {
    const id = await page.evaluate(() => window.__wardwatch!.featureIds('CAMERAS')[0]);
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ camera(id: ${id}) { label type longitude latitude rangeMeters } }` }),
    });
    const camera = (await res.json()).data.camera;
    await page.evaluate(([lat, lng]) => {
      window.__wardwatch!.map.setView([lat, lng], 19, { animate: false });
    }, [camera.latitude, camera.longitude]);
    await page.waitForTimeout(400);
    const p = await page.evaluate((cid) => window.__wardwatch!.containerPointOf('camera', cid), id);
    const box = (await page.getByTestId('map').boundingBox())!;
    await page.mouse.click(box.x + p!.x, box.y + p!.y);
    const panel = page.getByTestId('details-panel');
    await expect.poll(() => page.evaluate(() => window.__wardwatch!.selection)).toEqual({ kind: 'camera', id });
    await expect.poll(() => panel.textContent(), { timeout: 10_000 }).toContain(camera.label);
    const typeVi = { FIXED: 'Cố định', DOME: 'Bán cầu (dome)', PTZ: 'Quay quét (PTZ)' }[camera.type as 'FIXED' | 'DOME' | 'PTZ'];
    await expect.poll(() => panel.textContent(), { timeout: 10_000 }).toContain(typeVi); // after the details load
    await page.screenshot({ path: path.join(shots, 'camera-details.png') });
  });

  it('saves the README screenshot of the whole district', async () => {
    await page.getByTestId('ward-picker').selectOption({ index: 0 });
    await page.evaluate(() => {
      window.__wardwatch!.map.closePopup();
    });
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(repo, 'docs/screenshot.png') });
    const failed = (page as unknown as { failedRequests: string[] }).failedRequests;
    expect(failed).toEqual([]); // nothing fetched from outside, no script errors
  });

  it('stops cleanly on Ctrl-C and starts again from the same data directory, faster', async () => {
    const first = Number(appLog.match(/ in ([\d.]+) s/)![1]);
    expect(await stopApp('SIGINT')).toBe(0);
    expect(appLog).toContain('[wardwatch] stopped');
    const again = await startApp();
    expect(appLog).not.toContain('demo district seeded'); // the data was kept
    const second = Number(appLog.match(/ in ([\d.]+) s/)![1]);
    expect(second).toBeLessThan(first);
    const res = await fetch(`${again}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ wards { name } }' }),
    });
    expect((await res.json()).data.wards).toHaveLength(13);
    expect(await stopApp('SIGTERM')).toBe(0);
  });
});
