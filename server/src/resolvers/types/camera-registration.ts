import { Field, Float, ObjectType } from 'type-graphql';
import { CameraRegistration, RegistrationState } from '../../entities/camera-registration';
import { CameraType, OwnerKind, PoliceAccess } from '../../entities/enums';
import { GeoJSONScalar } from '../../scalars/geojson';
import { Connection } from './connection';

@ObjectType()
export class CameraRegistrationConnection extends Connection(CameraRegistration, 'CameraRegistration') {}

@ObjectType({ description: 'What the owner keeps after registering: the reference, where it was placed, and what was registered.' })
export class CameraRegistrationReceipt {
  @Field(() => String, { description: 'The reference to keep: with the phone number it opens the status check.' }) reference: string;
  @Field(() => RegistrationState) state: RegistrationState;
  @Field(() => Date) submittedAt: Date;
  @Field(() => String, { description: 'The ward that will review it (the one whose area holds the location).' }) wardName: string;
  @Field(() => String, { nullable: true }) residentialGroupName: string | null;
  @Field(() => String) districtName: string;
  @Field(() => Float) longitude: number;
  @Field(() => Float) latitude: number;
  @Field(() => CameraType) type: CameraType;
  @Field(() => OwnerKind) ownerKind: OwnerKind;
  @Field(() => Float) bearing: number;
  @Field(() => Float) fieldOfView: number;
  @Field(() => Float) rangeMeters: number;
  @Field(() => PoliceAccess) policeAccess: PoliceAccess;
}

@ObjectType({ description: 'Where a registration stands, for its owner: nothing else of it.' })
export class CameraRegistrationStatus {
  @Field(() => String) reference: string;
  @Field(() => RegistrationState) state: RegistrationState;
  @Field(() => Date) submittedAt: Date;
  @Field(() => Date, { nullable: true, description: 'When the ward approved or rejected it.' }) decidedAt: Date | null;
  @Field(() => String, { nullable: true, description: "The ward's reason (a rejection) or note (an approval)." }) reviewNote: string | null;
  @Field(() => String) wardName: string;
}

@ObjectType({ description: "A ward's name and outline, for the public registration map." })
export class RegistrationWard {
  @Field(() => String) code: string;
  @Field(() => String) name: string;
  @Field(() => String) districtName: string;
  @Field(() => GeoJSONScalar, { description: 'MultiPolygon' }) boundary: unknown;
}

@ObjectType({ description: 'What the public registration page draws: the wards a camera can be registered in.' })
export class RegistrationArea {
  @Field(() => [RegistrationWard]) wards: RegistrationWard[];
  @Field(() => [Float], { nullable: true, description: '[west, south, east, north] of all the wards.' }) bbox: number[] | null;
}
