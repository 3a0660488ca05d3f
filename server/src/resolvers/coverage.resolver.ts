import { Arg, Args, Ctx, Float, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../context';
import { BadUserInputError } from '../errors';
import { GeoJSONScalar } from '../scalars/geojson';
import { PageArgsType } from './camera.resolver';
import { RentalHouseConnection } from './types/connections';
import { UncoveredResidentialGroups } from './types/coverage';

@Resolver()
export class CoverageResolver {
  @Query(() => GeoJSONScalar, {
    description:
      'The coverage gaps of a ward (or of the district when wardId is omitted) as one GeoJSON FeatureCollection: ' +
      'one MultiPolygon per residential group, the part of it no active camera sees.',
  })
  async coverageGaps(@Arg('wardId', () => Int, { nullable: true }) wardId: number | undefined, @Ctx() ctx: Context): Promise<unknown> {
    return ctx.services.layer.featureCollection('coverage_gaps', wardId ?? null);
  }

  @Query(() => UncoveredResidentialGroups, {
    description:
      'Residential groups of a ward (or the district) with no active camera located in them (R8), and, given ' +
      "belowPercent, also those with less of their area covered than that; with R8's deadline (the R8 directive's, " +
      'else 2017-09-30).',
  })
  async uncoveredResidentialGroups(
    @Arg('wardId', () => Int, { nullable: true }) wardId: number | undefined,
    @Arg('belowPercent', () => Float, { nullable: true, description: 'A coverage target in (0, 100].' }) belowPercent: number | undefined,
    @Ctx() ctx: Context,
  ): Promise<UncoveredResidentialGroups> {
    if (belowPercent != null && !(belowPercent > 0 && belowPercent <= 100)) {
      throw new BadUserInputError('belowPercent', `must be in (0, 100] (got ${belowPercent})`);
    }
    const r = await ctx.services.coverage.shortfall(wardId ?? null, belowPercent ?? null);
    const groups = await ctx.services.ward.groupsByIds(r.groupIds); // one query, least covered first
    return {
      deadline: r.deadline,
      daysToDeadline: r.daysToDeadline,
      totalGroups: r.totalGroups,
      groupsWithoutCamera: r.withoutCamera,
      belowPercent: belowPercent ?? null,
      groups,
    };
  }

  @Query(() => RentalHouseConnection, {
    description:
      'Rental houses of a ward with no active camera registered to them (R2, R5), by id; each house has ' +
      'nearestActiveCameraMeters. Also downloadable as CSV at /export/unregistered-rental-houses.csv?wardId=.',
  })
  async unregisteredRentalHouses(
    @Arg('wardId', () => Int) wardId: number,
    @Args(() => PageArgsType) page: PageArgsType,
    @Ctx() ctx: Context,
  ): Promise<RentalHouseConnection> {
    await ctx.services.ward.assertInScope(wardId);
    return ctx.services.rentalHouse.list({ wardId, hasActiveCamera: false }, page);
  }
}
