/**
 * Hash routes: '#/dashboard' shows the dashboard, an empty hash (or '#/') the map. The route is the
 * first path segment after '#/'; anything after it ('?…', '/…') is left to the page. A route the user
 * may not use, or one that does not exist, falls back to the map. The parsing is pure (unit-tested in
 * node); useRoute follows `hashchange`, so the browser's back and forward buttons move between pages.
 */
import { useCallback, useSyncExternalStore } from 'react';
import { can } from './auth/access';
import type { CurrentUser } from './types';

export const DEFAULT_ROUTE = 'map';

/** The route id of a location hash: '#/dashboard?x=1' -> 'dashboard'; '', '#', '#/' -> 'map'. */
export function routeOfHash(hash: string | null | undefined): string {
  const match = /^#?\/?([^/?#]*)/.exec(hash ?? '');
  let id = match?.[1] ?? '';
  try {
    id = decodeURIComponent(id);
  } catch {
    // a malformed escape: keep the raw text (it matches no route)
  }
  id = id.trim().toLowerCase();
  return id === '' ? DEFAULT_ROUTE : id;
}

/** The hash that shows a route. */
export function hashOf(id: string): string {
  return `#/${encodeURIComponent(id)}`;
}

export interface RouteRule {
  id: string;
  /** the operation the user needs (`me.permissions`); null: everyone */
  operation: string | null;
}

/** May this user open the route? */
export function mayUse(route: RouteRule, user: Pick<CurrentUser, 'permissions'> | null | undefined): boolean {
  return route.operation == null || can(user, route.operation);
}

/** The routes the user may open, in the table's order: the navigation's links. */
export function visibleRoutes<R extends RouteRule>(routes: readonly R[], user: Pick<CurrentUser, 'permissions'> | null | undefined): R[] {
  return routes.filter((route) => mayUse(route, user));
}

/**
 * The route to show for an id: that route when it exists and the user may use it, else the default
 * route (the map); undefined only when the table has no default route either.
 */
export function resolveRoute<R extends RouteRule>(
  routes: readonly R[],
  id: string,
  user: Pick<CurrentUser, 'permissions'> | null | undefined,
): R | undefined {
  const found = routes.find((route) => route.id === id);
  if (found && mayUse(found, user)) return found;
  return routes.find((route) => route.id === DEFAULT_ROUTE);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const currentHash = () => window.location.hash;
const serverHash = () => '';

export interface RouteState {
  /** the id the hash names (not yet checked against the route table or the user) */
  route: string;
  navigate: (id: string) => void;
}

/** The current route, re-rendering on every hash change. */
export function useRoute(): RouteState {
  const hash = useSyncExternalStore(subscribe, currentHash, serverHash);
  const navigate = useCallback((id: string) => {
    const next = hashOf(id);
    if (window.location.hash !== next) window.location.hash = next;
  }, []);
  return { route: routeOfHash(hash), navigate };
}
