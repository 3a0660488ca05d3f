import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../context';
import { User } from '../entities';
import { BadUserInputError, UnauthenticatedError } from '../errors';
import { LoginInput, LoginResult } from './types/user.input';

export const SESSION_COOKIE = 'ww_session';

@Resolver()
export class AuthResolver {
  @Query(() => User, { nullable: true, description: 'The logged-in user, or null.' })
  me(@Ctx() ctx: Context): Promise<User | null> {
    return ctx.viewer ? ctx.services.user.me() : Promise.resolve(null);
  }

  @Mutation(() => LoginResult, {
    description: 'Logs in: sets an HttpOnly session cookie. Wrong credentials: UNAUTHENTICATED; too many failures: TOO_MANY_REQUESTS.',
  })
  async login(@Arg('input', () => LoginInput) input: LoginInput, @Ctx() ctx: Context): Promise<LoginResult> {
    // Login works on connections of its own: alongside an open transaction of this request it would
    // wait for it (the embedded database runs one transaction at a time).
    if (ctx.db.isOpen) throw new BadUserInputError('login', 'must be the only operation of its request');
    const { token, expiresAt, viewer } = await ctx.auth.login(input.username, input.password, ctx.req.ip ?? 'unknown');
    ctx.res.cookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: ctx.config.secureCookies,
      path: '/',
      expires: expiresAt,
    });
    // The rest of this request (the user's fields, their ward) is answered as the new user.
    ctx.actAs(viewer);
    const user = await ctx.services.user.me();
    if (!user) throw new UnauthenticatedError();
    return { user, expiresAt };
  }

  @Mutation(() => Boolean, { description: 'Ends the session and clears its cookie.' })
  async logout(@Ctx() ctx: Context): Promise<boolean> {
    ctx.res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure: ctx.config.secureCookies, path: '/' });
    return ctx.auth.logout(ctx.db, ctx.req.sessionToken);
  }
}
