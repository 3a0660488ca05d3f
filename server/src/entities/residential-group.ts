import type { MultiPolygon } from 'geojson';
import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { GeoJSONScalar } from '../scalars/geojson';

@ObjectType({ description: 'A residential group (tổ dân phố): a neighbourhood block inside one ward. R8: each needs at least one camera.' })
@Entity({ name: 'residential_group' })
export class ResidentialGroup {
  @Field(() => Int)
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Field(() => Int)
  @Column({ name: 'district_id', type: 'integer' })
  districtId: number;

  @Field(() => Int)
  @Column({ name: 'ward_id', type: 'integer' })
  wardId: number;

  @Field(() => String)
  @Column({ type: 'text' })
  code: string;

  @Field(() => String)
  @Column({ type: 'text' })
  name: string;

  @Field(() => Int)
  @Column({ type: 'integer' })
  households: number;

  @Field(() => GeoJSONScalar, { description: 'MultiPolygon' })
  @Column({ type: 'geometry', spatialFeatureType: 'MultiPolygon', srid: 4326 })
  boundary: MultiPolygon;
}
