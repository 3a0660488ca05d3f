import { IsISO8601, IsOptional, Matches, MaxLength } from 'class-validator';
import { Field, Float, InputType, Int } from 'type-graphql';
import { CameraStatus, CameraType, NetworkOperator, OwnerKind, PoliceAccess } from '../../entities/enums';
import { GeoJSONScalar } from '../../scalars/geojson';
import { CAMERA_LIMITS as L } from '../../../../shared/camera';
import { InRange } from './validators';

/** Phone numbers: digits with optional +, spaces, dots or dashes; 9 to 20 characters. */
export const PHONE = /^\+?[0-9][0-9 .-]{7,18}[0-9]$/;

@InputType()
class CameraFieldsInput {
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(100) label?: string;

  @Field(() => Float, { nullable: true, description: 'Degrees clockwise from true north, in [0, 360). Default 0.' })
  @IsOptional() @InRange({ min: L.bearing.min, max: L.bearing.maxExclusive, maxExclusive: true })
  bearing?: number;

  @Field(() => Float, { nullable: true, description: 'Horizontal field of view, degrees in (0, 360]. Default per type: FIXED 85, DOME and PTZ 360.' })
  @IsOptional() @InRange({ min: L.fieldOfView.minExclusive, max: L.fieldOfView.max, minExclusive: true })
  fieldOfView?: number;

  @Field(() => Float, { nullable: true, description: 'Useful range in metres, [1, 1000]. Default per type: FIXED 30, DOME 15, PTZ 50.' })
  @IsOptional() @InRange({ min: L.rangeMeters.min, max: L.rangeMeters.max })
  rangeMeters?: number;

  @Field(() => Float, { nullable: true, description: 'Metres above ground, [0, 100].' })
  @IsOptional() @InRange({ min: L.mountHeightMeters.min, max: L.mountHeightMeters.max })
  mountHeightMeters?: number;

  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200) ownerName?: string;

  @Field(() => String, { nullable: true })
  @IsOptional() @Matches(PHONE, { message: 'ownerPhone must be a phone number such as 0905 123 456' })
  ownerPhone?: string;

  @Field(() => Int, { nullable: true, description: 'The rental house this camera belongs to; ownerKind must then be RENTAL_HOUSE.' })
  rentalHouseId?: number;

  @Field(() => NetworkOperator, { nullable: true }) networkOperator?: NetworkOperator;
  @Field(() => PoliceAccess, { nullable: true }) policeAccess?: PoliceAccess;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @IsOptional() @IsISO8601({ strict: true }) @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'installedOn must be a date YYYY-MM-DD' })
  installedOn?: string;
}

@InputType()
export class RegisterCameraInput extends CameraFieldsInput {
  @Field(() => GeoJSONScalar, { description: 'A GeoJSON Point [longitude, latitude] inside the district.' })
  location: unknown;

  @Field(() => CameraType) type: CameraType;
  @Field(() => OwnerKind) ownerKind: OwnerKind;

  @Field(() => CameraStatus, { nullable: true, description: 'Default ACTIVE.' })
  status?: CameraStatus;
}

@InputType()
export class UpdateCameraInput extends CameraFieldsInput {
  @Field(() => GeoJSONScalar, { nullable: true, description: 'A GeoJSON Point: moves the camera.' })
  location?: unknown;

  @Field(() => CameraType, { nullable: true }) type?: CameraType;
  @Field(() => OwnerKind, { nullable: true }) ownerKind?: OwnerKind;
  @Field(() => CameraStatus, { nullable: true, description: 'ACTIVE, OFFLINE or MAINTENANCE (use decommissionCamera to retire it).' })
  status?: CameraStatus;
}
