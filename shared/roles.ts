/**
 * The roles of WardWatch's users, shared by the server (GraphQL enum Role, the database's CHECK, the
 * demo users) and the map client. Values are the stored spellings; GraphQL exposes them as
 * UPPER_CASE enum names. What each role may do is the server's policy (server/src/policy.ts).
 */
export const ROLES = ['admin', 'planner', 'ward_chair', 'police', 'justice', 'home_affairs'] as const;
export type RoleValue = (typeof ROLES)[number];
