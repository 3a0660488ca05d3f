import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { apiClient, launchBrowser, shots, signIn, startApp, type RunningApp } from './support';

/**
 * The maintenance page (R10) in a real browser, against the built app on the demo district: a ward
 * chair's time-to-repair table and ticket list (their ward only), a problem reported through the form
 * and taken through to its repair, the camera's status following; a planner's district-wide table
 * picking a ward for the list. What the page shows is compared with what the API answers the same
 * user. Screenshots go to test-results/browser/maintenance-*.png.
 */
let app: RunningApp;
let browser: Browser;
let api: ReturnType<typeof apiClient>;

async function openAs(username: string, route: string, locale = 'vi-VN'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1360, height: 1000 }, locale });
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error(`[page error as ${username}]`, err));
  await page.goto(`${app.url}/#/${route}`);
  await signIn(page, username);
  return page;
}

const STATS = `query($p: Int) { maintenanceStats(periodDays: $p) { wards { wardId openTickets resolvedTickets meanTimeToRepairHours } total { openTickets resolvedTickets } } }`;
const OPEN_COUNT = `{ maintenanceTickets(filter: { states: [REPORTED, ASSIGNED, IN_PROGRESS] }, first: 1) { totalCount } }`;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  api = apiClient(app.url);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** The table's rows as the page shows them: ward, open, resolved, mean hours. */
async function mttrRows(page: Page) {
  return page.getByTestId('mttr-row').evaluateAll((trs) =>
    trs.map((tr) => ({
      wardId: Number(tr.getAttribute('data-ward')),
      openTickets: Number(tr.getAttribute('data-open')),
      resolvedTickets: Number(tr.getAttribute('data-resolved')),
      mean: tr.getAttribute('data-mean') === '' ? null : Number(tr.getAttribute('data-mean')),
    })),
  );
}

describe("a ward chair's maintenance page", () => {
  let page: Page;

  it("shows their ward's time to repair and open tickets, as the API gives them, and no other ward", async () => {
    const stats = (await api.gql(STATS, { p: 90 }, 'chair.p02')).maintenanceStats;
    const open = (await api.gql(OPEN_COUNT, {}, 'chair.p02')).maintenanceTickets.totalCount;
    page = await openAs('chair.p02', 'maintenance');
    await page.getByTestId('mttr-table').waitFor({ timeout: 60_000 });
    expect(await mttrRows(page)).toEqual(
      stats.wards.map((w: any) => ({ wardId: w.wardId, openTickets: w.openTickets, resolvedTickets: w.resolvedTickets, mean: w.meanTimeToRepairHours })),
    );
    expect(stats.wards.map((w: any) => w.wardId)).toEqual([2]);
    // The chair's ward is fixed; the list starts with the open tickets.
    await expect(page.getByTestId('maintenance-ward').evaluate((el) => el.tagName)).resolves.toBe('SPAN');
    await page.getByTestId('maintenance-count').waitFor();
    expect(Number(await page.getByTestId('maintenance-count').getAttribute('data-value'))).toBe(open);
    const wards = await page.getByTestId('ticket-row').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-ward')));
    expect(new Set(wards)).toEqual(new Set(['2']));
    await page.screenshot({ path: path.join(shots, 'maintenance-chair.png'), fullPage: true });
  });

  it('reports a problem, starts the work (the camera goes to maintenance) and marks it repaired (active again), each step on the timeline', async () => {
    const cameras = await api.gql(`{ cameras(filter: { wardId: 2, status: [ACTIVE] }, first: 200) { edges { node { id } } } }`, {}, 'chair.p02');
    const busy = new Set(
      (await api.gql(`{ maintenanceTickets(filter: { wardId: 2, states: [REPORTED, ASSIGNED, IN_PROGRESS] }, first: 500) { edges { node { cameraId } } } }`, {}, 'chair.p02'))
        .maintenanceTickets.edges.map((e: any) => e.node.cameraId),
    );
    const cameraId: number = cameras.cameras.edges.map((e: any) => e.node.id).find((id: number) => !busy.has(id));
    const before = (await api.gql(`{ maintenanceTickets(first: 1) { totalCount } }`, {}, 'chair.p02')).maintenanceTickets.totalCount;

    await page.getByTestId('maintenance-report-new').click();
    await page.getByTestId('report-camera-id').fill(String(cameraId));
    // Too little to say: the server refuses, names the field, and nothing is written.
    await page.getByTestId('report-problem').fill('  x ');
    await page.getByTestId('report-problem-submit').click();
    await page.getByTestId('report-problem-error').waitFor();
    await expect(page.getByTestId('report-problem-error').getAttribute('data-code')).resolves.toBe('BAD_USER_INPUT');
    await expect(page.getByTestId('report-problem').getAttribute('data-invalid')).resolves.toBe('true');
    expect((await api.gql(`{ maintenanceTickets(first: 1) { totalCount } }`, {}, 'chair.p02')).maintenanceTickets.totalCount).toBe(before);

    await page.getByTestId('report-problem').fill('Camera mất hình từ tối qua, đèn nguồn không sáng.');
    await page.getByTestId('report-problem-submit').click();
    const detail = page.getByTestId('ticket-detail');
    await detail.waitFor();
    await expect(detail.getAttribute('data-state')).resolves.toBe('REPORTED');
    const id = Number(await detail.getAttribute('data-id'));
    const kinds = () => page.getByTestId('ticket-event').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-kind')));
    expect(await kinds()).toEqual(['REPORTED']);
    // The new ticket is in the list too.
    await page.locator(`[data-testid="ticket-row"][data-id="${id}"]`).waitFor();

    // Start at once, naming who does the work.
    await page.getByTestId('ticket-action-START').click();
    await page.getByTestId('ticket-form-assignee').fill('Tổ kỹ thuật Công an phường');
    await page.getByTestId('ticket-form-note').fill('Kiểm tra nguồn điện');
    await page.getByTestId('ticket-form-submit').click();
    await page.locator('[data-testid="ticket-detail"][data-state="IN_PROGRESS"]').waitFor();
    await expect(page.getByTestId('ticket-camera').getAttribute('data-camera-status')).resolves.toBe('MAINTENANCE');
    expect(await kinds()).toEqual(['REPORTED', 'STARTED']);
    await page.locator(`[data-testid="ticket-row"][data-id="${id}"][data-state="IN_PROGRESS"]`).waitFor(); // the list follows
    await page.screenshot({ path: path.join(shots, 'maintenance-in-progress.png'), fullPage: true });

    // A cost that is not a number is caught in the form; then the repair is recorded.
    await page.getByTestId('ticket-action-RESOLVE').click();
    await page.getByTestId('ticket-form-resolution').fill('Thay bộ nguồn 12V bị cháy.');
    await page.getByTestId('ticket-form-cost').fill('ba trăm');
    await page.getByTestId('ticket-form-submit').click();
    await expect(page.getByTestId('ticket-form-cost').getAttribute('data-invalid')).resolves.toBe('true');
    await page.getByTestId('ticket-form-cost').fill('350.000');
    await page.getByTestId('ticket-form-submit').click();
    await page.locator('[data-testid="ticket-detail"][data-state="RESOLVED"]').waitFor();
    await expect(page.getByTestId('ticket-camera').getAttribute('data-camera-status')).resolves.toBe('ACTIVE');
    await expect(page.getByTestId('ticket-cost').getAttribute('data-value')).resolves.toBe('350000');
    await page.getByTestId('ticket-no-actions').waitFor();
    expect(await kinds()).toEqual(['REPORTED', 'STARTED', 'RESOLVED']);
    await page.locator(`[data-testid="ticket-row"][data-id="${id}"]`).waitFor({ state: 'detached' }); // no longer open

    const saved = (await api.gql(`query($id: Int!) { maintenanceTicket(id: $id) { state assignee repairCostVnd camera { id status } events { kind username } } }`, { id }, 'chair.p02'))
      .maintenanceTicket;
    expect(saved).toEqual({
      state: 'RESOLVED', assignee: 'Tổ kỹ thuật Công an phường', repairCostVnd: 350000, camera: { id: cameraId, status: 'ACTIVE' },
      events: [{ kind: 'REPORTED', username: 'chair.p02' }, { kind: 'STARTED', username: 'chair.p02' }, { kind: 'RESOLVED', username: 'chair.p02' }],
    });
    await page.screenshot({ path: path.join(shots, 'maintenance-resolved.png'), fullPage: true });
  });
});

describe("a planner's maintenance page", () => {
  it('shows every ward and the district total; a ward picked in the table filters the list; a planner reports nothing', async () => {
    const stats = (await api.gql(STATS, { p: 90 })).maintenanceStats;
    const page = await openAs('planner', 'maintenance', 'en-US');
    await page.getByTestId('lang-en').click();
    await page.getByTestId('mttr-table').waitFor({ timeout: 60_000 });
    expect(await mttrRows(page)).toEqual(
      stats.wards.map((w: any) => ({ wardId: w.wardId, openTickets: w.openTickets, resolvedTickets: w.resolvedTickets, mean: w.meanTimeToRepairHours })),
    );
    expect(stats.wards).toHaveLength(13);
    await expect(page.getByTestId('mttr-total').getAttribute('data-open')).resolves.toBe(String(stats.total.openTickets));
    expect(await page.getByTestId('maintenance-report-new').count()).toBe(0);

    // All time: more repairs than in 90 days.
    const all = (await api.gql(STATS, { p: null })).maintenanceStats;
    await page.getByTestId('mttr-period').selectOption('');
    await page.locator(`[data-testid="mttr-total"][data-resolved="${all.total.resolvedTickets}"]`).waitFor();
    expect(all.total.resolvedTickets).toBeGreaterThan(stats.total.resolvedTickets);

    // The busiest ward, picked in the table, filters the list (all its tickets once "all" is chosen).
    const busiest = [...all.wards].sort((a: any, b: any) => b.openTickets - a.openTickets)[0];
    await page.locator(`[data-testid="mttr-row"][data-ward="${busiest.wardId}"]`).click();
    await page.getByTestId('maintenance-state').selectOption('ALL');
    const expected = (await api.gql(`query($w: Int) { maintenanceTickets(filter: { wardId: $w }, first: 1) { totalCount } }`, { w: busiest.wardId })).maintenanceTickets.totalCount;
    await page.locator(`[data-testid="maintenance-count"][data-value="${expected}"]`).waitFor();
    const wards = await page.getByTestId('ticket-row').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-ward')));
    expect(new Set(wards)).toEqual(new Set([String(busiest.wardId)]));
    // A ticket opens with its timeline; the planner may look but not act.
    await page.getByTestId('ticket-row').first().click();
    await page.getByTestId('ticket-detail').waitFor();
    await page.getByTestId('ticket-no-actions').waitFor();
    expect(await page.getByTestId('ticket-event').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(shots, 'maintenance-planner-en.png'), fullPage: true });
  });
});
