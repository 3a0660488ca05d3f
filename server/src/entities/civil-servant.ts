import type { Point } from 'geojson';
import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A civil servant of the district (R4, R6), placed in the ward they live in by their home location
 * (the database derives ward and residential group). Their home camera is verified by the ward's
 * checks: `verifiedSince` is kept by the database from them.
 */
@ObjectType({ description: 'A civil servant of a district unit, living in a ward; R4/R6: a camera at home, checked by the ward.' })
@Entity({ name: 'civil_servant' })
export class CivilServant {
  @Field(() => Int)
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Field(() => Int)
  @Column({ name: 'district_id', type: 'integer' })
  districtId: number;

  @Field(() => Int)
  @Column({ name: 'unit_id', type: 'integer' })
  unitId: number;

  @Field(() => Int, { description: 'The ward they live in, derived by the database from the home location.' })
  @Column({ name: 'ward_id', type: 'integer', insert: false, update: false })
  wardId: number;

  @Field(() => Int, { nullable: true, description: 'Derived by the database from the home location.' })
  @Column({ name: 'residential_group_id', type: 'integer', nullable: true, insert: false, update: false })
  residentialGroupId: number | null;

  @Field(() => String)
  @Column({ name: 'full_name', type: 'text' })
  fullName: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  position: string | null;

  @Field(() => String, { nullable: true, description: 'Personal data: null for roles that may not see it.' })
  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Field(() => String, { nullable: true, description: 'Personal data: null for roles that may not see it.' })
  @Column({ name: 'home_address', type: 'text' })
  homeAddress: string;

  /** The home: personal data, exposed only as `longitude` and `latitude` (personal fields). */
  @Column({ type: 'geometry', spatialFeatureType: 'Point', srid: 4326 })
  location: Point;

  @Field(() => Int, { nullable: true, description: 'The home camera (owner kind CIVIL_SERVANT), if linked.' })
  @Column({ name: 'camera_id', type: 'integer', nullable: true })
  cameraId: number | null;

  @Field(() => Date, {
    nullable: true,
    description: 'Start of the latest unbroken run of WORKING checks of the current home camera (kept by the database); null: not verified.',
  })
  @Column({ name: 'verified_since', type: 'timestamptz', nullable: true, insert: false, update: false })
  verifiedSince: Date | null;

  @Field(() => Date)
  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false })
  createdAt: Date;

  @Field(() => Date)
  @Column({ name: 'updated_at', type: 'timestamptz', insert: false, update: false })
  updatedAt: Date;
}
