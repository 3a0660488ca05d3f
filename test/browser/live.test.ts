import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATUS_COLORS } from '../../client/src/map/styles';
import { apiClient, launchBrowser, shots, signIn, startApp, type RunningApp } from './support';

/**
 * The live map in a real browser: a planner's open map gets a camera's status change (made through
 * the API by the admin) over the WebSocket, and the camera's marker changes colour where it is,
 * without the page reloading; coverage reloads after it. Screenshots: test-results/browser/live-*.png.
 */
let app: RunningApp;
let browser: Browser;
let page: Page;
let api: ReturnType<typeof apiClient>;
let cameraId: number;

type Rgb = [number, number, number];
const rgb = (hex: string): Rgb => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
const near = (a: Rgb, b: Rgb, tolerance = 40) => a.every((v, i) => Math.abs(v - b[i]!) <= tolerance);

/** The colour the map's canvas shows at the centre of a camera's marker. */
function pixelAt(id: number): Promise<Rgb | null> {
  return page.evaluate((cameraId) => {
    const hook = window.__wardwatch!;
    const at = hook.containerPointOf('camera', cameraId);
    const canvas = document.querySelector<HTMLCanvasElement>('.leaflet-overlay-pane canvas');
    if (!at || !canvas) return null;
    const box = hook.map.getContainer().getBoundingClientRect();
    const c = canvas.getBoundingClientRect();
    const x = Math.round((box.left + at.x - c.left) * (canvas.width / c.width));
    const y = Math.round((box.top + at.y - c.top) * (canvas.height / c.height));
    const [r, g, b] = canvas.getContext('2d')!.getImageData(x, y, 1, 1).data;
    return [r!, g!, b!] as [number, number, number];
  }, id);
}

const markerOf = (id: number) => page.evaluate((cameraId) => window.__wardwatchLive?.markerOf(cameraId) ?? null, id);

async function setStatus(status: string): Promise<void> {
  await api.gql(`mutation($id: Int!, $s: CameraStatus!) { updateCamera(id: $id, input: { status: $s }) { status } }`, { id: cameraId, s: status }, 'admin');
}

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  api = apiClient(app.url);
  const context = await browser.newContext({ viewport: { width: 1360, height: 860 }, locale: 'vi-VN' });
  page = await context.newPage();
  page.on('pageerror', (err) => console.error('[page error]', err));
  await page.goto(app.url);
  await signIn(page, 'planner');
  await page.waitForFunction(() => window.__wardwatch?.ready === true && window.__wardwatchLive?.state === 'live', null, { timeout: 60_000 });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe("the live map: a camera's status changes on an open map", () => {
  it('shows that the map is live', async () => {
    const pill = page.getByTestId('live-status');
    await expect(pill.getAttribute('data-state')).resolves.toBe('live');
    await expect(pill.textContent()).resolves.toContain('Trực tiếp');
  });

  it('restyles the camera where it is within seconds, without a reload, and reloads coverage after it', async () => {
    // An active camera whose marker is drawn on top where it stands (no other marker covers its centre).
    const candidates: number[] = await page.evaluate(() => window.__wardwatch!.featureIds('CAMERAS'));
    for (const id of candidates) {
      if ((await markerOf(id))?.status !== 'ACTIVE') continue;
      await page.evaluate((cameraId) => {
        const hook = window.__wardwatch!;
        const at = hook.containerPointOf('camera', cameraId)!;
        hook.map.setView(hook.map.containerPointToLatLng([at.x, at.y]), 18, { animate: false });
      }, id);
      await page.waitForTimeout(300);
      const colour = await pixelAt(id);
      if (colour && near(colour, rgb(STATUS_COLORS.ACTIVE), 24)) {
        cameraId = id;
        break;
      }
    }
    expect(cameraId, 'an active camera drawn on top').toBeDefined();
    expect(await markerOf(cameraId)).toEqual({ status: 'ACTIVE', fillColor: STATUS_COLORS.ACTIVE });
    await page.screenshot({ path: path.join(shots, 'live-before.png') });

    // Anything the page loads from now on is counted; a reload would also lose this mark.
    await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
    const revision: number = await page.evaluate(() => window.__wardwatch!.revision);
    const layerRequests: string[] = [];
    page.on('request', (r) => {
      const kind = (r.postData() ?? '').match(/"kind":"(\w+)"/)?.[1];
      if (kind) layerRequests.push(kind);
    });

    const t0 = Date.now();
    await setStatus('OFFLINE');
    // The marker's style, not only its feature's status (the style follows on the next render).
    const styled = (id: number, fill: string) => page.waitForFunction(([i, f]) => window.__wardwatchLive?.markerOf(i as number)?.fillColor === f, [id, fill] as const, { timeout: 5000 });
    await styled(cameraId, STATUS_COLORS.OFFLINE);
    const seconds = (Date.now() - t0) / 1000;
    expect(seconds).toBeLessThan(5);
    expect(await markerOf(cameraId)).toEqual({ status: 'OFFLINE', fillColor: STATUS_COLORS.OFFLINE });
    // Drawn: the canvas shows the offline colour at the camera's centre.
    await expect.poll(() => pixelAt(cameraId).then((c) => c && near(c, rgb(STATUS_COLORS.OFFLINE), 24)), { timeout: 3000 }).toBe(true);
    // The notice names the camera and its new status.
    const notice = page.locator(`[data-testid="live-notice"][data-camera-id="${cameraId}"]`);
    await expect(notice.getAttribute('data-status')).resolves.toBe('OFFLINE');
    await expect(notice.textContent()).resolves.toContain('Mất kết nối');
    await page.screenshot({ path: path.join(shots, 'live-offline.png') });

    // Then coverage (groups, gaps, the district's figures) reloads once; the cameras themselves do not.
    await page.waitForFunction((r) => window.__wardwatch!.revision > r && !window.__wardwatch!.refreshing, revision, { timeout: 15_000 });
    expect([...new Set(layerRequests)].sort()).toEqual(['COVERAGE_GAPS', 'RESIDENTIAL_GROUPS']);
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    // Still offline after the reload.
    expect((await markerOf(cameraId))?.status).toBe('OFFLINE');

    // And back.
    await setStatus('ACTIVE');
    await styled(cameraId, STATUS_COLORS.ACTIVE);
    expect((await markerOf(cameraId))?.status).toBe('ACTIVE');
    await expect.poll(() => pixelAt(cameraId).then((c) => c && near(c, rgb(STATUS_COLORS.ACTIVE), 24)), { timeout: 3000 }).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  });

  it('selects the camera when its notice is clicked', async () => {
    const notice = page.locator(`[data-testid="live-notice"][data-camera-id="${cameraId}"] .ww-live-notice-body`);
    await notice.click();
    await expect.poll(() => page.evaluate(() => window.__wardwatch!.selection)).toEqual({ kind: 'camera', id: cameraId });
    await page.screenshot({ path: path.join(shots, 'live-selected.png') });
  });
});
