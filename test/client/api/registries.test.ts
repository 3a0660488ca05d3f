import { describe, expect, it, vi } from 'vitest';
import {
  actionVariables,
  civilServantFilterInput,
  fetchUnregisteredHouses,
  fetchWardReportSummary,
  penaltyCaseFilterInput,
  runCaseAction,
  unregisteredHousesCsvUrl,
} from '../../../client/src/api/registries';

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
const bodyOf = (call: unknown) => JSON.parse(String((call as [string, RequestInit])[1].body));

describe("the ward report's requests", () => {
  it('read every page of the houses without a camera, following the end cursor', async () => {
    const page = (ids: number[], next: string | null) =>
      json({
        data: {
          unregisteredRentalHouses: {
            totalCount: 3,
            pageInfo: { hasNextPage: next != null, endCursor: next },
            edges: ids.map((id) => ({ node: { id } })),
          },
        },
      });
    const fetch = vi.fn().mockResolvedValueOnce(page([1, 2], 'c2')).mockResolvedValueOnce(page([3], null));
    const houses = await fetchUnregisteredHouses(5, { fetch });
    expect(houses.map((h) => h.id)).toEqual([1, 2, 3]);
    expect(bodyOf(fetch.mock.calls[0]).variables).toEqual({ wardId: 5, first: 500, after: null });
    expect(bodyOf(fetch.mock.calls[1]).variables).toEqual({ wardId: 5, first: 500, after: 'c2' });
  });

  it('count the houses per compliance status in one request', async () => {
    const count = (n: number) => ({ totalCount: n });
    const fetch = vi.fn(async () =>
      json({
        data: {
          ward: { id: 2, code: 'P02', name: 'Phường Hai', chairName: 'Chị Lan' },
          residentialGroups: [],
          all: count(10),
          withCamera: count(6),
          registered: count(3),
          camera_installed: count(4),
          camera_verified: count(2),
          non_compliant: count(1),
        },
      }),
    );
    const s = await fetchWardReportSummary(2, { fetch });
    expect(s).toMatchObject({ housesTotal: 10, housesWithCamera: 6, byStatus: { REGISTERED: 3, CAMERA_INSTALLED: 4, CAMERA_VERIFIED: 2, NON_COMPLIANT: 1 } });
    const sent = bodyOf((fetch.mock.calls as unknown[])[0]);
    expect(sent.variables).toEqual({ wardId: 2 });
    expect(sent.query).toContain('complianceStatus: [NON_COMPLIANT]');
  });

  it('link the CSV of one ward', () => {
    expect(unregisteredHousesCsvUrl(7)).toBe('/export/unregistered-rental-houses.csv?wardId=7');
  });
});

describe('filters and actions', () => {
  it('send only the filter fields that are set', () => {
    expect(civilServantFilterInput({ unitId: null, verified: null, search: '  ' })).toEqual({});
    expect(civilServantFilterInput({ unitId: 3, verified: false, search: ' Lan ' })).toEqual({ unitId: 3, verified: false, search: 'Lan' });
    expect(penaltyCaseFilterInput({ wardId: null, states: [] })).toEqual({});
    expect(penaltyCaseFilterInput({ wardId: 4, states: ['REFERRED'] })).toEqual({ wardId: 4, states: ['REFERRED'] });
  });

  it('leave empty notes out of an action', () => {
    expect(actionVariables(9, { action: 'REFER', note: '' })).toEqual({ id: 9 });
    expect(actionVariables(9, { action: 'CLOSE', note: 'xong' })).toEqual({ id: 9, note: 'xong' });
    expect(actionVariables(9, { action: 'DECIDE', input: { decision: 'WARNING', legalBasis: 'Nghị định 144/2021', note: undefined } })).toEqual({
      id: 9,
      input: { decision: 'WARNING', legalBasis: 'Nghị định 144/2021' },
    });
  });

  it("send each action's own mutation and return the changed case", async () => {
    const fetch = vi.fn(async () => json({ data: { decidePenaltyCase: { id: 9, state: 'DECIDED' } } }));
    const c = await runCaseAction(9, { action: 'DECIDE', input: { decision: 'FINE', fineAmountVnd: 1_500_000, legalBasis: 'Điều 9' } }, { fetch });
    expect(c).toMatchObject({ id: 9, state: 'DECIDED' });
    const sent = bodyOf((fetch.mock.calls as unknown[])[0]);
    expect(sent.query).toMatch(/^mutation DecidePenaltyCase/);
    expect(sent.variables).toEqual({ id: 9, input: { decision: 'FINE', fineAmountVnd: 1_500_000, legalBasis: 'Điều 9' } });
  });
});
