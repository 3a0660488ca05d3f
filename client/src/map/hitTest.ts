/**
 * Hit-testing on the canvas layers. Leaflet gives a click to the topmost path that contains the
 * point; for point symbols the nearest centre is a better answer when cameras overlap (two cameras
 * on one house), and a ward label lying over a camera should not hide it.
 */
import type L from 'leaflet';

interface PointSymbol extends L.Layer {
  _point?: L.Point;
  _radius?: number;
  _containsPoint?: (p: L.Point) => boolean;
  feature?: { properties: { id: number } };
  options: L.PathOptions;
}

/** The id of the point feature whose symbol contains `point` (a layer point) with the nearest centre. */
export function nearestPointFeature(layer: L.LayerGroup | undefined, point: L.Point, tolerance = 3): number | null {
  if (!layer) return null;
  let best: number | null = null;
  let bestDistance = Infinity;
  layer.eachLayer((l) => {
    const symbol = l as PointSymbol;
    if (!symbol._point || symbol._radius == null || !symbol.feature) return;
    const distance = symbol._point.distanceTo(point);
    if (distance <= symbol._radius + (symbol.options.weight ?? 0) / 2 + tolerance && distance < bestDistance) {
      bestDistance = distance;
      best = symbol.feature.properties.id;
    }
  });
  return best;
}

/** The id of the topmost area feature (e.g. a view sector) containing `point`. */
export function areaFeatureAt(layer: L.LayerGroup | undefined, point: L.Point): number | null {
  if (!layer) return null;
  let found: number | null = null;
  layer.eachLayer((l) => {
    const area = l as PointSymbol;
    if (area.feature && area._containsPoint?.(point)) found = area.feature.properties.id;
  });
  return found;
}
