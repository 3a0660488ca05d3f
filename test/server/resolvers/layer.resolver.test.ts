import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstError, startTestApp, type TestApp } from '../../support/server';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

const LAYER = `query($kind: MapLayer!, $wardId: Int) { layer(kind: $kind, wardId: $wardId) }`;

describe('map layers as GeoJSON FeatureCollections', () => {
  const cases: [string, string, string, string][] = [
    ['WARDS', 'ward', 'true', 'MultiPolygon'],
    ['RESIDENTIAL_GROUPS', 'residential_group', 'true', 'MultiPolygon'],
    ['CAMERAS', 'camera', `status <> 'decommissioned'`, 'Point'],
    ['VIEW_SECTORS', 'camera', `status <> 'decommissioned'`, 'Polygon'],
    ['RENTAL_HOUSES', 'rental_house', 'true', 'Point'],
  ];
  for (const [kind, table, where, geometry] of cases) {
    it(`serves the ${kind} layer of the district with one ${geometry} feature per row`, async () => {
      const r = await app.gql(LAYER, { kind });
      expect(r.errors).toBeUndefined();
      const fc = r.data.layer;
      expect(fc.type).toBe('FeatureCollection');
      expect(fc.features).toHaveLength(await app.count(table, where));
      for (const f of fc.features) {
        expect(f.type).toBe('Feature');
        expect(f.geometry.type).toBe(geometry);
        expect(f.properties.id).toBe(f.id);
      }
    });
  }

  it("serves one ward's cameras with their properties in GraphQL enum spelling", async () => {
    const r = await app.gql(LAYER, { kind: 'CAMERAS', wardId: 3 });
    const features = r.data.layer.features;
    expect(features.length).toBe(await app.count('camera', `ward_id = 3 AND status <> 'decommissioned'`));
    for (const f of features) {
      expect(f.properties.wardId).toBe(3);
      expect(['FIXED', 'DOME', 'PTZ']).toContain(f.properties.type);
      expect(['ACTIVE', 'OFFLINE', 'MAINTENANCE']).toContain(f.properties.status);
    }
  });

  it('marks which rental houses have an active camera', async () => {
    const r = await app.gql(LAYER, { kind: 'RENTAL_HOUSES', wardId: 5 });
    const without = r.data.layer.features.filter((f: any) => !f.properties.hasActiveCamera).length;
    const expected = await app.count(
      'rental_house h',
      `h.ward_id = 5 AND NOT EXISTS (SELECT 1 FROM camera c WHERE c.rental_house_id = h.id AND c.status = 'active')`,
    );
    expect(without).toBe(expected);
    expect(without).toBeGreaterThan(0);
  });

  it('answers NOT_FOUND for the layer of an unknown ward', async () => {
    const r = await app.gql(LAYER, { kind: 'WARDS', wardId: 999 });
    expect(firstError(r)).toMatchObject({ code: 'NOT_FOUND', field: 'wardId' });
  });

  it('rejects an unknown layer kind', async () => {
    const r = await app.gql(LAYER, { kind: 'ROADS' });
    expect(firstError(r).code).toBe('BAD_USER_INPUT');
  });
});
