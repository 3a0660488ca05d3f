import { Field, Float, Int, ObjectType } from 'type-graphql';
import { CameraStatusReason } from '../../entities/camera-status-event';
import { CameraStatus } from '../../entities/enums';

/**
 * One change of a camera's status, as Subscription.cameraStatusChanged delivers it: scalars only
 * (a subscription's events resolve without a database transaction, so nothing here may load more).
 */
@ObjectType({ description: "A camera's status changed (a row of its status history, delivered live)." })
export class CameraStatusChange {
  @Field(() => Float, { description: 'The status event id: increases with every change; a client may ignore ids it has seen.' })
  eventId: number;

  @Field(() => Int)
  cameraId: number;

  @Field(() => Int, { description: "The camera's ward." })
  wardId: number;

  @Field(() => CameraStatus)
  status: CameraStatus;

  @Field(() => CameraStatus, { nullable: true, description: 'null: the camera was just registered.' })
  previousStatus: CameraStatus | null;

  @Field(() => CameraStatusReason)
  reason: CameraStatusReason;

  @Field(() => Date, { description: 'When the status changed.' })
  at: Date;

  @Field(() => Date, { nullable: true, description: 'The camera\'s last heartbeat (null: not monitored).' })
  lastHeartbeatAt: Date | null;
}
