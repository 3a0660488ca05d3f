import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { PenaltyCaseEventKind } from './enums';

/** One entry of a penalty case's timeline: a transition, a note or a piece of evidence. Append-only. */
@ObjectType({ description: "An entry of a penalty case's timeline." })
@Entity({ name: 'penalty_case_event' })
export class PenaltyCaseEvent {
  @Field(() => Int)
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ name: 'district_id', type: 'integer', insert: false, update: false })
  districtId: number;

  @Column({ name: 'ward_id', type: 'integer', insert: false, update: false })
  wardId: number;

  @Field(() => Int)
  @Column({ name: 'penalty_case_id', type: 'integer', update: false })
  penaltyCaseId: number;

  @Field(() => PenaltyCaseEventKind)
  @Column({ type: 'text', update: false })
  kind: PenaltyCaseEventKind;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true, update: false })
  note: string | null;

  @Field(() => String, { nullable: true, description: 'Where the evidence is kept: a document number, a file name or a link.' })
  @Column({ name: 'file_reference', type: 'text', nullable: true, update: false })
  fileReference: string | null;

  @Field(() => Date)
  @Column({ type: 'timestamptz', insert: false, update: false })
  at: Date;

  @Column({ name: 'user_id', type: 'integer', nullable: true, insert: false, update: false })
  userId: number | null;

  @Field(() => String, { nullable: true, description: 'Who recorded it.' })
  @Column({ type: 'text', nullable: true, insert: false, update: false })
  username: string | null;
}
