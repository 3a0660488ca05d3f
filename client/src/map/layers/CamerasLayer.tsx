/** Cameras as circle markers: colour by status, size by type, scaled with the zoom. */
import L from 'leaflet';
import type { LayerCollection } from '../../types';
import { cameraStyle } from '../styles';
import type { OverlayProps } from './common';
import { PointFeatureLayer } from './PointFeatureLayer';

interface Props extends OverlayProps {
  data: LayerCollection<'CAMERAS'>;
}

export function CamerasLayer(props: Props) {
  return (
    <PointFeatureLayer
      {...props}
      kind="CAMERAS"
      style={cameraStyle}
      marker={(latlng, style) => L.circleMarker(latlng, style)}
      tooltip={(p, t) =>
        t('map.cameraTooltip', {
          name: p.label || t('details.cameraTitle', { id: p.id }),
          status: t(`enum.CameraStatus.${p.status}`),
        })
      }
      select={(id) => ({ kind: 'camera', id })}
    />
  );
}
