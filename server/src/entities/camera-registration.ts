import type { Point } from 'geojson';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { GeoJSONScalar } from '../scalars/geojson';
import { CameraType, OwnerKind, PoliceAccess } from './enums';

/** Where a self-registration stands in its ward's review. Values are the stored spellings. */
export enum RegistrationState {
  PENDING = 'pending',
  APPROVED = 'approved',
  REJECTED = 'rejected',
}
registerEnumType(RegistrationState, {
  name: 'RegistrationState',
  description: 'PENDING: waiting for the ward (it covers nothing); APPROVED: the ward made it a camera; REJECTED: refused, with a reason.',
});

/**
 * A camera registered by its owner on the public page (R1), and the ward's review of it. The database
 * places it in a ward and group from its location and gives it its reference; a review approves it
 * (creating the camera) or rejects it (with a reason). Nothing here is written through TypeORM: the
 * public submission goes through ww_submit_camera_registration, the review through
 * CameraRegistrationService's statements; the columns are read-only for the ORM.
 */
@ObjectType({ description: 'A camera registered by its owner on the public page (R1), with the ward’s review.' })
@Entity({ name: 'camera_registration' })
export class CameraRegistration {
  @Field(() => Int)
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Field(() => Int)
  @Column({ name: 'district_id', type: 'integer', insert: false, update: false })
  districtId: number;

  @Field(() => Int, { description: 'Derived by the database from the location.' })
  @Column({ name: 'ward_id', type: 'integer', insert: false, update: false })
  wardId: number;

  @Field(() => Int, { nullable: true, description: 'Derived by the database from the location.' })
  @Column({ name: 'residential_group_id', type: 'integer', nullable: true, insert: false, update: false })
  residentialGroupId: number | null;

  @Field(() => String, { description: 'What the owner keeps: 10 characters, letters and digits without 0, O, 1, I.' })
  @Column({ type: 'text', insert: false, update: false })
  reference: string;

  @Field(() => GeoJSONScalar, { description: 'Point' })
  @Column({ type: 'geometry', spatialFeatureType: 'Point', srid: 4326, insert: false, update: false })
  location: Point;

  @Field(() => Float, { description: 'As the owner gave it: degrees clockwise from true north, in [0, 360).' })
  @Column({ type: 'double precision', insert: false, update: false })
  bearing: number;

  @Field(() => Float)
  @Column({ name: 'field_of_view', type: 'double precision', insert: false, update: false })
  fieldOfView: number;

  @Field(() => Float)
  @Column({ name: 'range_m', type: 'double precision', insert: false, update: false })
  rangeMeters: number;

  @Field(() => CameraType)
  @Column({ name: 'camera_type', type: 'text', insert: false, update: false })
  type: CameraType;

  @Field(() => OwnerKind)
  @Column({ name: 'owner_kind', type: 'text', insert: false, update: false })
  ownerKind: OwnerKind;

  @Field(() => String, { nullable: true, description: 'Personal data: null for roles that may not see it.' })
  @Column({ name: 'owner_name', type: 'text', insert: false, update: false })
  ownerName: string;

  @Field(() => String, { nullable: true, description: 'Personal data: null for roles that may not see it.' })
  @Column({ name: 'owner_phone', type: 'text', insert: false, update: false })
  ownerPhone: string;

  @Field(() => String, { nullable: true, description: 'Personal data: null for roles that may not see it (or when not given).' })
  @Column({ name: 'owner_email', type: 'text', nullable: true, insert: false, update: false })
  ownerEmail: string | null;

  @Field(() => String, { nullable: true, description: "The owner's address. Personal data: null for roles that may not see it." })
  @Column({ type: 'text', insert: false, update: false })
  address: string;

  @Field(() => PoliceAccess, { description: "The owner's consent to police access to the footage." })
  @Column({ name: 'police_access', type: 'text', insert: false, update: false })
  policeAccess: PoliceAccess;

  @Field(() => RegistrationState)
  @Column({ type: 'text', insert: false, update: false })
  state: RegistrationState;

  @Field(() => Date)
  @Column({ name: 'submitted_at', type: 'timestamptz', insert: false, update: false })
  submittedAt: Date;

  @Field(() => Date, { nullable: true, description: 'When it was approved or rejected.' })
  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true, insert: false, update: false })
  reviewedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'The username of who approved or rejected it.' })
  @Column({ name: 'reviewed_by', type: 'text', nullable: true, insert: false, update: false })
  reviewedBy: string | null;

  @Field(() => String, { nullable: true, description: 'The reason of a rejection, or a note with an approval (the owner sees it).' })
  @Column({ name: 'review_note', type: 'text', nullable: true, insert: false, update: false })
  reviewNote: string | null;

  @Field(() => Int, { nullable: true, description: 'The camera the approval created.' })
  @Column({ name: 'camera_id', type: 'integer', nullable: true, insert: false, update: false })
  cameraId: number | null;

  @Field(() => Date)
  @Column({ name: 'updated_at', type: 'timestamptz', insert: false, update: false })
  updatedAt: Date;
}
