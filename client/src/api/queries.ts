/** The queries the map client sends, with the shapes of their answers. */
import type {
  Camera,
  ClientConfig,
  Coverage,
  District,
  MapLayer,
  RegisterCameraInput,
  RegisteredCamera,
  RentalHouse,
  ResidentialGroupCoverage,
  UncoveredGroups,
  Ward,
} from '../types';
import { asGeoJSON, graphqlRequest, type RequestOptions } from './graphql';

const OVERVIEW = /* GraphQL */ `
  query Overview {
    district { id code name boundary bbox wardCount residentialGroupCount cameraCount rentalHouseCount }
    wards { id code name chairName chairPhone chairEmail bbox cameraCount rentalHouseCount residentialGroupCount }
  }
`;

const LAYER = /* GraphQL */ `
  query Layer($kind: MapLayer!, $wardId: Int) {
    layer(kind: $kind, wardId: $wardId)
  }
`;

const CAMERA = /* GraphQL */ `
  query Camera($id: Int!) {
    camera(id: $id) {
      id label longitude latitude bearing fieldOfView rangeMeters type mountHeightMeters
      ownerKind ownerName ownerPhone rentalHouseId networkOperator status policeAccess
      installedOn registeredAt wardId residentialGroupId
      ward { id name }
    }
  }
`;

const RENTAL_HOUSE = /* GraphQL */ `
  query RentalHouse($id: Int!) {
    rentalHouse(id: $id) {
      id address ownerName ownerPhone rooms longitude latitude wardId residentialGroupId hasActiveCamera
      cameras { id label type status ownerKind }
      ward { id name }
    }
  }
`;

const COVERAGE_FIELDS = 'coveredPercent coveredAreaM2 gapAreaM2 areaM2 activeCameraCount residentialGroupCount residentialGroupsWithoutCamera computedAt';

const DISTRICT_COVERAGE = /* GraphQL */ `
  query DistrictCoverage {
    district { id coverage { ${COVERAGE_FIELDS} } }
  }
`;

const WARD_COVERAGE = /* GraphQL */ `
  query WardCoverage($id: Int!) {
    ward(id: $id) { id coverage { ${COVERAGE_FIELDS} } }
  }
`;

const GROUP_COVERAGE = /* GraphQL */ `
  query ResidentialGroupCoverage($id: Int!) {
    residentialGroup(id: $id) {
      id code name households wardId
      coverage { areaM2 coveredAreaM2 gapAreaM2 coveredPercent activeCameraCount sectorCount computedAt }
    }
  }
`;

const UNCOVERED_GROUPS = /* GraphQL */ `
  query UncoveredResidentialGroups($wardId: Int, $belowPercent: Float) {
    uncoveredResidentialGroups(wardId: $wardId, belowPercent: $belowPercent) {
      deadline daysToDeadline totalGroups groupsWithoutCamera belowPercent
      groups { id code name wardId coverage { coveredPercent gapAreaM2 activeCameraCount } }
    }
  }
`;

const REGISTER_CAMERA = /* GraphQL */ `
  mutation RegisterCamera($input: RegisterCameraInput!) {
    registerCamera(input: $input) { id wardId residentialGroupId }
  }
`;

export interface Overview {
  district: District;
  wards: Ward[];
}

export async function fetchOverview(options?: RequestOptions): Promise<Overview> {
  const data = await graphqlRequest<Overview>(OVERVIEW, undefined, options);
  return { district: { ...data.district, boundary: asGeoJSON(data.district.boundary) }, wards: data.wards };
}

export async function fetchLayer<T>(kind: MapLayer, wardId?: number | null, options?: RequestOptions): Promise<T> {
  const variables = wardId == null ? { kind } : { kind, wardId };
  const data = await graphqlRequest<{ layer: unknown }>(LAYER, variables, options);
  return asGeoJSON<T>(data.layer);
}

export async function fetchCamera(id: number, options?: RequestOptions): Promise<Camera> {
  return (await graphqlRequest<{ camera: Camera }>(CAMERA, { id }, options)).camera;
}

export async function fetchRentalHouse(id: number, options?: RequestOptions): Promise<RentalHouse> {
  return (await graphqlRequest<{ rentalHouse: RentalHouse }>(RENTAL_HOUSE, { id }, options)).rentalHouse;
}

/** Coverage of the whole district (area-weighted over its residential groups). */
export async function fetchDistrictCoverage(options?: RequestOptions): Promise<Coverage> {
  return (await graphqlRequest<{ district: { coverage: Coverage } }>(DISTRICT_COVERAGE, undefined, options)).district.coverage;
}

export async function fetchWardCoverage(id: number, options?: RequestOptions): Promise<Coverage> {
  return (await graphqlRequest<{ ward: { coverage: Coverage } }>(WARD_COVERAGE, { id }, options)).ward.coverage;
}

/** A residential group with its coverage, always current on the server. */
export async function fetchGroupCoverage(id: number, options?: RequestOptions): Promise<ResidentialGroupCoverage> {
  return (await graphqlRequest<{ residentialGroup: ResidentialGroupCoverage }>(GROUP_COVERAGE, { id }, options)).residentialGroup;
}

/**
 * Groups short of R8 (no active camera) in a ward, or in the district when `wardId` is null; with a
 * coverage target, the groups covered less than that instead.
 */
export async function fetchUncoveredGroups(
  scope: { wardId?: number | null; belowPercent?: number | null } = {},
  options?: RequestOptions,
): Promise<UncoveredGroups> {
  const variables: Record<string, unknown> = {};
  if (scope.wardId != null) variables.wardId = scope.wardId;
  if (scope.belowPercent != null) variables.belowPercent = scope.belowPercent;
  return (await graphqlRequest<{ uncoveredResidentialGroups: UncoveredGroups }>(UNCOVERED_GROUPS, variables, options))
    .uncoveredResidentialGroups;
}

/** Registers a camera; a refused input throws a GraphQLClientError with `code` and `field`. */
export async function registerCamera(input: RegisterCameraInput, options?: RequestOptions): Promise<RegisteredCamera> {
  return (await graphqlRequest<{ registerCamera: RegisteredCamera }>(REGISTER_CAMERA, { input }, options)).registerCamera;
}

/** Where a ward's rental houses without an active camera (R2, R5) are downloaded as CSV. */
export function unregisteredHousesCsvUrl(wardId: number): string {
  return `/export/unregistered-rental-houses.csv?wardId=${encodeURIComponent(String(wardId))}`;
}

/** GET /config.json: the basemap tile URL is optional; without the file the map stays plain. */
export async function fetchConfig(options: { signal?: AbortSignal; fetch?: typeof fetch } = {}): Promise<ClientConfig> {
  const none: ClientConfig = { tileUrl: null, tileAttribution: null, demo: false };
  try {
    const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
    const response = await doFetch('/config.json', { signal: options.signal, headers: { accept: 'application/json' } });
    if (!response.ok) return none;
    const body = (await response.json()) as Partial<ClientConfig>;
    return {
      tileUrl: typeof body.tileUrl === 'string' && body.tileUrl.trim() ? body.tileUrl : null,
      tileAttribution: typeof body.tileAttribution === 'string' ? body.tileAttribution : null,
      demo: body.demo === true,
    };
  } catch {
    return none;
  }
}
