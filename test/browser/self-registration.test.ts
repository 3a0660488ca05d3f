import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, launchBrowser, shots, signIn, startApp, type RunningApp } from './support';

/**
 * Owners' self-registration (R1) in a real browser, against the built app on the demo district: a
 * signed-out resident opens #/register, places the camera by clicking the map, turns it by dragging
 * the handle, picks the type, fills in the contact, consents, sends it and gets the reference (print
 * and save); the chair of that ward then finds it pending and approves it, and the resident's status
 * check says so. Screenshots at 1366x768 and on a phone (390x844) go to
 * test-results/browser/self-registration-*.png.
 */
let app: RunningApp;
let browser: Browser;
let api: ReturnType<typeof apiClient>;
let reference = '';
/** the bearing the drag set (about 90°: east) */
let bearing = 0;
const PHONE = '0905 246 810';

const REFERENCE = /^[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}$/;

async function signedOut(viewport: { width: number; height: number }, options: { mobile?: boolean } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport,
    locale: 'vi-VN',
    acceptDownloads: true,
    ...(options.mobile ? { deviceScaleFactor: 2, isMobile: true, hasTouch: true } : {}),
  });
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error('[page error]', err));
  return { context, page };
}

/** Opens #/register and waits until the wards are on the map. */
async function openRegister(page: Page): Promise<void> {
  await page.goto(`${app.url}/#/register`);
  await page.getByTestId('selfreg-page').waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => window.__wardwatchRegister != null, undefined, { timeout: 60_000 });
}

