import { Ctx, FieldResolver, Float, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { District } from '../entities';
import { Coverage } from './types/coverage';

@Resolver(() => District)
export class DistrictResolver {
  @Query(() => District, { description: 'The district this deployment serves.' })
  district(@Ctx() ctx: Context): Promise<District> {
    return ctx.services.district.current();
  }

  @FieldResolver(() => [Float], { description: '[west, south, east, north] in degrees.' })
  async bbox(@Root() d: District, @Ctx() ctx: Context): Promise<number[]> {
    return (await ctx.loaders.districtStats.load(d.id)).bbox;
  }

  @FieldResolver(() => Int)
  async wardCount(@Root() d: District, @Ctx() ctx: Context): Promise<number> {
    return (await ctx.loaders.districtStats.load(d.id)).wardCount;
  }

  @FieldResolver(() => Int)
  async residentialGroupCount(@Root() d: District, @Ctx() ctx: Context): Promise<number> {
    return (await ctx.loaders.districtStats.load(d.id)).residentialGroupCount;
  }

  @FieldResolver(() => Int, { description: 'Cameras not decommissioned.' })
  async cameraCount(@Root() d: District, @Ctx() ctx: Context): Promise<number> {
    return (await ctx.loaders.districtStats.load(d.id)).cameraCount;
  }

  @FieldResolver(() => Coverage, { description: 'Area-weighted coverage of the district by active cameras.' })
  coverage(@Root() d: District, @Ctx() ctx: Context): Promise<Coverage> {
    return ctx.services.coverage.ofDistrict(d.id);
  }

  @FieldResolver(() => Int)
  async rentalHouseCount(@Root() d: District, @Ctx() ctx: Context): Promise<number> {
    return (await ctx.loaders.districtStats.load(d.id)).rentalHouseCount;
  }
}
