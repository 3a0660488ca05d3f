import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { formatLongDate } from '../../client/src/components/registries/logic';
import { apiClient, launchBrowser, shots, signIn, startApp, type RunningApp } from './support';

/**
 * The registry pages in a real browser, against the built app on the demo district: a ward chair's
 * printable report of rental houses without a camera (R5), Justice deciding a referred penalty case
 * (R7), Home Affairs' commendation roster (R4, R6). What the pages show is compared with what the
 * API answers the same user. Screenshots go to test-results/browser/report-*.png.
 */
let app: RunningApp;
let browser: Browser;
let api: ReturnType<typeof apiClient>;

/** Intl writes no-break spaces inside amounts and dates; compare with plain ones. */
const plain = (s: string | null) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ').trim();

async function openAs(username: string, route: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, locale: 'vi-VN' });
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error(`[page error as ${username}]`, err));
  await page.goto(`${app.url}/#/${route}`);
  await signIn(page, username);
  return page;
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

describe("a ward chair's report of rental houses without a camera", () => {
  let page: Page;

  it("shows their ward's name, today's date, the API's counts and every house without a camera", async () => {
    const me = await api.gql('{ me { wardId ward { name } canSeePersonalData } }', {}, 'chair.p02');
    const wardId: number = me.me.wardId;
    const expected = await api.gql(
      `query ($wardId: Int!) {
        ward(id: $wardId) { name chairName }
        all: rentalHouses(filter: { wardId: $wardId }, first: 1) { totalCount }
        withCamera: rentalHouses(filter: { wardId: $wardId, hasActiveCamera: true }, first: 1) { totalCount }
        verified: rentalHouses(filter: { wardId: $wardId, complianceStatus: [CAMERA_VERIFIED] }, first: 1) { totalCount }
        nonCompliant: rentalHouses(filter: { wardId: $wardId, complianceStatus: [NON_COMPLIANT] }, first: 1) { totalCount }
        unregisteredRentalHouses(wardId: $wardId, first: 500) { totalCount edges { node { id address ownerName complianceStatus } } }
      }`,
      { wardId },
      'chair.p02',
    );
    const houses = expected.unregisteredRentalHouses.edges.map((e: { node: { id: number; address: string; ownerName: string } }) => e.node);
    expect(houses.length).toBe(expected.unregisteredRentalHouses.totalCount);
    expect(houses.length, 'the demo ward has houses without a camera').toBeGreaterThan(0);

    page = await openAs('chair.p02', 'report');
    await page.getByTestId('report-sheet').waitFor({ timeout: 60_000 });

    // A ward chair cannot pick another ward: their own is fixed.
    await expect(page.getByTestId('report-ward-select').evaluate((el) => el.tagName)).resolves.toBe('SPAN');
    await expect(page.getByTestId('report-ward-name').textContent()).resolves.toBe(expected.ward.name);
    const today = formatLongDate(new Date(), 'vi');
    expect(plain(await page.getByTestId('report-date').textContent())).toBe(plain(`${expected.ward.name}, ${today}`));

    const value = async (testId: string) => Number(await page.getByTestId(testId).getAttribute('data-value'));
    expect(await value('report-count-total')).toBe(expected.all.totalCount);
    expect(await value('report-count-with')).toBe(expected.withCamera.totalCount);
    expect(await value('report-count-without')).toBe(expected.all.totalCount - expected.withCamera.totalCount);
    expect(await value('report-count-without')).toBe(houses.length);
    expect(await value('report-status-CAMERA_VERIFIED')).toBe(expected.verified.totalCount);
    expect(await value('report-status-NON_COMPLIANT')).toBe(expected.nonCompliant.totalCount);

    const rows = page.getByTestId('report-row');
    await expect(rows.evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-id'))))).resolves.toEqual(houses.map((h: { id: number }) => h.id));
    const addresses = await page.locator('[data-testid="report-row"] td[data-field="address"]').allTextContents();
    expect(addresses).toEqual(houses.map((h: { address: string }) => h.address));
    // The chair sees the owners of their ward.
    expect(plain(await rows.first().locator('td[data-field="owner"]').textContent())).toContain(houses[0].ownerName);
    expect(await page.locator('[data-testid="report-row"] [data-hidden="true"]').count()).toBe(0);
    await expect(page.getByTestId('report-chair-name').textContent()).resolves.toBe(expected.ward.chairName ?? '');
    await expect(page.getByTestId('report-csv').getAttribute('href')).resolves.toBe(`/export/unregistered-rental-houses.csv?wardId=${wardId}`);

    await page.screenshot({ path: path.join(shots, 'report-screen.png') });
  });

  it('prints on A4 without the header, the navigation and the buttons, the table header repeated and no row split', async () => {
    await page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
    await page.emulateMedia({ media: 'print' });
    const print = await page.evaluate(() => {
      const shown = (el: Element | null) => el != null && getComputedStyle(el).display !== 'none';
      const thead = document.querySelector('[data-testid="report-table"] thead');
      const row = document.querySelector('[data-testid="report-row"]');
      const sheet = document.querySelector('[data-testid="report-sheet"]') as HTMLElement;
      return {
        header: shown(document.querySelector('[data-testid="header"]')),
        navigation: [...document.querySelectorAll('nav')].some(shown),
        buttons: [...document.querySelectorAll('button')].filter(shown).length,
        toolbar: shown(document.querySelector('.ww-reg-toolbar')),
        thead: thead ? getComputedStyle(thead).display : null,
        rowBreak: row ? getComputedStyle(row).breakInside : null,
        color: getComputedStyle(sheet).color,
        background: getComputedStyle(document.body).backgroundColor,
        bodyOverflow: getComputedStyle(document.body).overflow,
        sheetHeight: sheet.getBoundingClientRect().height,
        documentHeight: document.documentElement.scrollHeight,
      };
    });
    expect(print).toMatchObject({ header: false, navigation: false, buttons: 0, toolbar: false, thead: 'table-header-group', rowBreak: 'avoid' });
    expect(print.color).toBe('rgb(0, 0, 0)');
    expect(['rgb(255, 255, 255)', 'rgba(0, 0, 0, 0)']).toContain(print.background);
    expect(print.bodyOverflow).toBe('visible');
    // The whole sheet flows in the document (nothing cut off by a scrolling container).
    expect(print.documentHeight).toBeGreaterThanOrEqual(Math.floor(print.sheetHeight)); // scrollHeight is whole pixels
    await page.screenshot({ path: path.join(shots, 'report-print.png'), fullPage: true });

    // Headless Chromium prints it as a PDF of several A4 pages.
    const pdf = await page.pdf({ format: 'A4', printBackground: false, preferCSSPageSize: true }).catch(() => null);
    if (pdf) {
      writeFileSync(path.join(shots, 'report-print.pdf'), pdf);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length ?? 0).toBeGreaterThanOrEqual(1);
    }
    await page.emulateMedia({ media: 'screen' });
    await page.context().close();
  });
});

