import { describe, expect, it, vi } from 'vitest';
import {
  complianceCsvUrl,
  fetchComplianceDashboard,
  fetchDirectives,
  fetchPageHeader,
  takeComplianceSnapshot,
  updateDirective,
} from '../../../client/src/api/compliance';
import { GraphQLClientError } from '../../../client/src/api/graphql';

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const sentBody = (fetch: ReturnType<typeof vi.fn>) => JSON.parse(String((fetch.mock.calls[0] as unknown as [string, RequestInit])[1].body));

describe('the dashboard’s requests', () => {
  it('asks for the district with the default trend when no ward is given', async () => {
    const fetch = vi.fn(async () => json({ data: { complianceDashboard: { wardId: null, trend: [] } } }));
    const dashboard = await fetchComplianceDashboard({ wardId: null }, { fetch });
    expect(dashboard.wardId).toBeNull();
    expect(sentBody(fetch).variables).toEqual({ days: 120 });
    expect(sentBody(fetch).query).toMatch(/trend\(days: \$days\)/);
    expect(sentBody(fetch).query).toContain('civilServantUptakePercent');
  });

  it('asks for one ward and a chosen span', async () => {
    const fetch = vi.fn(async () => json({ data: { complianceDashboard: { wardId: 2 } } }));
    await fetchComplianceDashboard({ wardId: 2, days: 30 }, { fetch });
    expect(sentBody(fetch).variables).toEqual({ wardId: 2, days: 30 });
  });

  it('takes a snapshot and returns the number of wards written', async () => {
    const fetch = vi.fn(async () => json({ data: { takeComplianceSnapshot: 13 } }));
    expect(await takeComplianceSnapshot({ fetch })).toBe(13);
    expect(sentBody(fetch).query).toMatch(/^\s*mutation TakeComplianceSnapshot/);
  });

  it('downloads the CSV of the district or of one ward', () => {
    expect(complianceCsvUrl(null)).toBe('/export/compliance-dashboard.csv');
    expect(complianceCsvUrl(4)).toBe('/export/compliance-dashboard.csv?wardId=4');
  });

  it('reads the district’s name and coverage for the page header', async () => {
    const fetch = vi.fn(async () => json({ data: { district: { id: 1, name: 'Quận Mẫu', coverage: { coveredPercent: 41.5 } } } }));
    expect(await fetchPageHeader({ fetch })).toEqual({ name: 'Quận Mẫu', coveredPercent: 41.5 });
  });
});

describe('the directives’ requests', () => {
  it('lists the directives with who may edit them', async () => {
    const fetch = vi.fn(async () => json({ data: { directives: [{ id: 1, code: 'R1' }] } }));
    expect(await fetchDirectives({ fetch })).toEqual([{ id: 1, code: 'R1' }]);
    expect(sentBody(fetch).query).toContain('canEdit');
  });

  it('sends an update with the directive’s id and only the input given', async () => {
    const fetch = vi.fn(async () => json({ data: { updateDirective: { id: 8, status: 'DONE' } } }));
    expect(await updateDirective(8, { status: 'DONE' }, { fetch })).toEqual({ id: 8, status: 'DONE' });
    expect(sentBody(fetch).variables).toEqual({ id: 8, input: { status: 'DONE' } });
  });

  it('throws the code and the field of a refusal', async () => {
    const fetch = vi.fn(async () => json({ data: null, errors: [{ message: 'only ADMIN or PLANNER', extensions: { code: 'FORBIDDEN', field: 'input.deadline' } }] }));
    const error = await updateDirective(8, { deadline: '2018-01-01' }, { fetch }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphQLClientError);
    expect((error as GraphQLClientError).code).toBe('FORBIDDEN');
    expect((error as GraphQLClientError).field).toBe('input.deadline');
  });
});
