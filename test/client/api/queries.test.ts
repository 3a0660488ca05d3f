import { describe, expect, it, vi } from 'vitest';
import { GraphQLClientError } from '../../../client/src/api/graphql';
import {
  fetchCamera,
  fetchConfig,
  fetchDistrictCoverage,
  fetchGroupCoverage,
  fetchLayer,
  fetchOverview,
  fetchUncoveredGroups,
  fetchWardCoverage,
  registerCamera,
  unregisteredHousesCsvUrl,
} from '../../../client/src/api/queries';

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const sentBody = (fetch: ReturnType<typeof vi.fn>) => JSON.parse(String((fetch.mock.calls[0] as unknown as [string, RequestInit])[1].body));

describe('fetchLayer', () => {
  it('asks for one layer of the whole district when no ward is given', async () => {
    const fetch = vi.fn(async () => json({ data: { layer: { type: 'FeatureCollection', features: [] } } }));
    const layer = await fetchLayer('CAMERAS', null, { fetch });
    expect(layer).toEqual({ type: 'FeatureCollection', features: [] });
    expect(sentBody(fetch).variables).toEqual({ kind: 'CAMERAS' });
  });

  it('passes the ward id and accepts a FeatureCollection sent as text', async () => {
    const fetch = vi.fn(async () => json({ data: { layer: '{"type":"FeatureCollection","features":[]}' } }));
    const layer = await fetchLayer('WARDS', 4, { fetch });
    expect(layer).toEqual({ type: 'FeatureCollection', features: [] });
    expect(sentBody(fetch).variables).toEqual({ kind: 'WARDS', wardId: 4 });
  });
});

