import { describe, expect, it } from 'vitest';
import { LAYER_SOURCES, NO_ACCESS, accessOf, can, homeWardName, personalValue, readableLayers } from '../../../client/src/auth/access';
import { MAP_LAYERS, type CurrentUser } from '../../../client/src/types';

/** The permissions the server gives each demo role (`me.permissions`, server/src/policy.ts). */
const READ = ['district', 'wards', 'ward', 'residentialGroups', 'residentialGroup', 'camera', 'cameras', 'layer', 'coverageGaps', 'uncoveredResidentialGroups', 'logout'];
const HOUSES = ['rentalHouse', 'rentalHouses', 'unregisteredRentalHouses'];
const REGISTER = ['registerCamera', 'updateCamera', 'decommissionCamera', 'registerRentalHouse', 'updateRentalHouse'];

function user(overrides: Partial<CurrentUser>): CurrentUser {
  return { id: 1, username: 'u', displayName: 'U', role: 'PLANNER', wardId: null, ward: null, canSeePersonalData: false, permissions: [], ...overrides };
}

const planner = user({ role: 'PLANNER', permissions: [...READ, ...HOUSES, 'auditLog'] });
const admin = user({ role: 'ADMIN', permissions: [...READ, ...HOUSES, 'auditLog', 'users', ...REGISTER, 'createUser', 'updateUser'] });
const chair = user({ role: 'WARD_CHAIR', wardId: 2, ward: { id: 2, name: 'Phường Hòa Lạc' }, canSeePersonalData: true, permissions: [...READ, ...HOUSES, ...REGISTER] });
const homeAffairs = user({ role: 'HOME_AFFAIRS', permissions: READ });
const wardPolice = user({ role: 'POLICE', wardId: 1, canSeePersonalData: true, permissions: [...READ, ...HOUSES] });

describe('what a role may read and use', () => {
  it('reads every layer with the lists they draw, in drawing order', () => {
    expect(readableLayers(planner)).toEqual([...MAP_LAYERS]);
    expect(Object.keys(LAYER_SOURCES).sort()).toEqual([...MAP_LAYERS].sort());
  });

  it('does not ask for the rental houses layer without rentalHouses (HOME_AFFAIRS)', () => {
    expect(readableLayers(homeAffairs)).toEqual(MAP_LAYERS.filter((kind) => kind !== 'RENTAL_HOUSES'));
    const a = accessOf(homeAffairs);
    expect(a.rentalHouses).toBe(false);
    expect(a.rentalHouseDetails).toBe(false);
    expect(a.unregisteredCsv).toBe(false);
  });

  it('reads no layer at all without the layer query', () => {
    expect(readableLayers(user({ permissions: ['wards', 'cameras'] }))).toEqual([]);
  });

  it('shows the register control only with registerCamera', () => {
    expect(accessOf(planner).registerCamera).toBe(false);
    expect(accessOf(admin).registerCamera).toBe(true);
    expect(accessOf(chair).registerCamera).toBe(true);
    expect(accessOf(wardPolice).registerCamera).toBe(false);
  });

  it('shows the CSV link only with unregisteredRentalHouses', () => {
    expect(accessOf(planner).unregisteredCsv).toBe(true);
    expect(accessOf(homeAffairs).unregisteredCsv).toBe(false);
  });

  it('binds a ward chair and a ward’s police to their ward; district roles to none', () => {
    expect(accessOf(chair).homeWardId).toBe(2);
    expect(accessOf(wardPolice).homeWardId).toBe(1);
    expect(accessOf(planner).homeWardId).toBeNull();
    expect(accessOf(admin).homeWardId).toBeNull();
  });

  it('follows canSeePersonalData for personal fields', () => {
    expect(accessOf(chair).personalData).toBe(true);
    expect(accessOf(planner).personalData).toBe(false);
    expect(accessOf(admin).personalData).toBe(false);
  });

  it('allows nothing before anyone is signed in', () => {
    expect(can(null, 'layer')).toBe(false);
    expect(NO_ACCESS.layers).toEqual([]);
    expect(NO_ACCESS.registerCamera).toBe(false);
  });
});

describe('personalValue', () => {
  it('shows a value whoever sees it', () => {
    expect(personalValue('Nguyễn Văn A', false)).toEqual({ state: 'value', value: 'Nguyễn Văn A' });
    expect(personalValue('0905 123 456', true)).toEqual({ state: 'value', value: '0905 123 456' });
  });

  it('calls a withheld value hidden, and a missing one not recorded', () => {
    expect(personalValue(null, false)).toEqual({ state: 'hidden' });
    expect(personalValue(null, true)).toEqual({ state: 'empty' });
    expect(personalValue('  ', true)).toEqual({ state: 'empty' });
  });
});

describe('homeWardName', () => {
  it('takes the name from me, else from the wards the server returned', () => {
    const wards = [{ id: 2, name: 'Phường Hòa Lạc' }];
    expect(homeWardName(chair, [])).toBe('Phường Hòa Lạc');
    expect(homeWardName({ ...chair, ward: null }, wards)).toBe('Phường Hòa Lạc');
    expect(homeWardName({ ...chair, ward: null }, [])).toBeNull();
    expect(homeWardName(planner, wards)).toBeNull();
  });
});
