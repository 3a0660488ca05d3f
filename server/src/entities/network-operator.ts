import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn, type ValueTransformer } from 'typeorm';
import { NetworkOperator } from './enums';

/** bigint arrives from pg as a string; the amounts here are bounded well inside a JS number (and GraphQL's Int). */
export const bigintNumber: ValueTransformer = {
  to: (v: number | null | undefined) => v,
  from: (v: string | null) => (v == null ? null : Number(v)),
};

/**
 * A network operator of the district (R3): Viettel, VNPT, FPT or another. Its `kind` is the camera
 * vocabulary's NetworkOperator (never NONE): a camera connected through it says so
 * (camera.network_operator follows the connection, db/migrations/1764835200000-network-operators.ts).
 * (GraphQL calls the type TelecomOperator: the name NetworkOperator is the cameras' enum.)
 */
@ObjectType('TelecomOperator', { description: 'A network operator (nhà mạng) that connects cameras and may support the programme (R3).' })
@Entity({ name: 'network_operator' })
export class NetworkOperatorRecord {
  @Field(() => Int)
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Field(() => Int)
  @Column({ name: 'district_id', type: 'integer' })
  districtId: number;

  @Field(() => String, { description: 'A short lower-case key, unique in the district (e.g. viettel).' })
  @Column({ type: 'text' })
  code: string;

  @Field(() => String)
  @Column({ type: 'text' })
  name: string;

  @Field(() => NetworkOperator, { description: 'VIETTEL, VNPT, FPT or OTHER (never NONE).' })
  @Column({ type: 'text' })
  kind: NetworkOperator;

  @Field(() => String, { nullable: true, description: "The operator's contact person for the programme (a business contact)." })
  @Column({ name: 'contact_name', type: 'text', nullable: true })
  contactName: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'contact_phone', type: 'text', nullable: true })
  contactPhone: string | null;

  @Field(() => Date)
  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false })
  createdAt: Date;
}

/**
 * What an operator gives the programme for a period (R3): bandwidth and a monthly subscription-fee
 * support per camera, with its terms. In force on the days from startsOn to endsOn (open-ended when
 * endsOn is null), in the district's local time (ww_today()).
 */
@ObjectType({ description: "An operator's support agreement: bandwidth and monthly subscription-fee support per camera, for a period (R3)." })
@Entity({ name: 'support_agreement' })
export class SupportAgreement {
  @Field(() => Int)
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Field(() => Int)
  @Column({ name: 'district_id', type: 'integer' })
  districtId: number;

  @Field(() => Int)
  @Column({ name: 'operator_id', type: 'integer' })
  operatorId: number;

  @Field(() => String)
  @Column({ type: 'text' })
  title: string;

  @Field(() => Float, { nullable: true, description: 'Bandwidth granted per camera, Mbit/s.' })
  @Column({ name: 'bandwidth_mbps', type: 'double precision', nullable: true })
  bandwidthMbps: number | null;

  @Field(() => Int, { description: "Monthly fee support per connected camera, VND (a connection's covered fee is at most its own fee)." })
  @Column({ name: 'monthly_fee_support_vnd', type: 'bigint', transformer: bigintNumber })
  monthlyFeeSupportVnd: number;

  @Field(() => String, { description: 'YYYY-MM-DD' })
  @Column({ name: 'starts_on', type: 'date' })
  startsOn: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD (the last day in force); null: open-ended.' })
  @Column({ name: 'ends_on', type: 'date', nullable: true })
  endsOn: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  terms: string | null;

  @Field(() => Date)
  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false })
  createdAt: Date;

  @Field(() => Boolean, { description: 'In force today (local day): startsOn <= today <= endsOn.' })
  inForce: boolean;

  @Field(() => Int, { description: 'Connections of cameras in your scope that name this agreement.' })
  connectionCount: number;
}

/**
 * A camera's network connection (one per camera): operator, plan, monthly fee, bandwidth, and the
 * agreement that supports it (none: not supported). It belongs to the camera's ward (and follows
 * the camera to another ward).
 */
@ObjectType({ description: "A camera's network connection: operator, plan, monthly fee and the agreement that supports it (R3)." })
@Entity({ name: 'camera_connection' })
export class CameraNetworkConnection {
  @Field(() => Int)
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Field(() => Int)
  @Column({ name: 'district_id', type: 'integer', insert: false, update: false })
  districtId: number;

  @Field(() => Int, { description: "The camera's ward." })
  @Column({ name: 'ward_id', type: 'integer', insert: false, update: false })
  wardId: number;

  @Field(() => Int)
  @Column({ name: 'camera_id', type: 'integer' })
  cameraId: number;

  @Field(() => Int)
  @Column({ name: 'operator_id', type: 'integer' })
  operatorId: number;

  @Field(() => String, { description: "The operator's plan (gói cước)." })
  @Column({ type: 'text' })
  plan: string;

  @Field(() => Int, { description: 'The monthly subscription fee, VND.' })
  @Column({ name: 'monthly_fee_vnd', type: 'bigint', transformer: bigintNumber })
  monthlyFeeVnd: number;

  @Field(() => Float, { nullable: true, description: 'Mbit/s.' })
  @Column({ name: 'bandwidth_mbps', type: 'double precision', nullable: true })
  bandwidthMbps: number | null;

  @Field(() => Int, { nullable: true, description: 'The support agreement it is under; null: not supported.' })
  @Column({ name: 'agreement_id', type: 'integer', nullable: true })
  agreementId: number | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @Column({ name: 'connected_on', type: 'date', nullable: true })
  connectedOn: string | null;

  @Field(() => Date)
  @Column({ name: 'updated_at', type: 'timestamptz', insert: false, update: false })
  updatedAt: Date;

  @Field(() => Boolean, { description: 'Supported today: it names an agreement that is in force.' })
  supported: boolean;

  @Field(() => Int, { description: 'The part of the monthly fee the agreement covers today, VND: min(fee, support); 0 when not supported.' })
  feeCoveredVnd: number;
}