/** Clicks the public map at a point well inside the ward with this code; returns that point's screen position. */
async function clickInsideWard(page: Page, code: string): Promise<{ x: number; y: number }> {
  const p = await page.evaluate((c) => {
    const hook = window.__wardwatchRegister!;
    const at = hook.insidePointOf(c)!;
    return hook.containerPointOf(at.lat, at.lng);
  }, code);
  const box = (await page.getByTestId('selfreg-map').boundingBox())!;
  const at = { x: box.x + p.x, y: box.y + p.y };
  await page.mouse.click(at.x, at.y);
  return at;
}

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  api = apiClient(app.url);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('the public registration page, signed out', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ context, page } = await signedOut({ width: 1366, height: 768 }));
  });
  afterAll(async () => {
    await context?.close();
  });

  it('is reached from the login screen without signing in', async () => {
    await page.goto(app.url);
    await page.getByTestId('login-screen').waitFor({ timeout: 60_000 });
    await page.getByTestId('login-register-link').click();
    await page.getByTestId('selfreg-page').waitFor();
    expect(await page.evaluate(() => window.location.hash)).toBe('#/register');
    await expect(page.getByTestId('login-screen').count()).resolves.toBe(0);
  });

  it('places the camera by a click, turns it by dragging the handle, and prefills field of view and range per type', async () => {
    await openRegister(page);
    const wardName: string = (await api.gql('{ ward(id: 2) { name code } }', {}, 'chair.p02')).ward.name;
    await clickInsideWard(page, 'P02');
    await expect.poll(() => page.getByTestId('selfreg-location').getAttribute('data-lat')).not.toBe('');
    // The map zooms in on the camera; where is it now on the screen?
    const lat = Number(await page.getByTestId('selfreg-location').getAttribute('data-lat'));
    const lng = Number(await page.getByTestId('selfreg-location').getAttribute('data-lng'));
    expect(await page.evaluate(() => window.__wardwatchRegister!.map.getZoom())).toBeGreaterThanOrEqual(18);
    const box = (await page.getByTestId('selfreg-map').boundingBox())!;
    const inMap = await page.evaluate(([la, ln]) => window.__wardwatchRegister!.containerPointOf(la, ln), [lat, lng]);
    const camera = { x: box.x + inMap.x, y: box.y + inMap.y };
    await expect(page.getByTestId('selfreg-ward').textContent()).resolves.toContain(wardName);
    // The sector preview is drawn, and a handle sits on it to turn the camera.
    await expect.poll(() => page.locator('.leaflet-ww-placement-pane path.ww-placement-sector').count()).toBe(1);
    const handle = (await page.locator('.ww-place-bearing').boundingBox())!;
    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await page.mouse.down();
    await page.mouse.move(camera.x + 50, camera.y - 30, { steps: 6 });
    await page.mouse.move(camera.x + 80, camera.y, { steps: 4 });
    await page.mouse.up();
    // East, to the pixel: the handle lands within a degree of 90°.
    await expect.poll(async () => Math.abs(Number(await page.getByTestId('selfreg-bearing').inputValue()) - 90)).toBeLessThanOrEqual(1);
    bearing = Number(await page.getByTestId('selfreg-bearing').inputValue());
    await expect(page.getByTestId('selfreg-bearing-slider').inputValue()).resolves.toBe(String(bearing));

    // A dome sees all around: its defaults, and no direction; back to a fixed camera, facing east still.
    await page.getByTestId('selfreg-type').selectOption('DOME');
    expect([await page.getByTestId('selfreg-fov').inputValue(), await page.getByTestId('selfreg-range').inputValue()]).toEqual(['360', '15']);
    await expect(page.getByTestId('selfreg-bearing').isDisabled()).resolves.toBe(true);
    await expect.poll(() => page.locator('.ww-place-bearing').count()).toBe(0);
    await page.getByTestId('selfreg-type').selectOption('FIXED');
    expect([await page.getByTestId('selfreg-fov').inputValue(), await page.getByTestId('selfreg-range').inputValue()]).toEqual(['85', '30']);
    expect(await page.getByTestId('selfreg-bearing').inputValue()).toBe(String(bearing));
  });

  it('names every missing detail before sending anything', async () => {
    await page.getByTestId('selfreg-submit').click();
    for (const field of ['ownerName', 'ownerPhone', 'address', 'policeAccess', 'consentToContact']) {
      await expect(page.getByTestId(`selfreg-error-${field}`).isVisible(), field).resolves.toBe(true);
    }
    await expect(page.getByTestId('selfreg-error-ownerPhone').textContent()).resolves.toBe('Hãy nhập số điện thoại.');
    await expect(page.getByTestId('selfreg-receipt').count()).resolves.toBe(0);
  });

  it('sends the registration and shows the reference big, with a summary of what was registered', async () => {
    await page.getByTestId('selfreg-owner-kind').selectOption('RENTAL_HOUSE');
    await page.getByTestId('selfreg-owner-name').fill('Phạm Thị Hồng Nhung');
    await page.getByTestId('selfreg-owner-phone').fill(PHONE);
    await page.getByTestId('selfreg-owner-email').fill('nhung.pham@example.com');
    await page.getByTestId('selfreg-address').fill('K42/7 Lê Lợi, tổ 5');
    await page.getByTestId('selfreg-police-ON_REQUEST').check();
    await page.getByTestId('selfreg-consent').check();
    await expect.poll(() => page.locator('[data-testid^="selfreg-error-"]').count()).toBe(0);
    await page.screenshot({ path: path.join(shots, 'self-registration-form.png') });

    await page.getByTestId('selfreg-submit').click();
    const receipt = page.getByTestId('selfreg-receipt');
    await receipt.waitFor({ timeout: 30_000 });
    const shown = (await page.getByTestId('selfreg-reference').textContent())!.trim();
    expect(shown).toMatch(REFERENCE);
    reference = (await receipt.getAttribute('data-reference'))!;
    expect(shown.replace('-', '')).toBe(reference);
    // The map keeps showing what was registered: the camera's view.
    await expect.poll(() => page.locator('[data-testid="selfreg-map"] path.ww-sent-sector').count()).toBe(1);
    const size = await page.getByTestId('selfreg-reference').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(28);
    const summary = await page.getByTestId('selfreg-summary').textContent();
    for (const text of ['Đang chờ duyệt', 'Cố định', 'Phạm Thị Hồng Nhung', PHONE, 'K42/7 Lê Lợi, tổ 5', 'Cung cấp khi công an yêu cầu', 'Nhà cho thuê trọ']) {
      expect(summary, text).toContain(text);
    }

    // The ward's queue holds it, pending, as it was sent; nothing of it is a camera yet.
    const queue = await api.gql(
      `{ cameraRegistrations(state: PENDING, first: 500) { edges { node { reference wardId bearing fieldOfView rangeMeters type ownerKind ownerName ownerPhone policeAccess cameraId } } } }`,
      {},
      'chair.p02',
    );
    const mine = queue.cameraRegistrations.edges.map((e: { node: { reference: string } }) => e.node).find((n: { reference: string }) => n.reference === reference);
    expect(mine).toEqual({
      reference, wardId: 2, bearing, fieldOfView: 85, rangeMeters: 30, type: 'FIXED', ownerKind: 'RENTAL_HOUSE',
      ownerName: 'Phạm Thị Hồng Nhung', ownerPhone: PHONE, policeAccess: 'ON_REQUEST', cameraId: null,
    });
    await page.screenshot({ path: path.join(shots, 'self-registration-receipt.png') });
  });

  it('lets the owner keep the confirmation: saved as a small HTML receipt, or printed without the map and the buttons', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('selfreg-save').click()]);
    expect(download.suggestedFilename()).toBe(`camera-registration-${reference}.html`);
    const html = readFileSync((await download.path())!, 'utf8');
    expect(html).toContain(`${reference.slice(0, 5)}-${reference.slice(5)}`);
    expect(html).toContain('Phạm Thị Hồng Nhung');
    expect(html.length).toBeLessThan(10_000);

    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed += 1;
      };
    });
    await page.getByTestId('selfreg-print').click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() => {
      const shown = (sel: string) => {
        const el = document.querySelector(sel);
        return el != null && el.getClientRects().length > 0;
      };
      return { header: shown('.ww-selfreg-header'), map: shown('[data-testid="selfreg-map"]'), buttons: shown('.ww-selfreg-actions'), receipt: shown('[data-testid="selfreg-receipt"]'), status: shown('[data-testid="selfreg-status"]') };
    });
    await page.screenshot({ path: path.join(shots, 'self-registration-print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    expect(printed).toEqual({ header: false, map: false, buttons: false, receipt: true, status: false });
  });

  it('answers the status check from the reference and the phone number: waiting for review', async () => {
    // The form is filled in from the receipt.
    expect(await page.getByTestId('selfreg-status-reference').inputValue()).toBe(`${reference.slice(0, 5)}-${reference.slice(5)}`);
    await page.getByTestId('selfreg-status-submit').click();
    await expect.poll(() => page.getByTestId('selfreg-status-answer').getAttribute('data-state')).toBe('PENDING');
    // A wrong phone number finds nothing.
    await page.getByTestId('selfreg-status-phone').fill('0905 000 000');
    await page.getByTestId('selfreg-status-submit').click();
    await page.getByTestId('selfreg-status-none').waitFor();
  });
});

