import 'reflect-metadata';
import { GraphQLError } from 'graphql';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { formatError } from '../../server/src/app';
import { BadUserInputError } from '../../server/src/errors';
import { startTestApp, type TestApp } from '../support/server';

describe('formatError', () => {
  const asResolverError = (original: Error) =>
    new GraphQLError(original.message, { originalError: original, path: ['camera'] });

  it('masks an unexpected error as INTERNAL_SERVER_ERROR with a generic message', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const leaked = new Error('relation "camera" does not exist: SELECT * FROM camera WHERE owner_phone = $1');
    const out = formatError({ message: leaked.message, extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x.ts:1'] } }, asResolverError(leaked));
    expect(out.message).toBe('Internal server error');
    expect(out.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });

  it('logs a database error by its code and constraint, never the values it quotes', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const failed = Object.assign(new Error('invalid input syntax for type integer: "0905 123 456"'), {
      code: '22P02',
      parameters: ['Nguyễn Văn An', '0905 123 456'],
      driverError: { code: '22P02', table: 'rental_house', constraint: undefined, detail: 'Key (owner_phone)=(0905 123 456)' },
    });
    const out = formatError({ message: failed.message }, asResolverError(failed));
    expect(out.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    const logged = log.mock.calls.flat().map(String).join(' ');
    expect(logged).toMatch(/22P02/);
    expect(logged).not.toMatch(/0905|Nguyễn/);
    log.mockRestore();
  });

  it('answers SERVICE_UNAVAILABLE when the database cannot be reached', () => {
    const down = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const out = formatError({ message: down.message }, asResolverError(down));
    expect(out.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE' });
    expect(out.message).not.toContain('5432');
  });

  it('keeps our own coded errors with their field, and drops stack traces', () => {
    const e = new BadUserInputError('input.bearing', 'must be in [0, 360) (got 400)');
    const out = formatError({ message: e.message, extensions: { ...e.extensions, stacktrace: ['secret'] } }, asResolverError(e));
    expect(out.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.bearing' });
  });
});

describe('HTTP endpoints', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app?.close());

  it('serves the client its runtime config, with no basemap unless one is configured', async () => {
    const res = await fetch(`${app.server.url}/config.json`);
    expect(await res.json()).toEqual({ tileUrl: null, tileAttribution: null, demo: true });
  });

  it('reports health when the database answers', async () => {
    const res = await fetch(`${app.server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('answers a body that is not JSON with a coded error, not an HTML stack trace', async () => {
    const res = await fetch(`${app.server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/json/);
    const text = await res.text();
    expect(JSON.parse(text).errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(text).not.toMatch(/node_modules|at \w+ \(|SyntaxError/);
  });

  it('refuses a body over 1 MB with PAYLOAD_TOO_LARGE', async () => {
    const query = `{ wards { name } } # ${'x'.repeat(2 * 1024 * 1024)}`;
    const res = await fetch(`${app.server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    expect(res.status).toBe(413);
    expect((await res.json()).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('serves no landing page that would load scripts from a CDN', async () => {
    const res = await fetch(`${app.server.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await res.text()).not.toMatch(/cdn\.apollographql\.com/);
  });

  it('answers a malformed query with GRAPHQL_PARSE_FAILED and no stack', async () => {
    const r = await app.gql('{ wards { name ');
    expect(r.errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(JSON.stringify(r)).not.toMatch(/stacktrace/);
  });
});