describe('fetchOverview and fetchCamera', () => {
  it('asks for the district and its wards in one request', async () => {
    const district = { id: 1, name: 'Quận Mẫu', boundary: { type: 'MultiPolygon', coordinates: [] }, bbox: [0, 0, 1, 1] };
    const fetch = vi.fn(async () => json({ data: { district, wards: [] } }));
    const overview = await fetchOverview({ fetch });
    expect(overview.district.name).toBe('Quận Mẫu');
    expect(sentBody(fetch).query).toMatch(/district\s*\{[^}]*bbox/);
    expect(sentBody(fetch).query).toMatch(/wards\s*\{/);
  });

  it('fetches one camera by id with its enums and ward', async () => {
    const fetch = vi.fn(async () => json({ data: { camera: { id: 5, status: 'ACTIVE' } } }));
    const camera = await fetchCamera(5, { fetch });
    expect(camera.id).toBe(5);
    expect(sentBody(fetch).variables).toEqual({ id: 5 });
    expect(sentBody(fetch).query).toContain('policeAccess');
  });
});

describe('fetchConfig', () => {
  it('reads the tile URL and attribution', async () => {
    const fetch = vi.fn(async () => json({ tileUrl: 'https://tiles.example/{z}/{x}/{y}.png', tileAttribution: '© OSM' }));
    expect(await fetchConfig({ fetch })).toEqual({ tileUrl: 'https://tiles.example/{z}/{x}/{y}.png', tileAttribution: '© OSM', demo: false });
  });

  it('says demo mode only when the server says exactly true', async () => {
    expect((await fetchConfig({ fetch: vi.fn(async () => json({ demo: true })) })).demo).toBe(true);
    expect((await fetchConfig({ fetch: vi.fn(async () => json({ demo: 'yes' })) })).demo).toBe(false);
  });

  it('falls back to no basemap when the file is missing, broken or empty', async () => {
    const none = { tileUrl: null, tileAttribution: null, demo: false };
    expect(await fetchConfig({ fetch: vi.fn(async () => new Response('nope', { status: 404 })) })).toEqual(none);
    expect(await fetchConfig({ fetch: vi.fn(async () => new Response('<html>', { status: 200 })) })).toEqual(none);
    expect(await fetchConfig({ fetch: vi.fn(async () => json({ tileUrl: '  ', tileAttribution: null })) })).toEqual(none);
    expect(
      await fetchConfig({
        fetch: vi.fn(async () => {
          throw new TypeError('offline');
        }),
      }),
    ).toEqual(none);
  });
});

describe('coverage queries', () => {
  const coverage = { coveredPercent: 12.2, coveredAreaM2: 1, gapAreaM2: 2, areaM2: 3, activeCameraCount: 4, residentialGroupCount: 5, residentialGroupsWithoutCamera: 1, computedAt: null };

  it('asks for the district’s and a ward’s coverage', async () => {
    const district = vi.fn(async () => json({ data: { district: { id: 1, coverage } } }));
    expect((await fetchDistrictCoverage({ fetch: district })).coveredPercent).toBe(12.2);
    expect(sentBody(district).query).toMatch(/district\s*\{[^]*coverage\s*\{[^}]*residentialGroupsWithoutCamera/);
    const ward = vi.fn(async () => json({ data: { ward: { id: 3, coverage } } }));
    expect((await fetchWardCoverage(3, { fetch: ward })).activeCameraCount).toBe(4);
    expect(sentBody(ward).variables).toEqual({ id: 3 });
  });

  it('asks for a group’s coverage with its sector count', async () => {
    const fetch = vi.fn(async () => json({ data: { residentialGroup: { id: 14, coverage: { coveredPercent: 0, sectorCount: 0 } } } }));
    expect((await fetchGroupCoverage(14, { fetch })).id).toBe(14);
    expect(sentBody(fetch).query).toMatch(/sectorCount/);
    expect(sentBody(fetch).variables).toEqual({ id: 14 });
  });

  it('lists the district’s groups short of R8 without variables, and a ward’s below a target with them', async () => {
    const answer = { uncoveredResidentialGroups: { deadline: '2017-09-30', daysToDeadline: -5, totalGroups: 2, groupsWithoutCamera: 1, belowPercent: null, groups: [] } };
    const district = vi.fn(async () => json({ data: answer }));
    expect((await fetchUncoveredGroups({}, { fetch: district })).deadline).toBe('2017-09-30');
    expect(sentBody(district).variables).toEqual({});
    const ward = vi.fn(async () => json({ data: answer }));
    await fetchUncoveredGroups({ wardId: 4, belowPercent: 10 }, { fetch: ward });
    expect(sentBody(ward).variables).toEqual({ wardId: 4, belowPercent: 10 });
  });

  it('links a ward’s CSV of rental houses without a camera', () => {
    expect(unregisteredHousesCsvUrl(7)).toBe('/export/unregistered-rental-houses.csv?wardId=7');
  });
});

describe('registerCamera', () => {
  const input = { location: { type: 'Point' as const, coordinates: [108.19, 16.06] as [number, number] }, type: 'PTZ' as const, ownerKind: 'PUBLIC' as const, bearing: 0, fieldOfView: 360, rangeMeters: 50 };

  it('sends the input and returns the new camera’s id, ward and group', async () => {
    const fetch = vi.fn(async () => json({ data: { registerCamera: { id: 2001, wardId: 1, residentialGroupId: 14 } } }));
    expect(await registerCamera(input, { fetch })).toEqual({ id: 2001, wardId: 1, residentialGroupId: 14 });
    expect(sentBody(fetch).variables).toEqual({ input });
    expect(sentBody(fetch).query).toMatch(/mutation[^]*registerCamera\(input: \$input\)/);
  });

  it('throws the server’s code and field when the location is refused', async () => {
    const fetch = vi.fn(async () =>
      json({ errors: [{ message: 'input.location: point (10, 100) is outside the district', extensions: { code: 'BAD_USER_INPUT', field: 'input.location' } }], data: null }),
    );
    const error = await registerCamera(input, { fetch }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphQLClientError);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.location' });
  });
});
