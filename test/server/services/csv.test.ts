import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../server/src/services/csv';

describe('toCsv', () => {
  it('starts with a byte-order mark and ends every row with CRLF', () => {
    expect(toCsv(['a', 'b'], [[1, 2]])).toBe('\uFEFFa,b\r\n1,2\r\n');
  });

  it('quotes fields with commas, quotes and line breaks, doubling the quotes', () => {
    const csv = toCsv(['address'], [['Kiệt 5, đường "Lê Lợi"\nTổ 3']]);
    expect(csv).toBe('\uFEFFaddress\r\n"Kiệt 5, đường ""Lê Lợi""\nTổ 3"\r\n');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    const csv = toCsv(['name'], [['=HYPERLINK("http://x")'], ['@SUM(A1)'], ['-1+2']]);
    expect(csv.split('\r\n').slice(1, 4)).toEqual(['"\'=HYPERLINK(""http://x"")"', "'@SUM(A1)", "'-1+2"]);
  });

  it('writes numbers as they are and empty cells for null', () => {
    expect(toCsv(['n', 'm'], [[-3.5, null]])).toBe('\uFEFFn,m\r\n-3.5,\r\n');
  });
});
