import { describe, expect, it } from 'vitest';
import type { OperatorReport, OperatorReportLine } from '../../../../client/src/api/operations';
import { chartRows, operatorColour, reportTable, spentPercent } from '../../../../client/src/components/operations/logic';

function line(operatorId: number | null, wardId: number | null, fees: number, covered: number, extra: Partial<OperatorReportLine> = {}): OperatorReportLine {
  return {
    operatorId, operatorCode: operatorId == null ? null : `op${operatorId}`, operatorName: operatorId == null ? null : `Operator ${operatorId}`,
    operatorKind: operatorId == null ? null : 'OTHER', wardId, wardCode: wardId == null ? null : `P0${wardId}`, wardName: wardId == null ? null : `Ward ${wardId}`,
    cameras: 1, supportedCameras: covered > 0 ? 1 : 0, supportedPercent: covered > 0 ? 100 : 0,
    monthlyFeesVnd: fees, feesCoveredVnd: covered, feesNotCoveredVnd: fees - covered, ...extra,
  };
}

const report: OperatorReport = {
  asOf: '2026-12-03',
  wardId: null,
  // operator 2 ("Operator 2") has two wards, operator 1 one; the server's order is not the table's
  rows: [line(2, 3, 300, 100), line(1, 1, 100, 0), line(2, 1, 200, 200)],
  operators: [line(2, null, 500, 300, { operatorName: 'B operator' }), line(1, null, 100, 0, { operatorName: 'A operator' })],
  totals: line(null, null, 600, 300),
};

describe('the operator report as a table', () => {
  it("lists each operator's wards by ward code, a subtotal for an operator with several wards, and the total last", () => {
    const lines = reportTable(report);
    expect(lines.map((l) => [l.kind, l.operatorId, l.wardId])).toEqual([
      ['ward', 1, 1],
      ['ward', 2, 1],
      ['ward', 2, 3],
      ['subtotal', 2, null],
      ['total', null, null],
    ]);
  });

  it('draws one bar per operator with its covered and uncovered fees, the most expensive first', () => {
    expect(chartRows(report).map((r) => [r.name, r.covered, r.notCovered])).toEqual([
      ['B operator', 300, 200],
      ['A operator', 0, 100],
    ]);
  });

  it('colours an operator by its kind, and a line without one in grey', () => {
    expect(operatorColour('VIETTEL')).not.toBe(operatorColour('VNPT'));
    expect(operatorColour(null)).toBe('#868e96');
  });
});

describe("a fund's spent share", () => {
  it('is the part spent, in percent, kept within 0-100', () => {
    expect(spentPercent(1_000_000, 250_000)).toBe(25);
    expect(spentPercent(1_000_000, 0)).toBe(0);
    expect(spentPercent(1_000_000, 1_000_000)).toBe(100);
    expect(spentPercent(0, 10)).toBe(0);
  });
});
