import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CameraStatus } from './enums';

/** Why a camera's status changed (db/migrations/1764835300000-camera-health.ts: camera_status_event.reason). */
export enum CameraStatusReason {
  HEARTBEAT = 'heartbeat',
  TIMEOUT = 'timeout',
  EDIT = 'edit',
  REGISTRATION = 'registration',
  MAINTENANCE = 'maintenance',
  SEED = 'seed',
}
registerEnumType(CameraStatusReason, {
  name: 'CameraStatusReason',
  description:
    'HEARTBEAT: a heartbeat brought an OFFLINE camera back; TIMEOUT: no heartbeat for the configured time; EDIT: a user changed it; ' +
    'REGISTRATION: an approved self-registration; MAINTENANCE: a maintenance ticket started or resolved; SEED: the demo data.',
});

const bigint = { from: (v: string | null) => (v == null ? v : Number(v)), to: (v: number) => v };

/** One change of a camera's status, written by the database whoever made it. Append-only. */
@ObjectType({ description: "A change of a camera's status (its status history)." })
@Entity({ name: 'camera_status_event' })
export class CameraStatusEvent {
  @Field(() => Float, { description: 'Increases with every change.' })
  @PrimaryColumn({ type: 'bigint', transformer: bigint, insert: false, update: false })
  id: number;

  @Column({ name: 'district_id', type: 'integer', insert: false, update: false })
  districtId: number;

  @Column({ name: 'ward_id', type: 'integer', insert: false, update: false })
  wardId: number;

  @Field(() => Int)
  @Column({ name: 'camera_id', type: 'integer', insert: false, update: false })
  cameraId: number;

  @Field(() => CameraStatus)
  @Column({ type: 'text', insert: false, update: false })
  status: CameraStatus;

  @Field(() => CameraStatus, { nullable: true, description: 'null: the camera was just registered.' })
  @Column({ name: 'previous_status', type: 'text', nullable: true, insert: false, update: false })
  previousStatus: CameraStatus | null;

  @Field(() => CameraStatusReason)
  @Column({ type: 'text', insert: false, update: false })
  reason: CameraStatusReason;

  @Field(() => String, { nullable: true, description: 'The user who made the change (null: a heartbeat, the timeout, the database).' })
  @Column({ type: 'text', nullable: true, insert: false, update: false })
  username: string | null;

  @Field(() => Date)
  @Column({ type: 'timestamptz', insert: false, update: false })
  at: Date;
}
