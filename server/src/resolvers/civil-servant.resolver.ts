import { Arg, Args, Ctx, FieldResolver, Float, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { Camera, CivilServant, CivilServantCheck, Unit, Ward } from '../entities';
import { CameraStatus } from '../entities/enums';
import { PageArgsType } from './camera.resolver';
import {
  CivilServantFilterInput,
  RecordCivilServantCheckInput,
  RegisterCivilServantInput,
  UpdateCivilServantInput,
} from './types/civil-servant.input';
import { CivilServantConnection } from './types/connections';

@Resolver(() => CivilServant)
export class CivilServantResolver {
  @Query(() => CivilServant, { description: 'One civil servant; NOT_FOUND if there is none with this id (or they live in another ward than yours).' })
  civilServant(@Arg('id', () => Int) id: number, @Ctx() ctx: Context): Promise<CivilServant> {
    return ctx.services.civilServant.get(id);
  }

  @Query(() => CivilServantConnection, { description: 'Civil servants matching a filter, by id; a ward chair: those living in their ward.' })
  civilServants(
    @Arg('filter', () => CivilServantFilterInput, { nullable: true }) filter: CivilServantFilterInput | undefined,
    @Args(() => PageArgsType) page: PageArgsType,
    @Ctx() ctx: Context,
  ): Promise<CivilServantConnection> {
    return ctx.services.civilServant.list(filter, page);
  }

  @Mutation(() => CivilServant, { description: 'Registers a civil servant; their ward and group follow from the home location.' })
  registerCivilServant(@Arg('input', () => RegisterCivilServantInput) input: RegisterCivilServantInput, @Ctx() ctx: Context): Promise<CivilServant> {
    return ctx.services.civilServant.register(input);
  }

  @Mutation(() => CivilServant)
  updateCivilServant(
    @Arg('id', () => Int) id: number,
    @Arg('input', () => UpdateCivilServantInput) input: UpdateCivilServantInput,
    @Ctx() ctx: Context,
  ): Promise<CivilServant> {
    return ctx.services.civilServant.update(id, input);
  }

  @Mutation(() => CivilServant, {
    description:
      "Links a home camera (null unlinks): in your scope, owner kind CIVIL_SERVANT, not decommissioned, in the home's ward, " +
      "within 150 m of the home, not another servant's. A new camera needs its own WORKING check.",
  })
  linkHomeCamera(
    @Arg('civilServantId', () => Int) civilServantId: number,
    @Arg('cameraId', () => Int, { nullable: true }) cameraId: number | null | undefined,
    @Ctx() ctx: Context,
  ): Promise<CivilServant> {
    return ctx.services.civilServant.linkHomeCamera(civilServantId, cameraId);
  }

  @Mutation(() => CivilServant, { description: "Records the ward's check of a civil servant's home camera." })
  recordCivilServantCheck(@Arg('input', () => RecordCivilServantCheckInput) input: RecordCivilServantCheckInput, @Ctx() ctx: Context): Promise<CivilServant> {
    return ctx.services.civilServant.recordCheck(input);
  }

  @FieldResolver(() => Unit)
  unit(@Root() s: CivilServant, @Ctx() ctx: Context): Promise<Unit> {
    return ctx.loaders.unit.load(s.unitId);
  }

  @FieldResolver(() => Ward, { description: 'The ward they live in.' })
  ward(@Root() s: CivilServant, @Ctx() ctx: Context): Promise<Ward> {
    return ctx.loaders.ward.load(s.wardId);
  }

  @FieldResolver(() => Float, { nullable: true, description: 'Of the home, degrees, WGS 84. Personal data: null for roles that may not see it.' })
  longitude(@Root() s: CivilServant): number {
    return s.location.coordinates[0];
  }

  @FieldResolver(() => Float, { nullable: true, description: 'Of the home, degrees, WGS 84. Personal data: null for roles that may not see it.' })
  latitude(@Root() s: CivilServant): number {
    return s.location.coordinates[1];
  }

  @FieldResolver(() => Camera, { nullable: true, description: 'The home camera, if linked.' })
  async camera(@Root() s: CivilServant, @Ctx() ctx: Context): Promise<Camera | null> {
    return s.cameraId == null ? null : ctx.loaders.homeCamera.load(s.cameraId);
  }

  @FieldResolver(() => Boolean, { description: 'verifiedSince is set and the home camera is ACTIVE (R4, R6).' })
  async hasVerifiedCamera(@Root() s: CivilServant, @Ctx() ctx: Context): Promise<boolean> {
    if (s.verifiedSince == null || s.cameraId == null) return false;
    return (await ctx.loaders.homeCamera.load(s.cameraId))?.status === CameraStatus.ACTIVE;
  }

  @FieldResolver(() => [CivilServantCheck], { description: "The ward's checks of the home camera, newest first." })
  checks(@Root() s: CivilServant, @Ctx() ctx: Context): Promise<CivilServantCheck[]> {
    return ctx.loaders.civilServantChecks.load(s.id);
  }

  @FieldResolver(() => CivilServantCheck, { nullable: true, description: 'The latest check (by checkedAt), or null.' })
  lastCheck(@Root() s: CivilServant, @Ctx() ctx: Context): Promise<CivilServantCheck | null> {
    return ctx.loaders.civilServantLastCheck.load(s.id);
  }
}
