import { describe, expect, it } from 'vitest';
import en from '../../../../client/src/i18n/en';
import vi from '../../../../client/src/i18n/vi';
import {
  CIVIL_SERVANT_CHECK_RESULTS,
  COMPLIANCE_STATUSES,
  PENALTY_CASE_ACTIONS,
  PENALTY_CASE_EVENT_KINDS,
  PENALTY_CASE_STATES,
  PENALTY_CLOSE_REASONS,
  PENALTY_DECISIONS,
  UNIT_KINDS,
} from '../../../../client/src/api/registries';
import { flatten } from '../../i18n/catalogue';

describe('the registry pages in both languages', () => {
  for (const [language, catalogue] of [
    ['Vietnamese', vi],
    ['English', en],
  ] as const) {
    const strings = flatten(catalogue);
    it(`name every status, state, decision, event, action, unit kind and check result in ${language}`, () => {
      const keys = [
        ...COMPLIANCE_STATUSES.map((v) => `houseStatus.${v}`),
        ...PENALTY_CASE_STATES.map((v) => `cases.state.${v}`),
        ...PENALTY_DECISIONS.map((v) => `cases.decision.${v}`),
        ...PENALTY_CLOSE_REASONS.map((v) => `cases.closeReason.${v}`),
        ...PENALTY_CASE_EVENT_KINDS.map((v) => `cases.event.${v}`),
        ...PENALTY_CASE_ACTIONS.flatMap((v) => [`cases.action.${v}`, `cases.actionHint.${v}`, `cases.confirm.${v}`]),
        ...UNIT_KINDS.map((v) => `civilServants.kind.${v}`),
        ...CIVIL_SERVANT_CHECK_RESULTS.map((v) => `civilServants.result.${v}`),
        'nav.report',
        'nav.civilServants',
        'nav.cases',
      ];
      for (const key of keys) expect(strings.get(key), key).toBeTruthy();
    });
  }

  it('says "hidden" for personal data a role may not see', () => {
    expect(vi.report.shared.hidden).toBe('ẩn');
    expect(en.report.shared.hidden).toBe('hidden');
  });
});
