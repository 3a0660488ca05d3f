import { describe, expect, it, vi } from 'vitest';
import { fetchCamera, fetchConfig, fetchLayer, fetchOverview } from '../../../client/src/api/queries';

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
    expect(await fetchConfig({ fetch })).toEqual({ tileUrl: 'https://tiles.example/{z}/{x}/{y}.png', tileAttribution: '© OSM' });
  });

  it('falls back to no basemap when the file is missing, broken or empty', async () => {
    const none = { tileUrl: null, tileAttribution: null };
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
