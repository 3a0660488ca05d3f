import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstError, startTestApp, type TestApp } from '../../support/server';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

describe('district and wards', () => {
  it('answers { wards { name } } with the 13 wards of the demo district', async () => {
    const r = await app.gql(`{ wards { name } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.wards).toHaveLength(13);
    for (const w of r.data.wards) expect(w.name).toMatch(/^Phường /);
  });

  it('describes the district with counts that match the tables', async () => {
    const r = await app.gql(`{ district { name wardCount residentialGroupCount cameraCount rentalHouseCount bbox boundary } }`);
    expect(r.errors).toBeUndefined();
    const d = r.data.district;
    expect(d.wardCount).toBe(13);
    expect(d.residentialGroupCount).toBe(await app.count('residential_group'));
    expect(d.cameraCount).toBe(await app.count('camera', `status <> 'decommissioned'`));
    expect(d.rentalHouseCount).toBe(await app.count('rental_house'));
    expect(d.boundary.type).toBe('MultiPolygon');
    const [w, s, e, n] = d.bbox;
    expect(w).toBeLessThan(e);
    expect(s).toBeLessThan(n);
    expect((w + e) / 2).toBeCloseTo(108.2, 1); // near Da Nang
    expect((s + n) / 2).toBeCloseTo(16.05, 1);
  });

  it('gives each ward its bbox and counts, and its residential groups', async () => {
    const r = await app.gql(`{ wards { id code cameraCount rentalHouseCount residentialGroupCount bbox residentialGroups { id wardId } } }`);
    expect(r.errors).toBeUndefined();
    for (const w of r.data.wards) {
      expect(w.residentialGroups.length).toBe(w.residentialGroupCount);
      expect(w.residentialGroupCount).toBe(await app.count('residential_group', `ward_id = ${w.id}`));
      expect(w.cameraCount).toBe(await app.count('camera', `ward_id = ${w.id} AND status <> 'decommissioned'`));
      for (const g of w.residentialGroups) expect(g.wardId).toBe(w.id);
    }
  });

  it('finds a ward by id and answers NOT_FOUND for an unknown one', async () => {
    const ok = await app.gql(`{ ward(id: 1) { id name boundary } }`);
    expect(ok.data.ward.boundary.type).toBe('MultiPolygon');
    const missing = await app.gql(`{ ward(id: 4242) { id } }`);
    expect(firstError(missing)).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    const groups = await app.gql(`{ residentialGroups(wardId: 4242) { id } }`);
    expect(firstError(groups)).toMatchObject({ code: 'NOT_FOUND', field: 'wardId' });
    const group = await app.gql(`{ residentialGroup(id: 424242) { id } }`);
    expect(firstError(group)).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
  });

  it('lists the residential groups of a ward in code order', async () => {
    const r = await app.gql(`{ residentialGroups(wardId: 2) { code name households boundary } }`);
    const codes = r.data.residentialGroups.map((g: { code: string }) => g.code);
    expect(codes.length).toBeGreaterThan(5);
    expect(codes).toEqual([...codes].sort());
    expect(r.data.residentialGroups[0].name).toMatch(/^Tổ dân phố /);
  });

  it('reports a wrongly typed argument as a GraphQL validation error, without a stack', async () => {
    const r = await app.gql(`{ ward(id: "one") { id } }`);
    expect(firstError(r).code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(r)).not.toMatch(/stacktrace/);
  });
});
