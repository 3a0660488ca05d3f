import type { ApolloServerPlugin } from '@apollo/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../server/src/app';
import type { Context } from '../../server/src/context';
import { DEMO_PASSWORD, startTestApp, type TestApp } from '../support/server';

/**
 * Issue 4, GraphQL hardening: every attack below is refused before any resolver runs. Each app gets
 * a plugin that records what GraphQL actually executed: operations that reached execution and each
 * field resolved (willResolveField fires for every field, root fields included).
 */
interface Executed {
  executions: number;
  fields: string[];
}

function executionRecorder(): { plugin: ApolloServerPlugin<Context>; executed: Executed } {
  const executed: Executed = { executions: 0, fields: [] };
  const plugin: ApolloServerPlugin<Context> = {
    async requestDidStart() {
      return {
        async executionDidStart() {
          executed.executions += 1;
          return {
            willResolveField({ info }) {
              const keys: (string | number)[] = [];
              for (let p: typeof info.path | undefined = info.path; p; p = p.prev) keys.unshift(p.key);
              executed.fields.push(keys.join('.'));
            },
          };
        },
      };
    },
  };
  return { plugin, executed };
}

interface Target {
  app: TestApp;
  executed: Executed;
}

interface Reply {
  status: number;
  headers: Headers;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  /** What the request made GraphQL execute. */
  executions: number;
  fields: string[];
}

/** Every response body of this file, checked for leaks at the end. */
const answers: { what: string; text: string }[] = [];

/**
 * POSTs a raw body (an object is sent as JSON, a string as it is) to /graphql as a demo user, and
 * reports the answer with what it executed. The user logs in before the count starts.
 */
async function post(target: Target, body: unknown, options: { as?: string | null; what?: string } = {}): Promise<Reply> {
  const as = options.as === undefined ? 'admin' : options.as;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (as) headers.cookie = await target.app.cookieOf(as);
  target.executed.executions = 0;
  target.executed.fields = [];
  const res = await fetch(`${target.app.server.url}/graphql`, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  answers.push({ what: options.what ?? (typeof body === 'string' ? body.slice(0, 80) : JSON.stringify(body).slice(0, 80)), text });
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: res.status, headers: res.headers, text, body: parsed, executions: target.executed.executions, fields: [...target.executed.fields] };
}

const query = (target: Target, q: string, variables?: Record<string, unknown>, as?: string | null) => post(target, { query: q, variables }, { as });

const codes = (r: Reply): string[] => (r.body?.errors ?? []).map((e: { extensions?: { code?: string } }) => e.extensions?.code);
const messages = (r: Reply): string => (r.body?.errors ?? []).map((e: { message: string }) => e.message).join('\n');

/** Refused as a bad request before execution: one error with this code, HTTP 400, nothing resolved. */
function expectRefusedBeforeExecution(r: Reply, code: string, status = 400): void {
  const answer = `HTTP ${r.status}, ${r.executions} execution(s), ${r.fields.length} field(s) resolved: ${r.text.slice(0, 400)}`;
  expect(codes(r), answer).toEqual([code]);
  expect(r.status).toBe(status);
  expect(r.body.data).toBeUndefined();
  expect(r.executions).toBe(0);
  expect(r.fields).toEqual([]);
}

