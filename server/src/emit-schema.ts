import 'reflect-metadata';
import path from 'node:path';
import { createSchema } from './schema';

/** Writes the GraphQL schema to server/schema.graphql (committed; a test keeps it current). */
export const SCHEMA_FILE = path.resolve(process.cwd(), 'server/schema.graphql');

createSchema(SCHEMA_FILE)
  .then(() => console.log(`schema written to ${SCHEMA_FILE}`))
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });
