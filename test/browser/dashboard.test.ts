import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { formatDate, formatNumber, formatPercent } from '../../client/src/format';
import { apiClient, launchBrowser, shots, signIn, startApp, type RunningApp } from './support';

/**
 * The pages besides the map in a real browser: the navigation, the deadline dashboard (as a
 * district-wide planner and as the chair of ward 2) and the directive list, checked against the
 * API's own answers. Screenshots go to test-results/browser/dashboard-*.png, at 1366×768 and
 * 1920×1080. (WARDWATCH_TEST_URL runs the same checks against an app that is already running.)
 */
// The app answers slowly on a busy machine: give the page time to follow.
vi.setConfig({ expect: { poll: { timeout: 30_000, interval: 100 } } });

let app: RunningApp | null = null;
let url: string;
let browser: Browser;
let page: Page;
let api: ReturnType<typeof apiClient>;
const problems: string[] = [];
/** The GraphQL operations the page sent, by name. */
const operations: string[] = [];

const FIGURES =
  'groupsTotal groupsWithCamera groupsPercent housesTotal housesWithCamera housesPercent housesVerified civilServantsTotal civilServantsVerified civilServantUptakePercent activeCameras openCases';
const DASHBOARD = `query ($wardId: Int, $days: Int) { complianceDashboard(wardId: $wardId) {
  asOf wardId groupDeadline groupDaysLeft houseDeadline houseDaysLeft totals { ${FIGURES} }
  wards { wardId ward { name } figures { ${FIGURES} } } trend(days: $days) { day } } }`;
const DIRECTIVES = '{ directives { id code status notes deadline daysLeft updatedBy canEdit ownerRoles } }';

async function shot(name: string): Promise<void> {
  await page.waitForTimeout(250);
  await page.screenshot({ path: path.join(shots, `dashboard-${name}.png`) });
}

async function openPage(width: number, height: number): Promise<void> {
  page = await browser.newPage({ viewport: { width, height }, locale: 'vi-VN' });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (!['data:', 'blob:'].includes(u.protocol) && u.hostname !== '127.0.0.1') problems.push(`outside request: ${r.url()}`);
    if (r.method() === 'POST' && u.pathname === '/graphql') {
      const name = /^\s*(?:query|mutation)\s+(\w+)/.exec((JSON.parse(r.postData() ?? '{}') as { query?: string }).query ?? '')?.[1];
      operations.push(name ?? 'anonymous');
    }
  });
}

async function dashboardReady(): Promise<void> {
  await page.waitForSelector('[data-testid="dashboard-page"][data-ready="true"]', { timeout: 60_000 });
}

/** Pairs of the header's visible parts that overlap (brand, links, district, user, language). */
async function headerOverlaps(): Promise<string[]> {
  return page.evaluate(() => {
    const header = document.querySelector('[data-testid="header"]')!;
    const parts = [...header.children]
      .filter((el) => getComputedStyle(el).display !== 'none')
      .map((el) => ({ name: String(el.getAttribute('class') ?? el.tagName), box: el.getBoundingClientRect() }))
      .filter((p) => p.box.width > 0);
    const out: string[] = [];
    for (let i = 0; i + 1 < parts.length; i += 1) {
      if (parts[i].box.right > parts[i + 1].box.left + 0.5) out.push(`${parts[i].name} / ${parts[i + 1].name}`);
    }
    // The brand's own text must fit in the brand.
    const brand = header.querySelector('.ww-brand')!;
    if (brand.scrollWidth > brand.clientWidth + 1) out.push('brand overflows');
    return out;
  });
}

/** The number a card shows as "part / total", as the Vietnamese UI writes it. */
const partOf = (part: number, total: number) => `${formatNumber(part, 'vi')} / ${formatNumber(total, 'vi')}`;

