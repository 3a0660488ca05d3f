/**
 * The one place that adds and removes the overlay layers. The legend's checkboxes set `visibility`;
 * a layer that is off is unmounted (react-leaflet removes it from the map).
 *
 * All paths share one canvas renderer (several canvases would hide clicks from the lower ones), and
 * a canvas draws in the order paths were added: after a layer comes back on, or a new ward scope
 * rebuilds the layers, the drawing order is restored to LAYER_ORDER (wards at the bottom, cameras on top).
 */
import type L from 'leaflet';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useMap } from 'react-leaflet';
import type { LayerData, MapLayer, Selection } from '../types';
import { areaFeatureAt, nearestPointFeature } from './hitTest';
import { LAYER_ORDER, type LayerVisibility } from './layerRegistry';
import type { WardDensity } from './layerStats';
import type { Language } from '../format';
import { CamerasLayer } from './layers/CamerasLayer';
import { CoverageGapsLayer } from './layers/CoverageGapsLayer';
import { RentalHousesLayer } from './layers/RentalHousesLayer';
import { ResidentialGroupsLayer } from './layers/ResidentialGroupsLayer';
import { ViewSectorsLayer } from './layers/ViewSectorsLayer';
import { WardsLayer } from './layers/WardsLayer';

interface Props {
  /** the features to draw, already scoped to the chosen ward */
  data: Partial<LayerData>;
  visibility: LayerVisibility;
  scopeWardId: number | null;
  selection: Selection | null;
  density: WardDensity;
  activeByGroup: Map<number, number> | null;
  basemap: boolean;
  language: Language;
  onSelect: (selection: Selection) => void;
}

// react-leaflet's GeoJSON never replaces its data: a layer is keyed by its features, so a new
// scope (or a reload) remounts it with the new features, while the same features re-published after
// a change in place (a live status change) keep their layer, which restyles them.
const ids = new WeakMap<object, number>();
let nextId = 0;
function keyOf(kind: MapLayer, collection: { features: object }): string {
  let id = ids.get(collection.features);
  if (id === undefined) {
    id = (nextId += 1);
    ids.set(collection.features, id);
  }
  return `${kind}-${id}`;
}

export function LayerManager({ data, visibility, scopeWardId, selection, density, activeByGroup, basemap, language, onSelect }: Props) {
  const map = useMap();
  const layers = useRef(new Map<MapLayer, L.Layer>());
  const [generation, setGeneration] = useState(0);

  const register = useCallback((kind: MapLayer, layer: L.Layer | null) => {
    if (layer == null || layers.current.get(kind) === layer) return;
    layers.current.set(kind, layer);
    setGeneration((n) => n + 1);
  }, []);

  /** What a click at this layer point would hit on the point and sector layers, topmost first. */
  const hitTest = useCallback(
    (point: L.Point): Selection | null => {
      const live = (kind: MapLayer) => {
        const layer = layers.current.get(kind) as L.LayerGroup | undefined;
        return visibility[kind] && layer && map.hasLayer(layer) ? layer : undefined;
      };
      const camera = nearestPointFeature(live('CAMERAS'), point);
      if (camera != null) return { kind: 'camera', id: camera };
      const house = nearestPointFeature(live('RENTAL_HOUSES'), point);
      if (house != null) return { kind: 'rentalHouse', id: house };
      const sector = areaFeatureAt(live('VIEW_SECTORS'), point);
      if (sector != null) return { kind: 'camera', id: sector };
      return null;
    },
    [map, visibility],
  );

  useEffect(() => {
    for (const kind of LAYER_ORDER) {
      const layer = layers.current.get(kind) as (L.Layer & { bringToFront?: () => void }) | undefined;
      if (visibility[kind] && layer && map.hasLayer(layer)) layer.bringToFront?.();
    }
  }, [generation, visibility, map]);

  const selectedWardId = selection?.kind === 'ward' ? selection.id : null;

  return (
    <>
      {visibility.WARDS && data.WARDS && (
        <WardsLayer
          key={keyOf('WARDS', data.WARDS)}
          data={data.WARDS}
          density={density}
          scopeWardId={scopeWardId}
          selectedWardId={selectedWardId}
          basemap={basemap}
          register={register}
          onSelect={onSelect}
          hitTest={hitTest}
        />
      )}
      {visibility.RESIDENTIAL_GROUPS && data.RESIDENTIAL_GROUPS && (
        <ResidentialGroupsLayer
          key={keyOf('RESIDENTIAL_GROUPS', data.RESIDENTIAL_GROUPS)}
          data={data.RESIDENTIAL_GROUPS}
          activeByGroup={activeByGroup}
          basemap={basemap}
          language={language}
          register={register}
          onSelect={onSelect}
        />
      )}
      {visibility.COVERAGE_GAPS && data.COVERAGE_GAPS && (
        <CoverageGapsLayer key={keyOf('COVERAGE_GAPS', data.COVERAGE_GAPS)} data={data.COVERAGE_GAPS} register={register} />
      )}
      {visibility.VIEW_SECTORS && data.VIEW_SECTORS && (
        <ViewSectorsLayer key={keyOf('VIEW_SECTORS', data.VIEW_SECTORS)} data={data.VIEW_SECTORS} register={register} onSelect={onSelect} />
      )}
      {visibility.RENTAL_HOUSES && data.RENTAL_HOUSES && (
        <RentalHousesLayer key={keyOf('RENTAL_HOUSES', data.RENTAL_HOUSES)} data={data.RENTAL_HOUSES} register={register} onSelect={onSelect} />
      )}
      {visibility.CAMERAS && data.CAMERAS && (
        <CamerasLayer key={keyOf('CAMERAS', data.CAMERAS)} data={data.CAMERAS} register={register} onSelect={onSelect} />
      )}
    </>
  );
}