/** `levels` nested inline fragments around `inner`: valid on any type, one depth level each. */
const nestedFragments = (type: string, levels: number, inner: string) => `${`... on ${type} { `.repeat(levels)}${inner}${' }'.repeat(levels)}`;

/** Each fragment spreads the one below it `spreads` times; the bottom one is flat. */
function fragmentBomb(levels: number, spreads: number): string {
  const fragments = ['fragment F0 on Ward { id code name cameraCount rentalHouseCount residentialGroupCount }'];
  for (let i = 1; i <= levels; i++) fragments.push(`fragment F${i} on Ward { ${Array(spreads).fill(`...F${i - 1}`).join(' ')} }`);
  return `{ wards { ...F${levels} } }\n${fragments.join('\n')}`;
}

/** A valid query of exactly `tokens` lexical tokens: a filter list of ACTIVE repeated. */
function queryOfTokens(tokens: number): string {
  // `{ cameras ( filter : { status : [` is 9 tokens, `] } ) { totalCount } }` is 7.
  return `{ cameras(filter: { status: [${Array(tokens - 16).fill('ACTIVE').join(', ')}] }) { totalCount } }`;
}

let dev: Target;
let prod: Target;

beforeAll(async () => {
  const d = executionRecorder();
  const p = executionRecorder();
  dev = { app: await startTestApp({ plugins: [d.plugin] }), executed: d.executed };
  prod = { app: await startTestApp({ config: { production: true }, plugins: [p.plugin] }), executed: p.executed };
});

afterAll(async () => {
  await dev?.app.close();
  await prod?.app.close();
});

describe('query limits, enforced before any resolver runs', () => {
  it('says what the limits are', () => {
    expect(LIMITS).toMatchObject({ maxDepth: 10, maxAliases: 15, maxCost: 50000, maxTokens: 2000, maxDirectives: 20, bodyBytes: '1mb' });
  });

  it('refuses a query 20 levels deep with GRAPHQL_VALIDATION_FAILED, and resolves nothing', async () => {
    // rentalHouses > edges > node > cameras > ward > residentialGroups (6), 13 inline fragments, id: 20.
    const deep = `{ rentalHouses(first: 1) { edges { node { cameras { ward { residentialGroups { ${nestedFragments('ResidentialGroup', 13, 'id')} } } } } } } }`;
    const r = await query(dev, deep);
    expectRefusedBeforeExecution(r, 'GRAPHQL_VALIDATION_FAILED');
    expect(messages(r)).toMatch(/depth limit of 10 exceeded, found 20/);
  });

  it('refuses 20 levels of introspection (__type ... ofType) the same way', async () => {
    const deep = `{ __type(name: "Camera") { fields { type { ${'ofType { '.repeat(16)}name${' }'.repeat(16)} } } } }`;
    const r = await query(dev, deep);
    expectRefusedBeforeExecution(r, 'GRAPHQL_VALIDATION_FAILED');
    expect(messages(r)).toMatch(/depth limit of 10 exceeded, found 20/);
  });

  it('answers a query exactly 10 levels deep', async () => {
    const ten = `{ rentalHouses(first: 1) { edges { node { cameras { ward { residentialGroups { ${nestedFragments('ResidentialGroup', 3, 'id')} } } } } } } }`;
    const r = await query(dev, ten);
    expect(r.body.errors, r.text).toBeUndefined();
    expect(r.status).toBe(200);
    expect(r.fields[0]).toBe('rentalHouses');
  });

  it('answers 15 aliases of one field and refuses 16, resolving nothing', async () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `d${i}: district { id }`).join(' ')} }`;
    const ok = await query(dev, aliases(15));
    expect(ok.body.errors, ok.text).toBeUndefined();
    expect(Object.keys(ok.body.data)).toHaveLength(15);

    const r = await query(dev, aliases(16));
    expectRefusedBeforeExecution(r, 'GRAPHQL_VALIDATION_FAILED');
    expect(messages(r)).toMatch(/Aliases limit of 15 exceeded, found 16/);
  });

  it('refuses a cost bomb of 15 aliases each fanning out over every ward, group and coverage figure', async () => {
    // Within the depth, alias and token limits: only its cost (15 × wards × groups × figures) is over.
    const alias = (i: number) => `a${i}: wards { residentialGroups { id coverage { areaM2 coveredAreaM2 gapAreaM2 coveredPercent activeCameraCount gap } } }`;
    const r = await query(dev, `{ ${Array.from({ length: 15 }, (_, i) => alias(i)).join(' ')} }`);
    expectRefusedBeforeExecution(r, 'GRAPHQL_VALIDATION_FAILED');
    expect(messages(r)).toMatch(/Query cost \d+ exceeds the limit of 50000/);
    expect(messages(r)).not.toMatch(/depth|Aliases|tokens/i);
  });

  it('answers repeated fragment spreads by what they ask for, not by how often they are written', async () => {
    // graphql-js merges the repeated fields: this asks for six ward fields, whatever its spelling.
    const r = await query(dev, fragmentBomb(3, 6));
    expect(r.body.errors, r.text).toBeUndefined();
    expect(r.body.data.wards.length).toBeGreaterThan(0);
  });

  it('refuses a fan-out of 500 rental houses, their cameras, wards and groups by its cost', async () => {
    const fanOut = `{ rentalHouses(first: 500) { edges { node { id address cameras { id ward { id residentialGroups { id coverage { coveredPercent } } } } } } } }`;
    const r = await query(dev, fanOut);
    expectRefusedBeforeExecution(r, 'GRAPHQL_VALIDATION_FAILED');
    expect(messages(r)).toMatch(/Query cost \d+ exceeds the limit of 50000/);
  });

  it('costs a page size passed as a variable like the same page size written in the query', async () => {
    // The same fan-out as above with `first: $n`: a client must not escape the cost limit by moving
    // a literal into a variable.
    const fanOut = `query($n: Int) { rentalHouses(first: $n) { edges { node { id address cameras { id ward { id residentialGroups { id coverage { coveredPercent } } } } } } } }`;
    const r = await query(dev, fanOut, { n: 500 });
    expectRefusedBeforeExecution(r, 'GRAPHQL_VALIDATION_FAILED');
    expect(messages(r)).toMatch(/Query cost \d+ exceeds the limit of 50000/);
  });

  it('refuses more than 20 directives, resolving nothing', async () => {
    // @include may appear once per field: one id field per directive (they merge into one).
    const directives = (n: number) => `{ district { ${Array(n).fill('id @include(if: true)').join(' ')} } }`;
    const ok = await query(dev, directives(20));
    expect(ok.body.errors, ok.text).toBeUndefined();
    const r = await query(dev, directives(21));
    expectRefusedBeforeExecution(r, 'GRAPHQL_VALIDATION_FAILED');
    expect(messages(r)).toMatch(/Directives limit of 20 exceeded, found 21/);
  });

  it('answers a query of 2000 tokens and refuses 2001 with GRAPHQL_PARSE_FAILED, resolving nothing', async () => {
    const ok = await query(dev, queryOfTokens(2000));
    expect(ok.body.errors, ok.text).toBeUndefined();
    expect(typeof ok.body.data.cameras.totalCount).toBe('number');

    const r = await query(dev, queryOfTokens(2001));
    expectRefusedBeforeExecution(r, 'GRAPHQL_PARSE_FAILED');
    expect(messages(r)).toMatch(/more th\w+ 2000 tokens/);
  });

  it('refuses a batched array body with HTTP 400, resolving nothing', async () => {
    const one = { query: '{ district { id } }' };
    const r = await post(dev, [one, one]);
    expect(r.status).toBe(400);
    expect(r.executions).toBe(0);
    expect(r.fields).toEqual([]);
    expect(codes(r)).toEqual(['BAD_REQUEST']);
    expect(messages(r)).toMatch(/batching/i);
  });

  it('refuses a 2 MB body with HTTP 413 PAYLOAD_TOO_LARGE, resolving nothing', async () => {
    const r = await post(dev, { query: `{ district { id } } # ${'x'.repeat(2 * 1024 * 1024)}` }, { what: '2 MB body' });
    expectRefusedBeforeExecution(r, 'PAYLOAD_TOO_LARGE', 413);
  });

  it('caps every page at 500: first: 501 is BAD_USER_INPUT naming `first`, and only the root field runs', async () => {
    const lists = [
      ['cameras', '{ cameras(first: 501) { totalCount } }'],
      ['rentalHouses', '{ rentalHouses(first: 501) { totalCount } }'],
      ['unregisteredRentalHouses', '{ unregisteredRentalHouses(wardId: 1, first: 501) { totalCount } }'],
      ['auditLog', '{ auditLog(first: 501) { totalCount } }'],
    ] as const;
    for (const [field, q] of lists) {
      const r = await query(dev, q);
      expect(r.body.errors?.[0]?.extensions, `${field}: ${r.text}`).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
      expect(r.body.data, field).toBeNull();
      // Measured: one execution whose only resolved field is the root list, which refuses the argument.
      expect(r.executions, field).toBe(1);
      expect(r.fields, field).toEqual([field]);
    }
  });
});

