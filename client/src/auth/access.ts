/**
 * What the logged-in user may see and use, from `me.permissions` (the query and mutation names the
 * server lets their role use) and their ward. The UI shows only the controls a role may use and
 * requests only what it may read; the server checks everything again. Pure: unit-tested in node.
 */
import { MAP_LAYERS, type CurrentUser, type MapLayer } from '../types';

/**
 * The list each map layer draws: a layer follows that list's rule on the server (and every layer
 * needs the `layer` query itself).
 */
export const LAYER_SOURCES: Readonly<Record<MapLayer, string>> = {
  WARDS: 'wards',
  RESIDENTIAL_GROUPS: 'residentialGroups',
  COVERAGE_GAPS: 'coverageGaps',
  VIEW_SECTORS: 'cameras',
  RENTAL_HOUSES: 'rentalHouses',
  CAMERAS: 'cameras',
};

export interface Access {
  /** the map layers the role may read, in drawing order: only these are requested */
  layers: readonly MapLayer[];
  /** the "add camera" control */
  registerCamera: boolean;
  /** rental houses: their layer and the counts drawn from it */
  rentalHouses: boolean;
  /** a rental house's details (`rentalHouse`), e.g. from a camera registered to one */
  rentalHouseDetails: boolean;
  /** the CSV of a ward's rental houses without a camera */
  unregisteredCsv: boolean;
  /** owners' names and phone numbers come back (else they are null: shown as hidden) */
  personalData: boolean;
  /** the ward the user is bound to (a ward chair, a ward's police): the map shows only it */
  homeWardId: number | null;
}

export function can(user: Pick<CurrentUser, 'permissions'> | null | undefined, operation: string): boolean {
  return user != null && user.permissions.includes(operation);
}

/** The layers a user may read, in drawing order. */
export function readableLayers(user: Pick<CurrentUser, 'permissions'>): MapLayer[] {
  if (!can(user, 'layer')) return [];
  return MAP_LAYERS.filter((kind) => can(user, LAYER_SOURCES[kind]));
}

export function accessOf(user: CurrentUser): Access {
  return {
    layers: readableLayers(user),
    registerCamera: can(user, 'registerCamera'),
    rentalHouses: can(user, 'rentalHouses'),
    rentalHouseDetails: can(user, 'rentalHouse'),
    unregisteredCsv: can(user, 'unregisteredRentalHouses'),
    personalData: user.canSeePersonalData === true,
    homeWardId: user.wardId ?? null,
  };
}

/** Nothing at all: what the UI may do before it knows who is logged in. */
export const NO_ACCESS: Access = {
  layers: [],
  registerCamera: false,
  rentalHouses: false,
  rentalHouseDetails: false,
  unregisteredCsv: false,
  personalData: false,
  homeWardId: null,
};

/**
 * How to show a personal field (an owner's name or phone): its value; "hidden" when the server
 * withheld it because the role may not see personal data; empty when it is simply not recorded.
 */
export type PersonalValue = { state: 'value'; value: string } | { state: 'hidden' } | { state: 'empty' };

export function personalValue(value: string | null | undefined, canSeePersonalData: boolean): PersonalValue {
  if (value != null && value.trim() !== '') return { state: 'value', value };
  return canSeePersonalData ? { state: 'empty' } : { state: 'hidden' };
}

/** The name of the user's own ward: from `me`, else from the wards the server returned. */
export function homeWardName(user: Pick<CurrentUser, 'wardId' | 'ward'>, wards: ReadonlyArray<{ id: number; name: string }>): string | null {
  if (user.wardId == null) return null;
  return user.ward?.name ?? wards.find((w) => w.id === user.wardId)?.name ?? null;
}
