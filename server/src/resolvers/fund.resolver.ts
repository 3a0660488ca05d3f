import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { Ward } from '../entities';
import { Fund, FundSpending, FundSpendingTicket } from '../entities/fund';
import type { MaintenanceTicket } from '../entities/maintenance-ticket';
import { FundFilterInput, RecordFundInput, RecordFundSpendingInput } from './types/fund.input';
import { FundReport } from './types/fund-report';

/** Sponsorship funds and their spending (R9). */
@Resolver(() => Fund)
export class FundResolver {
  @Query(() => [Fund], { description: "Sponsorship funds in your scope (a ward user: their ward's and the district's own), newest first." })
  funds(@Arg('filter', () => FundFilterInput, { nullable: true }) filter: FundFilterInput | undefined, @Ctx() ctx: Context): Promise<Fund[]> {
    return ctx.services.fund.list(filter);
  }

  @Query(() => FundReport, { description: "Funds received, spent and the balance per ward, the district's own funds, and the totals (R9)." })
  fundReport(@Arg('wardId', () => Int, { nullable: true }) wardId: number | undefined, @Ctx() ctx: Context): Promise<FundReport> {
    return ctx.services.fund.report(wardId);
  }

  @Mutation(() => Fund, { description: "Records a fund received for the district, a ward or a residential group (a ward chair: their own ward's)." })
  recordFund(@Arg('input', () => RecordFundInput) input: RecordFundInput, @Ctx() ctx: Context): Promise<Fund> {
    return ctx.services.fund.record(input);
  }

  @Mutation(() => Fund, {
    description:
      "Records money spent from a fund (at most its balance), possibly on a maintenance ticket of the fund's ward; answers the fund as it " +
      'now stands (its spending, newest day first, and its balance).',
  })
  recordFundSpending(@Arg('input', () => RecordFundSpendingInput) input: RecordFundSpendingInput, @Ctx() ctx: Context): Promise<Fund> {
    return ctx.services.fund.recordSpending(input);
  }

  @FieldResolver(() => Ward, { nullable: true, description: 'The ward (a group fund: the group\'s); null: a district fund.' })
  ward(@Root() f: Fund, @Ctx() ctx: Context): Promise<Ward> | null {
    return f.wardId == null ? null : ctx.loaders.ward.load(f.wardId);
  }

  @FieldResolver(() => [FundSpending], { description: 'What was spent from it, newest first.' })
  spendings(@Root() f: Fund, @Ctx() ctx: Context): Promise<FundSpending[]> {
    return ctx.loaders.fundSpendings.load(f.id);
  }
}

@Resolver(() => FundSpending)
export class FundSpendingResolver {
  @FieldResolver(() => FundSpendingTicket, {
    nullable: true,
    description: 'The maintenance ticket it paid for; null when none, or when the ticket is in a ward you do not see.',
  })
  maintenanceTicket(@Root() s: FundSpending, @Ctx() ctx: Context): Promise<MaintenanceTicket | null> | null {
    return s.maintenanceTicketId == null ? null : ctx.loaders.fundTicket.load(s.maintenanceTicketId);
  }
}
