import { IsOptional, Matches, MaxLength, MinLength } from 'class-validator';
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { User } from '../../entities';
import { Role } from '../../entities/enums';

const USERNAME = /^[a-zA-Z0-9][a-zA-Z0-9._-]{2,63}$/;
const USERNAME_MESSAGE = 'username must be 3 to 64 letters, digits, dots, dashes or underscores';

@InputType()
export class CreateUserInput {
  @Field(() => String) @Matches(USERNAME, { message: USERNAME_MESSAGE }) username: string;
  @Field(() => String) @MinLength(1) @MaxLength(120) displayName: string;
  @Field(() => Role) role: Role;
  @Field(() => Int, { nullable: true, description: 'Required for a WARD_CHAIR; optional for POLICE.' }) wardId?: number;
  @Field(() => String, { description: '12 to 200 characters.' }) @MinLength(12) @MaxLength(200) password: string;
  @Field(() => Boolean, { nullable: true }) disabled?: boolean;
}

@InputType()
export class UpdateUserInput {
  @Field(() => String, { nullable: true }) @IsOptional() @MinLength(1) @MaxLength(120) displayName?: string;
  @Field(() => Role, { nullable: true }) role?: Role;
  @Field(() => Int, { nullable: true }) wardId?: number | null;
  @Field(() => String, { nullable: true, description: 'A new password, 12 to 200 characters.' })
  @IsOptional() @MinLength(12) @MaxLength(200) password?: string;
  @Field(() => Boolean, { nullable: true, description: 'A disabled user cannot log in, and their sessions stop at once.' })
  disabled?: boolean;
}

@InputType()
export class LoginInput {
  @Field(() => String) @MinLength(1) @MaxLength(64) username: string;
  @Field(() => String) @MinLength(1) @MaxLength(200) password: string;
}

@ObjectType({ description: 'A new session: its cookie is set on the response (HttpOnly, SameSite=Strict).' })
export class LoginResult {
  @Field(() => User) user: User;
  @Field(() => Date) expiresAt: Date;
}
