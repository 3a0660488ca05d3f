import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Float, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { Camera, Ward } from '../entities';
import { CameraFilterInput } from './types/filters.input';
import { CameraConnection } from './types/connections';
import { RegisterCameraInput, UpdateCameraInput } from './types/camera.input';

@ArgsType()
export class PageArgsType {
  @Field(() => Int, { nullable: true, defaultValue: 50, description: 'Page size, 1 to 500.' }) first?: number;
  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' }) after?: string;
}

@Resolver(() => Camera)
export class CameraResolver {
  @Query(() => Camera, { description: 'One camera; NOT_FOUND if there is none with this id.' })
  camera(@Arg('id', () => Int) id: number, @Ctx() ctx: Context): Promise<Camera> {
    return ctx.services.camera.get(id);
  }

  @Query(() => CameraConnection, { description: 'Cameras matching a filter, by id, or by distance when `near` is given.' })
  cameras(
    @Arg('filter', () => CameraFilterInput, { nullable: true }) filter: CameraFilterInput | undefined,
    @Args(() => PageArgsType) page: PageArgsType,
    @Ctx() ctx: Context,
  ): Promise<CameraConnection> {
    return ctx.services.camera.list(filter, page);
  }

  @Mutation(() => Camera, { description: 'Registers a camera; its ward, group and view sector follow from the input.' })
  registerCamera(@Arg('input', () => RegisterCameraInput) input: RegisterCameraInput, @Ctx() ctx: Context): Promise<Camera> {
    return ctx.services.camera.register(input);
  }

  @Mutation(() => Camera)
  updateCamera(
    @Arg('id', () => Int) id: number,
    @Arg('input', () => UpdateCameraInput) input: UpdateCameraInput,
    @Ctx() ctx: Context,
  ): Promise<Camera> {
    return ctx.services.camera.update(id, input);
  }

  @Mutation(() => Camera, { description: 'Retires a camera for good: it stays on record and never covers again.' })
  decommissionCamera(@Arg('id', () => Int) id: number, @Ctx() ctx: Context): Promise<Camera> {
    return ctx.services.camera.decommission(id);
  }

  @FieldResolver(() => Float, { description: 'Degrees, WGS 84.' })
  longitude(@Root() c: Camera): number {
    return c.location.coordinates[0];
  }

  @FieldResolver(() => Float, { description: 'Degrees, WGS 84.' })
  latitude(@Root() c: Camera): number {
    return c.location.coordinates[1];
  }

  @FieldResolver(() => Ward)
  ward(@Root() c: Camera, @Ctx() ctx: Context): Promise<Ward> {
    return ctx.loaders.ward.load(c.wardId);
  }
}
