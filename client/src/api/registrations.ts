/**
 * Owners' self-registration (R1): the public page's requests (no session needed) and the ward's
 * review queue. Enum values keep the GraphQL spelling (UPPER_CASE); the UI translates them.
 */
import type { Geometry, MultiPolygon, Polygon } from 'geojson';
import type { CameraType, OwnerKind, PoliceAccess } from '../types';
import { asGeoJSON, graphqlRequest, type RequestOptions } from './graphql';

export const REGISTRATION_STATES = ['PENDING', 'APPROVED', 'REJECTED'] as const;
export type RegistrationState = (typeof REGISTRATION_STATES)[number];

/** Who may register on the public page (a public place's camera is the ward's to register). */
export const SELF_OWNER_KINDS = ['HOUSEHOLD', 'RENTAL_HOUSE', 'BUSINESS', 'CIVIL_SERVANT'] as const satisfies readonly OwnerKind[];
export type SelfOwnerKind = (typeof SELF_OWNER_KINDS)[number];

// ------------------------------------------------------------------ public

export interface RegistrationWard {
  code: string;
  name: string;
  districtName: string;
  boundary: MultiPolygon | Polygon;
}

export interface RegistrationArea {
  wards: RegistrationWard[];
  bbox: [number, number, number, number] | null;
}

const AREA = /* GraphQL */ `
  query RegistrationArea {
    registrationArea { bbox wards { code name districtName boundary } }
  }
`;

/** The wards a camera can be registered in, for the public map. */
export async function fetchRegistrationArea(options?: RequestOptions): Promise<RegistrationArea> {
  const data = await graphqlRequest<{ registrationArea: RegistrationArea }>(AREA, undefined, { ...options, reportUnauthenticated: false });
  return {
    bbox: data.registrationArea.bbox,
    wards: data.registrationArea.wards.map((w) => ({ ...w, boundary: asGeoJSON<MultiPolygon | Polygon>(w.boundary) })),
  };
}

export interface SubmitRegistrationInput {
  location: { type: 'Point'; coordinates: [number, number] };
  type: CameraType;
  ownerKind: SelfOwnerKind;
  bearing: number;
  fieldOfView: number;
  rangeMeters: number;
  ownerName: string;
  ownerPhone: string;
  ownerEmail?: string;
  address: string;
  policeAccess: PoliceAccess;
  consentToContact: boolean;
}

export interface RegistrationReceipt {
  reference: string;
  state: RegistrationState;
  submittedAt: string;
  wardName: string;
  residentialGroupName: string | null;
  districtName: string;
  longitude: number;
  latitude: number;
  type: CameraType;
  ownerKind: SelfOwnerKind;
  bearing: number;
  fieldOfView: number;
  rangeMeters: number;
  policeAccess: PoliceAccess;
}

const SUBMIT = /* GraphQL */ `
  mutation SubmitCameraRegistration($input: SubmitCameraRegistrationInput!) {
    submitCameraRegistration(input: $input) {
      reference state submittedAt wardName residentialGroupName districtName longitude latitude
      type ownerKind bearing fieldOfView rangeMeters policeAccess
    }
  }
`;

export async function submitRegistration(input: SubmitRegistrationInput, options?: RequestOptions): Promise<RegistrationReceipt> {
  return (
    await graphqlRequest<{ submitCameraRegistration: RegistrationReceipt }>(SUBMIT, { input }, { ...options, reportUnauthenticated: false })
  ).submitCameraRegistration;
}

export interface RegistrationStatus {
  reference: string;
  state: RegistrationState;
  submittedAt: string;
  decidedAt: string | null;
  reviewNote: string | null;
  wardName: string;
}

const STATUS = /* GraphQL */ `
  query CameraRegistrationStatus($reference: String!, $phone: String!) {
    cameraRegistrationStatus(reference: $reference, phone: $phone) { reference state submittedAt decidedAt reviewNote wardName }
  }
`;

