import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MaintenanceTicketState } from './maintenance-ticket';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { bigintNumber } from './network-operator';

/** What a sponsorship fund is for: the whole district, one ward, or one residential group (R9). */
export enum FundTarget {
  DISTRICT = 'district',
  WARD = 'ward',
  RESIDENTIAL_GROUP = 'residential_group',
}
registerEnumType(FundTarget, {
  name: 'FundTarget',
  description: "DISTRICT: the district's (ward null); WARD: one ward's; RESIDENTIAL_GROUP: one group's (its ward is the group's).",
});

/**
 * A sponsorship fund (R9): a sponsor's money, received on a day, for the district, a ward or a
 * residential group, and its purpose. Funds and their spending are a ledger: nothing is changed or
 * deleted (db/migrations/1764835500000-sponsorship.ts). spentVnd and balanceVnd are computed from
 * the spending by the database.
 */
@ObjectType({ description: 'A sponsorship fund for the district, a ward or a residential group (R9).' })
@Entity({ name: 'fund' })
export class Fund {
  @Field(() => Int)
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Field(() => Int)
  @Column({ name: 'district_id', type: 'integer' })
  districtId: number;

  @Field(() => Int, { nullable: true, description: "The ward (a group fund: the group's ward); null: a district fund." })
  @Column({ name: 'ward_id', type: 'integer', nullable: true })
  wardId: number | null;

  @Field(() => Int, { nullable: true })
  @Column({ name: 'residential_group_id', type: 'integer', nullable: true })
  residentialGroupId: number | null;

  @Field(() => FundTarget)
  @Column({ type: 'text' })
  target: FundTarget;

  @Field(() => String, { description: 'Who gave it: a person, a business, an association.' })
  @Column({ type: 'text' })
  sponsor: string;

  @Field(() => String, { nullable: true, description: "The sponsor's contact (a phone or an address): personal." })
  @Column({ name: 'sponsor_contact', type: 'text', nullable: true })
  sponsorContact: string | null;

  @Field(() => Int, { description: 'VND received.' })
  @Column({ name: 'amount_vnd', type: 'bigint', transformer: bigintNumber })
  amountVnd: number;

  @Field(() => String, { description: 'YYYY-MM-DD' })
  @Column({ name: 'received_on', type: 'date' })
  receivedOn: string;

  @Field(() => String)
  @Column({ type: 'text' })
  purpose: string;

  @Field(() => Date)
  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false })
  createdAt: Date;

  @Field(() => String, { nullable: true, description: 'Who recorded it (username).' })
  @Column({ name: 'created_by', type: 'text', nullable: true, insert: false, update: false })
  createdBy: string | null;

  @Field(() => String, { nullable: true, description: "The residential group's name (a RESIDENTIAL_GROUP fund)." })
  residentialGroupName: string | null;

  @Field(() => Float, { description: 'VND spent from it so far (whole VND).' })
  spentVnd: number;

  @Field(() => Float, { description: 'amountVnd - spentVnd (whole VND); never negative: the database refuses spending beyond it.' })
  balanceVnd: number;
}

/**
 * Money spent from a fund (R9), on a day, for a purpose, possibly on a camera's maintenance ticket
 * (R10). It belongs to its fund's ward (a district fund's: none). The database locks the fund and
 * refuses spending beyond its balance, and a ward's (or group's) fund spent on another ward's ticket.
 */
@ObjectType({ description: "Money spent from a fund, possibly on a camera's maintenance ticket (R9, R10)." })
@Entity({ name: 'fund_spending' })
export class FundSpending {
  @Field(() => Int)
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Field(() => Int)
  @Column({ name: 'district_id', type: 'integer', insert: false, update: false })
  districtId: number;

  @Field(() => Int, { nullable: true, description: "The fund's ward; null: a district fund's spending." })
  @Column({ name: 'ward_id', type: 'integer', nullable: true, insert: false, update: false })
  wardId: number | null;

  @Field(() => Int)
  @Column({ name: 'fund_id', type: 'integer' })
  fundId: number;

  @Field(() => Int, { description: 'VND spent.' })
  @Column({ name: 'amount_vnd', type: 'bigint', transformer: bigintNumber })
  amountVnd: number;

  @Field(() => String, { description: 'YYYY-MM-DD' })
  @Column({ name: 'spent_on', type: 'date' })
  spentOn: string;

  @Field(() => String)
  @Column({ type: 'text' })
  purpose: string;

  @Field(() => Int, { nullable: true, description: "The maintenance ticket it paid for, if any and in the viewer's scope." })
  @Column({ name: 'maintenance_ticket_id', type: 'integer', nullable: true })
  maintenanceTicketId: number | null;

  /** Paid for a ticket of a ward outside the viewer's (a district fund read by a ward user). */
  @Field(() => Boolean, { description: "It paid for another ward's maintenance ticket (which is not named)." })
  ticketElsewhere: boolean;

  @Field(() => Date)
  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false })
  createdAt: Date;

  @Field(() => String, { nullable: true, description: 'Who recorded it (username).' })
  @Column({ name: 'created_by', type: 'text', nullable: true, insert: false, update: false })
  createdBy: string | null;
}

/**
 * The maintenance ticket a spending paid for, in brief (R10): enough to name it and link to it. (A
 * whole MaintenanceTicket, with its timeline, under every spending of every fund would let one query
 * cost more than the query-cost limit allows; `maintenanceTicket(id)` gives the rest.)
 */
@ObjectType({ description: 'The maintenance ticket a spending paid for, in brief.' })
export class FundSpendingTicket {
  @Field(() => Int) id: number;
  @Field(() => Int) wardId: number;
  @Field(() => Int) cameraId: number;
  @Field(() => MaintenanceTicketState) state: MaintenanceTicketState;
  @Field(() => String) problem: string;
  @Field(() => Int, { nullable: true, description: 'What the repair cost, VND (a resolved ticket).' }) repairCostVnd: number | null;
  @Field(() => Date, { nullable: true }) resolvedAt: Date | null;
}