describe('introspection and suggestions', () => {
  const INTROSPECTION = '{ __schema { types { name } } }';

  it('allows introspection in development', async () => {
    const r = await query(dev, INTROSPECTION);
    expect(r.body.errors, r.text).toBeUndefined();
    expect(r.body.data.__schema.types.map((t: { name: string }) => t.name)).toContain('Camera');
  });

  it('refuses introspection in production with GRAPHQL_VALIDATION_FAILED, resolving nothing', async () => {
    const r = await query(prod, INTROSPECTION);
    expectRefusedBeforeExecution(r, 'GRAPHQL_VALIDATION_FAILED');
    expect(messages(r)).toMatch(/introspection/i);
    const type = await query(prod, '{ __type(name: "Camera") { fields { name } } }');
    expectRefusedBeforeExecution(type, 'GRAPHQL_VALIDATION_FAILED');
  });

  it('still answers ordinary queries in production', async () => {
    const r = await query(prod, '{ district { id name } }');
    expect(r.body.errors, r.text).toBeUndefined();
    expect(r.body.data.district.name).toBeTruthy();
  });

  it('may suggest field names in development', async () => {
    const r = await query(dev, '{ wardz { id } }');
    expectRefusedBeforeExecution(r, 'GRAPHQL_VALIDATION_FAILED');
    expect(messages(r)).toMatch(/Did you mean "wards?"/);
  });

  it('suggests no field, argument or type name in production', async () => {
    const typos = [
      '{ wardz { id } }',
      '{ district { nam } }',
      '{ cameras(firts: 5) { totalCount } }',
      '{ cameras(filter: { wardd: 1 }) { totalCount } }',
      'query($f: CameraFilterInptu) { cameras(filter: $f) { totalCount } }',
    ];
    for (const q of typos) {
      const r = await query(prod, q);
      expectRefusedBeforeExecution(r, 'GRAPHQL_VALIDATION_FAILED');
      expect(messages(r), q).not.toMatch(/Did you mean/i);
    }
  });

  it('suggests no enum value in production when it is written in the query', async () => {
    const inline = await query(prod, '{ cameras(filter: { status: [ACTIV] }) { totalCount } }');
    expectRefusedBeforeExecution(inline, 'GRAPHQL_VALIDATION_FAILED');
    expect(messages(inline)).not.toMatch(/Did you mean/i);
  });

  it('suggests no enum value in production when it is passed as a variable', async () => {
    const r = await query(prod, 'query($f: CameraFilterInput) { cameras(filter: $f) { totalCount } }', { f: { status: ['ACTIV'] } });
    // Variables are coerced once execution has started, before any field: no resolver runs.
    expect(codes(r), r.text).toEqual(['BAD_USER_INPUT']);
    expect(r.fields).toEqual([]);
    expect(messages(r)).not.toMatch(/Did you mean/i);
  });
});

