import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchMe, login, logout } from '../../../client/src/api/auth';
import { onUnauthenticated } from '../../../client/src/api/graphql';

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const sent = (fetch: ReturnType<typeof vi.fn>) => JSON.parse(String((fetch.mock.calls[0] as unknown as [string, RequestInit])[1].body));

const chair = {
  id: 8,
  username: 'chair.p02',
  displayName: 'Lê Hữu Việt',
  role: 'WARD_CHAIR',
  wardId: 2,
  ward: { id: 2, name: 'Phường Hòa Lạc' },
  canSeePersonalData: true,
  permissions: ['layer', 'registerCamera'],
};

let unsubscribe: (() => void) | undefined;
afterEach(() => unsubscribe?.());

describe('fetchMe', () => {
  it('asks the Me query and returns the user', async () => {
    const fetch = vi.fn(async () => json({ data: { me: chair } }));
    expect(await fetchMe({ fetch })).toEqual(chair);
    expect(sent(fetch).query).toMatch(/query Me\b/);
    expect(sent(fetch).query).toContain('permissions');
    expect(sent(fetch).query).toContain('canSeePersonalData');
  });

  it('returns null when nobody is signed in', async () => {
    expect(await fetchMe({ fetch: vi.fn(async () => json({ data: { me: null } })) })).toBeNull();
  });

  it('fills in what a user without a ward leaves out', async () => {
    const planner = { ...chair, role: 'PLANNER', wardId: null, ward: undefined, permissions: undefined };
    const me = await fetchMe({ fetch: vi.fn(async () => json({ data: { me: planner } })) });
    expect(me).toMatchObject({ wardId: null, ward: null, permissions: [] });
  });
});

describe('login', () => {
  it('sends the username and password as the LoginInput', async () => {
    const fetch = vi.fn(async () => json({ data: { login: { user: chair, expiresAt: '2026-12-01T05:00:00.000Z' } } }));
    const result = await login('chair.p02', 'secret', { fetch });
    expect(result.user.username).toBe('chair.p02');
    expect(sent(fetch).query).toMatch(/mutation Login\b/);
    expect(sent(fetch).variables).toEqual({ input: { username: 'chair.p02', password: 'secret' } });
  });

  it('rejects wrong credentials without reporting an ended session', async () => {
    const listener = vi.fn();
    unsubscribe = onUnauthenticated(listener);
    const fetch = vi.fn(async () => json({ data: null, errors: [{ message: 'Wrong username or password', extensions: { code: 'UNAUTHENTICATED' } }] }));
    await expect(login('planner', 'nope', { fetch })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(listener).not.toHaveBeenCalled();
  });

  it('passes on how long to wait after too many attempts', async () => {
    const fetch = vi.fn(async () =>
      json({ data: null, errors: [{ message: 'Too many failed logins', extensions: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 898 } }] }),
    );
    await expect(login('planner', 'nope', { fetch })).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 898 });
  });
});

describe('logout', () => {
  it('sends the Logout mutation', async () => {
    const fetch = vi.fn(async () => json({ data: { logout: true } }));
    expect(await logout({ fetch })).toBe(true);
    expect(sent(fetch).query).toMatch(/mutation Logout\b/);
  });
});
