import { Field, Float, Int, ObjectType } from 'type-graphql';
import { MaintenanceTicket } from '../../entities/maintenance-ticket';
import { Connection } from './connection';

@ObjectType()
export class MaintenanceTicketConnection extends Connection(MaintenanceTicket, 'MaintenanceTicket') {}

@ObjectType({
  description:
    "Maintenance figures of a ward, or of the district (wardId null). Time to repair: from a ticket's report to its " +
    'resolution, in hours, over the tickets resolved in the period.',
})
export class MaintenanceWardStats {
  @Field(() => Int, { nullable: true, description: 'The ward; null on the total row.' }) wardId: number | null;
  @Field(() => Int, { description: 'Tickets not resolved (now, whatever the period).' }) openTickets: number;
  @Field(() => Int, { description: 'Of those, tickets IN_PROGRESS (their cameras are in MAINTENANCE).' }) inProgressTickets: number;
  @Field(() => Int, { description: 'Tickets resolved in the period.' }) resolvedTickets: number;
  @Field(() => Float, { nullable: true, description: 'Mean time to repair (MTTR), hours; null when nothing was resolved in the period.' })
  meanTimeToRepairHours: number | null;
  @Field(() => Float, { nullable: true, description: 'Median time to repair, hours; null when nothing was resolved in the period.' })
  medianTimeToRepairHours: number | null;
  @Field(() => Date, { nullable: true, description: 'When the oldest open ticket was reported; null when none is open.' })
  oldestOpenReportedAt: Date | null;
  @Field(() => Float, { nullable: true, description: 'Hours since the oldest open ticket was reported.' }) oldestOpenAgeHours: number | null;
  @Field(() => Float, { description: 'Repair costs of the tickets resolved in the period, VND.' }) repairCostVnd: number;
}

@ObjectType({ description: 'Maintenance per ward and in total (R10), computed by the database from the tickets.' })
export class MaintenanceStats {
  @Field(() => String, { description: "Today in Asia/Ho_Chi_Minh (YYYY-MM-DD): the period's last day." }) asOf: string;
  @Field(() => Int, { nullable: true, description: 'The period: resolutions in the last periodDays local days, today included; null: all time.' })
  periodDays: number | null;
  @Field(() => [MaintenanceWardStats], { description: 'Per ward in scope, by ward id (wards without tickets included).' }) wards: MaintenanceWardStats[];
  @Field(() => MaintenanceWardStats, { description: 'The wards above together (the median is over their tickets, not of the medians).' })
  total: MaintenanceWardStats;
}
