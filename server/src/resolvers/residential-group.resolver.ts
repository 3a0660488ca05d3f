import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { ResidentialGroup } from '../entities';
import { GroupCoverage } from './types/coverage';

@Resolver(() => ResidentialGroup)
export class ResidentialGroupResolver {
  @Query(() => [ResidentialGroup], { description: 'The residential groups of a ward; NOT_FOUND for an unknown ward.' })
  residentialGroups(@Arg('wardId', () => Int) wardId: number, @Ctx() ctx: Context): Promise<ResidentialGroup[]> {
    return ctx.services.ward.groups(wardId);
  }

  @Query(() => ResidentialGroup, { description: 'One residential group; NOT_FOUND if there is none with this id.' })
  residentialGroup(@Arg('id', () => Int) id: number, @Ctx() ctx: Context): Promise<ResidentialGroup> {
    return ctx.services.ward.group(id);
  }

  @FieldResolver(() => GroupCoverage, { description: 'Coverage of this group by active cameras, always current.' })
  coverage(@Root() g: ResidentialGroup, @Ctx() ctx: Context): Promise<GroupCoverage> {
    return ctx.loaders.groupCoverage.load(g.id);
  }
}
