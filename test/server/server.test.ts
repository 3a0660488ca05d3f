import pg from 'pg';
import { afterAll, beforeAll, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/server';

let on = false;
const orig = (pg as any).Client.prototype.query;
(pg as any).Client.prototype.query = function (...args: any[]) {
  const text = typeof args[0] === 'string' ? args[0] : args[0]?.text;
  if (on) console.log('Q', ((this as any).__id ??= Math.random().toString(36).slice(2, 6)), String(text).replace(/\s+/g, ' ').slice(0, 90));
  return orig.apply(this, args);
};

let app: TestApp;
beforeAll(async () => { app = await startTestApp({ as: 'admin' }); });
afterAll(() => app?.close());

it('debug logout', async () => {
  const res = await fetch(`${app.server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation { login(input: {username: "justice", password: "wardwatch-demo"}) { user { id } } }' }) });
  const cookie = res.headers.get('set-cookie')!.split(';')[0];
  on = true;
  const out = await fetch(`${app.server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ query: 'mutation { logout }' }) });
  on = false;
  console.log(await out.text());
});
