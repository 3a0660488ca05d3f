import { ArrayMaxSize, IsOptional, MaxLength, MinLength } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { MaintenanceTicketSource, MaintenanceTicketState } from '../../entities/maintenance-ticket';
import { MAINTENANCE_LIMITS as L } from '../../services/maintenance.service';
import { InRange } from './validators';

@InputType({ description: 'Which maintenance tickets to list.' })
export class MaintenanceTicketFilterInput {
  @Field(() => Int, { nullable: true }) wardId?: number;
  /** At most one of each state (4): a longer list is BAD_USER_INPUT naming filter.states. */
  @Field(() => [MaintenanceTicketState], { nullable: true })
  @IsOptional() @ArrayMaxSize(Object.values(MaintenanceTicketState).length)
  states?: MaintenanceTicketState[];
  @Field(() => Int, { nullable: true }) cameraId?: number;
  @Field(() => MaintenanceTicketSource, { nullable: true }) source?: MaintenanceTicketSource;
}

@InputType()
export class ReportCameraProblemInput {
  @Field(() => Int, { description: 'A camera that is not decommissioned and has no unresolved ticket.' }) cameraId: number;

  @Field(() => String, { description: 'What is wrong, 3 to 2000 characters.' })
  @MinLength(L.problem.min) @MaxLength(L.problem.max)
  problem: string;
}

@InputType()
export class AssignMaintenanceTicketInput {
  @Field(() => String, { description: 'Who does the work: a technician, a team or a company; 2 to 120 characters.' })
  @MinLength(L.assignee.min) @MaxLength(L.assignee.max)
  assignee: string;

  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(L.note) note?: string;
}

@InputType()
export class StartMaintenanceTicketInput {
  @Field(() => String, { nullable: true, description: 'Who does the work; required when the ticket is not assigned yet.' })
  @IsOptional() @MinLength(L.assignee.min) @MaxLength(L.assignee.max)
  assignee?: string;

  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(L.note) note?: string;
}

@InputType()
export class ResolveMaintenanceTicketInput {
  @Field(() => String, { description: 'What was done, 3 to 2000 characters.' })
  @MinLength(L.resolution.min) @MaxLength(L.resolution.max)
  resolution: string;

  @Field(() => Int, { nullable: true, description: 'What the repair cost, VND, 0 to 1,000,000,000.' })
  @IsOptional() @InRange({ min: L.repairCostVnd.min, max: L.repairCostVnd.max })
  repairCostVnd?: number;
}
