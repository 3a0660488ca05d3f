import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn, type ValueTransformer } from 'typeorm';
import { PenaltyCaseState, PenaltyCloseReason, PenaltyDecision } from './enums';

/** bigint arrives from pg as a string; fines are at most 1,000,000,000 VND, well inside a JS number. */
const bigintNumber: ValueTransformer = {
  to: (v: number | null | undefined) => v,
  from: (v: string | null) => (v == null ? null : Number(v)),
};

/**
 * A penalty case against a rental house without a camera (R7): opened by the ward, referred to the
 * Justice division, decided (a warning, or a fine), closed when the house has a verified camera or
 * the fine is paid. Its state changes only by the transitions of PenaltyCaseService, which the
 * database's ww_penalty_case_transition trigger enforces as well. Every column but the house is
 * written by those transitions alone.
 */
@ObjectType({ description: 'A penalty case against a rental house without a camera (R7).' })
@Entity({ name: 'penalty_case' })
export class PenaltyCase {
  @Field(() => Int)
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Field(() => Int)
  @Column({ name: 'district_id', type: 'integer', insert: false, update: false })
  districtId: number;

  @Field(() => Int, { description: "The house's ward." })
  @Column({ name: 'ward_id', type: 'integer', insert: false, update: false })
  wardId: number;

  @Field(() => Int)
  @Column({ name: 'rental_house_id', type: 'integer', update: false })
  rentalHouseId: number;

  @Field(() => PenaltyCaseState)
  @Column({ type: 'text', insert: false })
  state: PenaltyCaseState;

  @Field(() => PenaltyDecision, { nullable: true })
  @Column({ type: 'text', nullable: true, insert: false })
  decision: PenaltyDecision | null;

  @Field(() => Int, { nullable: true, description: 'The fine in VND (a FINE decision only), 1 to 1,000,000,000.' })
  @Column({ name: 'fine_amount_vnd', type: 'bigint', nullable: true, insert: false, transformer: bigintNumber })
  fineAmountVnd: number | null;

  @Field(() => String, { nullable: true, description: 'The legal basis of the decision.' })
  @Column({ name: 'legal_basis', type: 'text', nullable: true, insert: false })
  legalBasis: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'fine_paid_at', type: 'timestamptz', nullable: true, insert: false })
  finePaidAt: Date | null;

  @Field(() => PenaltyCloseReason, { nullable: true })
  @Column({ name: 'close_reason', type: 'text', nullable: true, insert: false })
  closeReason: PenaltyCloseReason | null;

  @Field(() => Date)
  @Column({ name: 'opened_at', type: 'timestamptz', insert: false, update: false })
  openedAt: Date;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'referred_at', type: 'timestamptz', nullable: true, insert: false })
  referredAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true, insert: false })
  decidedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true, insert: false })
  closedAt: Date | null;

  @Field(() => Date)
  @Column({ name: 'updated_at', type: 'timestamptz', insert: false, update: false })
  updatedAt: Date;
}
