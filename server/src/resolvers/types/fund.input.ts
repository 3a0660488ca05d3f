import { IsISO8601, IsInt, IsOptional, Matches, MaxLength, MinLength } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { FundTarget } from '../../entities/fund';
import { FUND_LIMITS as L } from '../../services/fund.service';
import { InRange } from './validators';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

@InputType({ description: 'Which funds to list (all in your scope when left out).' })
export class FundFilterInput {
  @Field(() => Int, { nullable: true, description: "One ward's funds (its own and its groups')." }) wardId?: number | null;
  @Field(() => FundTarget, { nullable: true }) target?: FundTarget | null;
  @Field(() => Int, { nullable: true }) residentialGroupId?: number | null;
}

@InputType({ description: 'A sponsorship fund received (R9).' })
export class RecordFundInput {
  @Field(() => FundTarget) target: FundTarget;
  @Field(() => Int, { nullable: true, description: 'WARD: the ward (required); RESIDENTIAL_GROUP: optional, must be the group\'s; DISTRICT: none.' })
  wardId?: number | null;
  @Field(() => Int, { nullable: true, description: 'RESIDENTIAL_GROUP only: the group.' }) residentialGroupId?: number | null;

  @Field(() => String, { description: 'Who gave it, 2 to 200 characters.' }) @MinLength(L.sponsor.min) @MaxLength(L.sponsor.max) sponsor: string;

  @Field(() => String, { nullable: true, description: "The sponsor's contact (personal), at most 200 characters." })
  @IsOptional() @MaxLength(L.contact)
  sponsorContact?: string | null;

  @Field(() => Int, { description: 'VND, 1 to 2,000,000,000.' }) @IsInt() @InRange({ min: 1, max: L.amountVnd }) amountVnd: number;

  @Field(() => String, { description: 'YYYY-MM-DD, not in the future.' })
  @Matches(DATE, { message: 'receivedOn must be a date YYYY-MM-DD' }) @IsISO8601({ strict: true })
  receivedOn: string;

  @Field(() => String, { description: 'What it is for, 3 to 1000 characters.' }) @MinLength(L.purpose.min) @MaxLength(L.purpose.max) purpose: string;
}

@InputType({ description: 'Money spent from a fund (R9), possibly on a maintenance ticket (R10).' })
export class RecordFundSpendingInput {
  @Field(() => Int) fundId: number;
  @Field(() => Int, { description: "VND, 1 to the fund's balance." }) @IsInt() @InRange({ min: 1, max: L.amountVnd }) amountVnd: number;

  @Field(() => String, { description: 'YYYY-MM-DD, from the day the fund was received to today.' })
  @Matches(DATE, { message: 'spentOn must be a date YYYY-MM-DD' }) @IsISO8601({ strict: true })
  spentOn: string;

  @Field(() => String, { description: '3 to 1000 characters.' }) @MinLength(L.purpose.min) @MaxLength(L.purpose.max) purpose: string;

  @Field(() => Int, { nullable: true, description: "A maintenance ticket it pays for: of the fund's ward (a district fund: any ward's)." })
  maintenanceTicketId?: number | null;
}
