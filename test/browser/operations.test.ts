import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { apiClient, launchBrowser, shots, signIn, startApp, type RunningApp } from './support';

/**
 * The operations pages in a real browser, against the built app on the demo district: the network
 * operators' report (R3) as a planner and as a ward chair (who connects a camera), and the
 * sponsorship funds (R9) as a ward chair (who spends from their ward's fund, and is refused beyond
 * its balance) and as a planner (who records a district fund). What the pages show is compared with
 * what the API answers the same user. Screenshots go to test-results/browser/operations-*.png.
 */
let app: RunningApp;
let browser: Browser;
let api: ReturnType<typeof apiClient>;

const LINE = 'operatorId wardId cameras supportedCameras monthlyFeesVnd feesCoveredVnd feesNotCoveredVnd';
const REPORT = `query($w: Int) { operatorReport(wardId: $w) { rows { ${LINE} } operators { ${LINE} } totals { ${LINE} } } supportAgreements { id inForce } }`;
const FUND_LINE = 'wardId funds receivedVnd spentVnd balanceVnd';
const FUNDS = `{ fundReport { wards { ${FUND_LINE} } district { ${FUND_LINE} } totals { ${FUND_LINE} } } funds { id wardId target balanceVnd spendings { id } } }`;

async function openAs(username: string, route: string, language: 'vi' | 'en' = 'vi'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1360, height: 1000 }, locale: language === 'vi' ? 'vi-VN' : 'en-GB' });
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error(`[page error as ${username}]`, err));
  await page.goto(`${app.url}/#/${route}`);
  await signIn(page, username);
  return page;
}

/** A screenshot of the whole page: the page scrolls inside its own container, so the window grows to hold it. */
async function shoot(page: Page, name: string): Promise<void> {
  await page.mouse.move(1, 1); // no tooltip
  const height = await page.evaluate(() => (document.querySelector('[data-testid="page"]')?.scrollHeight ?? 900) + 60);
  await page.setViewportSize({ width: 1360, height: Math.min(Math.max(height, 900), 4000) });
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(shots, name) });
  await page.setViewportSize({ width: 1360, height: 1000 });
}

