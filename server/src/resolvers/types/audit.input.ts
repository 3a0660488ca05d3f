import { IsOptional, MaxLength } from 'class-validator';
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { AuditEntry } from '../../entities';
import { Connection } from './connection';

@InputType()
export class AuditFilterInput {
  @Field(() => String, { nullable: true, description: 'camera, rental_house or app_user.' }) @IsOptional() @MaxLength(64) entity?: string;
  @Field(() => Int, { nullable: true }) entityId?: number;
  @Field(() => Int, { nullable: true }) userId?: number;
  @Field(() => String, { nullable: true, description: 'A mutation name, login or logout.' }) @IsOptional() @MaxLength(64) action?: string;
  @Field(() => Date, { nullable: true, description: 'From this time on (inclusive).' }) from?: Date;
  @Field(() => Date, { nullable: true, description: 'Before this time.' }) to?: Date;
}

@ObjectType()
export class AuditEntryConnection extends Connection(AuditEntry, 'AuditEntry') {}
