import { DEMO_PASSWORD } from '../../../db/seed/demo-users';
import { User } from '../entities';
import { Role } from '../entities/enums';
import { BadUserInputError, NotFoundError } from '../errors';
import { hashPassword } from './auth.service';
import { translateDbError } from './db-errors';
import type { ScopedDb } from './scoped-db';

export interface UserFields {
  username?: string | null;
  displayName?: string | null;
  role?: Role | null;
  wardId?: number | null;
  password?: string | null;
  disabled?: boolean | null;
}

const FIELD_OF_CONSTRAINT: Record<string, string> = {
  app_user_username_key: 'input.username',
  app_user_username_check: 'input.username',
  app_user_display_name_check: 'input.displayName',
  app_user_ward_id_fkey: 'input.wardId',
  app_user_check: 'input.wardId',
  app_user_check1: 'input.wardId',
};

/** The demo users' password is published: no real account may have it. */
function assertNotDemoPassword(password: string): void {
  if (password === DEMO_PASSWORD) throw new BadUserInputError('input.password', 'must not be the published demo password');
}

/** Users of the district (ADMIN only, by policy and by row-level security). */
export class UserService {
  constructor(private readonly db: ScopedDb) {}

  async me(): Promise<User | null> {
    if (!this.db.viewer) return null;
    return (await this.db.manager()).getRepository(User).findOneBy({ id: this.db.viewer.userId });
  }

  async list(): Promise<User[]> {
    return (await this.db.manager()).getRepository(User).find({ where: { districtId: this.db.scope.districtId }, order: { username: 'ASC' } });
  }

  async create(input: UserFields & { username: string; displayName: string; role: Role; password: string }): Promise<User> {
    assertNotDemoPassword(input.password);
    return this.db.transaction(async (m) => {
      await this.checkWard(input.role, input.wardId ?? null);
      const passwordHash = await hashPassword(input.password);
      let id: number;
      try {
        const [row] = await m.query(
          `INSERT INTO app_user (district_id, username, display_name, role, ward_id, password_hash, disabled)
           VALUES ($1, lower($2), $3, $4, $5, $6, $7) RETURNING id`,
          [this.db.scope.districtId, input.username.trim(), input.displayName.trim(), input.role, input.wardId ?? null, passwordHash, input.disabled ?? false],
        );
        id = row.id;
      } catch (err) {
        if ((err as { driverError?: { code?: string } }).driverError?.code === '23505') {
          throw new BadUserInputError('input.username', 'is taken');
        }
        translateDbError(err, FIELD_OF_CONSTRAINT);
      }
      return this.get(id);
    });
  }

  async update(id: number, input: UserFields): Promise<User> {
    if (input.password != null) assertNotDemoPassword(input.password);
    return this.db.transaction(async (m) => {
      const user = await this.get(id);
      const role = input.role ?? user.role;
      const wardId = input.wardId !== undefined ? input.wardId : role === Role.WARD_CHAIR || role === Role.POLICE ? user.wardId : null;
      await this.checkWard(role, wardId);
      if (this.db.viewer?.userId === id && (input.disabled === true || (input.role != null && input.role !== Role.ADMIN))) {
        throw new BadUserInputError('input', 'you cannot disable yourself or give up your own ADMIN role');
      }
      const sets: string[] = ['role = $2', 'ward_id = $3'];
      const params: unknown[] = [id, role, wardId];
      if (input.displayName != null) sets.push(`display_name = $${params.push(input.displayName.trim())}`);
      if (input.disabled != null) sets.push(`disabled = $${params.push(input.disabled)}`);
      if (input.password != null) sets.push(`password_hash = $${params.push(await hashPassword(input.password))}`);
      try {
        await m.query(`UPDATE app_user SET ${sets.join(', ')} WHERE id = $1`, params);
      } catch (err) {
        translateDbError(err, FIELD_OF_CONSTRAINT);
      }
      return this.get(id);
    });
  }

  private async get(id: number): Promise<User> {
    const user = await (await this.db.manager()).getRepository(User).findOneBy({ id, districtId: this.db.scope.districtId });
    if (!user) throw new NotFoundError('User', id);
    return user;
  }

  /** A WARD_CHAIR needs a ward of the district; POLICE may have one; other roles have none. */
  private async checkWard(role: Role, wardId: number | null): Promise<void> {
    if (role === Role.WARD_CHAIR && wardId == null) throw new BadUserInputError('input.wardId', 'a WARD_CHAIR needs a ward');
    if (wardId != null && role !== Role.WARD_CHAIR && role !== Role.POLICE) {
      throw new BadUserInputError('input.wardId', `a ${role.toUpperCase()} is not bound to a ward`);
    }
    if (wardId != null) {
      const [w] = await this.db.query(`SELECT 1 FROM ward WHERE id = $1 AND district_id = $2`, [wardId, this.db.scope.districtId]);
      if (!w) throw new NotFoundError('Ward', wardId, 'input.wardId');
    }
  }
}
