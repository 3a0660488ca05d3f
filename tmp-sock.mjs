import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import pg from 'pg';
const db = await PGlite.create({});
await db.exec(`CREATE TABLE u (id int generated always as identity primary key, name text unique)`);
await db.exec(`INSERT INTO u (name) VALUES ('planner')`);
const orig = db.execProtocolRaw.bind(db);
let log = process.argv[2] === 'log';
db.execProtocolRaw = async (msg, opts) => { const out = await orig(msg, opts); if (log) { const types=[]; let i=0; while (i < out.length) { types.push(String.fromCharCode(out[i])); i += 1 + out.readUInt32BE ? new DataView(out.buffer, out.byteOffset+i+1, 4).getUint32(0) : 0; } console.log('in', String.fromCharCode(...[...msg].slice(0,1)), msg.length, 'out', types.join('')); } return out; };
const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 5 });
await server.start();
const c = new pg.Client({ connectionString: `postgres://postgres@${server.getServerConn()}/postgres` });
c.on('error', (e) => console.log('CLIENT ERROR EVENT', e.message));
await c.connect();
const tryq = async (s, p) => { try { const r = await c.query(s, p); console.log('ok', s, r.rows); } catch (e) { console.log('err', s, e.code); } };
let bad = 0;
for (let k = 0; k < 20; k++) {
  await tryq('BEGIN');
  await tryq('SAVEPOINT typeorm_1');
  await tryq('INSERT INTO u (name) VALUES (lower($1)) RETURNING id', ['Planner']);
  await tryq('ROLLBACK TO SAVEPOINT typeorm_1');
  await tryq('COMMIT');
  await tryq('SELECT $1::int AS y', [k]);
}
await new Promise(r => setTimeout(r, 200));
await c.end(); await server.stop(); await db.close();
