import { Field, Int, ObjectType } from 'type-graphql';
import { HeartbeatToken } from '../../entities/heartbeat-token';

@ObjectType({ description: 'A heartbeat token just issued: the token itself is shown this once and never again.' })
export class IssuedHeartbeatToken {
  @Field(() => String, { description: 'Send it as "Authorization: Bearer <token>" with POST /api/heartbeat. Only its SHA-256 is kept.' })
  token: string;

  @Field(() => HeartbeatToken)
  heartbeatToken: HeartbeatToken;
}

@ObjectType({ description: 'Camera health figures of a ward or of the district (R10). Decommissioned cameras are not counted.' })
export class CameraHealthFigures {
  @Field(() => Int, { description: 'Cameras (not decommissioned).' }) cameras: number;
  @Field(() => Int, { description: 'Cameras with a heartbeat on record: their status follows their heartbeats.' }) monitored: number;
  @Field(() => Int, { description: 'Monitored ACTIVE cameras heard from within half the timeout.' }) online: number;
  @Field(() => Int, { description: 'Monitored ACTIVE cameras silent for more than half the timeout: OFFLINE soon unless they report.' }) stale: number;
  @Field(() => Int, { description: 'Monitored cameras that are OFFLINE.' }) offline: number;
  @Field(() => Int, { description: 'Monitored cameras in MAINTENANCE.' }) maintenance: number;
  @Field(() => Date, { nullable: true, description: 'The latest heartbeat of any of these cameras.' }) lastHeartbeatAt: Date | null;
}

@ObjectType({ description: "A ward's camera health." })
export class WardCameraHealth {
  @Field(() => Int) wardId: number;
  @Field(() => CameraHealthFigures) figures: CameraHealthFigures;
}

@ObjectType({ description: 'Camera health per ward and in total (a ward user: their ward), computed from the cameras now.' })
export class CameraHealth {
  @Field(() => Date) asOf: Date;
  @Field(() => Int, { description: 'A monitored camera silent for this many seconds goes OFFLINE.' }) timeoutSeconds: number;
  @Field(() => Int, { nullable: true, description: 'The ward asked for (null: every ward in scope).' }) wardId: number | null;
  @Field(() => [WardCameraHealth]) wards: WardCameraHealth[];
  @Field(() => CameraHealthFigures) total: CameraHealthFigures;
}