describe('on a phone (390x844)', () => {
  it('stacks the map over the form, and registers a dome camera the same way', async () => {
    const { context, page } = await signedOut({ width: 390, height: 844 }, { mobile: true });
    try {
      await openRegister(page);
      await page.screenshot({ path: path.join(shots, 'self-registration-phone.png') });
      const map = (await page.getByTestId('selfreg-map').boundingBox())!;
      const form = (await page.getByTestId('selfreg-form').boundingBox())!;
      expect(map.width).toBeGreaterThan(350);
      expect(form.y).toBeGreaterThanOrEqual(map.y + map.height);
      // Nothing is wider than the screen.
      expect(await page.evaluate(() => document.querySelector('.ww-selfreg-main')!.scrollWidth)).toBeLessThanOrEqual(390);

      await clickInsideWard(page, 'P05');
      await expect.poll(() => page.getByTestId('selfreg-location').getAttribute('data-lat')).not.toBe('');
      await page.getByTestId('selfreg-type').selectOption('DOME');
      await page.getByTestId('selfreg-owner-name').fill('Lê Văn Tâm');
      await page.getByTestId('selfreg-owner-phone').fill('0935 111 222');
      await page.getByTestId('selfreg-address').fill('88 Hùng Vương');
      await page.getByTestId('selfreg-police-LIVE').check();
      await page.getByTestId('selfreg-consent').check();
      await page.getByTestId('selfreg-camera').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: path.join(shots, 'self-registration-phone-form.png') });
      await page.getByTestId('selfreg-contact').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: path.join(shots, 'self-registration-phone-contact.png') });
      await page.getByTestId('selfreg-submit').click();
      await page.getByTestId('selfreg-receipt').waitFor({ timeout: 30_000 });
      expect((await page.getByTestId('selfreg-reference').textContent())!.trim()).toMatch(REFERENCE);
      const ref = (await page.getByTestId('selfreg-reference').boundingBox())!;
      // In view at once, whole.
      expect(ref.x + ref.width).toBeLessThanOrEqual(390);
      expect(ref.y).toBeGreaterThanOrEqual(0);
      expect(ref.y + ref.height).toBeLessThanOrEqual(844);
      await page.screenshot({ path: path.join(shots, 'self-registration-phone-receipt.png') });
    } finally {
      await context.close();
    }
  });
});

