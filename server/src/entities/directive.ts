import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DirectiveStatus, Role } from './enums';

/**
 * One of the ordinance's requirements R1-R10 as a task (../shared/MISSION.md): who is responsible,
 * by when, where it stands. ADMIN and the roles in ownerRoles change it (the database's restrictive
 * policy ww_directive_owner says the same); only ADMIN and PLANNER move its deadline or hand it to
 * another unit. daysLeft and overdue are computed by the database against its local day (ww_today).
 */
@ObjectType({ description: 'A requirement of the ordinance (R1-R10) as a task with a responsible unit, deadline, status and notes.' })
@Entity({ name: 'directive' })
export class Directive {
  @Field(() => Int)
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ name: 'district_id', type: 'integer' })
  districtId: number;

  @Field(() => String, { description: 'R1 ... R10.' })
  @Column({ type: 'text' })
  code: string;

  @Field(() => String)
  @Column({ type: 'text' })
  title: string;

  @Field(() => Int, { nullable: true })
  @Column({ name: 'responsible_unit_id', type: 'integer', nullable: true })
  responsibleUnitId: number | null;

  @Field(() => [Role], { description: 'The roles that own the directive and may change it (and ADMIN).' })
  @Column({ name: 'owner_roles', type: 'text', array: true })
  ownerRoles: Role[];

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @Column({ type: 'date', nullable: true })
  deadline: string | null;

  @Field(() => DirectiveStatus)
  @Column({ type: 'text' })
  status: DirectiveStatus;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Field(() => Date)
  @Column({ name: 'updated_at', type: 'timestamptz', insert: false, update: false })
  updatedAt: Date;

  @Field(() => String, { nullable: true, description: 'The username of whoever changed it last.' })
  @Column({ name: 'updated_by', type: 'text', nullable: true, insert: false, update: false })
  updatedBy: string | null;

  @Field(() => Int, { nullable: true, description: 'Days from today (Asia/Ho_Chi_Minh) to the deadline; negative when past; null without one.' })
  daysLeft: number | null;

  @Field(() => Boolean, { description: 'The deadline has passed and the directive is not DONE.' })
  overdue: boolean;
}
