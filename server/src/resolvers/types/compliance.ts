import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    'Compliance figures of a ward or of the district (R8, R2, R4). Percentages are null when their total is 0. ' +
    'Live figures and daily snapshots count alike (ww_take_compliance_snapshot).',
})
export class ComplianceFigures {
  @Field(() => Int, { description: 'Residential groups.' }) groupsTotal: number;
  @Field(() => Int, { description: 'Residential groups with at least one ACTIVE camera located in them (R8).' }) groupsWithCamera: number;
  @Field(() => Float, { nullable: true, description: 'groupsWithCamera / groupsTotal × 100.' }) groupsPercent: number | null;
  @Field(() => Int, { description: 'Rental houses.' }) housesTotal: number;
  @Field(() => Int, { description: 'Rental houses with an ACTIVE camera registered to them (R2).' }) housesWithCamera: number;
  @Field(() => Float, { nullable: true, description: 'housesWithCamera / housesTotal × 100.' }) housesPercent: number | null;
  @Field(() => Int, { description: 'Rental houses whose status is CAMERA_VERIFIED.' }) housesVerified: number;
  @Field(() => Int, { description: 'Civil servants living in the area (R4).' }) civilServantsTotal: number;
  @Field(() => Int, { description: 'Of those, the ones with a verified, ACTIVE home camera.' }) civilServantsVerified: number;
  @Field(() => Float, { nullable: true, description: 'civilServantsVerified / civilServantsTotal × 100.' })
  civilServantUptakePercent: number | null;
  @Field(() => Int, { description: 'ACTIVE cameras located in the area.' }) activeCameras: number;
  @Field(() => Int, { description: 'Penalty cases not closed (R7).' }) openCases: number;
}

@ObjectType({ description: "A ward's live compliance figures." })
export class WardCompliance {
  @Field(() => Int) wardId: number;
  @Field(() => ComplianceFigures) figures: ComplianceFigures;
}

@ObjectType({ description: "One day of the trend: that day's snapshot rows summed over the dashboard's wards." })
export class ComplianceTrendPoint {
  @Field(() => String, { description: 'YYYY-MM-DD' }) day: string;
  @Field(() => ComplianceFigures) figures: ComplianceFigures;
}

@ObjectType({
  description:
    'The deadline dashboard (R8, R2, R4) of a ward or of the district: live figures per ward and in total, days left ' +
    'to the R8 and R2 deadlines (from the directives), and the trend from daily snapshots.',
})
export class ComplianceDashboard {
  @Field(() => String, { description: "Today in Asia/Ho_Chi_Minh (YYYY-MM-DD): the day the figures and days left count from." }) asOf: string;
  @Field(() => Int, { nullable: true, description: 'The ward shown; null: the whole district.' }) wardId: number | null;
  @Field(() => String, { description: "R8's deadline (every residential group has a camera), YYYY-MM-DD; 2017-09-30 unless the directive says otherwise." })
  groupDeadline: string;
  @Field(() => Int, { description: 'Days from asOf to groupDeadline; negative when overdue.' }) groupDaysLeft: number;
  @Field(() => String, { nullable: true, description: "R2's deadline (every rental house has a camera), YYYY-MM-DD; null when the directive has none." })
  houseDeadline: string | null;
  @Field(() => Int, { nullable: true, description: 'Days from asOf to houseDeadline; negative when overdue.' }) houseDaysLeft: number | null;
  @Field(() => ComplianceFigures, { description: 'The sum of the wards below.' }) totals: ComplianceFigures;
  @Field(() => [WardCompliance], { description: 'Live figures per ward, by ward code.' }) wards: WardCompliance[];

  /** The district whose snapshots the trend reads. */
  districtId: number;
}
