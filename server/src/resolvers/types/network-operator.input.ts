import { IsISO8601, IsInt, IsOptional, Matches, MaxLength, MinLength } from 'class-validator';
import { Field, Float, InputType, Int } from 'type-graphql';
import { NetworkOperator } from '../../entities/enums';
import { OPERATOR_LIMITS as L } from '../../services/network-operator.service';
import { InRange } from './validators';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

@InputType({ description: 'A new network operator of the district.' })
export class CreateNetworkOperatorInput {
  @Field(() => String, { description: 'A short key, unique in the district: a lower-case letter, then 1-31 of a-z, 0-9, _ or -.' })
  @Matches(L.code, { message: 'code must be a lower-case letter followed by 1 to 31 of a-z, 0-9, _ or -' })
  code: string;

  @Field(() => String, { description: '1 to 120 characters.' }) @MinLength(1) @MaxLength(L.name) name: string;
  @Field(() => NetworkOperator, { description: 'VIETTEL, VNPT, FPT or OTHER.' }) kind: NetworkOperator;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(L.contactName) contactName?: string | null;

  @Field(() => String, { nullable: true, description: 'Digits, spaces, dots or dashes, 6 to 20, with an optional leading +.' })
  @IsOptional() @Matches(L.phone, { message: 'contactPhone must be a phone number' })
  contactPhone?: string | null;
}

@InputType({ description: 'Changes to a network operator; a field left out stays as it is, null clears a contact.' })
export class UpdateNetworkOperatorInput {
  @Field(() => String, { nullable: true }) @IsOptional() @MinLength(1) @MaxLength(L.name) name?: string;
  @Field(() => NetworkOperator, { nullable: true }) kind?: NetworkOperator;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(L.contactName) contactName?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(L.phone, { message: 'contactPhone must be a phone number' }) contactPhone?: string | null;
}

@InputType({ description: "A support agreement with one of the district's operators." })
export class CreateSupportAgreementInput {
  @Field(() => Int) operatorId: number;
  @Field(() => String, { description: '1 to 200 characters.' }) @MinLength(1) @MaxLength(L.title) title: string;

  @Field(() => Float, { nullable: true, description: 'Mbit/s per camera, (0, 10000].' })
  @IsOptional() @InRange({ min: 0, max: L.bandwidthMbps, minExclusive: true })
  bandwidthMbps?: number | null;

  @Field(() => Int, { description: 'VND per camera and month, 0 to 100,000,000.' })
  @IsInt() @InRange({ min: 0, max: L.feeVnd })
  monthlyFeeSupportVnd: number;

  @Field(() => String, { description: 'YYYY-MM-DD' })
  @Matches(DATE, { message: 'startsOn must be a date YYYY-MM-DD' }) @IsISO8601({ strict: true })
  startsOn: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, the last day in force (not before startsOn); null: open-ended.' })
  @IsOptional() @Matches(DATE, { message: 'endsOn must be a date YYYY-MM-DD' }) @IsISO8601({ strict: true })
  endsOn?: string | null;

  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(L.terms) terms?: string | null;
}

@InputType({ description: 'Changes to a support agreement (it keeps its operator); a field left out stays as it is.' })
export class UpdateSupportAgreementInput {
  @Field(() => String, { nullable: true }) @IsOptional() @MinLength(1) @MaxLength(L.title) title?: string;

  @Field(() => Float, { nullable: true })
  @IsOptional() @InRange({ min: 0, max: L.bandwidthMbps, minExclusive: true })
  bandwidthMbps?: number | null;

  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @InRange({ min: 0, max: L.feeVnd }) monthlyFeeSupportVnd?: number;

  @Field(() => String, { nullable: true })
  @IsOptional() @Matches(DATE, { message: 'startsOn must be a date YYYY-MM-DD' }) @IsISO8601({ strict: true })
  startsOn?: string;

  @Field(() => String, { nullable: true, description: 'null: open-ended.' })
  @IsOptional() @Matches(DATE, { message: 'endsOn must be a date YYYY-MM-DD' }) @IsISO8601({ strict: true })
  endsOn?: string | null;

  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(L.terms) terms?: string | null;
}

@InputType({ description: "A camera's connection: its operator, plan and fee, and the agreement that supports it (none: not supported)." })
export class CameraConnectionInput {
  @Field(() => Int) operatorId: number;
  @Field(() => String, { description: '1 to 120 characters.' }) @MinLength(1) @MaxLength(L.plan) plan: string;

  @Field(() => Int, { description: 'VND a month, 0 to 100,000,000.' })
  @IsInt() @InRange({ min: 0, max: L.feeVnd })
  monthlyFeeVnd: number;

  @Field(() => Float, { nullable: true, description: 'Mbit/s, (0, 10000].' })
  @IsOptional() @InRange({ min: 0, max: L.bandwidthMbps, minExclusive: true })
  bandwidthMbps?: number | null;

  @Field(() => Int, { nullable: true, description: "An agreement of the same operator; null: not supported." })
  agreementId?: number | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, not in the future.' })
  @IsOptional() @Matches(DATE, { message: 'connectedOn must be a date YYYY-MM-DD' }) @IsISO8601({ strict: true })
  connectedOn?: string | null;
}
