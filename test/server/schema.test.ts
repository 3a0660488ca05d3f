import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CAMERA_STATUSES, CAMERA_TYPES, NETWORK_OPERATORS, OWNER_KINDS, POLICE_ACCESS } from '../../shared/camera';
import { ROLES } from '../../shared/roles';
import { CameraStatus, CameraType, NetworkOperator, OwnerKind, PoliceAccess, Role } from '../../server/src/entities/enums';
import { createSchema } from '../../server/src/schema';

describe('the GraphQL schema', () => {
  it('matches the committed server/schema.graphql (run `npm run schema:emit` after changing it)', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'ww-schema-')), 'schema.graphql');
    await createSchema(file);
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(path.resolve('server/schema.graphql'), 'utf8'));
  });

  it('spells every enum value as the database and the client do', () => {
    expect(Object.values(CameraType)).toEqual([...CAMERA_TYPES]);
    expect(Object.values(OwnerKind)).toEqual([...OWNER_KINDS]);
    expect(Object.values(NetworkOperator)).toEqual([...NETWORK_OPERATORS]);
    expect(Object.values(CameraStatus)).toEqual([...CAMERA_STATUSES]);
    expect(Object.values(PoliceAccess)).toEqual([...POLICE_ACCESS]);
    expect(Object.values(Role)).toEqual([...ROLES]);
  });
});