const value = async (page: Page, testId: string) => Number(await page.getByTestId(testId).getAttribute('data-value'));

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  api = apiClient(app.url);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('the network operators page', () => {
  it("shows a planner the district's figures, chart, report table and agreements as the API gives them, and records an agreement", async () => {
    const expected = (await api.gql(REPORT, {}, 'planner')) as {
      operatorReport: { rows: { operatorId: number }[]; operators: { operatorId: number }[]; totals: Record<string, number> };
      supportAgreements: { id: number; inForce: boolean }[];
    };
    const page = await openAs('planner', 'operators');
    await page.getByTestId('operator-report').waitFor({ timeout: 60_000 });
    const totals = expected.operatorReport.totals;
    expect(await value(page, 'tile-cameras')).toBe(totals.cameras);
    expect(await value(page, 'tile-supported')).toBe(totals.supportedCameras);
    expect(await value(page, 'tile-fees')).toBe(totals.monthlyFeesVnd);
    expect(await value(page, 'tile-covered')).toBe(totals.feesCoveredVnd);
    expect(await value(page, 'tile-not-covered')).toBe(totals.feesNotCoveredVnd);
    // Every operator × ward line, a subtotal for each operator with several wards, and the total.
    const lines = page.getByTestId('operator-report-line');
    const kinds = await lines.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-kind')));
    const { rows, operators } = expected.operatorReport;
    const several = operators.filter((o) => rows.filter((r) => r.operatorId === o.operatorId).length > 1).length;
    expect(kinds.filter((k) => k === 'ward')).toHaveLength(rows.length);
    expect(kinds.filter((k) => k === 'subtotal')).toHaveLength(several);
    expect(kinds.at(-1)).toBe('total');
    expect(Number(await lines.last().getAttribute('data-covered'))).toBe(totals.feesCoveredVnd);
    // The chart draws a bar per operator (two stacked parts each).
    expect(Number(await page.getByTestId('operators-chart').getAttribute('data-bars'))).toBe(operators.length);
    await page.locator('[data-testid="operators-chart"] .recharts-bar-rectangle').first().waitFor();
    // The agreements, with the expired one not in force.
    const agreements = page.getByTestId('agreement-row');
    expect(await agreements.count()).toBe(expected.supportAgreements.length);
    expect(await page.locator('[data-testid="agreement-row"][data-in-force="false"]').count()).toBe(expected.supportAgreements.filter((a) => !a.inForce).length);
    await expect(page.getByTestId('operators-csv').getAttribute('href')).resolves.toBe('/export/operator-report.csv');
    await shoot(page, 'operations-operators-planner.png');

    // A new agreement for FPT, in force from today.
    await page.getByTestId('operators-new-agreement').click();
    const fpt = (await api.gql('{ networkOperators { id code } }', {}, 'planner')).networkOperators.find((o: { code: string }) => o.code === 'fpt');
    await page.getByTestId('agreement-operator').selectOption(String(fpt.id));
    await page.getByTestId('agreement-title').fill('Chương trình hỗ trợ camera an ninh (đợt 2)');
    await page.getByTestId('agreement-support').fill('60.000');
    await page.getByTestId('agreement-bandwidth').fill('40');
    await page.getByTestId('agreement-submit').click();
    await page.getByTestId('operators-saved').waitFor();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="agreement-row"]').length === n, expected.supportAgreements.length + 1);
    const after = await api.gql('{ supportAgreements(inForce: true) { title operatorId monthlyFeeSupportVnd } }', {}, 'planner');
    expect(after.supportAgreements).toContainEqual({ title: 'Chương trình hỗ trợ camera an ninh (đợt 2)', operatorId: fpt.id, monthlyFeeSupportVnd: 60000 });
    await page.context().close();
  });

  it("shows a ward chair their ward's lines only, and lets them connect one of their cameras", async () => {
    const me = (await api.gql('{ me { wardId } }', {}, 'chair.p02')).me;
    const before = (await api.gql(REPORT, {}, 'chair.p02')).operatorReport;
    // A fresh camera of the ward, with no connection yet.
    const groups = await api.gql(`query($w: Int!) { residentialGroups(wardId: $w) { id } }`, { w: me.wardId }, 'chair.p02');
    const point = await api.gql(`query($id: Int!) { residentialGroup(id: $id) { boundary } }`, { id: groups.residentialGroups[0].id }, 'chair.p02');
    const ring = point.residentialGroup.boundary.coordinates[0][0] as [number, number][];
    const centre = ring.slice(0, -1).reduce((s, [x, y]) => [s[0] + x / (ring.length - 1), s[1] + y / (ring.length - 1)], [0, 0]);
    const camera = await api.gql(
      `mutation($i: RegisterCameraInput!) { registerCamera(input: $i) { id wardId } }`,
      { i: { type: 'DOME', ownerKind: 'PUBLIC', location: { type: 'Point', coordinates: centre } } },
      'chair.p02',
    );
    expect(camera.registerCamera.wardId).toBe(me.wardId);

    const page = await openAs('chair.p02', 'operators');
    await page.getByTestId('operator-report').waitFor({ timeout: 60_000 });
    await expect(page.getByTestId('operators-ward').evaluate((el) => el.tagName)).resolves.toBe('SPAN');
    const wards = await page.locator('[data-testid="operator-report-line"][data-kind="ward"]').evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-ward'))));
    expect(new Set(wards)).toEqual(new Set([me.wardId]));
    expect(wards).toHaveLength(before.rows.length);
    expect(await value(page, 'tile-cameras')).toBe(before.totals.cameras);
    // A chair connects a camera; they do not add agreements.
    expect(await page.getByTestId('operators-new-agreement').count()).toBe(0);
    await page.getByTestId('operators-connect').click();
    const vnpt = (await api.gql('{ networkOperators { id code } supportAgreements(inForce: true) { id operatorId } }', {}, 'chair.p02'));
    const op = vnpt.networkOperators.find((o: { code: string }) => o.code === 'vnpt');
    const agreement = vnpt.supportAgreements.find((a: { operatorId: number }) => a.operatorId === op.id);
    await page.getByTestId('connect-camera').fill(String(camera.registerCamera.id));
    await page.getByTestId('connect-operator').selectOption(String(op.id));
    await page.getByTestId('connect-plan').fill('Home 1 (40 Mbps)');
    await page.getByTestId('connect-fee').fill('165.000');
    await page.getByTestId('connect-agreement').selectOption(String(agreement.id));
    await page.getByTestId('connect-submit').click();
    await page.getByTestId('operators-saved').waitFor();
    expect(await page.getByTestId('operators-saved').textContent()).toContain(`#${camera.registerCamera.id}`);
    await page.waitForFunction((n) => document.querySelector('[data-testid="tile-cameras"]')?.getAttribute('data-value') === String(n), before.totals.cameras + 1);
    expect(await value(page, 'tile-supported')).toBe(before.totals.supportedCameras + 1);
    const connection = await api.gql(`query($id: Int!) { camera(id: $id) { networkOperator connection { supported agreementId } } }`, { id: camera.registerCamera.id }, 'chair.p02');
    expect(connection.camera).toEqual({ networkOperator: 'VNPT', connection: { supported: true, agreementId: agreement.id } });
    await shoot(page, 'operations-operators-chair.png');
    await page.context().close();
  });
});

