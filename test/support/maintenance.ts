import type { TestApp } from './server';

/** How far a fresh fixture of a maintenance operation goes before the operation runs (test/server/policy.test.ts). */
export const FRESH_MAINTENANCE: Readonly<Record<string, 'camera' | 'reported' | 'in_progress'>> = {
  'Query.maintenanceTicket': 'reported',
  'Mutation.reportCameraProblem': 'camera',
  'Mutation.assignMaintenanceTicket': 'reported',
  'Mutation.startMaintenanceTicket': 'reported',
  'Mutation.resolveMaintenanceTicket': 'in_progress',
  'Mutation.addMaintenanceTicketNote': 'reported',
};

/**
 * A camera of its own at `at` (registered by the app's default user, the admin), or a ticket for one
 * taken as far as `upTo`; its id. Each run of an operation gets its own, so that every role the policy
 * allows meets a ticket in the state the operation needs.
 */
export async function freshMaintenance(app: TestApp, at: { lon: number; lat: number }, upTo: 'camera' | 'reported' | 'in_progress'): Promise<number> {
  const camera = await app.gql(`mutation($i: RegisterCameraInput!) { registerCamera(input: $i) { id } }`, {
    i: { location: { type: 'Point', coordinates: [at.lon, at.lat] }, type: 'FIXED', ownerKind: 'PUBLIC', label: 'Matrix maintenance' },
  });
  const cameraId: number = camera.data.registerCamera.id;
  if (upTo === 'camera') return cameraId;
  const ticket = await app.gql(`mutation($c: Int!) { reportCameraProblem(input: { cameraId: $c, problem: "Matrix problem" }) { id } }`, { c: cameraId });
  const id: number = ticket.data.reportCameraProblem.id;
  if (upTo === 'in_progress') await app.gql(`mutation($id: Int!) { startMaintenanceTicket(id: $id, input: { assignee: "Matrix team" }) { id } }`, { id });
  return id;
}
