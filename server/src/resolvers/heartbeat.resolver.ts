import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { Camera, Ward } from '../entities';
import { CameraStatusEvent } from '../entities/camera-status-event';
import { HeartbeatToken } from '../entities/heartbeat-token';
import { HEARTBEAT_LIMITS } from '../services/heartbeat.service';
import { CameraHealth, IssuedHeartbeatToken, WardCameraHealth } from './types/heartbeat';
import { IssueHeartbeatTokenInput } from './types/heartbeat.input';

/** Camera health (R10): heartbeat tokens, the health figures, and the heartbeat fields of Camera. */
@Resolver(() => Camera)
export class HeartbeatResolver {
  @Query(() => [HeartbeatToken], {
    description:
      "Heartbeat tokens, newest first: a camera's, a network operator's (ADMIN), or all you manage (a ward chair: their ward's cameras'). " +
      'The tokens themselves are never shown again after issuing.',
  })
  heartbeatTokens(
    @Arg('cameraId', () => Int, { nullable: true }) cameraId: number | undefined,
    @Arg('operatorId', () => Int, { nullable: true }) operatorId: number | undefined,
    @Arg('first', () => Int, { defaultValue: 100, description: `1 to ${HEARTBEAT_LIMITS.tokens}.` }) first: number,
    @Ctx() ctx: Context,
  ): Promise<HeartbeatToken[]> {
    return ctx.services.heartbeat.tokens({ cameraId, operatorId }, first);
  }

  @Mutation(() => IssuedHeartbeatToken, {
    description: "Issues a heartbeat token for a camera (or, ADMIN, a network operator's gateway); the token is in the answer, this once.",
  })
  issueHeartbeatToken(@Arg('input', () => IssueHeartbeatTokenInput) input: IssueHeartbeatTokenInput, @Ctx() ctx: Context): Promise<IssuedHeartbeatToken> {
    return ctx.services.heartbeat.issue(input);
  }

  @Mutation(() => HeartbeatToken, { description: 'Revokes a heartbeat token for good: its heartbeats are refused (401) from now on.' })
  revokeHeartbeatToken(@Arg('id', () => Int) id: number, @Ctx() ctx: Context): Promise<HeartbeatToken> {
    return ctx.services.heartbeat.revoke(id);
  }

  @Query(() => CameraHealth, {
    description:
      'Camera health per ward (a ward user: their ward; another ward is NOT_FOUND) and in total: monitored, online, stale, offline, ' +
      'in maintenance, and the last heartbeat.',
  })
  cameraHealth(@Arg('wardId', () => Int, { nullable: true }) wardId: number | undefined, @Ctx() ctx: Context): Promise<CameraHealth> {
    return ctx.services.heartbeat.health(wardId ?? null, ctx.config.heartbeatTimeoutSeconds);
  }

  @FieldResolver(() => Boolean, { description: 'Whether the camera reports heartbeats (it has one on record): then its status follows them.' })
  monitored(@Root() c: Camera): boolean {
    return c.lastHeartbeatAt != null;
  }

  @FieldResolver(() => [CameraStatusEvent], { description: `The camera's last ${HEARTBEAT_LIMITS.history} status changes, newest first.` })
  statusHistory(@Root() c: Camera, @Ctx() ctx: Context): Promise<CameraStatusEvent[]> {
    return ctx.loaders.cameraStatusHistory.load(c.id);
  }
}

@Resolver(() => WardCameraHealth)
export class WardCameraHealthResolver {
  @FieldResolver(() => Ward)
  ward(@Root() w: WardCameraHealth, @Ctx() ctx: Context): Promise<Ward> {
    return ctx.loaders.ward.load(w.wardId);
  }
}
