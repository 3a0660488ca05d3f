import { Field, Float, Int, ObjectType } from 'type-graphql';
import { NetworkOperator } from '../../entities/enums';

@ObjectType({
  description:
    "One line of the operator report (R3): the connections of one operator's cameras in one ward (operator and ward set), of one " +
    'operator in all the wards shown (ward null), or of everything shown (both null). Cameras that are decommissioned do not count. ' +
    'Amounts are whole VND a month (Float: sums may pass GraphQL Int).',
})
export class OperatorReportRow {
  @Field(() => Int, { nullable: true }) operatorId: number | null;
  @Field(() => String, { nullable: true }) operatorCode: string | null;
  @Field(() => String, { nullable: true }) operatorName: string | null;
  @Field(() => NetworkOperator, { nullable: true }) operatorKind: NetworkOperator | null;
  @Field(() => Int, { nullable: true }) wardId: number | null;
  @Field(() => String, { nullable: true }) wardCode: string | null;
  @Field(() => String, { nullable: true }) wardName: string | null;
  @Field(() => Int, { description: 'Connected cameras (not decommissioned).' }) cameras: number;
  @Field(() => Int, { description: 'Of those, the ones whose agreement is in force today.' }) supportedCameras: number;
  @Field(() => Float, { nullable: true, description: 'supportedCameras / cameras × 100; null when there are no cameras.' }) supportedPercent: number | null;
  @Field(() => Float, { description: 'The sum of their monthly fees.' }) monthlyFeesVnd: number;
  @Field(() => Float, { description: 'The part the agreements in force cover: the sum of min(fee, support) over the supported ones.' })
  feesCoveredVnd: number;
  @Field(() => Float, { description: 'monthlyFeesVnd - feesCoveredVnd.' }) feesNotCoveredVnd: number;
}

@ObjectType({ description: 'Cameras per operator and ward, the share supported, and the monthly fees covered and not covered (R3), computed by the database.' })
export class OperatorReport {
  @Field(() => String, { description: 'The local day (YYYY-MM-DD) on which "in force" is judged.' }) asOf: string;
  @Field(() => Int, { nullable: true, description: 'The ward shown; null: every ward in your scope.' }) wardId: number | null;
  @Field(() => [OperatorReportRow], { description: 'Operator × ward, by operator code and ward code.' }) rows: OperatorReportRow[];
  @Field(() => [OperatorReportRow], { description: 'Per operator, over the wards shown (ward null).' }) operators: OperatorReportRow[];
  @Field(() => OperatorReportRow, { description: 'Everything shown: the sum of `rows` (and of `operators`).' }) totals: OperatorReportRow;
}
