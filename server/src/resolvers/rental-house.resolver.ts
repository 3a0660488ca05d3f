import { Arg, Args, Ctx, FieldResolver, Float, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { Camera, PenaltyCase, RentalHouse, RentalHouseEvent, Ward } from '../entities';
import { PenaltyCaseState } from '../entities/enums';
import { PageArgsType } from './camera.resolver';
import { RentalHouseFilterInput } from './types/filters.input';
import { RentalHouseConnection } from './types/connections';
import { RecordRentalHouseCheckInput, RegisterRentalHouseInput, UpdateRentalHouseInput } from './types/rental-house.input';

@Resolver(() => RentalHouse)
export class RentalHouseResolver {
  @Query(() => RentalHouse, { description: 'One rental house; NOT_FOUND if there is none with this id.' })
  rentalHouse(@Arg('id', () => Int) id: number, @Ctx() ctx: Context): Promise<RentalHouse> {
    return ctx.services.rentalHouse.get(id);
  }

  @Query(() => RentalHouseConnection, { description: 'Rental houses matching a filter, by id, or by distance when `near` is given.' })
  rentalHouses(
    @Arg('filter', () => RentalHouseFilterInput, { nullable: true }) filter: RentalHouseFilterInput | undefined,
    @Args(() => PageArgsType) page: PageArgsType,
    @Ctx() ctx: Context,
  ): Promise<RentalHouseConnection> {
    return ctx.services.rentalHouse.list(filter, page);
  }

  @Mutation(() => RentalHouse)
  registerRentalHouse(@Arg('input', () => RegisterRentalHouseInput) input: RegisterRentalHouseInput, @Ctx() ctx: Context): Promise<RentalHouse> {
    return ctx.services.rentalHouse.register(input);
  }

  @Mutation(() => RentalHouse)
  updateRentalHouse(
    @Arg('id', () => Int) id: number,
    @Arg('input', () => UpdateRentalHouseInput) input: UpdateRentalHouseInput,
    @Ctx() ctx: Context,
  ): Promise<RentalHouse> {
    return ctx.services.rentalHouse.update(id, input);
  }

  @Mutation(() => RentalHouse, {
    description:
      "Records a ward's check of a house: CAMERA_WORKING (needs an active camera registered to it) makes it CAMERA_VERIFIED, " +
      'CAMERA_NOT_WORKING or NO_CAMERA make it NON_COMPLIANT.',
  })
  recordRentalHouseCheck(
    @Arg('input', () => RecordRentalHouseCheckInput) input: RecordRentalHouseCheckInput,
    @Ctx() ctx: Context,
  ): Promise<RentalHouse> {
    return ctx.services.rentalHouse.recordCheck(input);
  }

  @FieldResolver(() => [RentalHouseEvent], { description: 'How its compliance status came to be, oldest first.' })
  statusHistory(@Root() h: RentalHouse, @Ctx() ctx: Context): Promise<RentalHouseEvent[]> {
    return ctx.loaders.houseStatusHistory.load(h.id);
  }

  @FieldResolver(() => [PenaltyCase], { description: 'Its penalty cases (R7), oldest first.' })
  penaltyCases(@Root() h: RentalHouse, @Ctx() ctx: Context): Promise<PenaltyCase[]> {
    return ctx.loaders.housePenaltyCases.load(h.id);
  }

  @FieldResolver(() => PenaltyCase, { nullable: true, description: 'Its unclosed penalty case, if any (there is at most one).' })
  async openPenaltyCase(@Root() h: RentalHouse, @Ctx() ctx: Context): Promise<PenaltyCase | null> {
    return (await ctx.loaders.housePenaltyCases.load(h.id)).find((c) => c.state !== PenaltyCaseState.CLOSED) ?? null;
  }

  @FieldResolver(() => Float)
  longitude(@Root() h: RentalHouse): number {
    return h.location.coordinates[0];
  }

  @FieldResolver(() => Float)
  latitude(@Root() h: RentalHouse): number {
    return h.location.coordinates[1];
  }

  @FieldResolver(() => Boolean, { description: 'An ACTIVE camera is registered to this house (R2).' })
  hasActiveCamera(@Root() h: RentalHouse, @Ctx() ctx: Context): Promise<boolean> {
    return ctx.loaders.houseHasActiveCamera.load(h.id);
  }

  @FieldResolver(() => Float, { nullable: true, description: 'Metres to the nearest ACTIVE camera (null if there is none).' })
  nearestActiveCameraMeters(@Root() h: RentalHouse, @Ctx() ctx: Context): Promise<number | null> {
    return ctx.loaders.nearestActiveCamera.load(h.id);
  }

  @FieldResolver(() => [Camera], { description: 'Cameras registered to this house, any status.' })
  cameras(@Root() h: RentalHouse, @Ctx() ctx: Context): Promise<Camera[]> {
    return ctx.loaders.houseCameras.load(h.id);
  }

  @FieldResolver(() => Ward)
  ward(@Root() h: RentalHouse, @Ctx() ctx: Context): Promise<Ward> {
    return ctx.loaders.ward.load(h.wardId);
  }
}