/** Null when no registration has this reference and phone number. */
export async function fetchRegistrationStatus(reference: string, phone: string, options?: RequestOptions): Promise<RegistrationStatus | null> {
  return (
    await graphqlRequest<{ cameraRegistrationStatus: RegistrationStatus | null }>(STATUS, { reference, phone }, { ...options, reportUnauthenticated: false })
  ).cameraRegistrationStatus;
}

// ------------------------------------------------------------------ the ward's review queue

export interface CameraRegistration {
  id: number;
  reference: string;
  state: RegistrationState;
  wardId: number;
  ward: { id: number; name: string };
  longitude: number;
  latitude: number;
  bearing: number;
  fieldOfView: number;
  rangeMeters: number;
  type: CameraType;
  ownerKind: OwnerKind;
  policeAccess: PoliceAccess;
  ownerName: string | null;
  ownerPhone: string | null;
  ownerEmail: string | null;
  address: string | null;
  submittedAt: string;
  reviewedAt: string | null;
  reviewedBy: string | null;
  reviewNote: string | null;
  cameraId: number | null;
  /** the camera an approval made (its bearing may be the ward's correction of the owner's) */
  camera: { id: number; bearing: number } | null;
}

export interface RegistrationPage {
  totalCount: number;
  pendingCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  items: CameraRegistration[];
}

const FIELDS = `id reference state wardId ward { id name } longitude latitude bearing fieldOfView rangeMeters type ownerKind policeAccess
  ownerName ownerPhone ownerEmail address submittedAt reviewedAt reviewedBy reviewNote cameraId camera { id bearing }`;

const QUEUE = /* GraphQL */ `
  query CameraRegistrations($state: RegistrationState, $first: Int!, $after: String) {
    pending: cameraRegistrations(state: PENDING, first: 1) { totalCount }
    cameraRegistrations(state: $state, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { node { ${FIELDS} } }
    }
  }
`;

/** A page of the queue (one state, or all), and how many are pending in the user's scope. */
export async function fetchRegistrations(
  state: RegistrationState | null,
  page: { first: number; after: string | null },
  options?: RequestOptions,
): Promise<RegistrationPage> {
  const data = await graphqlRequest<{
    pending: { totalCount: number };
    cameraRegistrations: { totalCount: number; pageInfo: RegistrationPage['pageInfo']; edges: Array<{ node: CameraRegistration }> };
  }>(QUEUE, { state, ...page }, options);
  const c = data.cameraRegistrations;
  return { totalCount: c.totalCount, pendingCount: data.pending.totalCount, pageInfo: c.pageInfo, items: c.edges.map((e) => e.node) };
}

const WARD_OUTLINE = /* GraphQL */ `
  query RegistrationWardOutline($id: Int!) { ward(id: $id) { id boundary } }
`;

/** The outline of a ward the user may see, for the review's mini-map. */
export async function fetchWardOutline(id: number, options?: RequestOptions): Promise<Geometry> {
  const data = await graphqlRequest<{ ward: { boundary: unknown } }>(WARD_OUTLINE, { id }, options);
  return asGeoJSON<Geometry>(data.ward.boundary);
}

const APPROVE = /* GraphQL */ `
  mutation ApproveCameraRegistration($id: Int!, $input: ApproveCameraRegistrationInput) {
    approveCameraRegistration(id: $id, input: $input) { ${FIELDS} }
  }
`;

export async function approveRegistration(id: number, input: { bearing?: number; note?: string }, options?: RequestOptions): Promise<CameraRegistration> {
  return (await graphqlRequest<{ approveCameraRegistration: CameraRegistration }>(APPROVE, { id, input }, options)).approveCameraRegistration;
}

const REJECT = /* GraphQL */ `
  mutation RejectCameraRegistration($id: Int!, $reason: String!) {
    rejectCameraRegistration(id: $id, reason: $reason) { ${FIELDS} }
  }
`;

export async function rejectRegistration(id: number, reason: string, options?: RequestOptions): Promise<CameraRegistration> {
  return (await graphqlRequest<{ rejectCameraRegistration: CameraRegistration }>(REJECT, { id, reason }, options)).rejectCameraRegistration;
}
