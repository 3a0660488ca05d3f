import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Role } from './enums';

/** A person who logs in. The password hash is never mapped here (the app role cannot read it). */
@ObjectType({ description: 'A user of WardWatch and their role.' })
@Entity({ name: 'app_user' })
export class User {
  @Field(() => Int)
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Field(() => Int)
  @Column({ name: 'district_id', type: 'integer' })
  districtId: number;

  @Field(() => String)
  @Column({ type: 'text' })
  username: string;

  @Field(() => String)
  @Column({ name: 'display_name', type: 'text' })
  displayName: string;

  @Field(() => Role)
  @Column({ type: 'text' })
  role: Role;

  @Field(() => Int, { nullable: true, description: 'The ward a WARD_CHAIR (or ward POLICE) is bound to.' })
  @Column({ name: 'ward_id', type: 'integer', nullable: true })
  wardId: number | null;

  @Field(() => Boolean)
  @Column({ type: 'boolean' })
  disabled: boolean;

  @Field(() => Date)
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
