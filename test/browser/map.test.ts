import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, apiClient, launchBrowser, repo, shots } from './support';

/**
 * The map in a real browser: starts the built app (`npm run test:browser` builds it first) on the
 * embedded database with the demo district, and drives it in Debian's headless Chromium, signing in
 * through the login screen as the demo users (a district-wide planner, HOME_AFFAIRS, a ward chair).
 * Screenshots go to test-results/browser/ (and the README's to docs/screenshot.png).
 */
let app: ChildProcess;
let url: string;
let dataDir: string;
let browser: Browser;
let page: Page;

/** The GraphQL operations the page sent, in order: `Layer:CAMERAS` for a layer. */
const operations: string[] = [];
function operationOf(body: string | null): string {
  try {
    const { query, variables } = JSON.parse(body ?? '{}') as { query?: string; variables?: { kind?: string } };
    const name = query?.match(/^\s*(?:query|mutation)\s+(\w+)/)?.[1] ?? 'anonymous';
    return variables?.kind ? `${name}:${variables.kind}` : name;
  } catch {
    return 'unreadable';
  }
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

/** Requests to the running app's API as demo users (the browser tests compare the UI with the API). */
let appApi: ReturnType<typeof apiClient>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const gql = <T = any>(query: string, variables?: Record<string, unknown>, as = 'planner'): Promise<T> => appApi.gql<T>(query, variables, as);

/** Signs in through the login screen and waits for the map. */
async function signIn(username: string): Promise<void> {
  await page.getByTestId('login-screen').waitFor();
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('app').waitFor({ timeout: 30_000 });
  // If the map's requests are answered UNAUTHENTICATED the page goes back to the login screen: say so.
  let backAtLogin = false;
  const watch = page
    .getByTestId('login-notice')
    .waitFor({ timeout: 60_000 })
    .then(
      () => void (backAtLogin = true),
      () => undefined,
    );
  try {
    await waitForMap();
  } catch (error) {
    await watch;
    if (backAtLogin) throw new Error(`signed in as ${username}, but the page went back to the login screen: a request was answered UNAUTHENTICATED`);
    throw error;
  }
  expect(await page.evaluate(() => window.__wardwatch!.user.username)).toBe(username);
}

/** Signs out with the header's button and waits for the login screen. */
async function signOut(): Promise<void> {
  await page.getByTestId('logout').click();
  await page.getByTestId('login-screen').waitFor({ timeout: 30_000 });
}

/** The ward labels the map shows. */
async function wardLabels(): Promise<string[]> {
  return page.locator('[data-testid="map"] .leaflet-marker-pane .ww-ward-label-text').allTextContents();
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
  url = await startApp();
  appApi = apiClient(url);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'vi-VN' });
  const failed: string[] = [];
  page.on('requestfailed', (r) => failed.push(r.url()));
  // Nothing may leave this machine: every request goes to the app itself (or is inline data).
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (!['data:', 'blob:'].includes(u.protocol) && u.hostname !== '127.0.0.1') failed.push(`outside request: ${r.url()}`);
  });
  page.on('pageerror', (e) => failed.push(`page error: ${e.message}`));
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname === '/graphql') operations.push(operationOf(r.postData()));
  });
  (page as unknown as { failedRequests: string[] }).failedRequests = failed;
  await page.goto(url);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  if (app && app.exitCode === null && app.signalCode === null) await stopApp('SIGKILL');
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('signing in', () => {
  it('shows the login screen first and asks the server for nothing but the session', async () => {
    await page.getByTestId('login-screen').waitFor({ timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    await expect(page.locator('#ww-login-title').textContent()).resolves.toBe('Đăng nhập');
    expect(await page.getByTestId('map').count()).toBe(0);
    expect(await page.evaluate(() => window.__wardwatch)).toBeUndefined();
    expect(operations).toEqual(['Me']); // no district, ward or layer query before a login
    // Demo mode (the default for npm start) names the demo users and their published password.
    await expect.poll(() => page.getByTestId('login-demo-hint').textContent()).toContain('wardwatch-demo');
    // The login screen speaks English too.
    await page.getByTestId('lang-en').click();
    await expect.poll(() => page.locator('#ww-login-title').textContent()).toBe('Sign in');
    await page.getByTestId('lang-vi').click();
    await expect.poll(() => page.locator('#ww-login-title').textContent()).toBe('Đăng nhập');
    await page.screenshot({ path: path.join(shots, 'login-vi.png') });
  });

  it('refuses a wrong password with a clear message, and still loads no map data', async () => {
    await page.getByTestId('login-username').fill('planner');
    await page.getByTestId('login-password').fill('not-the-password');
    await page.getByTestId('login-submit').click();
    const error = page.getByTestId('login-error');
    await expect.poll(() => error.textContent()).toBe('Sai tên đăng nhập hoặc mật khẩu.');
    expect(await error.getAttribute('data-kind')).toBe('wrongCredentials');
    expect(await page.getByTestId('login-password').inputValue()).toBe(''); // to type again
    expect(await page.getByTestId('login-username').inputValue()).toBe('planner');
    expect(operations).toEqual(['Me', 'Login']);
    await page.screenshot({ path: path.join(shots, 'login-error.png') });
  });

  it('says how long to wait after too many failed attempts', async () => {
    // A user no other test signs in as: five failures lock them out for a while.
    const error = page.getByTestId('login-error');
    await page.getByTestId('login-username').fill('justice');
    for (let i = 0; i < 5; i += 1) {
      await page.getByTestId('login-password').fill(`wrong-${i}`);
      await page.getByTestId('login-submit').click();
      await expect.poll(() => error.getAttribute('data-kind')).toBe('wrongCredentials');
      await expect.poll(() => page.getByTestId('login-submit').isEnabled()).toBe(true);
    }
    await page.getByTestId('login-password').fill(DEMO_PASSWORD); // even the right password waits now
    await page.getByTestId('login-submit').click();
    await expect.poll(() => error.getAttribute('data-kind')).toBe('tooManyAttempts');
    expect(await error.textContent()).toMatch(/^Đăng nhập sai quá nhiều lần\. Hãy thử lại sau 1[45] phút\.$/);
    expect(operations.every((op) => op === 'Me' || op === 'Login')).toBe(true);
    await page.getByTestId('login-username').fill('');
    await page.getByTestId('login-password').fill('');
  });
});

describe('the map', () => {
  it('opens in Vietnamese for a planner and draws the 13 wards with their names', async () => {
    await signIn('planner');
    expect(operations).toContain('Overview');
    expect(operations).toContain('Layer:RENTAL_HOUSES');
    await expect(page.getByTestId('user-name').textContent()).resolves.toBe('Phòng Quản lý đô thị');
    await expect(page.getByTestId('user-role').textContent()).resolves.toBe('Cán bộ quy hoạch');
    expect(await page.getByTestId('add-camera').count()).toBe(0); // a planner registers nothing
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
    await expect(page.getByTestId('user-role').textContent()).resolves.toBe('Planner');
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
      const c = (await gql(`{ camera(id: ${candidate}) { label type longitude latitude rangeMeters } }`)).camera;
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
    // A planner does not see owners: the API withholds them and the panel says so.
    expect((await gql(`{ camera(id: ${id}) { ownerName ownerPhone } }`)).camera).toEqual({ ownerName: null, ownerPhone: null });
    for (const field of ['ownerName', 'ownerPhone']) {
      const row = panel.locator(`[data-field="${field}"]`);
      expect(await row.getAttribute('data-hidden')).toBe('true');
      expect(await row.locator('dd').textContent()).toBe('ẩn — vai trò của bạn không xem dữ liệu cá nhân');
    }
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
    expect(r8.deadline).toMatch(/^\d{4}-09-30$/); // the R8 directive's deadline
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
    const [y, mo, d] = r8.deadline.split('-');
    await expect(page.getByTestId('r8-status').textContent()).resolves.toContain(`${d}/${mo}/${y}`);
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
    const res = await fetch(`${url}${await link.getAttribute('href')}`, { headers: { cookie: await appApi.sessionOf('planner') } });
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

  it('signs out back to the login screen and drops everything it loaded', async () => {
    await signOut();
    await expect(page.getByTestId('login-notice').getAttribute('data-reason')).resolves.toBe('loggedOut');
    expect(await page.getByTestId('map').count()).toBe(0);
    expect(await page.locator('.leaflet-container').count()).toBe(0);
    expect(await page.evaluate(() => window.__wardwatch)).toBeUndefined();
    // The session is over on the server too: a reload asks `me` and stays on the login screen.
    operations.length = 0;
    await page.reload();
    await page.getByTestId('login-screen').waitFor();
    await page.waitForLoadState('networkidle');
    expect(operations).toEqual(['Me']);
    await page.screenshot({ path: path.join(shots, 'signed-out.png') });
  });
});

describe('what a role sees', () => {
  it('shows HOME_AFFAIRS no rental houses: no layer request, no switch, no CSV link, owners hidden', async () => {
    operations.length = 0;
    await signIn('homeaffairs');
    await expect(page.getByTestId('user-role').textContent()).resolves.toBe('Nội vụ');
    expect(operations.filter((op) => op.startsWith('Layer:')).sort()).toEqual(
      ['Layer:CAMERAS', 'Layer:COVERAGE_GAPS', 'Layer:RESIDENTIAL_GROUPS', 'Layer:VIEW_SECTORS', 'Layer:WARDS'],
    );
    expect(await page.evaluate(() => window.__wardwatch!.layers)).not.toContain('RENTAL_HOUSES');
    expect(await page.getByTestId('layer-toggle-RENTAL_HOUSES').count()).toBe(0);
    expect(await page.getByTestId('legend-row-RENTAL_HOUSES').count()).toBe(0);
    expect(await page.getByTestId('load-error').count()).toBe(0); // nothing refused, since nothing was asked
    expect(await page.getByTestId('add-camera').count()).toBe(0);
    const counts = await page.evaluate(() => window.__wardwatch!.counts);
    expect(counts.WARDS).toBe(13);
    expect(counts.CAMERAS).toBeGreaterThan(1000);
    // A ward's details: no CSV of rental houses without a camera, no count drawn from them.
    const wardId = await page.evaluate(() => window.__wardwatch!.featureIds('WARDS')[0]);
    await page.getByTestId('ward-picker').selectOption(String(wardId));
    await expect.poll(() => page.evaluate(() => window.__wardwatch!.selection)).toEqual({ kind: 'ward', id: wardId });
    await expect.poll(() => page.getByTestId('details-coverage-percent').getAttribute('data-value')).not.toBeNull();
    expect(await page.getByTestId('ward-csv').count()).toBe(0);
    expect(await page.locator('[data-field="housesWithoutCamera"]').count()).toBe(0);
    await page.screenshot({ path: path.join(shots, 'home-affairs.png') });
    await signOut();
  });

  it('opens a ward chair’s map on their one ward, fitted to it, with the register control', async () => {
    const ward = (await gql('{ wards { id name bbox } }', undefined, 'chair.p02')).wards;
    expect(ward).toEqual([expect.objectContaining({ id: 2, name: 'Phường Hòa Lạc' })]);
    await signIn('chair.p02');
    await expect(page.getByTestId('user-name').textContent()).resolves.toBe('Lê Hữu Việt');
    await expect(page.getByTestId('user-role').textContent()).resolves.toBe('Chủ tịch phường · Phường Hòa Lạc');
    // Exactly one ward, named on the map and in the panel; nothing to pick.
    expect(await page.evaluate(() => window.__wardwatch!.counts.WARDS)).toBe(1);
    await expect.poll(() => page.locator('.ww-ward-label:not(.is-hidden)').count()).toBe(1);
    expect(await wardLabels()).toEqual(['Phường Hòa Lạc']);
    expect(await page.evaluate(() => window.__wardwatch!.wardId)).toBe(2);
    expect(await page.getByTestId('ward-picker').count()).toBe(0);
    await expect(page.getByTestId('ward-scope').textContent()).resolves.toBe('Phường Hòa Lạc');
    // The cameras drawn are exactly the ward's (as a district-wide user counts them).
    const inWard = (await gql('{ ward(id: 2) { cameraCount residentialGroupCount } }')).ward;
    const counts = await page.evaluate(() => window.__wardwatch!.counts);
    expect(counts.CAMERAS).toBe(inWard.cameraCount);
    expect(counts.RESIDENTIAL_GROUPS).toBe(inWard.residentialGroupCount);
    // The map is fitted to the ward: all of it in view, and filling most of the view one way.
    const fit = await page.evaluate(([west, south, east, north]) => {
      const b = window.__wardwatch!.map.getBounds();
      return {
        contains: b.getWest() <= west && b.getSouth() <= south && b.getEast() >= east && b.getNorth() >= north,
        fill: Math.max((east - west) / (b.getEast() - b.getWest()), (north - south) / (b.getNorth() - b.getSouth())),
      };
    }, ward[0].bbox as number[]);
    expect(fit.contains).toBe(true);
    expect(fit.fill).toBeGreaterThan(0.5);
    await expect(page.getByTestId('add-camera').isVisible()).resolves.toBe(true);
    await expect(page.getByTestId('coverage-panel').textContent()).resolves.toContain('Phường Hòa Lạc');
    await page.screenshot({ path: path.join(shots, 'ward-chair.png') });
  });

  it('registers a camera placed on the map, and its group’s coverage rises without a reload', async () => {
    // As the chair of ward 2 (signed in above): the least covered group of their ward.
    const target = 100;
    const before = (
      await gql(
        `{ uncoveredResidentialGroups(belowPercent: ${target}) { groupsWithoutCamera groups { id name wardId coverage { coveredPercent activeCameraCount } } } }`,
        undefined,
        'chair.p02',
      )
    ).uncoveredResidentialGroups;
    const group = before.groups[0];
    expect(group.wardId).toBe(2);
    await page.getByTestId('coverage-target').fill(String(target));
    await expect.poll(() => page.getByTestId('uncovered-list').getAttribute('data-target')).toBe(String(target));
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
    const api = await gql(
      `{
      camera(id: ${cameraId}) { residentialGroupId status wardId }
      residentialGroup(id: ${group.id}) { coverage { coveredPercent activeCameraCount } }
      uncoveredResidentialGroups(belowPercent: ${target}) { groupsWithoutCamera groups { id } }
    }`,
      undefined,
      'chair.p02',
    );
    expect(api.camera).toEqual({ residentialGroupId: group.id, status: 'ACTIVE', wardId: 2 });
    const after = api.residentialGroup.coverage.coveredPercent;
    expect(after).toBeGreaterThan(group.coverage.coveredPercent);

    // The camera's details show its group's new coverage; the group's own details too.
    const inCamera = page.getByTestId('details-group-coverage');
    await expect.poll(() => inCamera.getAttribute('data-value'), { timeout: 10_000 }).not.toBeNull();
    expect(Number(await inCamera.getAttribute('data-value'))).toBeCloseTo(after, 6);
    // A chair sees personal data: nothing is "hidden", the new camera simply has no owner recorded.
    expect(await page.locator('[data-testid="details-panel"] [data-field="ownerName"]').getAttribute('data-hidden')).toBeNull();
    await expect(page.locator('[data-testid="details-panel"] [data-field="ownerName"] dd').textContent()).resolves.toBe('Chưa ghi nhận');
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
    // The list of groups below the target follows: the group's figure moved on (or it left the list).
    expect(api.uncoveredResidentialGroups.groupsWithoutCamera).toBe(Math.max(0, before.groupsWithoutCamera - (group.coverage.activeCameraCount === 0 ? 1 : 0)));
    await expect.poll(() => page.getByTestId('uncovered-item').count()).toBe(api.uncoveredResidentialGroups.groups.length);
    const item = page.locator(`[data-testid="uncovered-item"][data-group-id="${group.id}"] .ww-group-item-percent`);
    if (after < target) await expect.poll(async () => Number(await item.getAttribute('data-value'))).toBeCloseTo(after, 6);
    else expect(await item.count()).toBe(0);
    await expect(page.getByTestId('r8-count').getAttribute('data-without')).resolves.toBe(String(api.uncoveredResidentialGroups.groupsWithoutCamera));
    expect(await page.evaluate(() => (window as unknown as { __notReloaded?: boolean }).__notReloaded)).toBe(true);
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(shots, 'registered-group.png') });
  });

  it('goes back to the login screen when the session ends', async () => {
    // As if the session expired: the browser loses its cookie; the next answer says UNAUTHENTICATED.
    await page.context().clearCookies();
    await page.getByTestId('coverage-target').fill('50'); // a new list is asked for
    await page.getByTestId('login-screen').waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('login-notice').getAttribute('data-reason')).resolves.toBe('expired');
    await expect(page.getByTestId('login-notice').textContent()).resolves.toBe('Phiên làm việc đã kết thúc. Hãy đăng nhập lại.');
    expect(await page.evaluate(() => window.__wardwatch)).toBeUndefined();
    expect(await page.locator('.leaflet-container').count()).toBe(0);
    await page.screenshot({ path: path.join(shots, 'session-ended.png') });
    const failed = (page as unknown as { failedRequests: string[] }).failedRequests;
    // Signing out cancels what was still loading; nothing else may fail, nothing may leave the machine.
    expect(failed.filter((f) => f.startsWith('outside request') || f.startsWith('page error'))).toEqual([]);
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
      headers: { 'content-type': 'application/json', cookie: await apiClient(again).sessionOf('planner') },
      body: JSON.stringify({ query: '{ wards { name } }' }),
    });
    expect((await res.json()).data.wards).toHaveLength(13);
    expect(await stopApp('SIGTERM')).toBe(0);
  });
});
