import { IsOptional, Matches, MaxLength, MinLength } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { HouseCheckResult } from '../../entities/enums';
import { GeoJSONScalar } from '../../scalars/geojson';
import { PHONE } from './camera.input';
import { InRange } from './validators';

@InputType()
export class RegisterRentalHouseInput {
  @Field(() => String) @MinLength(3) @MaxLength(300) address: string;
  @Field(() => String) @MinLength(2) @MaxLength(200) ownerName: string;

  @Field(() => String, { nullable: true })
  @IsOptional() @Matches(PHONE, { message: 'ownerPhone must be a phone number such as 0905 123 456' })
  ownerPhone?: string;

  @Field(() => Int, { description: 'Rooms for rent, 1 to 500.' }) @InRange({ min: 1, max: 500 }) rooms: number;

  @Field(() => GeoJSONScalar, { description: 'A GeoJSON Point [longitude, latitude] inside the district.' })
  location: unknown;
}

@InputType()
export class UpdateRentalHouseInput {
  @Field(() => String, { nullable: true }) @IsOptional() @MinLength(3) @MaxLength(300) address?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MinLength(2) @MaxLength(200) ownerName?: string;

  @Field(() => String, { nullable: true })
  @IsOptional() @Matches(PHONE, { message: 'ownerPhone must be a phone number such as 0905 123 456' })
  ownerPhone?: string;

  @Field(() => Int, { nullable: true }) @IsOptional() @InRange({ min: 1, max: 500 }) rooms?: number;

  @Field(() => GeoJSONScalar, { nullable: true, description: 'A GeoJSON Point: moves the house.' })
  location?: unknown;
}

@InputType({ description: "A ward's check of a rental house's camera (R2, R5)." })
export class RecordRentalHouseCheckInput {
  @Field(() => Int) rentalHouseId: number;
  @Field(() => HouseCheckResult, { description: 'CAMERA_WORKING needs an active camera registered to the house.' }) result: HouseCheckResult;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(2000) note?: string;
}
