import type { ScopedDb } from './scoped-db';
import { scopeSql } from './scope';
import { assertWardInScope } from './ward.service';

/** The map layers served as GeoJSON FeatureCollections. */
export type LayerKind = 'wards' | 'residential_groups' | 'cameras' | 'view_sectors' | 'rental_houses' | 'coverage_gaps';

// One SELECT per layer: `id`, `geom` and a `props` JSON object, filtered by $1 district and the
// optional $2 ward (the ward asked for, or the user's own: a chair's layers hold only their ward). Enum values are upper-cased to match the GraphQL enum spelling.
const LAYER_SQL: Record<LayerKind, string> = {
  wards: `
    SELECT w.id, w.boundary AS geom, json_build_object(
      'id', w.id, 'code', w.code, 'name', w.name, 'chairName', w.chair_name,
      'cameraCount', (SELECT count(*) FROM camera c WHERE c.ward_id = w.id AND c.status <> 'decommissioned')) AS props
    FROM ward w WHERE ${scopeSql('w', '$1', '$2', 'id')}`,
  residential_groups: `
    SELECT g.id, g.boundary AS geom, json_build_object(
      'id', g.id, 'code', g.code, 'name', g.name, 'households', g.households, 'wardId', g.ward_id,
      'coveredPercent', rc.covered_percent, 'gapAreaM2', rc.gap_area_m2, 'areaM2', rc.area_m2,
      'activeCameraCount', rc.active_camera_count) AS props
    FROM residential_group g LEFT JOIN residential_group_coverage rc ON rc.residential_group_id = g.id
    WHERE ${scopeSql('g', '$1', '$2')}`,
  cameras: `
    SELECT c.id, c.location AS geom, json_build_object(
      'id', c.id, 'label', c.label, 'type', upper(c.camera_type), 'status', upper(c.status),
      'ownerKind', upper(c.owner_kind), 'bearing', c.bearing, 'fieldOfView', c.field_of_view,
      'rangeMeters', c.range_m, 'networkOperator', upper(c.network_operator),
      'policeAccess', upper(c.police_access), 'wardId', c.ward_id,
      'residentialGroupId', c.residential_group_id, 'rentalHouseId', c.rental_house_id) AS props
    FROM camera c WHERE ${scopeSql('c', '$1', '$2')} AND c.status <> 'decommissioned'`,
  view_sectors: `
    SELECT c.id, c.view_sector AS geom, json_build_object(
      'id', c.id, 'type', upper(c.camera_type), 'status', upper(c.status), 'wardId', c.ward_id) AS props
    FROM camera c WHERE ${scopeSql('c', '$1', '$2')} AND c.status <> 'decommissioned'`,
  rental_houses: `
    SELECT h.id, h.location AS geom, json_build_object(
      'id', h.id, 'address', h.address, 'rooms', h.rooms, 'wardId', h.ward_id,
      'residentialGroupId', h.residential_group_id,
      'hasActiveCamera', ww_has_active_camera(h.id)) AS props
    FROM rental_house h WHERE ${scopeSql('h', '$1', '$2')}`,
  // The part of each residential group no active camera sees (groups fully covered are left out).
  coverage_gaps: `
    SELECT g.id, rc.gap AS geom, json_build_object(
      'id', g.id, 'code', g.code, 'name', g.name, 'wardId', g.ward_id, 'coveredPercent', rc.covered_percent,
      'gapAreaM2', rc.gap_area_m2, 'activeCameraCount', rc.active_camera_count) AS props
    FROM residential_group g JOIN residential_group_coverage rc ON rc.residential_group_id = g.id
    WHERE ${scopeSql('g', '$1', '$2')} AND NOT ST_IsEmpty(rc.gap)`,
};

export class LayerService {
  constructor(private readonly db: ScopedDb) {}

  /**
   * A whole layer of the district, or of one ward, as one GeoJSON FeatureCollection built by
   * PostGIS (coordinates to 7 decimals, about 1 cm). Decommissioned cameras are not drawn.
   */
  async featureCollection(kind: LayerKind, wardId: number | null): Promise<unknown> {
    if (wardId != null) await assertWardInScope(this.db, this.db.scope, wardId);
    const { districtId, wardId: own } = this.db.scope;
    const [row] = await this.db.query(
      `SELECT json_build_object(
                'type', 'FeatureCollection',
                'features', coalesce(json_agg(json_build_object(
                  'type', 'Feature', 'id', t.id,
                  'geometry', ST_AsGeoJSON(t.geom, 7)::json,
                  'properties', t.props) ORDER BY t.id), '[]'::json)) AS fc
         FROM (${LAYER_SQL[kind]}) t`,
      [districtId, wardId ?? own],
    );
    return row.fc;
  }
}
