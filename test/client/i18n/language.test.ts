import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LANGUAGE,
  LANGUAGE_STORAGE_KEY,
  isLanguage,
  readStoredLanguage,
  resolveLanguage,
  storeLanguage,
} from '../../../client/src/i18n/language';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
}

describe('language choice', () => {
  it('defaults to Vietnamese', () => {
    expect(DEFAULT_LANGUAGE).toBe('vi');
    expect(resolveLanguage(null)).toBe('vi');
    expect(resolveLanguage('fr')).toBe('vi');
  });

  it('keeps a stored supported language', () => {
    expect(resolveLanguage('en')).toBe('en');
    expect(isLanguage('vi')).toBe(true);
    expect(isLanguage('EN')).toBe(false);
  });

  it('remembers the choice in storage and reads it back', () => {
    const storage = memoryStorage();
    storeLanguage(storage, 'en');
    expect(storage.data.get(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(readStoredLanguage(storage)).toBe('en');
  });

  it('survives storage that is missing or throws', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    expect(readStoredLanguage(broken)).toBe('vi');
    expect(() => storeLanguage(broken, 'en')).not.toThrow();
    expect(readStoredLanguage(undefined)).toBe('vi');
  });
});
