import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { MaintenanceTicketEventKind } from './maintenance-ticket';

/** One entry of a maintenance ticket's timeline: a transition or a note. Append-only. */
@ObjectType({ description: "An entry of a maintenance ticket's timeline." })
@Entity({ name: 'maintenance_ticket_event' })
export class MaintenanceTicketEvent {
  @Field(() => Int)
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ name: 'district_id', type: 'integer', insert: false, update: false })
  districtId: number;

  @Column({ name: 'ward_id', type: 'integer', insert: false, update: false })
  wardId: number;

  @Field(() => Int)
  @Column({ name: 'maintenance_ticket_id', type: 'integer', update: false })
  maintenanceTicketId: number;

  @Field(() => MaintenanceTicketEventKind)
  @Column({ type: 'text', update: false })
  kind: MaintenanceTicketEventKind;

  @Field(() => String, { nullable: true, description: 'A note; for RESOLVED, what was done.' })
  @Column({ type: 'text', nullable: true, update: false })
  note: string | null;

  @Field(() => String, { nullable: true, description: 'ASSIGNED and STARTED: who does the work.' })
  @Column({ type: 'text', nullable: true, update: false })
  assignee: string | null;

  @Field(() => Date)
  @Column({ type: 'timestamptz', insert: false, update: false })
  at: Date;

  @Column({ name: 'user_id', type: 'integer', nullable: true, insert: false, update: false })
  userId: number | null;

  @Field(() => String, { nullable: true, description: 'Who recorded it (null: the database).' })
  @Column({ type: 'text', nullable: true, insert: false, update: false })
  username: string | null;
}
