/**
 * The session: who is logged in (`me`), logging in and out. The server keeps the session in an
 * HttpOnly cookie that the browser sends with every same-origin request; the client never sees it.
 */
import type { CurrentUser } from '../types';
import { graphqlRequest, type RequestOptions } from './graphql';

const USER_FIELDS = 'id username displayName role wardId ward { id name } canSeePersonalData permissions';

const ME = /* GraphQL */ `
  query Me {
    me { ${USER_FIELDS} }
  }
`;

const LOGIN = /* GraphQL */ `
  mutation Login($input: LoginInput!) {
    login(input: $input) { expiresAt user { ${USER_FIELDS} } }
  }
`;

const LOGOUT = /* GraphQL */ `
  mutation Logout {
    logout
  }
`;

/** The logged-in user, or null when there is no valid session. */
export async function fetchMe(options?: RequestOptions): Promise<CurrentUser | null> {
  return normaliseUser((await graphqlRequest<{ me: CurrentUser | null }>(ME, undefined, options)).me);
}

/**
 * Logs in; the answer sets the session cookie. Wrong credentials reject with code UNAUTHENTICATED,
 * too many failures with TOO_MANY_REQUESTS (and `retryAfterSeconds`).
 */
export async function login(username: string, password: string, options?: RequestOptions): Promise<{ user: CurrentUser; expiresAt: string }> {
  const data = await graphqlRequest<{ login: { user: CurrentUser; expiresAt: string } }>(
    LOGIN,
    { input: { username, password } },
    { ...options, reportUnauthenticated: false },
  );
  return { user: normaliseUser(data.login.user)!, expiresAt: data.login.expiresAt };
}

/** Ends the session on the server, which clears the cookie. */
export async function logout(options?: RequestOptions): Promise<boolean> {
  return (await graphqlRequest<{ logout: boolean }>(LOGOUT, undefined, options)).logout;
}

function normaliseUser(user: CurrentUser | null | undefined): CurrentUser | null {
  if (!user) return null;
  return { ...user, wardId: user.wardId ?? null, ward: user.ward ?? null, permissions: user.permissions ?? [] };
}
