import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: "A ward's funds (its own and its residential groups'), or the district's funds: received, spent, balance (whole VND)." })
export class FundReportRow {
  @Field(() => Int, { nullable: true, description: "The ward; null: the district's own funds (or the totals)." }) wardId: number | null;
  @Field(() => String, { nullable: true }) wardCode: string | null;
  @Field(() => String, { nullable: true }) wardName: string | null;
  @Field(() => Int, { description: 'Funds.' }) funds: number;
  @Field(() => Int, { description: 'Spendings from them.' }) spendings: number;
  @Field(() => Float, { description: 'VND received.' }) receivedVnd: number;
  @Field(() => Float, { description: 'VND spent.' }) spentVnd: number;
  @Field(() => Float, { description: 'receivedVnd - spentVnd.' }) balanceVnd: number;
  @Field(() => Float, { description: 'VND spent on maintenance tickets.' }) spentOnTicketsVnd: number;
}

@ObjectType({
  description:
    "Sponsorship funds (R9) per ward, the district's own funds separately, and the totals (wards + district), computed by the database. " +
    "A ward user sees their ward and the district's funds.",
})
export class FundReport {
  @Field(() => String, { description: 'Today (local day), YYYY-MM-DD.' }) asOf: string;
  @Field(() => Int, { nullable: true, description: 'The ward shown; null: every ward in your scope.' }) wardId: number | null;
  @Field(() => [FundReportRow], { description: 'One per ward shown, by ward code (wards without funds included, with zeros).' }) wards: FundReportRow[];
  @Field(() => FundReportRow, { description: "The district's own funds (target DISTRICT)." }) district: FundReportRow;
  @Field(() => FundReportRow, { description: 'wards + district.' }) totals: FundReportRow;
}
