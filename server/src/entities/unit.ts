import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { UnitKind } from './enums';

/**
 * A unit of the district's civil servants (R4, R6): a district division or a ward's committee.
 * The figures are the database's, computed per list in one statement over the civil servants the
 * viewer may see (a ward chair: those living in their ward); they are not columns.
 */
@ObjectType({ description: "A district division or a ward's committee, with the home-camera uptake of its civil servants (R4, R6)." })
@Entity({ name: 'unit' })
export class Unit {
  @Field(() => Int)
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Field(() => Int)
  @Column({ name: 'district_id', type: 'integer' })
  districtId: number;

  @Field(() => Int, { nullable: true, description: "The ward of a ward committee; null for a district division." })
  @Column({ name: 'ward_id', type: 'integer', nullable: true })
  wardId: number | null;

  @Field(() => String)
  @Column({ type: 'text' })
  code: string;

  @Field(() => String)
  @Column({ type: 'text' })
  name: string;

  @Field(() => UnitKind)
  @Column({ type: 'text' })
  kind: UnitKind;

  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false })
  createdAt: Date;

  @Field(() => Int, { description: 'Its civil servants the viewer may see (a ward chair: those living in their ward).' })
  headcount: number;

  @Field(() => Int, { description: 'Of those, the ones whose home camera is verified and ACTIVE.' })
  verifiedCount: number;

  @Field(() => Float, { nullable: true, description: 'verifiedCount / headcount in percent (one decimal); null when headcount is 0.' })
  uptakePercent: number | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When the unit reached 100%: the latest verifiedSince among its members; null unless every member is verified.',
  })
  reachedFullAt: Date | null;
}
