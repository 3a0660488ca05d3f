import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Int, Resolver, Root, Subscription } from 'type-graphql';
import { authorize } from '../auth-checker';
import type { Context } from '../context';
import { AppError, BadUserInputError, ErrorCode, NotFoundError, UnauthenticatedError } from '../errors';
import type { CameraStatusChangeEvent } from '../live/live-events';
import type { SubscriptionContext } from '../live/ws';
import { CameraStatusChange } from './types/live';

interface CameraStatusArgs {
  wardId?: number | null;
}

/**
 * Starts a cameraStatusChanged subscription. type-graphql runs the global middlewares (the access
 * policy, auth-checker.ts) on each event's resolver but not here, where the subscription starts:
 * the same check runs here first, so a refused role gets its FORBIDDEN (or UNAUTHENTICATED) before
 * anything is set up. Then the scope: the viewer's district, and a ward user's own ward only (another
 * ward answers NOT_FOUND, as a query for it does).
 */
async function subscribeCameraStatus({ args, context, info }: { args: CameraStatusArgs; context: SubscriptionContext; info: GraphQLResolveInfo }) {
  await authorize({ root: undefined, args, context: context as unknown as Context, info }, async () => undefined);
  const viewer = context.viewer;
  if (!viewer) throw new UnauthenticatedError();
  const wardId = args.wardId ?? null;
  if (wardId !== null && (!Number.isInteger(wardId) || wardId < 1)) throw new BadUserInputError('wardId', 'must be a ward id');
  if (wardId !== null) {
    const visible = viewer.wardId != null ? wardId === viewer.wardId : await context.live.wardVisible(viewer, wardId);
    if (!visible) throw new NotFoundError('Ward', wardId, 'wardId');
  }
  return context.live.events.subscribe({ districtId: viewer.districtId, wardId: viewer.wardId ?? wardId });
}

@Resolver()
export class LiveResolver {
  @Subscription(() => CameraStatusChange, {
    description:
      "Camera status changes as they happen (a heartbeat, a timeout, an edit, maintenance, a registration), within a few seconds: the viewer's " +
      "district, or one ward of it (a ward user: their own ward only). Served over WebSocket at /graphql (graphql-ws protocol).",
    subscribe: ({ args, context, info }) => subscribeCameraStatus({ args, context, info }),
  })
  cameraStatusChanged(
    @Root() change: CameraStatusChangeEvent,
    // Read where the subscription starts (above); declared here for the schema.
    @Arg('wardId', () => Int, { nullable: true, description: 'Only this ward; omitted: every ward the viewer sees.' }) _wardId?: number,
  ): CameraStatusChange {
    // Without an event this is not a delivery: someone POSTed the subscription, which graphql-js would run as a query.
    if (!change) throw new AppError('Subscriptions are served over WebSocket at /graphql (graphql-ws protocol), not over POST', 'BAD_REQUEST' as ErrorCode);
    return change;
  }
}
