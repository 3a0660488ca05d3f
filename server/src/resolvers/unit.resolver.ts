import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../context';
import { Unit } from '../entities';
import { UnitKind } from '../entities/enums';

@Resolver(() => Unit)
export class UnitResolver {
  @Query(() => [Unit], {
    description: "The district's units, divisions first, by code; figures over the civil servants you may see (a ward chair: your ward's residents).",
  })
  units(@Arg('kind', () => UnitKind, { nullable: true }) kind: UnitKind | undefined, @Ctx() ctx: Context): Promise<Unit[]> {
    return ctx.services.unit.list(kind);
  }

  @Query(() => [Unit], { description: 'Units at 100% (headcount above 0, every member verified), in the order they got there (reachedFullAt).' })
  commendationRoster(@Ctx() ctx: Context): Promise<Unit[]> {
    return ctx.services.unit.commendationRoster();
  }
}
