import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../context';
import { GeoJSONScalar } from '../scalars/geojson';
import { MapLayer } from './types/map-layer';

@Resolver()
export class LayerResolver {
  @Query(() => GeoJSONScalar, {
    description: 'A whole map layer as one GeoJSON FeatureCollection built by PostGIS: of one ward, or of the district when wardId is omitted.',
  })
  async layer(
    @Arg('kind', () => MapLayer) kind: MapLayer,
    @Arg('wardId', () => Int, { nullable: true }) wardId: number | undefined,
    @Ctx() ctx: Context,
  ): Promise<unknown> {
    const district = await ctx.services.district.current();
    return ctx.services.layer.featureCollection(district.id, kind, wardId ?? null);
  }
}
