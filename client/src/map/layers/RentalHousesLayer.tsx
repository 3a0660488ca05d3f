/** Rental houses: green squares with an active camera, orange diamonds without one (R2, R5). */
import type { LayerCollection } from '../../types';
import { ShapeMarker } from '../shapeMarker';
import { rentalHouseStyle } from '../styles';
import type { OverlayProps } from './common';
import { PointFeatureLayer } from './PointFeatureLayer';

interface Props extends OverlayProps {
  data: LayerCollection<'RENTAL_HOUSES'>;
}

export function RentalHousesLayer(props: Props) {
  return (
    <PointFeatureLayer
      {...props}
      kind="RENTAL_HOUSES"
      style={rentalHouseStyle}
      marker={(latlng, style) => new ShapeMarker(latlng, style)}
      tooltip={(p, t) =>
        t('map.houseTooltip', {
          address: p.address,
          state: t(p.hasActiveCamera ? 'details.houseCovered' : 'details.houseUncovered'),
        })
      }
      select={(id) => ({ kind: 'rentalHouse', id })}
    />
  );
}
