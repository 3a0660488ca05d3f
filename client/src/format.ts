/**
 * Locale-aware formatters for the UI. Pure functions of (value, language): no i18next here,
 * so they are unit-tested in node. Dates and times are shown in Vietnam's time zone.
 */

export type Language = 'vi' | 'en';

export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

export function localeOf(language: Language): string {
  return language === 'vi' ? 'vi-VN' : 'en-GB';
}

export function formatNumber(value: number, language: Language, maximumFractionDigits = 0): string {
  return new Intl.NumberFormat(localeOf(language), { maximumFractionDigits }).format(value);
}

/** Metres: whole metres from 10 m up, one decimal below. */
export function formatMeters(value: number, language: Language): string {
  return `${formatNumber(value, language, Math.abs(value) < 10 ? 1 : 0)} m`;
}

export function formatDegrees(value: number, language: Language): string {
  return `${formatNumber(value, language, 0)}°`;
}

/** Camera density: one decimal below 10 per km², whole numbers above. */
export function formatDensity(value: number, language: Language): string {
  return formatNumber(value, language, value < 10 ? 1 : 0);
}

export const COMPASS_POINTS = ['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW'] as const;
export type CompassPoint = (typeof COMPASS_POINTS)[number];

/** The 8-point compass direction of a bearing in degrees clockwise from north. */
export function compassPoint(bearing: number): CompassPoint {
  const normalised = ((bearing % 360) + 360) % 360;
  return COMPASS_POINTS[Math.round(normalised / 45) % 8];
}

/** A date-only value ('2017-06-01') as a calendar date, never shifted by a time zone. */
export function formatDate(value: string | null | undefined, language: Language): string | null {
  if (!value) return null;
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = dateOnly ? new Date(Date.UTC(+dateOnly[1], +dateOnly[2] - 1, +dateOnly[3])) : new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(localeOf(language), {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: dateOnly ? 'UTC' : TIME_ZONE,
  }).format(date);
}

/** A timestamp as date then time (24 h) in Vietnam, the same order in both languages. */
export function formatDateTime(value: string | null | undefined, language: Language): string | null {
  if (!value) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const locale = localeOf(language);
  const day = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: TIME_ZONE }).format(date);
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: TIME_ZONE }).format(date);
  return `${day} ${time}`;
}

/** Latitude, longitude with 5 decimals (about a metre), always with a decimal point. */
export function formatLatLng(latitude: number, longitude: number): string {
  return `${latitude.toFixed(5)}, ${longitude.toFixed(5)}`;
}

/** A phone number for a tel: link: digits and a leading + only. */
export function telHref(phone: string): string {
  const trimmed = phone.trim();
  return `tel:${trimmed.startsWith('+') ? '+' : ''}${trimmed.replace(/\D/g, '')}`;
}

/** Share of a whole as a percentage, rounded; null when the whole is empty. */
export function percent(part: number, whole: number): number | null {
  if (!whole) return null;
  return Math.round((part / whole) * 100);
}

/**
 * A coverage percentage: one decimal ("12,2%" in Vietnamese, "12.2%" in English); exactly 0 and 100
 * stay whole, and a sliver that would round to 0 or 100 says so ("< 0,1%", "> 99,9%").
 */
export function formatPercent(value: number, language: Language): string {
  if (!Number.isFinite(value) || value <= 0) return '0%';
  if (value >= 100) return '100%';
  if (value < 0.05) return `< ${formatNumber(0.1, language, 1)}%`;
  if (value > 99.95) return `> ${formatNumber(99.9, language, 1)}%`;
  return `${formatNumber(value, language, 1)}%`;
}

/** m² in a hectare. */
export const M2_PER_HECTARE = 10_000;

/**
 * An area given in m²: whole square metres below a hectare, hectares above (two decimals below
 * 10 ha, one below 100 ha, whole from there on).
 */
export function formatArea(m2: number, language: Language): string {
  const value = Math.max(0, m2);
  if (value < M2_PER_HECTARE) return `${formatNumber(value, language, value < 10 ? 1 : 0)} m²`;
  const ha = value / M2_PER_HECTARE;
  return `${formatNumber(ha, language, ha < 10 ? 2 : ha < 100 ? 1 : 0)} ha`;
}

