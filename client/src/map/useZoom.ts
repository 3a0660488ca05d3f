import { useState } from 'react';
import { useMap, useMapEvents } from 'react-leaflet';

/** The map's current zoom level, updated after every zoom. */
export function useZoom(): number {
  const map = useMap();
  const [zoom, setZoom] = useState(() => map.getZoom() ?? 15);
  useMapEvents({ zoomend: () => setZoom(map.getZoom()) });
  return zoom;
}
