import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { Ward } from '../entities';
import { BadUserInputError } from '../errors';
import { ComplianceDashboard, ComplianceTrendPoint, WardCompliance } from './types/compliance';

/** The longest trend a dashboard draws: two years of daily snapshots. */
export const MAX_TREND_DAYS = 730;

@Resolver(() => ComplianceDashboard)
export class ComplianceResolver {
  @Query(() => ComplianceDashboard, {
    description:
      'The deadline dashboard (R8, R2, R4) of a ward, or of the district when wardId is omitted (a ward chair: their ward; ' +
      'another ward is NOT_FOUND). Live figures; also as CSV at /export/compliance-dashboard.csv?wardId=.',
  })
  complianceDashboard(@Arg('wardId', () => Int, { nullable: true }) wardId: number | undefined, @Ctx() ctx: Context): Promise<ComplianceDashboard> {
    return ctx.services.compliance.dashboard(wardId ?? null);
  }

  @Mutation(() => Int, {
    description: "Takes today's compliance snapshot (Asia/Ho_Chi_Minh) of the district now, replacing today's if taken; returns the wards written.",
  })
  takeComplianceSnapshot(@Ctx() ctx: Context): Promise<number> {
    return ctx.services.compliance.takeSnapshot();
  }

  @FieldResolver(() => [ComplianceTrendPoint], {
    description: "The daily snapshots of the dashboard's wards summed per day, over the last `days` days up to today, oldest first.",
  })
  trend(
    @Root() d: ComplianceDashboard,
    @Arg('days', () => Int, { defaultValue: 120, description: `1 to ${MAX_TREND_DAYS}.` }) days: number,
    @Ctx() ctx: Context,
  ): Promise<ComplianceTrendPoint[]> {
    if (!(days >= 1 && days <= MAX_TREND_DAYS)) throw new BadUserInputError('days', `must be in [1, ${MAX_TREND_DAYS}] (got ${days})`);
    return ctx.services.compliance.trend(d, days);
  }
}

@Resolver(() => WardCompliance)
export class WardComplianceResolver {
  @FieldResolver(() => Ward)
  ward(@Root() w: WardCompliance, @Ctx() ctx: Context): Promise<Ward> {
    return ctx.loaders.ward.load(w.wardId);
  }
}
