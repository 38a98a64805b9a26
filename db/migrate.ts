// `npm run migrate`: apply pending migrations to DATABASE_URL (or the local default).
import { loadConfig } from '../config/config.js';
import { createDb } from './connection.js';
import { migrateToLatest } from './migrator.js';

const config = loadConfig();
const db = createDb(config.postgres.url, 1);
try {
  const applied = await migrateToLatest(db);
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
} finally {
  await db.destroy();
}
