import { ArrayMaxSize, IsOptional, MaxLength, MinLength } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { PenaltyCaseState, PenaltyDecision } from '../../entities/enums';
import { PENALTY_LIMITS as L } from '../../services/penalty-case.service';
import { InRange } from './validators';

@InputType({ description: 'Which penalty cases to list.' })
export class PenaltyCaseFilterInput {
  @Field(() => Int, { nullable: true }) wardId?: number;
  /** At most one of each state (4): a longer list is BAD_USER_INPUT naming filter.states. */
  @Field(() => [PenaltyCaseState], { nullable: true })
  @IsOptional() @ArrayMaxSize(Object.values(PenaltyCaseState).length)
  states?: PenaltyCaseState[];
  @Field(() => Int, { nullable: true }) rentalHouseId?: number;
}

@InputType()
export class OpenPenaltyCaseInput {
  @Field(() => Int, { description: 'A rental house with no active camera and no unclosed case.' }) rentalHouseId: number;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(L.note) note?: string;

  @Field(() => String, { nullable: true, description: 'Where the evidence is kept: a document number, a file name or a link.' })
  @IsOptional() @MaxLength(L.fileReference)
  fileReference?: string;
}

@InputType()
export class DecidePenaltyCaseInput {
  @Field(() => PenaltyDecision) decision: PenaltyDecision;

  @Field(() => Int, { nullable: true, description: 'A FINE only: the amount in VND, 1 to 1,000,000,000.' })
  @IsOptional() @InRange({ min: L.fineAmountVnd.min, max: L.fineAmountVnd.max })
  fineAmountVnd?: number;

  @Field(() => String, { description: 'The legal basis, 3 to 1000 characters.' })
  @MinLength(L.legalBasis.min) @MaxLength(L.legalBasis.max)
  legalBasis: string;

  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(L.note) note?: string;
}

@InputType({ description: 'A note, a file reference, or both.' })
export class PenaltyCaseEvidenceInput {
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(L.note) note?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(L.fileReference) fileReference?: string;
}