describe('the sponsorship funds page', () => {
  it("shows a ward chair their ward's and the district's funds, lets them spend from their ward's fund up to its balance, and not the district's", async () => {
    const me = (await api.gql('{ me { wardId } }', {}, 'chair.p02')).me;
    const expected = await api.gql(FUNDS, {}, 'chair.p02');
    const page = await openAs('chair.p02', 'funds');
    await page.getByTestId('fund-balances').waitFor({ timeout: 60_000 });
    const lines = page.getByTestId('fund-balance-line');
    const shown = await lines.evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-kind'), tr.getAttribute('data-ward'), Number(tr.getAttribute('data-balance'))]));
    expect(shown).toEqual([
      ['ward', String(me.wardId), expected.fundReport.wards[0].balanceVnd],
      ['district', '', expected.fundReport.district.balanceVnd],
      ['total', '', expected.fundReport.totals.balanceVnd],
    ]);
    expect(await value(page, 'tile-balance')).toBe(expected.fundReport.totals.balanceVnd);
    expect(await page.getByTestId('fund-row').count()).toBe(expected.funds.length);
    expect(await value(page, 'funds-count')).toBe(expected.funds.length);

    // Their ward's fund: its spending, and a new one.
    const fund = expected.funds.find((f: { wardId: number | null; target: string }) => f.wardId === me.wardId && f.target === 'WARD');
    await page.locator(`[data-testid="fund-row"][data-id="${fund.id}"]`).click();
    await page.getByTestId('fund-detail').waitFor();
    expect(await page.getByTestId('spending-row').count()).toBe(fund.spendings.length);
    await page.getByTestId('fund-spend').click();
    // More than the balance: refused, the amount marked, nothing spent.
    await page.getByTestId('spending-amount').fill(String(fund.balanceVnd + 1000));
    await page.getByTestId('spending-purpose').fill('Thay đầu ghi hình');
    await page.getByTestId('spending-submit').click();
    await page.getByTestId('spending-error').waitFor();
    expect(await page.getByTestId('spending-error').getAttribute('data-code')).toBe('BAD_USER_INPUT');
    expect(await page.getByTestId('spending-amount').getAttribute('data-invalid')).toBe('true');
    await shoot(page, 'operations-funds-refused.png');
    await page.getByTestId('spending-amount').fill('250.000');
    await page.getByTestId('spending-submit').click();
    await page.getByTestId('funds-saved').waitFor();
    await page.waitForFunction(
      ([id, balance]) => document.querySelector(`[data-testid="fund-detail"][data-id="${id}"]`)?.getAttribute('data-balance') === String(balance),
      [fund.id, fund.balanceVnd - 250000],
    );
    expect(await page.getByTestId('spending-row').count()).toBe(fund.spendings.length + 1);
    const after = await api.gql(`{ funds(filter: { wardId: ${me.wardId} }) { id balanceVnd } }`, {}, 'chair.p02');
    expect(after.funds.find((f: { id: number }) => f.id === fund.id).balanceVnd).toBe(fund.balanceVnd - 250000);
    await shoot(page, 'operations-funds-chair.png');

    // A district fund: read-only to them.
    const district = expected.funds.find((f: { target: string }) => f.target === 'DISTRICT');
    await page.locator(`[data-testid="fund-row"][data-id="${district.id}"]`).click();
    await page.locator(`[data-testid="fund-detail"][data-id="${district.id}"]`).waitFor();
    expect(await page.getByTestId('fund-spend').count()).toBe(0);
    await page.context().close();
  });

  it('shows a planner every ward, the district and the total, and records a district fund (in English)', async () => {
    const expected = await api.gql(FUNDS, {}, 'planner');
    const page = await openAs('planner', 'funds');
    await page.getByTestId('lang-en').click().catch(() => undefined);
    await page.getByTestId('fund-balances').waitFor({ timeout: 60_000 });
    const kinds = await page.getByTestId('fund-balance-line').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-kind')));
    expect(kinds).toEqual([...expected.fundReport.wards.map(() => 'ward'), 'district', 'total']);
    expect(await value(page, 'tile-received')).toBe(expected.fundReport.totals.receivedVnd);
    expect(await value(page, 'tile-spent')).toBe(expected.fundReport.totals.spentVnd);
    await page.getByTestId('funds-record').click();
    await page.getByTestId('fund-target').selectOption('DISTRICT');
    await page.getByTestId('fund-sponsor').fill('Công ty CP Cảng Sông Hàn');
    await page.getByTestId('fund-contact').fill('0236 3999 888');
    await page.getByTestId('fund-amount').fill('75.000.000');
    await page.getByTestId('fund-purpose').fill('Duy trì camera tại các nút giao thông');
    await page.getByTestId('fund-submit').click();
    await page.getByTestId('funds-saved').waitFor();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="fund-row"]').length === n, expected.funds.length + 1);
    await page.getByTestId('fund-detail').waitFor();
    // The planner does not see the sponsor's contact (personal data).
    expect(await page.getByTestId('fund-contact').getAttribute('data-hidden')).toBe('true');
    const received = await value(page, 'tile-received');
    expect(received).toBe(expected.fundReport.totals.receivedVnd + 75_000_000);
    await shoot(page, 'operations-funds-planner.png');
    await page.context().close();
  });
});
