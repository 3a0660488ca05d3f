import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { CivilServantCheckResult } from './enums';

/** The ward's check of a civil servant's home camera (append-only). */
@ObjectType({ description: "A ward's check of a civil servant's home camera; append-only." })
@Entity({ name: 'civil_servant_check' })
export class CivilServantCheck {
  @Field(() => Int)
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ name: 'district_id', type: 'integer', insert: false, update: false })
  districtId: number;

  @Column({ name: 'ward_id', type: 'integer', insert: false, update: false })
  wardId: number;

  @Field(() => Int)
  @Column({ name: 'civil_servant_id', type: 'integer' })
  civilServantId: number;

  @Field(() => Int, { nullable: true, description: "The servant's home camera when checked (null: none was linked)." })
  /** Set by the database (the servant's current camera); the app role may not write it. */
  @Column({ name: 'camera_id', type: 'integer', nullable: true, insert: false, update: false })
  cameraId: number | null;

  @Field(() => CivilServantCheckResult)
  @Column({ type: 'text' })
  result: CivilServantCheckResult;

  @Field(() => Date)
  @Column({ name: 'checked_at', type: 'timestamptz' })
  checkedAt: Date;

  @Field(() => String, { description: 'Who checked (an official of the ward).' })
  @Column({ name: 'checked_by', type: 'text' })
  checkedBy: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Field(() => String, { nullable: true, description: 'The user who recorded the check.' })
  @Column({ type: 'text', nullable: true, insert: false, update: false })
  username: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false })
  createdAt: Date;
}
