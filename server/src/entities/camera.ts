import type { Point, Polygon } from 'geojson';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { GeoJSONScalar } from '../scalars/geojson';
import { CameraStatus, CameraType, NetworkOperator, OwnerKind, PoliceAccess } from './enums';

@ObjectType({ description: 'A security camera: a point with a bearing, a field of view and a range.' })
@Entity({ name: 'camera' })
export class Camera {
  @Field(() => Int)
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Field(() => Int)
  @Column({ name: 'district_id', type: 'integer' })
  districtId: number;

  @Field(() => Int, { description: 'Derived by the database from the location.' })
  @Column({ name: 'ward_id', type: 'integer', insert: false, update: false })
  wardId: number;

  @Field(() => Int, { nullable: true, description: 'Derived by the database from the location.' })
  @Column({ name: 'residential_group_id', type: 'integer', nullable: true, insert: false, update: false })
  residentialGroupId: number | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  label: string | null;

  @Field(() => GeoJSONScalar, { description: 'Point' })
  @Column({ type: 'geometry', spatialFeatureType: 'Point', srid: 4326 })
  location: Point;

  @Field(() => Float, { description: 'Centre of the view, degrees clockwise from true north, in [0, 360).' })
  @Column({ type: 'double precision' })
  bearing: number;

  @Field(() => Float, { description: 'Horizontal field of view, degrees in (0, 360].' })
  @Column({ name: 'field_of_view', type: 'double precision' })
  fieldOfView: number;

  @Field(() => Float, { description: 'Useful viewing range, metres.' })
  @Column({ name: 'range_m', type: 'double precision' })
  rangeMeters: number;

  @Field(() => CameraType)
  @Column({ name: 'camera_type', type: 'text' })
  type: CameraType;

  @Field(() => Float, { nullable: true, description: 'Mount height above ground, metres.' })
  @Column({ name: 'mount_height_m', type: 'double precision', nullable: true })
  mountHeightMeters: number | null;

  @Field(() => OwnerKind)
  @Column({ name: 'owner_kind', type: 'text' })
  ownerKind: OwnerKind;

  @Field(() => String, { nullable: true, description: 'Personal data: null for roles that may not see it.' })
  @Column({ name: 'owner_name', type: 'text', nullable: true })
  ownerName: string | null;

  @Field(() => String, { nullable: true, description: 'Personal data: null for roles that may not see it.' })
  @Column({ name: 'owner_phone', type: 'text', nullable: true })
  ownerPhone: string | null;

  @Field(() => Int, { nullable: true, description: 'The rental house this camera is registered to (R2).' })
  @Column({ name: 'rental_house_id', type: 'integer', nullable: true })
  rentalHouseId: number | null;

  @Field(() => NetworkOperator)
  @Column({ name: 'network_operator', type: 'text' })
  networkOperator: NetworkOperator;

  @Field(() => CameraStatus)
  @Column({ type: 'text' })
  status: CameraStatus;

  @Field(() => PoliceAccess)
  @Column({ name: 'police_access', type: 'text' })
  policeAccess: PoliceAccess;

  @Field(() => String, { nullable: true, description: 'Installation date, YYYY-MM-DD.' })
  @Column({ name: 'installed_on', type: 'date', nullable: true })
  installedOn: string | null;

  @Field(() => Date)
  @Column({ name: 'registered_at', type: 'timestamptz', insert: false, update: false })
  registeredAt: Date;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'decommissioned_at', type: 'timestamptz', nullable: true })
  decommissionedAt: Date | null;

  @Field(() => GeoJSONScalar, { description: 'The ground the camera sees: a Polygon computed by PostGIS, in metres on the spheroid.' })
  @Column({ name: 'view_sector', type: 'geometry', spatialFeatureType: 'Polygon', srid: 4326, insert: false, update: false })
  viewSector: Polygon;

  @Field(() => Date)
  @Column({ name: 'updated_at', type: 'timestamptz', insert: false, update: false })
  updatedAt: Date;

  @Field(() => Date, { nullable: true, description: 'The last heartbeat (POST /api/heartbeat); null: the camera is not monitored.' })
  @Column({ name: 'last_heartbeat_at', type: 'timestamptz', nullable: true, insert: false, update: false })
  lastHeartbeatAt: Date | null;
}
