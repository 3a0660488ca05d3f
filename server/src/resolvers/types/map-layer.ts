import { registerEnumType } from 'type-graphql';

export enum MapLayer {
  WARDS = 'wards',
  RESIDENTIAL_GROUPS = 'residential_groups',
  CAMERAS = 'cameras',
  VIEW_SECTORS = 'view_sectors',
  RENTAL_HOUSES = 'rental_houses',
  COVERAGE_GAPS = 'coverage_gaps',
}

registerEnumType(MapLayer, { name: 'MapLayer', description: 'A map layer served as one GeoJSON FeatureCollection.' });
