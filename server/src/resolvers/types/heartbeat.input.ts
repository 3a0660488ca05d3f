import { IsOptional, MaxLength } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { HEARTBEAT_LIMITS as L } from '../../services/heartbeat.service';

@InputType({ description: 'A heartbeat token for one camera, or (ADMIN) for a network operator: give exactly one of cameraId and operatorId.' })
export class IssueHeartbeatTokenInput {
  @Field(() => Int, { nullable: true, description: 'A camera in your scope, not decommissioned: the token heartbeats it alone.' })
  @IsOptional()
  cameraId?: number;

  @Field(() => Int, { nullable: true, description: "A network operator (ADMIN only): the token heartbeats every camera connected through it." })
  @IsOptional()
  operatorId?: number;

  @Field(() => String, { description: `What holds the token (a camera, a gateway), 1 to ${L.label} characters.` })
  @MaxLength(L.label)
  label: string;
}
