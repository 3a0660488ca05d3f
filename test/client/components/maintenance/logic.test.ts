import { describe, expect, it } from 'vitest';
import { durationParts, maintenanceFilterInput, OPEN_STATES } from '../../../../client/src/api/maintenance';
import { orderedMaintenanceActions, parseCost, statesOf, STATE_FILTERS } from '../../../../client/src/components/maintenance/logic';

describe('a repair cost typed into the form', () => {
  it('reads whole đồng with any thousands separator and currency sign, zero included', () => {
    expect(parseCost('350.000')).toBe(350000);
    expect(parseCost('1,200,000 ₫')).toBe(1200000);
    expect(parseCost(' 2 500 000 đ ')).toBe(2500000);
    expect(parseCost('0')).toBe(0);
  });

  it('is left out when the field is empty, and refused when it is not a whole number', () => {
    expect(parseCost('')).toBeUndefined();
    expect(parseCost('   ')).toBeUndefined();
    expect(parseCost('ba trăm')).toBeNull();
    expect(parseCost('-5')).toBeNull();
    expect(parseCost('₫')).toBeNull();
    expect(parseCost('9'.repeat(20))).toBeNull();
  });
});

describe("the list's state filter", () => {
  it('asks for the unresolved tickets, every ticket, or one state', () => {
    expect(STATE_FILTERS[0]).toBe('OPEN');
    expect(statesOf('OPEN')).toEqual(['REPORTED', 'ASSIGNED', 'IN_PROGRESS']);
    expect(statesOf('ALL')).toBeNull();
    expect(statesOf('RESOLVED')).toEqual(['RESOLVED']);
    expect(maintenanceFilterInput({ wardId: 3, states: OPEN_STATES })).toEqual({ wardId: 3, states: ['REPORTED', 'ASSIGNED', 'IN_PROGRESS'] });
    expect(maintenanceFilterInput({ wardId: null, states: null })).toEqual({});
  });
});

describe("a ticket's actions and times", () => {
  it("shows the server's allowed actions in the panel's order and drops unknown ones", () => {
    expect(orderedMaintenanceActions(['ADD_NOTE', 'RESOLVE', 'ASSIGN', 'FLY'])).toEqual(['ASSIGN', 'RESOLVE', 'ADD_NOTE']);
    expect(orderedMaintenanceActions([])).toEqual([]);
  });

  it('writes hours under two days, days from then on, to one decimal', () => {
    expect(durationParts(0.04)).toEqual({ unit: 'hours', value: 0 });
    expect(durationParts(5.26)).toEqual({ unit: 'hours', value: 5.3 });
    expect(durationParts(47.9)).toEqual({ unit: 'hours', value: 47.9 });
    expect(durationParts(48)).toEqual({ unit: 'days', value: 2 });
    expect(durationParts(100)).toEqual({ unit: 'days', value: 4.2 });
  });
});
