import { describe, expect, it } from 'vitest';
import { DEFAULT_ROUTE, hashOf, mayUse, resolveRoute, routeOfHash, visibleRoutes } from '../../client/src/router';

const ROUTES = [
  { id: 'map', operation: null },
  { id: 'dashboard', operation: 'complianceDashboard' },
  { id: 'directives', operation: 'directives' },
  { id: 'cases', operation: 'penaltyCases' },
];
const planner = { permissions: ['complianceDashboard', 'directives', 'penaltyCases', 'takeComplianceSnapshot'] };
const homeAffairs = { permissions: ['complianceDashboard', 'directives'] };

describe('reading the route from the location hash', () => {
  it('opens the map when there is no hash, an empty one or just a slash', () => {
    for (const hash of ['', '#', '#/', '#//', null, undefined]) expect(routeOfHash(hash)).toBe(DEFAULT_ROUTE);
  });

  it('takes the first path segment after #/', () => {
    expect(routeOfHash('#/dashboard')).toBe('dashboard');
    expect(routeOfHash('#dashboard')).toBe('dashboard');
    expect(routeOfHash('#/directives/R8')).toBe('directives');
    expect(routeOfHash('#/dashboard?wardId=2')).toBe('dashboard');
  });

  it('ignores case and stray spaces, and survives a malformed escape', () => {
    expect(routeOfHash('#/Dashboard')).toBe('dashboard');
    expect(routeOfHash('#/%20dashboard%20')).toBe('dashboard');
    expect(routeOfHash('#/%E0%A4%A')).toBe('%e0%a4%a');
  });

  it('writes the hash that reads back as the same route', () => {
    for (const id of ['map', 'dashboard', 'civil-servants']) expect(routeOfHash(hashOf(id))).toBe(id);
    expect(hashOf('dashboard')).toBe('#/dashboard');
  });
});

describe('which routes a user may open', () => {
  it('lets everyone open a route without an operation, and the rest by permission', () => {
    expect(mayUse(ROUTES[0], { permissions: [] })).toBe(true);
    expect(mayUse(ROUTES[1], { permissions: [] })).toBe(false);
    expect(mayUse(ROUTES[1], homeAffairs)).toBe(true);
    expect(mayUse(ROUTES[1], null)).toBe(false);
  });

  it('lists the routes the user may open in the table’s order', () => {
    expect(visibleRoutes(ROUTES, planner).map((r) => r.id)).toEqual(['map', 'dashboard', 'directives', 'cases']);
    expect(visibleRoutes(ROUTES, homeAffairs).map((r) => r.id)).toEqual(['map', 'dashboard', 'directives']);
    expect(visibleRoutes(ROUTES, { permissions: [] }).map((r) => r.id)).toEqual(['map']);
  });

  it('shows the route asked for when the user may use it', () => {
    expect(resolveRoute(ROUTES, 'dashboard', planner)?.id).toBe('dashboard');
    expect(resolveRoute(ROUTES, 'cases', planner)?.id).toBe('cases');
  });

  it('falls back to the map for a route that does not exist or that the user may not use', () => {
    expect(resolveRoute(ROUTES, 'nowhere', planner)?.id).toBe('map');
    expect(resolveRoute(ROUTES, 'cases', homeAffairs)?.id).toBe('map');
    expect(resolveRoute(ROUTES.slice(1), 'nowhere', planner)).toBeUndefined();
  });
});
