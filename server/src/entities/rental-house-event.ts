import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { ComplianceStatus, RentalHouseEventReason } from './enums';

/**
 * One step of a rental house's status history (R2, R5). The database writes most of them (a house
 * registered, an active camera linked or lost) and makes the latest the house's status; the server
 * adds the ward's checks and the opening of penalty cases. Append-only.
 */
@ObjectType({ description: "A change of a rental house's compliance status: what it became, why, when and by whom." })
@Entity({ name: 'rental_house_event' })
export class RentalHouseEvent {
  @Field(() => Int)
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ name: 'district_id', type: 'integer', insert: false, update: false })
  districtId: number;

  @Column({ name: 'ward_id', type: 'integer', insert: false, update: false })
  wardId: number;

  @Field(() => Int)
  @Column({ name: 'rental_house_id', type: 'integer', update: false })
  rentalHouseId: number;

  @Field(() => ComplianceStatus)
  @Column({ type: 'text', update: false })
  status: ComplianceStatus;

  @Field(() => RentalHouseEventReason)
  @Column({ type: 'text', update: false })
  reason: RentalHouseEventReason;

  @Field(() => Int, { nullable: true, description: 'The camera that caused or was checked in this change.' })
  @Column({ name: 'camera_id', type: 'integer', nullable: true, update: false })
  cameraId: number | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true, update: false })
  note: string | null;

  @Field(() => Date)
  @Column({ type: 'timestamptz', insert: false, update: false })
  at: Date;

  @Column({ name: 'user_id', type: 'integer', nullable: true, insert: false, update: false })
  userId: number | null;

  @Field(() => String, { nullable: true, description: 'Who made the change, or whose action made the database record it; null: the database itself (a migration, the seed).' })
  @Column({ type: 'text', nullable: true, insert: false, update: false })
  username: string | null;
}
