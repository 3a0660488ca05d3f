import { IsISO8601, IsOptional, Matches, MaxLength } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { DirectiveStatus } from '../../entities/enums';

/**
 * A change to a directive. ADMIN and the roles that own it may change its status and notes; only
 * ADMIN and PLANNER move its deadline or hand it to another unit. A field left out stays as it is;
 * null clears notes, deadline and responsible unit.
 */
@InputType()
export class UpdateDirectiveInput {
  @Field(() => DirectiveStatus, { nullable: true }) status?: DirectiveStatus | null;

  @Field(() => String, { nullable: true, description: 'Up to 4000 characters; empty or null clears them.' })
  @IsOptional() @MaxLength(4000)
  notes?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD (ADMIN and PLANNER only); null: no deadline.' })
  @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'deadline must be a date YYYY-MM-DD' }) @IsISO8601({ strict: true })
  deadline?: string | null;

  @Field(() => Int, { nullable: true, description: 'A unit of the district (ADMIN and PLANNER only); null: none.' })
  responsibleUnitId?: number | null;
}
