import type { MultiPolygon } from 'geojson';
import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { GeoJSONScalar } from '../scalars/geojson';

@ObjectType({ description: 'A ward (phường). Its chair sees only this ward.' })
@Entity({ name: 'ward' })
export class Ward {
  @Field(() => Int)
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Field(() => Int)
  @Column({ name: 'district_id', type: 'integer' })
  districtId: number;

  @Field(() => String)
  @Column({ type: 'text' })
  code: string;

  @Field(() => String)
  @Column({ type: 'text' })
  name: string;

  @Field(() => String, { nullable: true })
  @Column({ name: 'chair_name', type: 'text', nullable: true })
  chairName: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'chair_phone', type: 'text', nullable: true })
  chairPhone: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'chair_email', type: 'text', nullable: true })
  chairEmail: string | null;

  @Field(() => GeoJSONScalar, { description: 'MultiPolygon' })
  @Column({ type: 'geometry', spatialFeatureType: 'MultiPolygon', srid: 4326 })
  boundary: MultiPolygon;
}