describe("the ward chair's review", () => {
  it('shows the registration pending in the chair’s queue with a mini-map, and approves it turned a little: the camera exists and covers', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
    const page = await context.newPage();
    page.on('pageerror', (err) => console.error('[page error as chair.p02]', err));
    try {
      const before = await api.gql('{ pending: cameraRegistrations(state: PENDING, first: 1) { totalCount } ward(id: 2) { cameraCount } }', {}, 'chair.p02');
      await page.goto(`${app.url}/#/registrations`);
      await signIn(page, 'chair.p02');
      await page.getByTestId('registrations-page').waitFor({ timeout: 30_000 });
      await expect.poll(() => page.getByTestId('registrations-pending').getAttribute('data-value')).toBe(String(before.pending.totalCount));
      // The navigation names the page, in the header's operations menu (marked as the current page).
      await expect(page.getByTestId('nav-operations').getAttribute('title')).resolves.toBe('Vận hành: Đăng ký của dân');
      await expect(page.getByTestId('nav-operations').getAttribute('class')).resolves.toContain('is-active');
      await page.getByTestId('nav-operations').click();
      await expect(page.getByTestId('nav-registrations').getAttribute('aria-current')).resolves.toBe('page');
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByTestId('nav-registrations').count()).toBe(0);

      const row = page.locator(`[data-testid="registration-row"][data-reference="${reference}"]`);
      await row.waitFor();
      await row.click();
      const detail = page.getByTestId('registration-detail');
      await expect.poll(() => detail.getAttribute('data-state')).toBe('PENDING');
      await expect(page.getByTestId('registration-owner').textContent()).resolves.toBe('Phạm Thị Hồng Nhung');
      await expect.poll(() => page.locator('[data-testid="registration-mini-map"] path.ww-mini-sector').count()).toBe(1);
      await page.getByTestId('registration-bearing').fill('100');
      // The owner's direction stays dashed under the turned one.
      await expect.poll(() => page.locator('[data-testid="registration-mini-map"] path.ww-mini-owner-sector').count()).toBe(1);
      await page.getByTestId('page').evaluate((el) => el.scrollTo(0, 0));
      await page.screenshot({ path: path.join(shots, 'self-registration-review.png') });

      await page.getByTestId('registration-approve-note').fill('Đã xác minh tại nhà.');
      await page.getByTestId('registration-approve').click();
      await expect.poll(() => detail.getAttribute('data-state'), { timeout: 20_000 }).toBe('APPROVED');
      await expect.poll(() => page.getByTestId('registrations-pending').getAttribute('data-value')).toBe(String(before.pending.totalCount - 1));
      // It stays open with its outcome (the queue below no longer lists it).
      await expect(detail.getAttribute('data-state')).resolves.toBe('APPROVED');
      await expect(page.getByTestId('registration-camera').isVisible()).resolves.toBe(true);
      await expect(page.getByTestId('registration-camera-bearing').textContent()).resolves.toContain('100°');
      await expect(page.locator(`[data-testid="registration-row"][data-reference="${reference}"]`).count()).resolves.toBe(0);
      await page.getByTestId('registration-decided').scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(shots, 'self-registration-approved.png') });

      const after = await api.gql(
        `{ cameraRegistrations(state: APPROVED, first: 500) { edges { node { reference reviewedBy camera { bearing status wardId ownerKind policeAccess } } } } ward(id: 2) { cameraCount } }`,
        {},
        'chair.p02',
      );
      const approved = after.cameraRegistrations.edges.map((e: { node: { reference: string } }) => e.node).find((n: { reference: string }) => n.reference === reference);
      expect(approved).toEqual({ reference, reviewedBy: 'chair.p02', camera: { bearing: 100, status: 'ACTIVE', wardId: 2, ownerKind: 'RENTAL_HOUSE', policeAccess: 'ON_REQUEST' } });
      expect(after.ward.cameraCount).toBe(before.ward.cameraCount + 1);
    } finally {
      await context.close();
    }
  });

  it("then tells the owner, signed out, that it was approved, with the ward's note", async () => {
    const { context, page } = await signedOut({ width: 1366, height: 768 });
    try {
      await openRegister(page);
      await page.getByTestId('selfreg-status-reference').fill(reference.toLowerCase());
      await page.getByTestId('selfreg-status-phone').fill(PHONE.replaceAll(' ', ''));
      await page.getByTestId('selfreg-status-submit').click();
      await expect.poll(() => page.getByTestId('selfreg-status-answer').getAttribute('data-state')).toBe('APPROVED');
      await expect(page.getByTestId('selfreg-status-note').textContent()).resolves.toBe('Đã xác minh tại nhà.');
      await page.getByTestId('selfreg-status').screenshot({ path: path.join(shots, 'self-registration-status.png') });
    } finally {
      await context.close();
    }
  });
});