describe('Justice deciding a referred penalty case', () => {
  it('opens the case, is refused a fine above the limit on that field, then decides a fine of 1.500.000 ₫', async () => {
    const CASE = 'id state allowedActions';
    let found = await api.gql(`{ penaltyCases(filter: { states: [REFERRED] }, first: 1) { edges { node { ${CASE} } } } }`, {}, 'justice');
    let kase: { id: number; state: string; allowedActions: string[] } | undefined = found.penaltyCases.edges[0]?.node;
    if (!kase) {
      // No referred case in the demo data: the chair of P02 opens one and refers it.
      const me = await api.gql('{ me { wardId } }', {}, 'chair.p02');
      const houses = await api.gql(
        `query ($w: Int!) { unregisteredRentalHouses(wardId: $w, first: 500) { edges { node { id openPenaltyCase { id } } } } }`,
        { w: me.me.wardId },
        'chair.p02',
      );
      const house = houses.unregisteredRentalHouses.edges.map((e: { node: { id: number; openPenaltyCase: unknown } }) => e.node).find((h: { openPenaltyCase: unknown }) => !h.openPenaltyCase);
      const opened = await api.gql(`mutation ($h: Int!) { openPenaltyCase(input: { rentalHouseId: $h, note: "Kiểm tra ngày 02/12" }) { id } }`, { h: house.id }, 'chair.p02');
      await api.gql(`mutation ($id: Int!) { referPenaltyCase(id: $id, note: "Chuyển Phòng Tư pháp") { id } }`, { id: opened.openPenaltyCase.id }, 'chair.p02');
      found = await api.gql(`query ($id: Int!) { penaltyCase(id: $id) { ${CASE} } }`, { id: opened.openPenaltyCase.id }, 'justice');
      kase = found.penaltyCase;
    }
    expect(kase!.state).toBe('REFERRED');
    const id = kase!.id;

    const page = await openAs('justice', 'cases');
    await page.getByTestId('cases-table').waitFor({ timeout: 60_000 });
    await page.getByTestId('cases-state').selectOption('REFERRED');
    const row = page.locator(`[data-testid="case-row"][data-id="${id}"]`);
    // The case may be on a later page of the referred ones: follow the pager.
    while ((await row.count()) === 0) {
      await page.waitForTimeout(300);
      if ((await row.count()) > 0) break;
      const next = page.getByTestId('cases-pager-next');
      if (await next.isDisabled()) throw new Error(`case ${id} is not listed`);
      await next.click();
    }
    await row.click();
    const detail = page.locator(`[data-testid="case-detail"][data-id="${id}"]`);
    await detail.waitFor();
    const buttons = await page.locator('[data-testid^="case-action-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice('case-action-'.length)));
    expect([...buttons].sort()).toEqual([...kase!.allowedActions].sort());
    expect(buttons).toContain('DECIDE');
    const eventsBefore = await page.getByTestId('case-event').count();

    await page.getByTestId('case-action-DECIDE').click();
    await page.getByTestId('decide-decision-FINE').check();
    await page.getByTestId('decide-amount').fill('2.000.000.000');
    await page.getByTestId('decide-legal-basis').fill('Nghị định 144/2021/NĐ-CP, Điều 9');
    await page.getByTestId('case-form-submit').click();
    const error = page.getByTestId('case-form-error');
    await error.waitFor();
    await expect(error.getAttribute('data-code')).resolves.toBe('BAD_USER_INPUT');
    await expect(page.getByTestId('decide-amount').getAttribute('data-invalid')).resolves.toBe('true');
    await expect(page.getByTestId('decide-legal-basis').getAttribute('data-invalid')).resolves.toBeNull();
    await page.screenshot({ path: path.join(shots, 'report-cases-refused.png') });
    const still = await api.gql(`query ($id: Int!) { penaltyCase(id: $id) { state decision events { id } } }`, { id }, 'justice');
    expect(still.penaltyCase).toMatchObject({ state: 'REFERRED', decision: null });

    await page.getByTestId('decide-amount').fill('1.500.000');
    await page.getByTestId('case-form-submit').click();
    await page.locator(`[data-testid="case-detail"][data-id="${id}"][data-state="DECIDED"]`).waitFor();
    expect(plain(await page.getByTestId('case-fine').textContent())).toBe('1.500.000 ₫');
    await expect(page.getByTestId('case-decision').textContent()).resolves.toBe('Phạt tiền');
    await expect(page.getByTestId('case-legal-basis').textContent()).resolves.toBe('Nghị định 144/2021/NĐ-CP, Điều 9');
    await expect(page.getByTestId('case-event').count()).resolves.toBe(eventsBefore + 1);
    await expect(page.getByTestId('case-event').last().getAttribute('data-kind')).resolves.toBe('DECIDED');

    const after = await api.gql(`query ($id: Int!) { penaltyCase(id: $id) { state decision fineAmountVnd legalBasis allowedActions } }`, { id }, 'justice');
    expect(after.penaltyCase).toMatchObject({ state: 'DECIDED', decision: 'FINE', fineAmountVnd: 1_500_000, legalBasis: 'Nghị định 144/2021/NĐ-CP, Điều 9' });
    const shown = await page.locator('[data-testid^="case-action-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice('case-action-'.length)));
    expect([...shown].sort()).toEqual([...after.penaltyCase.allowedActions].sort());
    await page.screenshot({ path: path.join(shots, 'report-cases.png') });
    await page.context().close();
  });
});

describe("Home Affairs' civil servants page", () => {
  it("lists every unit and the commendation roster as the API does, with addresses hidden and no ward's forms", async () => {
    const expected = await api.gql('{ units { id } commendationRoster { id } civilServants(first: 25) { totalCount } }', {}, 'homeaffairs');
    const page = await openAs('homeaffairs', 'civil-servants');
    await page.getByTestId('units-table').waitFor({ timeout: 60_000 });
    await page.getByTestId('servants-table').waitFor();
    const ids = (testId: string) => page.getByTestId(testId).evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-id'))));
    await expect(ids('unit-row')).resolves.toEqual(expected.units.map((u: { id: number }) => u.id));
    await expect(ids('roster-item')).resolves.toEqual(expected.commendationRoster.map((u: { id: number }) => u.id));
    // An empty roster says so.
    expect(await page.getByTestId('roster-empty').count()).toBe(expected.commendationRoster.length === 0 ? 1 : 0);
    expect(Number(await page.getByTestId('servants-count').getAttribute('data-value'))).toBe(expected.civilServants.totalCount);
    const addresses = page.getByTestId('servant-address');
    expect(await addresses.count()).toBeGreaterThan(0);
    expect(new Set(await addresses.evaluateAll((els) => els.map((e) => e.getAttribute('data-hidden'))))).toEqual(new Set(['true']));
    expect(await page.getByTestId('servant-record-check').count()).toBe(0);
    await page.screenshot({ path: path.join(shots, 'report-civil-servants.png') });
    await page.locator('#servants-title').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: path.join(shots, 'report-civil-servants-list.png') });
    await page.context().close();
  });
});
