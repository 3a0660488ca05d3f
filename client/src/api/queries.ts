/** The queries the map client sends, with the shapes of their answers. */
import type { Camera, ClientConfig, District, MapLayer, RentalHouse, Ward } from '../types';
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

/** GET /config.json: the basemap tile URL is optional; without the file the map stays plain. */
export async function fetchConfig(options: { signal?: AbortSignal; fetch?: typeof fetch } = {}): Promise<ClientConfig> {
  const none: ClientConfig = { tileUrl: null, tileAttribution: null };
  try {
    const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
    const response = await doFetch('/config.json', { signal: options.signal, headers: { accept: 'application/json' } });
    if (!response.ok) return none;
    const body = (await response.json()) as Partial<ClientConfig>;
    return {
      tileUrl: typeof body.tileUrl === 'string' && body.tileUrl.trim() ? body.tileUrl : null,
      tileAttribution: typeof body.tileAttribution === 'string' ? body.tileAttribution : null,
    };
  } catch {
    return none;
  }
}
