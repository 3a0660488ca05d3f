import { describe, expect, it, vi } from 'vitest';
import { asGeoJSON, errorCode, GraphQLClientError, graphqlRequest, onUnauthenticated, startSessionEpoch } from '../../../client/src/api/graphql';

function respond(status: number, body: unknown) {
  return vi.fn(async () => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
}

describe('graphqlRequest', () => {
  it('POSTs the query and variables as JSON to /graphql and returns data', async () => {
    const fetch = respond(200, { data: { wards: [{ name: 'Phường 1' }] } });
    const data = await graphqlRequest<{ wards: Array<{ name: string }> }>('query W($id: Int) { wards { name } }', { id: 3 }, { fetch });
    expect(data.wards[0].name).toBe('Phường 1');
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/graphql');
    expect(init.method).toBe('POST');
    expect(new Headers(init.headers).get('content-type')).toBe('application/json');
    expect(JSON.parse(String(init.body))).toEqual({ query: 'query W($id: Int) { wards { name } }', variables: { id: 3 } });
  });

  it('throws an error carrying the first error’s extensions.code and field', async () => {
    const fetch = respond(200, {
      data: null,
      errors: [
        { message: 'Camera 9 not found', extensions: { code: 'NOT_FOUND', field: 'id' } },
        { message: 'second', extensions: { code: 'OTHER' } },
      ],
    });
    const error = await graphqlRequest('{ camera(id: 9) { id } }', undefined, { fetch }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphQLClientError);
    expect(error).toMatchObject({ code: 'NOT_FOUND', field: 'id', message: 'Camera 9 not found' });
    expect(errorCode(error)).toBe('NOT_FOUND');
  });

  it('reads GraphQL errors from a 400 response too', async () => {
    const fetch = respond(400, { errors: [{ message: 'bad', extensions: { code: 'BAD_USER_INPUT' } }] });
    await expect(graphqlRequest('{ x }', undefined, { fetch })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', status: 400 });
  });

  it('reports an HTTP failure without GraphQL errors as HTTP_ERROR', async () => {
    const fetch = respond(502, '<html>Bad gateway</html>');
    await expect(graphqlRequest('{ x }', undefined, { fetch })).rejects.toMatchObject({ code: 'HTTP_ERROR', status: 502 });
  });

  it('reports an answer without data as BAD_RESPONSE', async () => {
    await expect(graphqlRequest('{ x }', undefined, { fetch: respond(200, {}) })).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
  });

  it('reports an unreachable server as NETWORK_ERROR', async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError('fetch failed');
    });
    await expect(graphqlRequest('{ x }', undefined, { fetch })).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
  });

  it('lets an aborted request reject as an AbortError', async () => {
    const controller = new AbortController();
    controller.abort();
    const fetch = vi.fn(async (_url: string | URL | Request, init?: RequestInit) => {
      init?.signal?.throwIfAborted();
      return new Response('{}');
    });
    const error = await graphqlRequest('{ x }', undefined, { fetch, signal: controller.signal }).catch((e: unknown) => e);
    expect(errorCode(error)).toBe('ABORTED');
  });

  it('sends no variables key when there are none', async () => {
    const fetch = respond(200, { data: { ok: true } });
    await graphqlRequest('{ ok }', undefined, { fetch });
    const init = (fetch.mock.calls[0] as unknown as [string, RequestInit])[1];
    expect(JSON.parse(String(init.body))).toEqual({ query: '{ ok }' });
  });

  it('sends the session cookie with same-origin requests', async () => {
    const fetch = respond(200, { data: { ok: true } });
    await graphqlRequest('{ ok }', undefined, { fetch });
    expect((fetch.mock.calls[0] as unknown as [string, RequestInit])[1].credentials).toBe('same-origin');
  });

  it('carries retryAfterSeconds of TOO_MANY_REQUESTS', async () => {
    const fetch = respond(429, { errors: [{ message: 'slow down', extensions: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 60 } }] });
    await expect(graphqlRequest('{ x }', undefined, { fetch })).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 60, status: 429 });
  });
});

describe('onUnauthenticated', () => {
  const unauthenticated = (first = 'UNAUTHENTICATED') =>
    respond(200, {
      data: null,
      errors: [
        { message: 'first', extensions: { code: first } },
        { message: 'You must log in first', extensions: { code: 'UNAUTHENTICATED' } },
      ],
    });

  it('tells the listeners when any error of an answer says UNAUTHENTICATED', async () => {
    const listener = vi.fn();
    const unsubscribe = onUnauthenticated(listener);
    try {
      await expect(graphqlRequest('{ wards { id } }', undefined, { fetch: unauthenticated('NOT_FOUND') })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect(listener).toHaveBeenCalledTimes(1);
      await graphqlRequest('{ ok }', undefined, { fetch: respond(200, { data: { ok: true } }) });
      await graphqlRequest('{ x }', undefined, { fetch: respond(200, { errors: [{ message: 'no', extensions: { code: 'FORBIDDEN' } }] }) }).catch(() => null);
      expect(listener).toHaveBeenCalledTimes(1);
    } finally {
      unsubscribe();
    }
    await graphqlRequest('{ wards { id } }', undefined, { fetch: unauthenticated() }).catch(() => null);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('stays quiet when the request says so (a login with a wrong password)', async () => {
    const listener = vi.fn();
    const unsubscribe = onUnauthenticated(listener);
    try {
      await graphqlRequest('mutation { login }', undefined, { fetch: unauthenticated(), reportUnauthenticated: false }).catch(() => null);
      expect(listener).not.toHaveBeenCalled();
    } finally {
      unsubscribe();
    }
  });

  it('ignores a late answer to a request of an earlier session', async () => {
    const listener = vi.fn();
    const unsubscribe = onUnauthenticated(listener);
    let answer!: (r: Response) => void;
    const fetch = vi.fn(() => new Promise<Response>((resolve) => (answer = resolve)));
    try {
      const pending = graphqlRequest('{ wards { id } }', undefined, { fetch }).catch(() => null);
      startSessionEpoch(); // someone logged in again meanwhile
      answer(new Response(JSON.stringify({ errors: [{ message: 'x', extensions: { code: 'UNAUTHENTICATED' } }] })));
      await pending;
      expect(listener).not.toHaveBeenCalled();
    } finally {
      unsubscribe();
    }
  });
});

describe('asGeoJSON', () => {
  it('passes an object through and parses a JSON string', () => {
    const fc = { type: 'FeatureCollection', features: [] };
    expect(asGeoJSON(fc)).toBe(fc);
    expect(asGeoJSON(JSON.stringify(fc))).toEqual(fc);
  });
});
