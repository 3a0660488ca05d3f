import { Arg, Args, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { PenaltyCase, PenaltyCaseEvent, RentalHouse, Ward } from '../entities';
import { PenaltyCaseAction } from '../entities/enums';
import { NotFoundError } from '../errors';
import { allowedActionsOf } from '../services/penalty-case.service';
import { PageArgsType } from './camera.resolver';
import { PenaltyCaseConnection } from './types/connections';
import { DecidePenaltyCaseInput, OpenPenaltyCaseInput, PenaltyCaseEvidenceInput, PenaltyCaseFilterInput } from './types/penalty-case.input';

const NOTE = { nullable: true, description: 'A note for the timeline, at most 4000 characters.' } as const;

@Resolver(() => PenaltyCase)
export class PenaltyCaseResolver {
  @Query(() => PenaltyCase, { description: 'One penalty case; NOT_FOUND if there is none with this id (or it is in another ward).' })
  penaltyCase(@Arg('id', () => Int) id: number, @Ctx() ctx: Context): Promise<PenaltyCase> {
    return ctx.services.penaltyCase.get(id);
  }

  @Query(() => PenaltyCaseConnection, { description: 'Penalty cases (R7) matching a filter, by id.' })
  penaltyCases(
    @Arg('filter', () => PenaltyCaseFilterInput, { nullable: true }) filter: PenaltyCaseFilterInput | undefined,
    @Args(() => PageArgsType) page: PageArgsType,
    @Ctx() ctx: Context,
  ): Promise<PenaltyCaseConnection> {
    return ctx.services.penaltyCase.list(filter, page);
  }

  @Mutation(() => PenaltyCase, {
    description: 'Opens a case against a rental house with no active camera and no unclosed case; the house becomes NON_COMPLIANT.',
  })
  openPenaltyCase(@Arg('input', () => OpenPenaltyCaseInput) input: OpenPenaltyCaseInput, @Ctx() ctx: Context): Promise<PenaltyCase> {
    return ctx.services.penaltyCase.open(input);
  }

  @Mutation(() => PenaltyCase, { description: 'OPEN -> REFERRED: refers the case to the Justice division.' })
  referPenaltyCase(
    @Arg('id', () => Int) id: number,
    @Arg('note', () => String, NOTE) note: string | undefined,
    @Ctx() ctx: Context,
  ): Promise<PenaltyCase> {
    return ctx.services.penaltyCase.refer(id, note);
  }

  @Mutation(() => PenaltyCase, { description: 'REFERRED -> DECIDED: a WARNING, or a FINE with its amount; both with the legal basis.' })
  decidePenaltyCase(
    @Arg('id', () => Int) id: number,
    @Arg('input', () => DecidePenaltyCaseInput) input: DecidePenaltyCaseInput,
    @Ctx() ctx: Context,
  ): Promise<PenaltyCase> {
    return ctx.services.penaltyCase.decide(id, input);
  }

  @Mutation(() => PenaltyCase, { description: 'Records that the fine of a DECIDED case was paid (the case can then be closed).' })
  recordFinePayment(
    @Arg('id', () => Int) id: number,
    @Arg('note', () => String, NOTE) note: string | undefined,
    @Ctx() ctx: Context,
  ): Promise<PenaltyCase> {
    return ctx.services.penaltyCase.recordPayment(id, note);
  }

  @Mutation(() => PenaltyCase, {
    description: "Closes the case: CAMERA_VERIFIED when the house's camera is verified, FINE_PAID when the fine is paid; otherwise BAD_USER_INPUT.",
  })
  closePenaltyCase(
    @Arg('id', () => Int) id: number,
    @Arg('note', () => String, NOTE) note: string | undefined,
    @Ctx() ctx: Context,
  ): Promise<PenaltyCase> {
    return ctx.services.penaltyCase.close(id, note);
  }

  @Mutation(() => PenaltyCase, { description: 'Adds a note or evidence (a file reference) to the timeline of an unclosed case.' })
  addPenaltyCaseEvidence(
    @Arg('id', () => Int) id: number,
    @Arg('input', () => PenaltyCaseEvidenceInput) input: PenaltyCaseEvidenceInput,
    @Ctx() ctx: Context,
  ): Promise<PenaltyCase> {
    return ctx.services.penaltyCase.addEvidence(id, input);
  }

  @FieldResolver(() => Ward)
  ward(@Root() c: PenaltyCase, @Ctx() ctx: Context): Promise<Ward> {
    return ctx.loaders.ward.load(c.wardId);
  }

  @FieldResolver(() => RentalHouse)
  async rentalHouse(@Root() c: PenaltyCase, @Ctx() ctx: Context): Promise<RentalHouse> {
    const house = await ctx.loaders.rentalHouse.load(c.rentalHouseId);
    if (!house) throw new NotFoundError('RentalHouse', c.rentalHouseId, 'rentalHouseId');
    return house;
  }

  @FieldResolver(() => [PenaltyCaseEvent], { description: 'The timeline, oldest first.' })
  events(@Root() c: PenaltyCase, @Ctx() ctx: Context): Promise<PenaltyCaseEvent[]> {
    return ctx.loaders.penaltyCaseEvents.load(c.id);
  }

  @FieldResolver(() => [PenaltyCaseAction], {
    description: 'What you may do with this case now: the actions your role may take that would succeed (e.g. CLOSE once the house complies).',
  })
  async allowedActions(@Root() c: PenaltyCase, @Ctx() ctx: Context): Promise<PenaltyCaseAction[]> {
    const house = await ctx.loaders.rentalHouse.load(c.rentalHouseId);
    return allowedActionsOf(c, house?.complianceStatus, ctx.viewer?.role);
  }
}
