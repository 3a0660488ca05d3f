import { Arg, Args, Ctx, FieldResolver, Float, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { Camera, Ward } from '../entities';
import { MaintenanceTicket, MaintenanceTicketAction } from '../entities/maintenance-ticket';
import { MaintenanceTicketEvent } from '../entities/maintenance-ticket-event';
import { NotFoundError } from '../errors';
import { allowedMaintenanceActions, ticketHours } from '../services/maintenance.service';
import { PageArgsType } from './camera.resolver';
import { MaintenanceStats, MaintenanceTicketConnection, MaintenanceWardStats } from './types/maintenance';
import {
  AssignMaintenanceTicketInput,
  MaintenanceTicketFilterInput,
  ReportCameraProblemInput,
  ResolveMaintenanceTicketInput,
  StartMaintenanceTicketInput,
} from './types/maintenance.input';

@Resolver(() => MaintenanceTicket)
export class MaintenanceResolver {
  @Query(() => MaintenanceTicket, { description: 'One maintenance ticket; NOT_FOUND if there is none with this id (or it is in another ward).' })
  maintenanceTicket(@Arg('id', () => Int) id: number, @Ctx() ctx: Context): Promise<MaintenanceTicket> {
    return ctx.services.maintenance.get(id);
  }

  @Query(() => MaintenanceTicketConnection, { description: 'Maintenance tickets (R10) matching a filter, newest first.' })
  maintenanceTickets(
    @Arg('filter', () => MaintenanceTicketFilterInput, { nullable: true }) filter: MaintenanceTicketFilterInput | undefined,
    @Args(() => PageArgsType) page: PageArgsType,
    @Ctx() ctx: Context,
  ): Promise<MaintenanceTicketConnection> {
    return ctx.services.maintenance.list(filter, page);
  }

  @Query(() => MaintenanceStats, {
    description: 'Open tickets and time to repair (mean, median) per ward in your scope and in total, optionally for one ward and a period.',
  })
  maintenanceStats(
    @Arg('wardId', () => Int, { nullable: true }) wardId: number | undefined,
    @Arg('periodDays', () => Int, { nullable: true, description: 'Resolutions of the last N local days (1 to 3660), today included; omitted: all time.' })
    periodDays: number | undefined,
    @Ctx() ctx: Context,
  ): Promise<MaintenanceStats> {
    return ctx.services.maintenance.stats(wardId, periodDays);
  }

  @Mutation(() => MaintenanceTicket, {
    description: 'Reports a problem with a camera: a REPORTED ticket. The camera must not be decommissioned nor have an unresolved ticket.',
  })
  reportCameraProblem(@Arg('input', () => ReportCameraProblemInput) input: ReportCameraProblemInput, @Ctx() ctx: Context): Promise<MaintenanceTicket> {
    return ctx.services.maintenance.report(input);
  }

  @Mutation(() => MaintenanceTicket, { description: 'REPORTED -> ASSIGNED; on an ASSIGNED or IN_PROGRESS ticket: another assignee.' })
  assignMaintenanceTicket(
    @Arg('id', () => Int) id: number,
    @Arg('input', () => AssignMaintenanceTicketInput) input: AssignMaintenanceTicketInput,
    @Ctx() ctx: Context,
  ): Promise<MaintenanceTicket> {
    return ctx.services.maintenance.assign(id, input);
  }

  @Mutation(() => MaintenanceTicket, {
    description: 'REPORTED or ASSIGNED -> IN_PROGRESS: the camera goes to MAINTENANCE. A REPORTED ticket needs input.assignee.',
  })
  startMaintenanceTicket(
    @Arg('id', () => Int) id: number,
    @Arg('input', () => StartMaintenanceTicketInput, { nullable: true }) input: StartMaintenanceTicketInput | undefined,
    @Ctx() ctx: Context,
  ): Promise<MaintenanceTicket> {
    return ctx.services.maintenance.start(id, input);
  }

  @Mutation(() => MaintenanceTicket, { description: 'IN_PROGRESS -> RESOLVED: what was done and its cost; the camera is ACTIVE again (unless decommissioned).' })
  resolveMaintenanceTicket(
    @Arg('id', () => Int) id: number,
    @Arg('input', () => ResolveMaintenanceTicketInput) input: ResolveMaintenanceTicketInput,
    @Ctx() ctx: Context,
  ): Promise<MaintenanceTicket> {
    return ctx.services.maintenance.resolve(id, input);
  }

  @Mutation(() => MaintenanceTicket, { description: 'Adds a note (1 to 2000 characters) to the timeline of an unresolved ticket.' })
  addMaintenanceTicketNote(@Arg('id', () => Int) id: number, @Arg('note', () => String) note: string, @Ctx() ctx: Context): Promise<MaintenanceTicket> {
    return ctx.services.maintenance.addNote(id, note);
  }

  @FieldResolver(() => Ward)
  ward(@Root() t: MaintenanceTicket, @Ctx() ctx: Context): Promise<Ward> {
    return ctx.loaders.ward.load(t.wardId);
  }

  @FieldResolver(() => Camera)
  async camera(@Root() t: MaintenanceTicket, @Ctx() ctx: Context): Promise<Camera> {
    const camera = await ctx.loaders.maintenanceCamera.load(t.cameraId);
    if (!camera) throw new NotFoundError('Camera', t.cameraId, 'cameraId');
    return camera;
  }

  @FieldResolver(() => [MaintenanceTicketEvent], { description: 'The timeline, oldest first.' })
  events(@Root() t: MaintenanceTicket, @Ctx() ctx: Context): Promise<MaintenanceTicketEvent[]> {
    return ctx.loaders.maintenanceTicketEvents.load(t.id);
  }

  @FieldResolver(() => Float, { description: 'Hours from the report to the resolution; while open, to now (the age).' })
  elapsedHours(@Root() t: MaintenanceTicket): number {
    return ticketHours(t);
  }

  @FieldResolver(() => [MaintenanceTicketAction], { description: 'What you may do with this ticket now: the actions your role may take that would succeed.' })
  allowedActions(@Root() t: MaintenanceTicket, @Ctx() ctx: Context): MaintenanceTicketAction[] {
    return allowedMaintenanceActions(t, ctx.viewer?.role);
  }
}

@Resolver(() => MaintenanceWardStats)
export class MaintenanceWardStatsResolver {
  @FieldResolver(() => Ward, { nullable: true, description: 'The ward; null on the total row.' })
  async ward(@Root() s: MaintenanceWardStats, @Ctx() ctx: Context): Promise<Ward | null> {
    return s.wardId == null ? null : ctx.loaders.ward.load(s.wardId);
  }
}
