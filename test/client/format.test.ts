import { describe, expect, it } from 'vitest';
import {
  compassPoint,
  formatDate,
  formatDateTime,
  formatDegrees,
  formatArea,
  formatDensity,
  formatLatLng,
  formatPercent,
  formatMeters,
  formatNumber,
  percent,
  telHref,
} from '../../client/src/format';

describe('formatNumber', () => {
  it('groups thousands with a dot in Vietnamese and a comma in English', () => {
    expect(formatNumber(12345, 'vi')).toBe('12.345');
    expect(formatNumber(12345, 'en')).toBe('12,345');
  });

  it('uses a decimal comma in Vietnamese', () => {
    expect(formatNumber(2.5, 'vi', 1)).toBe('2,5');
    expect(formatNumber(2.5, 'en', 1)).toBe('2.5');
  });
});

describe('units', () => {
  it('shows metres whole from 10 m and with one decimal below', () => {
    expect(formatMeters(25.4, 'en')).toBe('25 m');
    expect(formatMeters(3.25, 'vi')).toBe('3,3 m');
  });

  it('shows angles in whole degrees', () => {
    expect(formatDegrees(84.6, 'vi')).toBe('85°');
  });

  it('shows a low camera density with one decimal and a high one whole', () => {
    expect(formatDensity(4.26, 'en')).toBe('4.3');
    expect(formatDensity(123.4, 'vi')).toBe('123');
  });
});

describe('compassPoint', () => {
  it('names the eight compass points of a bearing', () => {
    expect(compassPoint(0)).toBe('N');
    expect(compassPoint(44)).toBe('NE');
    expect(compassPoint(90)).toBe('E');
    expect(compassPoint(200)).toBe('S');
    expect(compassPoint(337.6)).toBe('N');
    expect(compassPoint(292)).toBe('W');
    expect(compassPoint(293)).toBe('NW');
  });

  it('normalises negative and full-turn bearings', () => {
    expect(compassPoint(-90)).toBe('W');
    expect(compassPoint(720 + 135)).toBe('SE');
  });
});

describe('dates', () => {
  it('shows a date-only value on its own calendar day in any time zone', () => {
    expect(formatDate('2017-06-01', 'vi')).toBe('01/06/2017');
    expect(formatDate('2017-06-01', 'en')).toBe('01/06/2017');
  });

  it('shows a timestamp in Vietnam time', () => {
    // 17:30 UTC is 00:30 the next day in Hồ Chí Minh City (UTC+7)
    expect(formatDateTime('2017-06-01T17:30:00Z', 'en')).toBe('02/06/2017 00:30');
    expect(formatDateTime('2017-06-01T17:30:00Z', 'vi')).toBe('02/06/2017 00:30');
  });

  it('returns null for a missing date and the raw text for an unreadable one', () => {
    expect(formatDate(null, 'vi')).toBeNull();
    expect(formatDateTime(undefined, 'vi')).toBeNull();
    expect(formatDate('soon', 'en')).toBe('soon');
  });
});

describe('other formatters', () => {
  it('writes coordinates as latitude, longitude with five decimals', () => {
    expect(formatLatLng(10.776123456, 106.7009)).toBe('10.77612, 106.70090');
  });

  it('keeps only digits and a leading plus in a tel: link', () => {
    expect(telHref('+84 (24) 3825-1234')).toBe('tel:+842438251234');
    expect(telHref('0912 345 678')).toBe('tel:0912345678');
  });

  it('rounds a share to a whole percentage and has none for an empty whole', () => {
    expect(percent(1, 3)).toBe(33);
    expect(percent(0, 0)).toBeNull();
  });
});

describe('coverage figures', () => {
  it('shows a coverage percentage with one decimal, a decimal comma in Vietnamese', () => {
    expect(formatPercent(12.1565, 'vi')).toBe('12,2%');
    expect(formatPercent(12.1565, 'en')).toBe('12.2%');
    expect(formatPercent(61.8123, 'en')).toBe('61.8%');
  });

  it('keeps 0% and 100% whole and never rounds a sliver to them', () => {
    expect(formatPercent(0, 'vi')).toBe('0%');
    expect(formatPercent(100, 'en')).toBe('100%');
    expect(formatPercent(0.01, 'vi')).toBe('< 0,1%');
    expect(formatPercent(99.97, 'en')).toBe('> 99.9%');
  });

  it('formats an area in whole square metres below a hectare', () => {
    expect(formatArea(7844.3, 'vi')).toBe('7.844 m²');
    expect(formatArea(0, 'en')).toBe('0 m²');
    expect(formatArea(2.54, 'en')).toBe('2.5 m²');
  });

  it('formats a large area in hectares, with fewer decimals as it grows', () => {
    expect(formatArea(78_160.3, 'vi')).toBe('7,82 ha');
    expect(formatArea(111_905, 'en')).toBe('11.2 ha');
    expect(formatArea(15_986_662, 'vi')).toBe('1.599 ha');
  });
});
