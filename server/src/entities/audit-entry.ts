import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { GraphQLJSONObject } from 'graphql-scalars';

/** One row of the append-only audit log, written in the same transaction as the change. */
@ObjectType({ description: 'A change (or a login or logout): who, as what role, when, to what, before and after. Personal fields are redacted.' })
@Entity({ name: 'audit_log' })
export class AuditEntry {
  @Field(() => Int)
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: number;

  @Column({ name: 'district_id', type: 'integer' })
  districtId: number;

  @Field(() => Date)
  @Column({ type: 'timestamptz' })
  at: Date;

  @Field(() => Int, { nullable: true, description: 'null: the database itself (the demo seed, a migration).' })
  @Column({ name: 'user_id', type: 'integer', nullable: true })
  userId: number | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  username: string | null;

  @Field(() => String, { nullable: true, description: 'The role the user acted in.' })
  @Column({ type: 'text', nullable: true, transformer: { from: (v: string | null) => v?.toUpperCase() ?? null, to: (v: unknown) => v } })
  role: string | null;

  @Field(() => String, { description: 'The GraphQL mutation (or login, logout) that made the change.' })
  @Column({ type: 'text' })
  action: string;

  @Field(() => String, { description: 'The table changed: camera, rental_house, app_user.' })
  @Column({ type: 'text' })
  entity: string;

  @Field(() => Int, { nullable: true })
  @Column({ name: 'entity_id', type: 'bigint', nullable: true, transformer: { from: (v: string | null) => (v == null ? null : Number(v)), to: (v: unknown) => v } })
  entityId: number | null;

  @Field(() => String, { description: 'INSERT, UPDATE, DELETE, LOGIN or LOGOUT.' })
  @Column({ type: 'text' })
  operation: string;

  @Field(() => GraphQLJSONObject, { nullable: true })
  @Column({ type: 'jsonb', nullable: true })
  before: Record<string, unknown> | null;

  @Field(() => GraphQLJSONObject, { nullable: true })
  @Column({ type: 'jsonb', nullable: true })
  after: Record<string, unknown> | null;
}
