/**
 * The signed-in pages besides the map, reached by hash routes (#/dashboard, ...). A page shows in
 * the navigation only for users whose permissions include its operation (the server's policy,
 * sent with the user); the server refuses the rest anyway.
 */
import { lazy, type ComponentType } from 'react';
import type { CurrentUser } from '../types';

export interface PageProps {
  user: CurrentUser;
}

export interface PageRoute {
  /** the hash path: '#/' + id */
  id: string;
  /** i18n key of the navigation label */
  labelKey: string;
  /** the GraphQL operation the page needs (see client/src/auth/access.ts `can`); null: everyone */
  operation: string | null;
  /** null for the map, which App renders */
  component: ComponentType<PageProps> | null;
  /** Pages of one menu in the header (the running of the programme: R1, R3, R9, R10); none: a link of its own. */
  group?: 'operations';
}

export const ROUTES: PageRoute[] = [
  { id: 'map', labelKey: 'nav.map', operation: null, component: null },
  // The dashboard and the directive list load with their own chunk (recharts stays out of the map's).
  { id: 'dashboard', labelKey: 'nav.dashboard', operation: 'complianceDashboard', component: lazy(() => import('./DashboardPage')) },
  { id: 'directives', labelKey: 'nav.directives', operation: 'directives', component: lazy(() => import('./DirectivesPage')) },
  // The registries (issue 5): the ward's report of houses without a camera, civil servants, penalty cases.
  { id: 'report', labelKey: 'nav.report', operation: 'unregisteredRentalHouses', component: lazy(() => import('./WardReportPage')) },
  { id: 'civil-servants', labelKey: 'nav.civilServants', operation: 'units', component: lazy(() => import('./CivilServantsPage')) },
  { id: 'cases', labelKey: 'nav.cases', operation: 'penaltyCases', component: lazy(() => import('./PenaltyCasesPage')) },
  // R10: maintenance tickets and the time to repair per ward.
  { id: 'maintenance', labelKey: 'nav.maintenance', operation: 'maintenanceTickets', component: lazy(() => import('./MaintenancePage')), group: 'operations' },
  { id: 'operators', labelKey: 'nav.operators', operation: 'operatorReport', component: lazy(() => import('./OperatorsPage')), group: 'operations' },
  { id: 'funds', labelKey: 'nav.funds', operation: 'fundReport', component: lazy(() => import('./FundsPage')), group: 'operations' },
  // Owners' self-registrations (R1): the ward's review queue. The public page (#/register) is Root's: it needs no login.
  { id: 'registrations', labelKey: 'nav.registrations', operation: 'cameraRegistrations', component: lazy(() => import('./RegistrationsPage')), group: 'operations' },
];
