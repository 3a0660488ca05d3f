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

/** One GraphQL request to the running app (the browser tests compare the UI with the API). */
async function gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data as T;
}

/** A coverage percentage as the Vietnamese UI writes it: one decimal, a decimal comma. */
function percentVi(value: number): string {
  if (value <= 0) return '0%';
  return `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(value)}%`;
}

async function setLayer(kind: string, on: boolean): Promise<void> {
  const box = page.getByTestId(`layer-toggle-${kind}`);
  if ((await box.isChecked()) !== on) await box.click();
}

/** Clicks the map at a latitude/longitude (projected with the page's Leaflet map). */
async function clickMapAt(lat: number, lng: number): Promise<void> {
  const p = await page.evaluate(([la, ln]) => {
    const c = window.__wardwatch!.map.latLngToContainerPoint([la, ln]);
    return { x: c.x, y: c.y };
  }, [lat, lng]);
  const box = (await page.getByTestId('map').boundingBox())!;
  await page.mouse.click(box.x + p.x, box.y + p.y);
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
  // Nothing may leave this machine: every request goes to the app itself (or is inline data).
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (!['data:', 'blob:'].includes(u.protocol) && u.hostname !== '127.0.0.1') failed.push(`outside request: ${r.url()}`);
  });
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
    // The first camera drawn in this ward that has a label (some cameras have none).
    const ids = await page.evaluate(() => window.__wardwatch!.featureIds('CAMERAS').slice(0, 30));
    let id = 0;
    let camera: { label: string | null; type: string; longitude: number; latitude: number } | null = null;
    for (const candidate of ids) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `{ camera(id: ${candidate}) { label type longitude latitude rangeMeters } }` }),
      });
      const c = (await res.json()).data.camera;
      if (c.label) {
        id = candidate;
        camera = c;
        break;
      }
    }
    if (!camera?.label) throw new Error('no labelled camera among the first 30 drawn');
    await page.evaluate(([lat, lng]) => {
      window.__wardwatch!.map.setView([lat, lng], 19, { animate: false });
    }, [camera.latitude, camera.longitude]);
    await page.waitForTimeout(400);
    const p = await page.evaluate((cid) => window.__wardwatch!.containerPointOf('camera', cid), id);
    const box = (await page.getByTestId('map').boundingBox())!;
    await page.mouse.click(box.x + p!.x, box.y + p!.y);
    const panel = page.getByTestId('details-panel');
    await expect.poll(() => page.evaluate(() => window.__wardwatch!.selection)).toEqual({ kind: 'camera', id });
    await expect.poll(() => panel.textContent(), { timeout: 10_000 }).toContain(camera.label!);
    const typeVi = { FIXED: 'Cố định', DOME: 'Bán cầu (dome)', PTZ: 'Quay quét (PTZ)' }[camera.type as 'FIXED' | 'DOME' | 'PTZ'];
    await expect.poll(() => panel.textContent(), { timeout: 10_000 }).toContain(typeVi); // after the details load
    await page.screenshot({ path: path.join(shots, 'camera-details.png') });
  });

  it('shows the coverage legend and lists the residential groups still without a camera (R8)', async () => {
    await page.getByTestId('ward-picker').selectOption({ index: 0 }); // the district, nothing selected
    await expect.poll(() => page.evaluate(() => window.__wardwatch!.wardId)).toBeNull();
    const api = await gql(`{
      district { coverage { coveredPercent residentialGroupCount residentialGroupsWithoutCamera } }
      uncoveredResidentialGroups { deadline daysToDeadline totalGroups groupsWithoutCamera groups { id name coverage { coveredPercent } } }
    }`);
    const r8 = api.uncoveredResidentialGroups;
    expect(r8.deadline).toBe('2017-09-30');
    expect(r8.groupsWithoutCamera).toBeGreaterThan(0);

    // The legend: the coverage classes with counts that add up to the groups on the map.
    const counts = await page.evaluate(() => window.__wardwatch!.counts);
    const classCounts: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const text = await page.getByTestId(`legend-coverage-${i}`).locator('.ww-legend-subcount').textContent();
      classCounts.push(Number(text!.replace(/\./g, '')));
    }
    expect(classCounts.reduce((a, b) => a + b, 0)).toBe(counts.RESIDENTIAL_GROUPS);
    expect(classCounts[0]).toBeGreaterThan(0); // some groups no camera sees at all
    await expect(page.getByTestId('legend-coverage-4').textContent()).resolves.toContain('25–50%');
    await expect(page.getByTestId('coverage-key').isVisible()).resolves.toBe(true);
    await expect(page.getByTestId('legend-group-uncovered').textContent()).resolves.toContain(String(r8.groupsWithoutCamera));

    // The side panel: district coverage, the R8 deadline, "N of M", and the list of those groups.
    const scope = page.getByTestId('scope-coverage-percent');
    await expect.poll(() => scope.getAttribute('data-value')).not.toBeNull();
    expect(Number(await scope.getAttribute('data-value'))).toBeCloseTo(api.district.coverage.coveredPercent, 6);
    expect(await scope.textContent()).toBe(percentVi(api.district.coverage.coveredPercent));
    expect(await page.getByTestId('district-coverage').textContent()).toContain(percentVi(api.district.coverage.coveredPercent));
    await expect(page.getByTestId('r8-status').textContent()).resolves.toContain('30/09/2017');
    await expect(page.getByTestId('r8-count').textContent()).resolves.toContain(`${r8.groupsWithoutCamera} / ${r8.totalGroups} tổ dân phố`);
    const items = page.getByTestId('uncovered-item');
    await expect.poll(() => items.count()).toBe(r8.groupsWithoutCamera);
    const ids = (await items.evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-group-id')))));
    expect(ids).toEqual(r8.groups.map((g: { id: number }) => g.id));
    await page.screenshot({ path: path.join(shots, 'coverage-panel.png') });

    // A coverage target lists the groups covered less than it instead.
    const below = (await gql('{ uncoveredResidentialGroups(belowPercent: 5) { groups { id } } }')).uncoveredResidentialGroups.groups;
    await page.getByTestId('coverage-target').fill('5');
    await expect.poll(() => items.count()).toBe(below.length);
    await expect(page.getByTestId('uncovered-list').getAttribute('data-target')).resolves.toBe('5');
    await page.getByTestId('coverage-target').fill('');
    await expect.poll(() => items.count()).toBe(r8.groupsWithoutCamera);

    // The gaps layer: off at first, one hatched shape per group with a gap when turned on.
    const gaps = (await gql('{ coverageGaps }')).coverageGaps;
    expect(await page.getByTestId('layer-toggle-COVERAGE_GAPS').isChecked()).toBe(false);
    expect(counts.COVERAGE_GAPS).toBe(gaps.features.length);
    await expect(page.getByTestId('legend-count-COVERAGE_GAPS').textContent()).resolves.toBe(String(gaps.features.length));
    await setLayer('COVERAGE_GAPS', true);
    await expect.poll(() => page.locator('.leaflet-ww-gaps-pane path.ww-gap').count()).toBe(gaps.features.length);
    await expect(page.locator('.leaflet-ww-gaps-pane path.ww-gap').first().getAttribute('fill')).resolves.toBe('url(#ww-gap-hatch)');
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(shots, 'coverage-gaps.png') });
    await setLayer('COVERAGE_GAPS', false);
    await expect.poll(() => page.locator('.leaflet-ww-gaps-pane path.ww-gap').count()).toBe(0);
  });

  it('shows a residential group’s coverage when it is clicked, as the API computes it', async () => {
    // A group partly covered, so the figure is not a trivial 0%.
    const id = await page.evaluate(() => {
      const w = window.__wardwatch!;
      return w.featureIds('RESIDENTIAL_GROUPS').find((g) => (w.groupProperties(g)?.coveredPercent ?? 0) > 20)!;
    });
    const api = (await gql(`{ residentialGroup(id: ${id}) { name coverage { coveredPercent gapAreaM2 activeCameraCount sectorCount } } }`))
      .residentialGroup;
    // Only the groups take the click: points and sectors above them are switched off for it.
    for (const kind of ['CAMERAS', 'RENTAL_HOUSES', 'VIEW_SECTORS', 'WARDS']) await setLayer(kind, false);
    const at = (await page.evaluate((g) => window.__wardwatch!.insidePointOf('residentialGroup', g), id))!;
    await page.evaluate(([lat, lng]) => {
      window.__wardwatch!.map.setView([lat, lng], 17, { animate: false });
    }, [at.lat, at.lng]);
    await page.waitForTimeout(300);
    await clickMapAt(at.lat, at.lng);
    await expect.poll(() => page.evaluate(() => window.__wardwatch!.selection)).toEqual({ kind: 'residentialGroup', id });
    const percent = page.getByTestId('details-coverage-percent');
    await expect.poll(() => page.getByTestId('details-coverage').getAttribute('data-pending'), { timeout: 10_000 }).toBe('false');
    expect(Number(await percent.getAttribute('data-value'))).toBeCloseTo(api.coverage.coveredPercent, 6);
    expect(await percent.textContent()).toBe(percentVi(api.coverage.coveredPercent));
    const panel = page.getByTestId('details-panel');
    await expect(panel.textContent()).resolves.toContain(api.name);
    expect(await panel.locator('[data-field="activeCameras"] dd').textContent()).toBe(String(api.coverage.activeCameraCount));
    expect(await panel.locator('[data-field="sectorCount"] dd').textContent()).toBe(String(api.coverage.sectorCount));
    expect(await panel.locator('[data-field="gapArea"] dd').textContent()).toMatch(/ (ha|m²)$/);
    for (const kind of ['CAMERAS', 'RENTAL_HOUSES', 'VIEW_SECTORS', 'WARDS']) await setLayer(kind, true);
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(shots, 'group-details.png') });
  });

  it('links a ward’s CSV of rental houses without a camera in its details', async () => {
    const wardId = await page.evaluate(() => window.__wardwatch!.featureIds('WARDS')[0]);
    await page.getByTestId('ward-picker').selectOption(String(wardId));
    await expect.poll(() => page.evaluate(() => window.__wardwatch!.selection)).toEqual({ kind: 'ward', id: wardId });
    const link = page.getByTestId('ward-csv');
    expect(await link.getAttribute('href')).toBe(`/export/unregistered-rental-houses.csv?wardId=${wardId}`);
    const res = await fetch(`${url}${await link.getAttribute('href')}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const api = (await gql(`{ ward(id: ${wardId}) { coverage { coveredPercent } } }`)).ward.coverage;
    await expect.poll(() => page.getByTestId('details-coverage-percent').getAttribute('data-value')).not.toBeNull();
    expect(Number(await page.getByTestId('details-coverage-percent').getAttribute('data-value'))).toBeCloseTo(api.coveredPercent, 6);
    await page.screenshot({ path: path.join(shots, 'ward-details.png') });
    await page.getByTestId('ward-picker').selectOption({ index: 0 });
    await expect.poll(() => page.evaluate(() => window.__wardwatch!.selection)).toBeNull();
  });

  it('saves the README screenshot of the whole district', async () => {
    await page.getByTestId('ward-picker').selectOption({ index: 0 });
    await page.evaluate(() => {
      window.__wardwatch!.map.closePopup();
    });
    await page.getByTestId('side-panel').evaluate((el) => el.scrollTo(0, 0)); // the coverage summary and the R8 list first
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(repo, 'docs/screenshot.png') });
    const failed = (page as unknown as { failedRequests: string[] }).failedRequests;
    expect(failed).toEqual([]); // nothing fetched from outside, no script errors
  });

  it('registers a camera placed on the map, and its group’s coverage rises without a reload', async () => {
    const before = (await gql(`{ uncoveredResidentialGroups { groupsWithoutCamera groups { id name coverage { coveredPercent activeCameraCount } } } }`))
      .uncoveredResidentialGroups;
    const group = before.groups[0]; // the least covered group without a camera
    await page.evaluate(() => {
      (window as unknown as { __notReloaded: boolean }).__notReloaded = true;
    });
    const camerasBefore = await page.evaluate(() => window.__wardwatch!.counts.CAMERAS!);

    // Pick the group from the list: it is selected, zoomed to, and its coverage shown.
    await page.locator(`[data-testid="uncovered-item"][data-group-id="${group.id}"]`).click();
    await expect.poll(() => page.evaluate(() => window.__wardwatch!.selection)).toEqual({ kind: 'residentialGroup', id: group.id });
    const shown = page.getByTestId('details-coverage-percent');
    await expect.poll(() => page.getByTestId('details-coverage').getAttribute('data-pending'), { timeout: 10_000 }).toBe('false');
    const uiBefore = Number(await shown.getAttribute('data-value'));
    expect(uiBefore).toBeCloseTo(group.coverage.coveredPercent, 6);
    await page.waitForTimeout(400); // the zoom

    // Open the form, place the camera inside the group, try to send it without an owner.
    await page.getByTestId('add-camera').click();
    await expect(page.getByTestId('register-panel').isVisible()).resolves.toBe(true);
    const at = (await page.evaluate((g) => window.__wardwatch!.insidePointOf('residentialGroup', g), group.id))!;
    await clickMapAt(at.lat, at.lng);
    await expect.poll(() => page.getByTestId('register-location').getAttribute('data-lat')).not.toBe('');
    const placed = await page.evaluate(() => window.__wardwatch!.draft!.location!);
    expect(placed.latitude).toBeCloseTo(at.lat, 4);
    expect(placed.longitude).toBeCloseTo(at.lng, 4);
    await page.getByTestId('register-bearing').fill('135');
    await expect.poll(() => page.locator('.leaflet-ww-placement-pane path.ww-placement-sector').count()).toBe(1);
    // Turn it to face east by dragging the handle round the camera.
    const mapBox = (await page.getByTestId('map').boundingBox())!;
    const cam = await page.evaluate(([la, ln]) => {
      const c = window.__wardwatch!.map.latLngToContainerPoint([la, ln]);
      return { x: c.x, y: c.y };
    }, [placed.latitude, placed.longitude]);
    const handle = (await page.locator('.ww-place-bearing').boundingBox())!;
    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await page.mouse.down();
    await page.mouse.move(mapBox.x + cam.x + 60, mapBox.y + cam.y + 20, { steps: 6 });
    await page.mouse.move(mapBox.x + cam.x + 80, mapBox.y + cam.y, { steps: 4 });
    await page.mouse.up();
    await expect.poll(() => page.getByTestId('register-bearing').inputValue()).toBe('90');
    await expect(page.getByTestId('register-bearing-slider').inputValue()).resolves.toBe('90');
    await page.getByTestId('register-submit').click();
    await expect(page.getByTestId('register-error-ownerKind').textContent()).resolves.toBe('Hãy chọn chủ sở hữu camera.');
    await page.screenshot({ path: path.join(shots, 'register-form.png') });

    // A PTZ camera at a public place (its field of view and range come from the type).
    await page.getByTestId('register-type').selectOption('PTZ');
    expect(await page.getByTestId('register-fov').inputValue()).toBe('360');
    expect(await page.getByTestId('register-range').inputValue()).toBe('50');
    await page.getByTestId('register-owner').selectOption('PUBLIC');
    await page.getByTestId('register-label').fill('Camera kiểm thử tổ dân phố');
    await page.getByTestId('register-submit').click();

    // The new camera is selected and everything it changes reloads in place.
    await expect.poll(() => page.evaluate(() => window.__wardwatch!.selection?.kind), { timeout: 20_000 }).toBe('camera');
    const cameraId = await page.evaluate(() => window.__wardwatch!.selection!.id);
    await expect.poll(() => page.evaluate(() => window.__wardwatch!.refreshing), { timeout: 30_000 }).toBe(false);
    const api = (await gql(`{
      camera(id: ${cameraId}) { residentialGroupId status }
      residentialGroup(id: ${group.id}) { coverage { coveredPercent activeCameraCount } }
      uncoveredResidentialGroups { groupsWithoutCamera groups { id } }
    }`));
    expect(api.camera).toEqual({ residentialGroupId: group.id, status: 'ACTIVE' });
    const after = api.residentialGroup.coverage.coveredPercent;
    expect(after).toBeGreaterThan(group.coverage.coveredPercent);

    // The camera's details show its group's new coverage; the group's own details too.
    const inCamera = page.getByTestId('details-group-coverage');
    await expect.poll(() => inCamera.getAttribute('data-value'), { timeout: 10_000 }).not.toBeNull();
    expect(Number(await inCamera.getAttribute('data-value'))).toBeCloseTo(after, 6);
    await page.screenshot({ path: path.join(shots, 'registered-camera.png') });
    await page.locator('[data-field="residentialGroup"] button').click();
    await expect.poll(() => page.evaluate(() => window.__wardwatch!.selection)).toEqual({ kind: 'residentialGroup', id: group.id });
    await expect.poll(async () => Number(await shown.getAttribute('data-value')), { timeout: 10_000 }).toBeCloseTo(after, 6);
    expect(Number(await shown.getAttribute('data-value'))).toBeGreaterThan(uiBefore);
    expect(await shown.textContent()).toBe(percentVi(after));

    // The map's layers, the R8 list and the legend moved on with it.
    expect(await page.evaluate((g) => window.__wardwatch!.groupProperties(g)!.coveredPercent, group.id)).toBeCloseTo(after, 6);
    expect(await page.evaluate(() => window.__wardwatch!.counts.CAMERAS)).toBe(camerasBefore + 1);
    expect(await page.evaluate((id) => window.__wardwatch!.featureIds('VIEW_SECTORS').includes(id), cameraId)).toBe(true);
    expect(api.uncoveredResidentialGroups.groupsWithoutCamera).toBe(before.groupsWithoutCamera - 1);
    await expect.poll(() => page.getByTestId('uncovered-item').count()).toBe(api.uncoveredResidentialGroups.groupsWithoutCamera);
    expect(await page.locator(`[data-testid="uncovered-item"][data-group-id="${group.id}"]`).count()).toBe(0);
    await expect(page.getByTestId('r8-count').getAttribute('data-without')).resolves.toBe(String(api.uncoveredResidentialGroups.groupsWithoutCamera));
    expect(await page.evaluate(() => (window as unknown as { __notReloaded?: boolean }).__notReloaded)).toBe(true);
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(shots, 'registered-group.png') });
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
