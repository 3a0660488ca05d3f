import { Field, Float, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsOptional, ValidateNested } from 'class-validator';
import { CameraStatus, CameraType, ComplianceStatus, OwnerKind } from '../../entities/enums';
import { GeoJSONScalar } from '../../scalars/geojson';
import { InRange } from './validators';

@InputType({ description: 'A longitude/latitude box in degrees (WGS 84).' })
export class BBoxInput {
  @Field(() => Float) @InRange({ min: -180, max: 180 }) west: number;
  @Field(() => Float) @InRange({ min: -90, max: 90 }) south: number;
  @Field(() => Float) @InRange({ min: -180, max: 180 }) east: number;
  @Field(() => Float) @InRange({ min: -90, max: 90 }) north: number;
}

@InputType({ description: 'Within a radius of a point; results are ordered by distance and edges carry distanceMeters.' })
export class NearInput {
  @Field(() => Float) @InRange({ min: -180, max: 180 }) longitude: number;
  @Field(() => Float) @InRange({ min: -90, max: 90 }) latitude: number;
  @Field(() => Float, { description: 'Metres, up to 50 km.' })
  @InRange({ min: 0, max: 50_000, minExclusive: true })
  radiusMeters: number;
}

@InputType()
class PointFilterInput {
  @Field(() => Int, { nullable: true }) wardId?: number;
  @Field(() => Int, { nullable: true }) residentialGroupId?: number;

  @Field(() => BBoxInput, { nullable: true })
  @IsOptional() @ValidateNested()
  bbox?: BBoxInput;

  @Field(() => GeoJSONScalar, { nullable: true, description: 'A GeoJSON Polygon or MultiPolygon.' })
  within?: unknown;

  @Field(() => NearInput, { nullable: true })
  @IsOptional() @ValidateNested()
  near?: NearInput;
}

@InputType()
export class CameraFilterInput extends PointFilterInput {
  @Field(() => [CameraStatus], { nullable: true }) status?: CameraStatus[];
  @Field(() => [OwnerKind], { nullable: true }) ownerKind?: OwnerKind[];
  @Field(() => [CameraType], { nullable: true }) type?: CameraType[];
}

@InputType()
export class RentalHouseFilterInput extends PointFilterInput {
  @Field(() => Boolean, { nullable: true, description: 'false: the houses with no active camera registered to them (R2, R5).' })
  hasActiveCamera?: boolean;

  /** At most one of each status (4): a longer list is BAD_USER_INPUT naming filter.complianceStatus. */
  @Field(() => [ComplianceStatus], { nullable: true, description: 'Houses whose compliance status is one of these.' })
  @IsOptional() @ArrayMaxSize(Object.values(ComplianceStatus).length)
  complianceStatus?: ComplianceStatus[];
}
