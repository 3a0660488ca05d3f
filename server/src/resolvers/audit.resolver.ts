import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../context';
import { PageArgsType } from './camera.resolver';
import { AuditEntryConnection, AuditFilterInput } from './types/audit.input';

@Resolver()
export class AuditResolver {
  @Query(() => AuditEntryConnection, { description: "The district's audit log, newest first (ADMIN, PLANNER). Nothing can edit it." })
  auditLog(
    @Arg('filter', () => AuditFilterInput, { nullable: true }) filter: AuditFilterInput | undefined,
    @Args(() => PageArgsType) page: PageArgsType,
    @Ctx() ctx: Context,
  ): Promise<AuditEntryConnection> {
    return ctx.services.audit.list(filter, page) as Promise<AuditEntryConnection>;
  }
}
