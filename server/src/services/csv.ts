/**
 * CSV (RFC 4180) for spreadsheets: a UTF-8 byte-order mark so Excel reads Vietnamese correctly,
 * CRLF line ends, fields quoted when needed, and text that a spreadsheet would run as a formula
 * (starting with = + - @) prefixed with an apostrophe.
 */
export function toCsv(header: string[], rows: unknown[][]): string {
  const cell = (v: unknown): string => {
    if (v === null || v === undefined) return '';
    let s = v instanceof Date ? v.toISOString() : String(v);
    if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return '\uFEFF' + [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
