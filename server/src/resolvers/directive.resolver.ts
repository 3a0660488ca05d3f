import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { Unit } from '../entities';
import { Directive } from '../entities/directive';
import { mayEdit } from '../services/directive.service';
import { UpdateDirectiveInput } from './types/directive.input';

@Resolver(() => Directive)
export class DirectiveResolver {
  @Query(() => [Directive], { description: "The district's directives R1-R10, in order." })
  directives(@Ctx() ctx: Context): Promise<Directive[]> {
    return ctx.services.directive.list();
  }

  @Mutation(() => Directive, {
    description:
      'Changes a directive: ADMIN and the roles in its ownerRoles (else FORBIDDEN naming id); deadline and ' +
      'responsibleUnitId only ADMIN and PLANNER (else FORBIDDEN naming the field).',
  })
  updateDirective(
    @Arg('id', () => Int) id: number,
    @Arg('input', () => UpdateDirectiveInput) input: UpdateDirectiveInput,
    @Ctx() ctx: Context,
  ): Promise<Directive> {
    return ctx.services.directive.update(id, input);
  }

  @FieldResolver(() => Unit, { nullable: true })
  responsibleUnit(@Root() d: Directive, @Ctx() ctx: Context): Promise<Unit> | null {
    return d.responsibleUnitId == null ? null : ctx.loaders.unit.load(d.responsibleUnitId);
  }

  @FieldResolver(() => Boolean, { description: 'Whether you may change it (ADMIN, or a role in ownerRoles).' })
  canEdit(@Root() d: Directive, @Ctx() ctx: Context): boolean {
    return mayEdit(ctx.viewer?.role, d);
  }
}