describe('rate limits', () => {
  it('answers the 6th request of a user in a minute 429 TOO_MANY_REQUESTS, while another user is still served', async () => {
    const rec = executionRecorder();
    const limited: Target = { app: await startTestApp({ config: { rateLimitPerMinute: 5 }, plugins: [rec.plugin] }), executed: rec.executed };
    try {
      // Both log in first (two requests from this address, counted per address, not per user).
      await limited.app.cookieOf('planner');
      await limited.app.cookieOf('police');
      for (let i = 1; i <= 5; i++) {
        const r = await query(limited, '{ district { id } }', undefined, 'planner');
        expect(r.status, `request ${i}: ${r.text}`).toBe(200);
        expect(r.body.data.district.id).toBeTypeOf('number');
      }
      const sixth = await query(limited, '{ district { id } }', undefined, 'planner');
      expectRefusedBeforeExecution(sixth, 'TOO_MANY_REQUESTS', 429);
      const retry = sixth.body.errors[0].extensions.retryAfterSeconds;
      expect(retry).toBeGreaterThan(0);
      expect(retry).toBeLessThanOrEqual(60);
      expect(sixth.headers.get('retry-after')).toBe(String(retry));

      const other = await query(limited, '{ district { id } }', undefined, 'police');
      expect(other.status, other.text).toBe(200);
      expect(other.body.data.district.id).toBeTypeOf('number');
    } finally {
      await limited.app.close();
    }
  });

  it('locks a username after 5 wrong passwords, even against the right one, while another username still logs in', async () => {
    const rec = executionRecorder();
    const guarded: Target = { app: await startTestApp({ as: null, plugins: [rec.plugin] }), executed: rec.executed };
    const LOGIN = 'mutation($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { user { username } } }';
    const login = (u: string, p: string) => post(guarded, { query: LOGIN, variables: { u, p } }, { as: null, what: `login ${u}` });
    try {
      for (let i = 1; i <= 5; i++) {
        const r = await login('planner', `wrong password ${i}`);
        expect(codes(r), `attempt ${i}`).toEqual(['UNAUTHENTICATED']);
        expect(r.headers.get('set-cookie')).toBeNull();
      }
      const right = await login('planner', DEMO_PASSWORD);
      expect(codes(right), right.text).toEqual(['TOO_MANY_REQUESTS']);
      expect(right.body.errors[0].extensions.retryAfterSeconds).toBeGreaterThan(0);
      expect(right.body.data).toBeNull();
      expect(right.headers.get('set-cookie')).toBeNull();

      const other = await login('police', DEMO_PASSWORD);
      expect(other.body.errors, other.text).toBeUndefined();
      expect(other.body.data.login.user.username).toBe('police');
      expect(other.headers.get('set-cookie')).toMatch(/^ww_session=/);
    } finally {
      await guarded.app.close();
    }
  });
});

