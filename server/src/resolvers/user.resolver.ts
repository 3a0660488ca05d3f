import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { seesPersonalData } from '../auth-checker';
import type { Context } from '../context';
import { User, Ward } from '../entities';
import { NotFoundError } from '../errors';
import { permissionsOf } from '../policy';
import { CreateUserInput, UpdateUserInput } from './types/user.input';

@Resolver(() => User)
export class UserResolver {
  @Query(() => [User], { description: "The district's users (ADMIN)." })
  users(@Ctx() ctx: Context): Promise<User[]> {
    return ctx.services.user.list();
  }

  @Mutation(() => User)
  createUser(@Arg('input', () => CreateUserInput) input: CreateUserInput, @Ctx() ctx: Context): Promise<User> {
    return ctx.services.user.create(input);
  }

  @Mutation(() => User, { description: "Changes a user (ADMIN). A disabled user's sessions stop at once." })
  updateUser(@Arg('id', () => Int) id: number, @Arg('input', () => UpdateUserInput) input: UpdateUserInput, @Ctx() ctx: Context): Promise<User> {
    return ctx.services.user.update(id, input);
  }

  @FieldResolver(() => Ward, { nullable: true })
  async ward(@Root() u: User, @Ctx() ctx: Context): Promise<Ward | null> {
    if (u.wardId == null) return null;
    // A ward outside the viewer's scope reads as none; any other failure is a failure.
    return ctx.loaders.ward.load(u.wardId).catch((e) => (e instanceof NotFoundError ? null : Promise.reject(e)));
  }

  @FieldResolver(() => Boolean, { description: "Whether this user's role sees owners' names and phone numbers." })
  canSeePersonalData(@Root() u: User): boolean {
    return seesPersonalData(u.role);
  }

  @FieldResolver(() => [String], { description: 'The queries and mutations this role may use (the client shows only those controls).' })
  permissions(@Root() u: User): string[] {
    return permissionsOf(u.role);
  }
}
