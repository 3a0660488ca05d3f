import { ipKeyGenerator } from 'express-rate-limit';
import { Arg, Args, Ctx, FieldResolver, Float, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { Camera, Ward } from '../entities';
import { CameraRegistration, RegistrationState } from '../entities/camera-registration';
import type { Requester } from '../services/camera-registration.service';
import { PageArgsType } from './camera.resolver';
import { CameraRegistrationConnection, CameraRegistrationReceipt, CameraRegistrationStatus, RegistrationArea } from './types/camera-registration';
import { ApproveCameraRegistrationInput, SubmitCameraRegistrationInput } from './types/camera-registration.input';

/** The rate limit's key: the client's address (behind WARDWATCH_TRUST_PROXY's proxies), or the signed-in user. */
function requester(ctx: Context): Requester {
  const key = ctx.viewer ? `user:${ctx.viewer.userId}` : `ip:${ipKeyGenerator(ctx.req.ip ?? 'unknown')}`;
  return { key, config: ctx.config };
}

@Resolver(() => CameraRegistration)
export class CameraRegistrationResolver {
  @Mutation(() => CameraRegistrationReceipt, {
    description:
      'Public (no login): an owner registers their camera (R1). It waits in its ward’s review queue as PENDING and covers nothing ' +
      'until the ward approves it. Rate-limited per address and in all (TOO_MANY_REQUESTS with retryAfterSeconds).',
  })
  submitCameraRegistration(
    @Arg('input', () => SubmitCameraRegistrationInput) input: SubmitCameraRegistrationInput,
    @Ctx() ctx: Context,
  ): Promise<CameraRegistrationReceipt> {
    return ctx.services.cameraRegistration.submit(input, requester(ctx));
  }

  @Query(() => CameraRegistrationStatus, {
    nullable: true,
    description: 'Public (no login): where a registration stands, given its reference and the phone number it was registered with; null when they do not match one.',
  })
  cameraRegistrationStatus(
    @Arg('reference', () => String) reference: string,
    @Arg('phone', () => String) phone: string,
    @Ctx() ctx: Context,
  ): Promise<CameraRegistrationStatus | null> {
    return ctx.services.cameraRegistration.status(reference, phone, requester(ctx));
  }

  @Query(() => RegistrationArea, { description: 'Public (no login): the wards’ names and outlines, for the registration page’s map.' })
  registrationArea(@Ctx() ctx: Context): Promise<RegistrationArea> {
    return ctx.services.cameraRegistration.area();
  }

  @Query(() => CameraRegistrationConnection, { description: 'The review queue: self-registrations in your scope (a ward chair: their ward), oldest first.' })
  cameraRegistrations(
    @Arg('state', () => RegistrationState, { nullable: true }) state: RegistrationState | undefined,
    @Arg('wardId', () => Int, { nullable: true }) wardId: number | undefined,
    @Args(() => PageArgsType) page: PageArgsType,
    @Ctx() ctx: Context,
  ): Promise<CameraRegistrationConnection> {
    return ctx.services.cameraRegistration.list(state, wardId, page);
  }

  @Mutation(() => CameraRegistration, {
    description: 'PENDING -> APPROVED: creates the ACTIVE camera from the registration (optionally with a corrected bearing); it covers from now on.',
  })
  approveCameraRegistration(
    @Arg('id', () => Int) id: number,
    @Arg('input', () => ApproveCameraRegistrationInput, { nullable: true }) input: ApproveCameraRegistrationInput | undefined,
    @Ctx() ctx: Context,
  ): Promise<CameraRegistration> {
    return ctx.services.cameraRegistration.approve(id, input);
  }

  @Mutation(() => CameraRegistration, { description: 'PENDING -> REJECTED, with the reason its owner will read (3 to 1000 characters).' })
  rejectCameraRegistration(
    @Arg('id', () => Int) id: number,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: Context,
  ): Promise<CameraRegistration> {
    return ctx.services.cameraRegistration.reject(id, reason);
  }

  @FieldResolver(() => Float, { description: 'Degrees, WGS 84.' })
  longitude(@Root() r: CameraRegistration): number {
    return r.location.coordinates[0]!;
  }

  @FieldResolver(() => Float, { description: 'Degrees, WGS 84.' })
  latitude(@Root() r: CameraRegistration): number {
    return r.location.coordinates[1]!;
  }

  @FieldResolver(() => Ward)
  ward(@Root() r: CameraRegistration, @Ctx() ctx: Context): Promise<Ward> {
    return ctx.loaders.ward.load(r.wardId);
  }

  @FieldResolver(() => Camera, { nullable: true, description: 'The camera the approval created.' })
  async camera(@Root() r: CameraRegistration, @Ctx() ctx: Context): Promise<Camera | null> {
    return r.cameraId == null ? null : ctx.loaders.registrationCamera.load(r.cameraId);
  }
}
