import { Arg, Ctx, FieldResolver, Float, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { ResidentialGroup, Ward } from '../entities';
import type { WardStats } from '../services/ward.service';
import { Coverage } from './types/coverage';

@Resolver(() => Ward)
export class WardResolver {
  @Query(() => [Ward], { description: 'The wards of the district you may see (a ward chair: their own), by code.' })
  wards(@Ctx() ctx: Context): Promise<Ward[]> {
    return ctx.services.ward.list();
  }

  @Query(() => Ward, { description: 'One ward; NOT_FOUND if there is none with this id.' })
  ward(@Arg('id', () => Int) id: number, @Ctx() ctx: Context): Promise<Ward> {
    return ctx.services.ward.get(id);
  }

  @FieldResolver(() => [ResidentialGroup])
  residentialGroups(@Root() w: Ward, @Ctx() ctx: Context): Promise<ResidentialGroup[]> {
    return ctx.loaders.wardGroups.load(w.id);
  }

  @FieldResolver(() => [Float], { description: '[west, south, east, north] in degrees.' })
  async bbox(@Root() w: Ward, @Ctx() ctx: Context): Promise<number[]> {
    return (await stats(w, ctx)).bbox;
  }

  @FieldResolver(() => Int)
  async residentialGroupCount(@Root() w: Ward, @Ctx() ctx: Context): Promise<number> {
    return (await stats(w, ctx)).residentialGroupCount;
  }

  @FieldResolver(() => Int, { description: 'Cameras not decommissioned.' })
  async cameraCount(@Root() w: Ward, @Ctx() ctx: Context): Promise<number> {
    return (await stats(w, ctx)).cameraCount;
  }

  @FieldResolver(() => Coverage, { description: 'Area-weighted coverage of the ward by active cameras.' })
  coverage(@Root() w: Ward, @Ctx() ctx: Context): Promise<Coverage> {
    return ctx.loaders.wardCoverage.load(w.id);
  }

  @FieldResolver(() => Int)
  async rentalHouseCount(@Root() w: Ward, @Ctx() ctx: Context): Promise<number> {
    return (await stats(w, ctx)).rentalHouseCount;
  }
}

async function stats(w: Ward, ctx: Context): Promise<WardStats> {
  const s = await ctx.loaders.wardStats.load(w.id);
  if (!s) throw new Error(`no stats for ward ${w.id}`);
  return s;
}
