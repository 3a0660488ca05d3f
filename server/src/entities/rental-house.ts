import type { Point } from 'geojson';
import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { GeoJSONScalar } from '../scalars/geojson';
import { ComplianceStatus } from './enums';

@ObjectType({ description: 'A rental-room house (nhà cho thuê trọ). R2: every one must have a camera.' })
@Entity({ name: 'rental_house' })
export class RentalHouse {
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

  @Field(() => String)
  @Column({ type: 'text' })
  address: string;

  @Field(() => String, { nullable: true, description: 'Personal data: null for roles that may not see it.' })
  @Column({ name: 'owner_name', type: 'text' })
  ownerName: string;

  @Field(() => String, { nullable: true, description: 'Personal data: null for roles that may not see it.' })
  @Column({ name: 'owner_phone', type: 'text', nullable: true })
  ownerPhone: string | null;

  @Field(() => Int)
  @Column({ type: 'integer' })
  rooms: number;

  @Field(() => GeoJSONScalar, { description: 'Point' })
  @Column({ type: 'geometry', spatialFeatureType: 'Point', srid: 4326 })
  location: Point;

  @Field(() => Date)
  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false })
  createdAt: Date;

  @Field(() => Date)
  @Column({ name: 'updated_at', type: 'timestamptz', insert: false, update: false })
  updatedAt: Date;

  @Field(() => ComplianceStatus, { description: 'The latest step of its status history (R2), kept by the database.' })
  @Column({ name: 'compliance_status', type: 'text', insert: false, update: false })
  complianceStatus: ComplianceStatus;

  @Field(() => Date, { description: 'When the compliance status last changed.' })
  @Column({ name: 'status_changed_at', type: 'timestamptz', insert: false, update: false })
  statusChangedAt: Date;
}
