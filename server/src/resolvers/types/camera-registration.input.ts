import { IsEmail, IsOptional, Matches, MaxLength } from 'class-validator';
import { Field, Float, InputType } from 'type-graphql';
import { CAMERA_LIMITS as L } from '../../../../shared/camera';
import { CameraType, OwnerKind, PoliceAccess } from '../../entities/enums';
import { GeoJSONScalar } from '../../scalars/geojson';
import { REGISTRATION_LIMITS as R } from '../../services/camera-registration.service';
import { PHONE } from './camera.input';
import { InRange } from './validators';

@InputType({ description: 'A camera registered by its owner on the public page (R1).' })
export class SubmitCameraRegistrationInput {
  @Field(() => GeoJSONScalar, { description: 'A GeoJSON Point [longitude, latitude] inside one of the wards.' })
  location: unknown;

  @Field(() => CameraType) type: CameraType;

  @Field(() => OwnerKind, { description: 'HOUSEHOLD, CIVIL_SERVANT, RENTAL_HOUSE or BUSINESS (a PUBLIC place’s camera is the ward’s to register).' })
  ownerKind: OwnerKind;

  @Field(() => Float, { nullable: true, description: 'Degrees clockwise from true north, in [0, 360). Default 0; ignored for a 360° camera.' })
  @IsOptional() @InRange({ min: L.bearing.min, max: L.bearing.maxExclusive, maxExclusive: true })
  bearing?: number;

  @Field(() => Float, { nullable: true, description: 'Degrees in (0, 360]. Default per type: FIXED 85, DOME and PTZ 360.' })
  @IsOptional() @InRange({ min: L.fieldOfView.minExclusive, max: L.fieldOfView.max, minExclusive: true })
  fieldOfView?: number;

  @Field(() => Float, { nullable: true, description: 'Metres, [1, 1000]. Default per type: FIXED 30, DOME 15, PTZ 50.' })
  @IsOptional() @InRange({ min: L.rangeMeters.min, max: L.rangeMeters.max })
  rangeMeters?: number;

  @Field(() => String, { description: "The owner's name, 2 to 200 characters." })
  @MaxLength(R.ownerName.max)
  ownerName: string;

  @Field(() => String, { description: 'A phone number the ward can call, e.g. 0905 123 456; with the reference it opens the status check.' })
  @Matches(PHONE, { message: 'ownerPhone must be a phone number such as 0905 123 456' })
  ownerPhone: string;

  @Field(() => String, { nullable: true })
  @IsOptional() @MaxLength(R.ownerEmail) @IsEmail({}, { message: 'ownerEmail must be an email address' })
  ownerEmail?: string;

  @Field(() => String, { description: 'Where the camera is mounted: house number and street, 5 to 300 characters.' })
  @MaxLength(R.address.max)
  address: string;

  @Field(() => PoliceAccess, { description: "The owner's consent to police access to the footage: none, on request, or a live feed." })
  policeAccess: PoliceAccess;

  @Field(() => Boolean, { description: 'The owner agrees that the ward uses these details to review the registration and contact them: must be true.' })
  consentToContact: boolean;
}

@InputType()
export class ApproveCameraRegistrationInput {
  @Field(() => Float, { nullable: true, description: "The camera's bearing, if the ward corrects the owner's (degrees in [0, 360))." })
  @IsOptional() @InRange({ min: L.bearing.min, max: L.bearing.maxExclusive, maxExclusive: true })
  bearing?: number;

  @Field(() => String, { nullable: true, description: 'A note the owner sees with the approval, at most 1000 characters.' })
  @IsOptional() @MaxLength(R.reviewNote)
  note?: string;
}
