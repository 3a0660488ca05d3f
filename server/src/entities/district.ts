import type { MultiPolygon } from 'geojson';
import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { GeoJSONScalar } from '../scalars/geojson';

@ObjectType({ description: 'The area one WardWatch deployment serves (quận).' })
@Entity({ name: 'district' })
export class District {
  @Field(() => Int)
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Field(() => String)
  @Column({ type: 'text' })
  code: string;

  @Field(() => String)
  @Column({ type: 'text' })
  name: string;

  @Field(() => GeoJSONScalar, { description: 'MultiPolygon' })
  @Column({ type: 'geometry', spatialFeatureType: 'MultiPolygon', srid: 4326 })
  boundary: MultiPolygon;
}
