import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A token a camera (or a network operator's gateway, for the cameras connected through it) sends its
 * heartbeats with (POST /api/heartbeat). Only the token's SHA-256 is stored, and never leaves the
 * database: the token itself is shown once, when it is issued.
 */
@ObjectType({ description: "A camera's or a network operator's heartbeat token (the token itself is shown only when issued)." })
@Entity({ name: 'heartbeat_token' })
export class HeartbeatToken {
  @Field(() => Int)
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ name: 'district_id', type: 'integer', insert: false, update: false })
  districtId: number;

  @Field(() => Int, { nullable: true, description: "The camera's ward (null: an operator's token)." })
  @Column({ name: 'ward_id', type: 'integer', nullable: true, insert: false, update: false })
  wardId: number | null;

  @Field(() => Int, { nullable: true, description: 'The camera it heartbeats (null: an operator token).' })
  @Column({ name: 'camera_id', type: 'integer', nullable: true, insert: false, update: false })
  cameraId: number | null;

  @Field(() => Int, { nullable: true, description: 'The network operator whose connected cameras it heartbeats (null: a camera token).' })
  @Column({ name: 'operator_id', type: 'integer', nullable: true, insert: false, update: false })
  operatorId: number | null;

  @Field(() => String)
  @Column({ type: 'text', insert: false })
  label: string;

  @Field(() => Date)
  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false })
  createdAt: Date;

  @Field(() => String, { nullable: true, description: 'Who issued it.' })
  @Column({ name: 'created_by', type: 'text', nullable: true, insert: false, update: false })
  createdBy: string | null;

  @Field(() => Date, { nullable: true, description: 'Its last heartbeat.' })
  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true, insert: false, update: false })
  lastUsedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was revoked (null: in use). A revoked token is refused for good.' })
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true, insert: false, update: false })
  revokedAt: Date | null;
}
