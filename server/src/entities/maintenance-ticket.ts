import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn, type ValueTransformer } from 'typeorm';

// Maintenance tickets (R10). Values are the stored spellings.
export enum MaintenanceTicketState {
  REPORTED = 'reported',
  ASSIGNED = 'assigned',
  IN_PROGRESS = 'in_progress',
  RESOLVED = 'resolved',
}
export enum MaintenanceTicketSource {
  MANUAL = 'manual',
  HEARTBEAT = 'heartbeat',
}
export enum MaintenanceTicketEventKind {
  REPORTED = 'reported',
  ASSIGNED = 'assigned',
  STARTED = 'started',
  RESOLVED = 'resolved',
  NOTE = 'note',
}
export enum MaintenanceTicketAction {
  ASSIGN = 'assign',
  START = 'start',
  RESOLVE = 'resolve',
  ADD_NOTE = 'add_note',
}
registerEnumType(MaintenanceTicketState, {
  name: 'MaintenanceTicketState',
  description:
    'REPORTED -> ASSIGNED -> IN_PROGRESS -> RESOLVED; REPORTED -> IN_PROGRESS when whoever starts is named. ' +
    'IN_PROGRESS puts the camera in MAINTENANCE, RESOLVED back to ACTIVE. RESOLVED is final.',
});
registerEnumType(MaintenanceTicketSource, {
  name: 'MaintenanceTicketSource',
  description: 'MANUAL: reported by a user; HEARTBEAT: opened by the database when the camera stopped sending heartbeats.',
});
registerEnumType(MaintenanceTicketEventKind, { name: 'MaintenanceTicketEventKind', description: "A step in a maintenance ticket's timeline." });
registerEnumType(MaintenanceTicketAction, { name: 'MaintenanceTicketAction', description: 'What the viewer may do with a maintenance ticket now.' });

/** bigint arrives from pg as a string; repair costs are at most 1,000,000,000 VND, well inside a JS number. */
const bigintNumber: ValueTransformer = {
  to: (v: number | null | undefined) => v,
  from: (v: string | null) => (v == null ? null : Number(v)),
};

/**
 * One repair of one camera (R10): reported (by a user, or by the database when the camera stopped
 * sending heartbeats), assigned to whoever does the work, in progress (the camera is in MAINTENANCE),
 * resolved (the camera is ACTIVE again). Its state changes only by the transitions of
 * MaintenanceService, which the database's ww_maintenance_ticket_transition trigger enforces as well;
 * the times are the database's.
 */
@ObjectType({ description: 'A maintenance ticket: one repair of one camera (R10).' })
@Entity({ name: 'maintenance_ticket' })
export class MaintenanceTicket {
  @Field(() => Int)
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Field(() => Int)
  @Column({ name: 'district_id', type: 'integer', insert: false, update: false })
  districtId: number;

  @Field(() => Int, { description: "The camera's ward." })
  @Column({ name: 'ward_id', type: 'integer', insert: false, update: false })
  wardId: number;

  @Field(() => Int)
  @Column({ name: 'camera_id', type: 'integer', update: false })
  cameraId: number;

  @Field(() => MaintenanceTicketState)
  @Column({ type: 'text', insert: false })
  state: MaintenanceTicketState;

  @Field(() => String, { description: 'What is wrong, as reported.' })
  @Column({ type: 'text', update: false })
  problem: string;

  @Field(() => MaintenanceTicketSource)
  @Column({ type: 'text', insert: false, update: false })
  source: MaintenanceTicketSource;

  @Field(() => Date)
  @Column({ name: 'reported_at', type: 'timestamptz', insert: false, update: false })
  reportedAt: Date;

  @Field(() => String, { nullable: true, description: 'Who reported it (null: the database, for a camera that stopped sending heartbeats).' })
  @Column({ name: 'reported_by', type: 'text', nullable: true, insert: false, update: false })
  reportedBy: string | null;

  @Field(() => String, { nullable: true, description: 'Who does the work: a technician, a team or a company.' })
  @Column({ type: 'text', nullable: true, insert: false })
  assignee: string | null;

  @Field(() => Date, { nullable: true, description: 'When the ticket was first assigned.' })
  @Column({ name: 'assigned_at', type: 'timestamptz', nullable: true, insert: false })
  assignedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'started_at', type: 'timestamptz', nullable: true, insert: false })
  startedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true, insert: false })
  resolvedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'What was done (a resolved ticket).' })
  @Column({ type: 'text', nullable: true, insert: false })
  resolution: string | null;

  @Field(() => Int, { nullable: true, description: 'What the repair cost, in VND (0 to 1,000,000,000).' })
  @Column({ name: 'repair_cost_vnd', type: 'bigint', nullable: true, insert: false, transformer: bigintNumber })
  repairCostVnd: number | null;

  @Field(() => Date)
  @Column({ name: 'updated_at', type: 'timestamptz', insert: false, update: false })
  updatedAt: Date;
}