beforeAll(async () => {
  if (process.env.WARDWATCH_TEST_URL) url = process.env.WARDWATCH_TEST_URL;
  else {
    app = await startApp();
    url = app.url;
  }
  api = apiClient(url);
  browser = await launchBrowser();
  await openPage(1366, 768);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('the navigation', () => {
  it('links a planner from the map to the pages their role may use, marking the current one', async () => {
    await page.goto(url);
    await signIn(page, 'planner');
    await page.waitForSelector('[data-testid="app"][data-ready="true"]', { timeout: 90_000 });
    const nav = page.getByTestId('page-nav');
    await expect(nav.getAttribute('aria-label')).resolves.toBe('Các trang');
    await expect(page.getByTestId('nav-map').getAttribute('aria-current')).resolves.toBe('page');
    await expect(page.getByTestId('nav-dashboard').textContent()).resolves.toBe('Tiến độ');
    await expect(page.getByTestId('nav-directives').textContent()).resolves.toBe('Nhiệm vụ');
    expect(await page.getByTestId('nav-dashboard').getAttribute('aria-current')).toBeNull();
    // The map is as it was (its hook, its header figure), and the header's parts do not overlap.
    expect(await page.evaluate(() => window.__wardwatch?.user.username)).toBe('planner');
    await expect(page.getByTestId('district-coverage').textContent()).resolves.toMatch(/^Độ phủ /);
    expect(await headerOverlaps()).toEqual([]);
    await shot('map-nav');

    await page.getByTestId('nav-dashboard').click();
    await dashboardReady();
    expect(new URL(page.url()).hash).toBe('#/dashboard');
    await expect(page.getByTestId('nav-dashboard').getAttribute('aria-current')).resolves.toBe('page');
    expect(await page.getByTestId('nav-map').getAttribute('aria-current')).toBeNull();
    expect(await page.evaluate(() => window.__wardwatch)).toBeUndefined(); // the map is gone with its data
    // The header stays: the district's name, the user, the language switch.
    await expect.poll(() => page.getByTestId('district-name').textContent()).not.toBe('');
    await expect(page.getByTestId('user-name').isVisible()).resolves.toBe(true);
    expect(await headerOverlaps()).toEqual([]);
  });
});

describe('the deadline dashboard', () => {
  it('shows the district’s figures as the API computes them, with the R8 deadline', async () => {
    const d = (await api.gql(DASHBOARD, { days: 120 })).complianceDashboard;
    const f = d.totals;
    expect(f.groupsTotal).toBeGreaterThan(0);
    await expect(page.getByTestId('dashboard-page').getAttribute('data-ward-id')).resolves.toBe('');

    const groups = page.getByTestId('card-groups');
    await expect(groups.getAttribute('data-part')).resolves.toBe(String(f.groupsWithCamera));
    await expect(groups.getAttribute('data-total')).resolves.toBe(String(f.groupsTotal));
    await expect(page.getByTestId('card-groups-part').textContent()).resolves.toBe(partOf(f.groupsWithCamera, f.groupsTotal));
    await expect(page.getByTestId('card-groups-percent').textContent()).resolves.toBe(formatPercent(f.groupsPercent, 'vi'));
    const deadline = page.getByTestId('groups-deadline');
    await expect(deadline.getAttribute('data-days-left')).resolves.toBe(String(d.groupDaysLeft));
    const due = await deadline.textContent();
    expect(due).toContain(`Hạn ${formatDate(d.groupDeadline, 'vi')}`);
    const days = Math.abs(d.groupDaysLeft);
    if (f.groupsWithCamera < f.groupsTotal) {
      if (d.groupDaysLeft > 0) expect(due).toContain(`còn ${formatNumber(days, 'vi')} ngày`);
      if (d.groupDaysLeft < 0) {
        expect(due).toContain(`quá hạn ${formatNumber(days, 'vi')} ngày`);
        await expect(deadline.getAttribute('data-overdue')).resolves.toBe('true');
        expect(await deadline.evaluate((el) => getComputedStyle(el).color)).toBe('rgb(201, 42, 42)');
      }
    }

    await expect(page.getByTestId('card-houses-part').textContent()).resolves.toBe(partOf(f.housesWithCamera, f.housesTotal));
    await expect(page.getByTestId('card-houses-percent').textContent()).resolves.toBe(formatPercent(f.housesPercent, 'vi'));
    await expect(page.getByTestId('card-houses-verified').getAttribute('data-value')).resolves.toBe(String(f.housesVerified));
    await expect(page.getByTestId('card-servants-part').textContent()).resolves.toBe(partOf(f.civilServantsVerified, f.civilServantsTotal));
    await expect(page.getByTestId('card-servants-percent').textContent()).resolves.toBe(
      f.civilServantUptakePercent == null ? '—' : formatPercent(f.civilServantUptakePercent, 'vi'),
    );
    await expect(page.getByTestId('card-cases').getAttribute('data-value')).resolves.toBe(String(f.openCases));
    await expect(page.getByTestId('card-cases').locator('.ww-stat-value').textContent()).resolves.toBe(formatNumber(f.openCases, 'vi'));
    await expect(page.getByTestId('dashboard-as-of').textContent()).resolves.toContain(formatDate(d.asOf, 'vi'));
    await shot('planner-1366');
  });

  it('draws the trend over the snapshot days and compares the wards in a chart and a table', async () => {
    const d = (await api.gql(DASHBOARD, { days: 120 })).complianceDashboard;
    expect(d.trend.length).toBeGreaterThan(1);
    const trend = page.getByTestId('trend-chart');
    await expect(trend.getAttribute('data-points')).resolves.toBe(String(d.trend.length));
    // Three lines, each a drawn path, and an axis of dates written the Vietnamese way.
    const lines = trend.locator('path.recharts-line-curve');
    await expect.poll(() => lines.count()).toBe(3);
    for (const d of await lines.evaluateAll((els) => els.map((el) => el.getAttribute('d') ?? ''))) expect(d.length).toBeGreaterThan(20);
    const ticks = await trend.locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value').allTextContents();
    expect(ticks.length).toBeGreaterThan(2);
    for (const tick of ticks) expect(tick).toMatch(/^\d{1,2} thg \d{1,2}( \d{4})?$/);

    // One bar pair per ward.
    const chart = page.getByTestId('ward-chart');
    await expect(chart.getAttribute('data-wards')).resolves.toBe(String(d.wards.length));
    expect(await chart.locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value').count()).toBe(d.wards.length);
    expect(await chart.locator('.recharts-bar-rectangle').count()).toBeGreaterThanOrEqual(d.wards.length);

    // The table: a row per ward with its figures, the district's total below, sortable.
    const rows = page.getByTestId('ward-row');
    await expect.poll(() => rows.count()).toBe(d.wards.length);
    for (const w of d.wards) {
      const row = page.locator(`[data-testid="ward-row"][data-ward-id="${w.wardId}"]`);
      await expect(row.locator('th').textContent()).resolves.toBe(w.ward.name);
      await expect(row.locator('[data-field="groups"] .ww-cell-part').textContent()).resolves.toBe(partOf(w.figures.groupsWithCamera, w.figures.groupsTotal));
      await expect(row.locator('[data-field="cases"]').textContent()).resolves.toBe(formatNumber(w.figures.openCases, 'vi'));
    }
    await expect(page.getByTestId('ward-total').locator('[data-field="cameras"]').textContent()).resolves.toBe(formatNumber(d.totals.activeCameras, 'vi'));
    await page.getByTestId('sort-houses').click();
    const lowest = Math.min(...d.wards.map((w: { figures: { housesPercent: number } }) => w.figures.housesPercent));
    expect(Number(await rows.first().locator('[data-field="houses"]').getAttribute('data-percent'))).toBeCloseTo(lowest, 6);
    await expect(page.getByTestId('sort-houses').locator('xpath=..').getAttribute('aria-sort')).resolves.toBe('ascending');
    await page.getByTestId('sort-houses').click();
    await expect(page.getByTestId('sort-houses').locator('xpath=..').getAttribute('aria-sort')).resolves.toBe('descending');
    await page.getByTestId('ward-table').scrollIntoViewIfNeeded();
    await shot('table-1366');

    // The CSV the link downloads: a line per ward and the district's.
    const href = await page.getByTestId('dashboard-csv').getAttribute('href');
    expect(href).toBe('/export/compliance-dashboard.csv');
    const res = await fetch(`${url}${href}`, { headers: { cookie: await api.sessionOf('planner') } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const lines2 = (await res.text()).trim().split(/\r?\n/);
    expect(lines2.length).toBeGreaterThanOrEqual(d.wards.length + 2);
  });

  it('narrows to one ward when the planner picks it', async () => {
    const d = (await api.gql(DASHBOARD, { wardId: 2, days: 120 })).complianceDashboard;
    await page.getByTestId('dashboard-scope').selectOption('2');
    await expect.poll(() => page.getByTestId('dashboard-page').getAttribute('data-ward-id')).toBe('2');
    await dashboardReady();
    await expect(page.getByTestId('card-groups-part').textContent()).resolves.toBe(partOf(d.totals.groupsWithCamera, d.totals.groupsTotal));
    await expect(page.getByTestId('card-cases').getAttribute('data-value')).resolves.toBe(String(d.totals.openCases));
    await expect(page.getByTestId('ward-row').count()).resolves.toBe(1);
    expect(await page.getByTestId('ward-chart').count()).toBe(0); // one ward: nothing to compare
    await expect(page.getByTestId('dashboard-csv').getAttribute('href')).resolves.toBe('/export/compliance-dashboard.csv?wardId=2');
    await page.getByTestId('dashboard-scope').selectOption('');
    await expect.poll(() => page.getByTestId('ward-row').count()).toBe(13);
  });

  it('takes today’s snapshot on demand and reloads the trend', async () => {
    const before = operations.filter((op) => op === 'ComplianceDashboard').length;
    await page.getByTestId('take-snapshot').click();
    const result = page.getByTestId('snapshot-result');
    await expect.poll(() => result.getAttribute('data-wards'), { timeout: 30_000 }).toBe('13');
    await expect(result.textContent()).resolves.toBe('Đã chụp số liệu hôm nay cho 13 phường.');
    await expect.poll(() => operations.filter((op) => op === 'ComplianceDashboard').length).toBeGreaterThan(before);
    await dashboardReady();
    const d = (await api.gql(DASHBOARD, { days: 120 })).complianceDashboard;
    expect(d.trend.at(-1).day).toBe(d.asOf); // today's point
    await expect(page.getByTestId('trend-chart').getAttribute('data-points')).resolves.toBe(String(d.trend.length));
    await page.getByTestId('trend-days').selectOption('30');
    await expect.poll(() => page.getByTestId('trend-chart').getAttribute('data-points')).toBe(
      String((await api.gql(DASHBOARD, { days: 30 })).complianceDashboard.trend.length),
    );
    await page.getByTestId('trend-days').selectOption('120');
    await dashboardReady();
    await shot('snapshot');
  });

  it('marks the R8 deadline overdue in red once it has passed', async () => {
    const r8 = (await api.gql(DIRECTIVES, undefined, 'admin')).directives.find((d: { code: string }) => d.code === 'R8');
    const SET = 'mutation ($id: Int!, $deadline: String) { updateDirective(id: $id, input: { deadline: $deadline }) { deadline } }';
    await api.gql(SET, { id: r8.id, deadline: '2017-09-30' }, 'admin'); // the ordinance's own date
    try {
      await page.reload();
      await dashboardReady();
      const d = (await api.gql(DASHBOARD, { days: 120 })).complianceDashboard;
      expect(d.groupDeadline).toBe('2017-09-30');
      expect(d.groupDaysLeft).toBeLessThan(0);
      const due = page.getByTestId('groups-deadline');
      await expect(due.getAttribute('data-overdue')).resolves.toBe('true');
      await expect(due.textContent()).resolves.toBe(`Hạn 30/09/2017 · quá hạn ${formatNumber(-d.groupDaysLeft, 'vi')} ngày`);
      expect(await due.evaluate((el) => getComputedStyle(el).color)).toBe('rgb(201, 42, 42)');
      await shot('overdue');
    } finally {
      await api.gql(SET, { id: r8.id, deadline: r8.deadline }, 'admin');
    }
    await page.reload();
    await dashboardReady();
    await expect(page.getByTestId('groups-deadline').getAttribute('data-days-left')).resolves.not.toMatch(/^-/);
  });

  it('speaks English, dates included, and fits a 1920×1080 screen', async () => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.getByTestId('lang-en').click();
    await expect.poll(() => page.locator('.ww-page-title').textContent()).toBe('Progress');
    await expect(page.getByTestId('nav-dashboard').textContent()).resolves.toBe('Dashboard');
    const ticks = await page.getByTestId('trend-chart').locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value').allTextContents();
    for (const tick of ticks) expect(tick).toMatch(/^\d{1,2} [A-Z][a-z]{2,3}( \d{4})?$/);
    const d = (await api.gql(DASHBOARD, { days: 120 })).complianceDashboard;
    await expect(page.getByTestId('card-groups-percent').textContent()).resolves.toBe(formatPercent(d.totals.groupsPercent, 'en'));
    expect(await headerOverlaps()).toEqual([]);
    // Nothing sticks out sideways.
    expect(await page.getByTestId('page').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await shot('planner-1920-en');
    await page.getByTestId('lang-vi').click();
    await page.setViewportSize({ width: 1366, height: 768 });
    expect(await page.getByTestId('page').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  });
});

describe('the directive list', () => {
  it('lists R1–R10 with titles in the UI language, and lets a planner move the deadline of one they own', async () => {
    await page.getByTestId('nav-directives').click();
    await page.waitForSelector('[data-testid="directives-page"][data-ready="true"]', { timeout: 30_000 });
    const list = (await api.gql(DIRECTIVES)).directives as Array<{ id: number; code: string; canEdit: boolean; ownerRoles: string[]; deadline: string | null }>;
    const rows = page.getByTestId('directive-row');
    await expect.poll(() => rows.count()).toBe(list.length);
    expect(await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-code')))).toEqual(['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'R9', 'R10']);
    await expect(page.locator('[data-testid="directive-row"][data-code="R8"] [data-field="title"]').textContent()).resolves.toBe(
      'Mỗi tổ dân phố lắp tối thiểu 01 camera, kể cả tại các điểm công cộng',
    );
    for (const d of list) {
      await expect(page.locator(`[data-testid="directive-row"][data-code="${d.code}"]`).getAttribute('data-can-edit')).resolves.toBe(String(d.canEdit));
      expect(await page.getByTestId(`directive-edit-${d.code}`).count()).toBe(d.canEdit ? 1 : 0);
    }
    await shot('directives-planner');

    const own = list.find((d) => d.canEdit)!;
    expect(own.ownerRoles).toContain('PLANNER');
    await page.getByTestId(`directive-edit-${own.code}`).click();
    const form = page.getByTestId('directive-form');
    await expect(form.getAttribute('data-code')).resolves.toBe(own.code);
    const deadline = own.deadline === '2027-12-31' ? '2027-11-30' : '2027-12-31';
    await page.getByTestId('directive-deadline').fill(deadline);
    await page.getByTestId('directive-status').selectOption('BLOCKED');
    await shot('directive-form');
    await page.getByTestId('directive-save').click();
    await expect.poll(() => page.getByTestId('directive-saved').count(), { timeout: 15_000 }).toBe(1);
    const saved = (await api.gql(DIRECTIVES)).directives.find((d: { code: string }) => d.code === own.code);
    expect(saved).toMatchObject({ status: 'BLOCKED', deadline, updatedBy: 'planner' });
    const row = page.locator(`[data-testid="directive-row"][data-code="${own.code}"]`);
    await expect(row.getAttribute('data-status')).resolves.toBe('BLOCKED');
    await expect(row.locator('[data-field="deadline"]').textContent()).resolves.toContain(formatDate(deadline, 'vi')!);
    await expect(row.locator('[data-field="status"]').textContent()).resolves.toBe('Vướng mắc');
  });

  it('shows the server’s refusal with the field it names, and nothing changes', async () => {
    const own = (await api.gql(DIRECTIVES)).directives.find((d: { canEdit: boolean }) => d.canEdit);
    // A client that skips the form's checks: the mutation goes out with a day that does not exist.
    await page.route('**/graphql', async (route) => {
      const body = JSON.parse(route.request().postData() ?? '{}') as { query?: string; variables?: { input?: object } };
      if (body.query?.includes('mutation UpdateDirective') && body.variables) body.variables.input = { deadline: '2027-02-30' };
      await route.continue({ postData: JSON.stringify(body) });
    });
    try {
      await page.getByTestId(`directive-edit-${own.code}`).click();
      await page.getByTestId('directive-notes').fill('Ghi chú không được lưu');
      await page.getByTestId('directive-save').click();
      const error = page.getByTestId('directive-error');
      await expect.poll(() => error.getAttribute('data-code'), { timeout: 15_000 }).toBe('BAD_USER_INPUT');
      await expect(error.getAttribute('data-field')).resolves.toBe('deadline');
      await expect(error.locator('strong').textContent()).resolves.toBe('Máy chủ không chấp nhận thời hạn.');
      await expect(error.textContent()).resolves.toContain('Máy chủ: ');
      await shot('directive-error');
    } finally {
      await page.unroute('**/graphql');
    }
    const after = (await api.gql(DIRECTIVES)).directives.find((d: { code: string }) => d.code === own.code);
    expect(after).toEqual(own);
    await page.getByTestId('directive-cancel').click();
    expect(await page.getByTestId('directive-form').count()).toBe(0);
  });
});

describe('as the chair of ward 2', () => {
  it('shows their ward only, without the snapshot button', async () => {
    await page.getByTestId('nav-dashboard').click();
    await dashboardReady();
    await page.getByTestId('logout').click();
    await page.getByTestId('login-screen').waitFor({ timeout: 30_000 });
    expect(new URL(page.url()).hash).toBe('#/dashboard'); // the next user lands on the same page
    await signIn(page, 'chair.p02');
    await dashboardReady();
    const d = (await api.gql(DASHBOARD, { days: 120 }, 'chair.p02')).complianceDashboard;
    expect(d.wardId === 2 || d.wards.every((w: { wardId: number }) => w.wardId === 2)).toBe(true);
    await expect(page.getByTestId('dashboard-scope-locked').textContent()).resolves.toBe('Phường Hòa Lạc');
    expect(await page.getByTestId('dashboard-scope').count()).toBe(0);
    expect(await page.getByTestId('take-snapshot').count()).toBe(0);
    const rows = page.getByTestId('ward-row');
    await expect.poll(() => rows.count()).toBe(1);
    await expect(rows.first().getAttribute('data-ward-id')).resolves.toBe('2');
    await expect(page.getByTestId('card-groups-part').textContent()).resolves.toBe(partOf(d.totals.groupsWithCamera, d.totals.groupsTotal));
    await expect(page.getByTestId('card-houses-part').textContent()).resolves.toBe(partOf(d.totals.housesWithCamera, d.totals.housesTotal));
    await expect(page.getByTestId('card-cases').getAttribute('data-value')).resolves.toBe(String(d.totals.openCases));
    await expect(page.getByTestId('trend-chart').getAttribute('data-points')).resolves.toBe(String(d.trend.length));
    await expect(page.getByTestId('dashboard-csv').getAttribute('href')).resolves.toBe('/export/compliance-dashboard.csv?wardId=2');
    // The header holds the links, the district's full name and the chair's name without overlapping.
    for (const width of [1440, 1366]) {
      await page.setViewportSize({ width, height: width === 1366 ? 768 : 900 });
      expect(await headerOverlaps(), String(width)).toEqual([]);
      expect(await page.getByTestId('district-name').evaluate((el) => el.scrollWidth <= el.clientWidth), String(width)).toBe(true);
    }
    // Another ward is refused by the server, not just hidden.
    await expect(api.gql(DASHBOARD, { wardId: 3 }, 'chair.p02')).rejects.toThrow(/NOT_FOUND/);
    await shot('chair');
  });

  it('edits a directive their role owns, without a deadline field', async () => {
    await page.getByTestId('nav-directives').click();
    await page.waitForSelector('[data-testid="directives-page"][data-ready="true"]', { timeout: 30_000 });
    const list = (await api.gql(DIRECTIVES, undefined, 'chair.p02')).directives as Array<{ code: string; canEdit: boolean; ownerRoles: string[]; status: string }>;
    const own = list.find((d) => d.canEdit && d.ownerRoles.includes('WARD_CHAIR'))!;
    expect(own).toBeTruthy();
    expect(list.filter((d) => d.canEdit).every((d) => d.ownerRoles.includes('WARD_CHAIR'))).toBe(true);
    await page.getByTestId(`directive-edit-${own.code}`).click();
    expect(await page.getByTestId('directive-deadline').count()).toBe(0);
    await expect(page.getByTestId('directive-deadline-locked').isVisible()).resolves.toBe(true);
    const status = own.status === 'DONE' ? 'IN_PROGRESS' : 'DONE';
    await page.getByTestId('directive-status').selectOption(status);
    const notes = `Phường Hòa Lạc đã lập danh sách và gửi quận lúc ${new Date().toISOString().slice(11, 19)}.`;
    await page.getByTestId('directive-notes').fill(notes);
    await page.getByTestId('directive-save').click();
    await expect.poll(() => page.getByTestId('directive-saved').count(), { timeout: 15_000 }).toBe(1);
    const saved = (await api.gql(DIRECTIVES, undefined, 'chair.p02')).directives.find((d: { code: string }) => d.code === own.code);
    expect(saved).toMatchObject({ status, notes, updatedBy: 'chair.p02' });
    const row = page.locator(`[data-testid="directive-row"][data-code="${own.code}"]`);
    await expect(row.locator('[data-field="notes"]').textContent()).resolves.toBe(notes);
    await expect(row.locator('[data-field="updated"]').textContent()).resolves.toContain('bởi chair.p02');
    await shot('directives-chair');
  });

  it('went back to the map on its link, and nothing failed or left the machine', async () => {
    await page.getByTestId('nav-map').click();
    await page.waitForSelector('[data-testid="app"][data-ready="true"]', { timeout: 90_000 });
    expect(await page.evaluate(() => window.__wardwatch?.wardId)).toBe(2);
    expect(problems).toEqual([]);
  });
});
