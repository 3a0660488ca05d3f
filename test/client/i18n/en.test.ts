import { describe, expect, it } from 'vitest';
import en from '../../../client/src/i18n/en';
import vi from '../../../client/src/i18n/vi';
import { flatten, placeholders } from './catalogue';

const viStrings = flatten(vi);
const enStrings = flatten(en);

describe('the English catalogue', () => {
  it('has exactly the keys of the Vietnamese one', () => {
    expect([...enStrings.keys()].sort()).toEqual([...viStrings.keys()].sort());
  });

  it('uses the same placeholders as Vietnamese in every message', () => {
    for (const [key, text] of viStrings) expect(placeholders(enStrings.get(key) ?? ''), key).toEqual(placeholders(text));
  });

  it('has both plural forms wherever a count is shown', () => {
    for (const key of enStrings.keys()) {
      if (key.endsWith('_one')) expect(enStrings.has(key.replace(/_one$/, '_other')), key).toBe(true);
    }
    expect(en.units.rooms_one).toBe('{{count}} room');
    expect(en.units.rooms_other).toBe('{{count}} rooms');
  });
});
