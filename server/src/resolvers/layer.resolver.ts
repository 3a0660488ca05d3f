import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { assertAllowed } from '../auth-checker';
import type { Context } from '../context';
import { LAYERS } from '../policy';
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
    assertAllowed(LAYERS[kind], ctx.viewer?.role, `layer(kind: ${kind.toUpperCase()})`);
    return ctx.services.layer.featureCollection(kind, wardId ?? null);
  }
}
