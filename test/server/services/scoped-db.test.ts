import 'reflect-metadata';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDataSource } from '../../../db/data-source';
import { entities } from '../../../server/src/entities';
import { Role } from '../../../server/src/entities/enums';
import { ScopedDb, type Viewer } from '../../../server/src/services/scoped-db';

/** A request's transaction: scoped, serialised, and honest about whether its changes were saved. */
describe('ScopedDb', () => {
  const ds = createDataSource({ url: inject('appDatabaseUrl') || inject('databaseUrl'), entities, poolSize: 1 });
  let owner: pg.Client;
  let admin: Viewer;
  let cameraId: number;

  beforeAll(async () => {
    await ds.initialize();
    owner = new pg.Client({ connectionString: inject('databaseUrl') });
    await owner.connect();
    const [u] = (await owner.query(`SELECT id, district_id FROM app_user WHERE username = 'admin'`)).rows;
    admin = { userId: u.id, username: 'admin', displayName: 'Admin', role: Role.ADMIN, districtId: u.district_id, wardId: null };
    cameraId = (await owner.query(`SELECT min(id) AS id FROM camera WHERE status = 'active'`)).rows[0].id;
  });

  afterAll(async () => {
    await owner?.end();
    if (ds.isInitialized) await ds.destroy();
  });

  it('acts as the app role with the user\'s scope and a statement timeout', async () => {
    const db = new ScopedDb(ds, { ...admin, role: Role.WARD_CHAIR, wardId: 2 });
    const [r] = await db.query(
      `SELECT current_user AS who, current_setting('ww.ward_id') AS ward, current_setting('ww.role') AS role, current_setting('statement_timeout') AS timeout`,
    );
    expect(r).toEqual({ who: 'wardwatch_app', ward: '2', role: 'ward_chair', timeout: '30s' });
    await db.finish(true);
  });

  it('commits a change and its audit row together', async () => {
    const db = new ScopedDb(ds, admin);
    await db.setAction('updateCamera');
    await db.query(`UPDATE camera SET label = 'scoped-db committed' WHERE id = $1`, [cameraId]);
    await db.finish(true);
    expect((await owner.query(`SELECT label FROM camera WHERE id = $1`, [cameraId])).rows[0].label).toBe('scoped-db committed');
    const [audit] = (await owner.query(`SELECT action, username FROM audit_log WHERE entity = 'camera' AND entity_id = $1 ORDER BY id DESC LIMIT 1`, [cameraId])).rows;
    expect(audit).toEqual({ action: 'updateCamera', username: 'admin' });
  });

  it('says the change was not saved when a later statement aborted the transaction, and saves nothing', async () => {
    const auditRows = (await owner.query(`SELECT count(*)::int AS n FROM audit_log`)).rows[0].n;
    const db = new ScopedDb(ds, admin);
    await db.setAction('updateCamera');
    await db.query(`UPDATE camera SET label = 'scoped-db lost' WHERE id = $1`, [cameraId]);
    await expect(db.query(`SELECT 1 / 0`)).rejects.toThrow();
    await expect(db.finish(true)).rejects.toThrow();
    expect((await owner.query(`SELECT label FROM camera WHERE id = $1`, [cameraId])).rows[0].label).toBe('scoped-db committed');
    expect((await owner.query(`SELECT count(*)::int AS n FROM audit_log`)).rows[0].n).toBe(auditRows);
  });

  it('runs the statements of resolvers side by side one at a time, each with its own answer', async () => {
    const db = new ScopedDb(ds, admin);
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => db.query(`SELECT $1::int AS v`, [i])));
    expect(answers.map((r: { v: number }[]) => r[0]!.v)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    await db.finish(true);
  });

  it('refuses any statement once the request has finished', async () => {
    const db = new ScopedDb(ds, admin);
    await db.query(`SELECT 1`);
    await db.finish(true);
    await expect(db.query(`SELECT 1`)).rejects.toThrow(/finished/);
  });
});