describe('masked errors', () => {
  it('answers an anonymous query UNAUTHENTICATED, with no data at all', async () => {
    for (const q of ['{ cameras { totalCount edges { node { ownerName ownerPhone } } } }', '{ wards { id name chairPhone } }', '{ district { id name } }']) {
      const r = await query(dev, q, undefined, null);
      expect(codes(r), q).toEqual(['UNAUTHENTICATED']);
      expect(r.body.data, q).toBeNull();
    }
  });

  it('answers malformed geometry with BAD_USER_INPUT naming the field, not with database text', async () => {
    const WITHIN = 'query($w: GeoJSON) { cameras(filter: { within: $w }) { totalCount } }';
    const openRing = await query(dev, WITHIN, { w: { type: 'Polygon', coordinates: [[[108.2, 16.05], [108.21, 16.05], [108.2, 16.05]]] } });
    expect(openRing.body.errors?.[0]?.extensions, openRing.text).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.within.coordinates[0]' });
    expect(openRing.body.data).toBeNull();

    const bowTie = { type: 'Polygon', coordinates: [[[108.2, 16.05], [108.22, 16.07], [108.22, 16.05], [108.2, 16.07], [108.2, 16.05]]] };
    const crossed = await query(dev, WITHIN, { w: bowTie });
    expect(crossed.body.errors?.[0]?.extensions, crossed.text).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.within' });
    expect(crossed.body.data).toBeNull();
  });

  it('leaks no stack trace and no SQL in any answer above', () => {
    expect(answers.length).toBeGreaterThan(30);
    for (const { what, text } of answers) {
      expect(text, what).not.toMatch(/stacktrace|node_modules|\bat \S+ \(|\.ts:\d+/);
      expect(text, what).not.toMatch(/\b(SELECT|INSERT INTO|DELETE FROM|UPDATE \w+ SET)\b|relation "|syntax error at or near|QueryFailedError|\bST_\w+\(|\$\d+\b/);
      const body = JSON.parse(text);
      const list = Array.isArray(body) ? body.flatMap((b) => b.errors ?? []) : (body.errors ?? []);
      for (const e of list) {
        expect(Object.keys(e).sort(), what).toEqual(expect.arrayContaining(['extensions', 'message']));
        expect(Object.keys(e).every((k) => ['message', 'locations', 'path', 'extensions'].includes(k)), what).toBe(true);
        expect(typeof e.extensions.code, what).toBe('string');
      }
    }
  });
});

describe('login attempts sent all at once', () => {
  it('counts every attempt before checking it: 30 wrong passwords at once get at most 5 answers', async () => {
    const target = await startTestApp();
    try {
      const attempt = () =>
        fetch(`${target.server.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: 'mutation($i: LoginInput!) { login(input: $i) { expiresAt } }', variables: { i: { username: 'homeaffairs', password: 'wrong-password' } } }),
        }).then((r) => r.json() as Promise<{ errors?: { extensions?: { code?: string } }[] }>);
      const answers = await Promise.all(Array.from({ length: 30 }, attempt));
      const codes = answers.map((a) => a.errors?.[0]?.extensions?.code);
      expect(codes.filter((c) => c === 'UNAUTHENTICATED').length).toBeLessThanOrEqual(5);
      expect(codes.filter((c) => c === 'TOO_MANY_REQUESTS').length).toBeGreaterThanOrEqual(25);
    } finally {
      await target.close();
    }
  });
});
