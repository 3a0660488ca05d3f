import { IsOptional, Matches, MaxLength, MinLength } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { CivilServantCheckResult } from '../../entities/enums';
import { GeoJSONScalar } from '../../scalars/geojson';
import { PHONE } from './camera.input';

const PHONE_MESSAGE = 'phone must be a phone number such as 0905 123 456';

@InputType()
export class RegisterCivilServantInput {
  @Field(() => Int, { description: "A unit of the user's district." }) unitId: number;
  @Field(() => String, { description: '2 to 120 characters.' }) @MinLength(2) @MaxLength(120) fullName: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(120) position?: string;

  @Field(() => String, { nullable: true })
  @IsOptional() @Matches(PHONE, { message: PHONE_MESSAGE })
  phone?: string;

  @Field(() => String, { description: '3 to 300 characters.' }) @MinLength(3) @MaxLength(300) homeAddress: string;

  @Field(() => GeoJSONScalar, { description: 'The home: a GeoJSON Point [longitude, latitude] inside the district (a ward chair: inside their ward).' })
  location: unknown;
}

@InputType({ description: 'Only the fields given change; position and phone may be cleared with null.' })
export class UpdateCivilServantInput {
  @Field(() => Int, { nullable: true }) unitId?: number;
  @Field(() => String, { nullable: true }) @IsOptional() @MinLength(2) @MaxLength(120) fullName?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(120) position?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional() @Matches(PHONE, { message: PHONE_MESSAGE })
  phone?: string | null;

  @Field(() => String, { nullable: true }) @IsOptional() @MinLength(3) @MaxLength(300) homeAddress?: string;

  @Field(() => GeoJSONScalar, { nullable: true, description: 'A GeoJSON Point: the home moves (a linked camera must stay within 150 m).' })
  location?: unknown;
}

@InputType()
export class RecordCivilServantCheckInput {
  @Field(() => Int) civilServantId: number;
  @Field(() => CivilServantCheckResult, { description: 'WORKING needs a linked, ACTIVE home camera.' }) result: CivilServantCheckResult;

  @Field(() => Date, { nullable: true, description: "When the check was made: default now; not in the future, not before the servant's record." })
  checkedAt?: Date;

  @Field(() => String, { nullable: true, description: "Who checked: default the user's display name; 2 to 120 characters." })
  @IsOptional() @MinLength(2) @MaxLength(120)
  checkedBy?: string;

  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(2000) note?: string;
}

@InputType()
export class CivilServantFilterInput {
  @Field(() => Int, { nullable: true }) unitId?: number;
  @Field(() => Int, { nullable: true, description: 'The ward they live in.' }) wardId?: number;

  @Field(() => Boolean, { nullable: true, description: 'true: home camera verified and ACTIVE; false: not (yet).' })
  verified?: boolean;

  @Field(() => String, { nullable: true, description: 'Part of the name or position (case-insensitive).' })
  @IsOptional() @MaxLength(100)
  search?: string;
}
