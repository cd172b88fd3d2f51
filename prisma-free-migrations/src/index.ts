export { parseDatabaseUrl, DEFAULT_DATABASE_URL, type DatabaseTarget } from './database-url.js';
export { ensureDatabase, dropDatabase } from './ensure-database.js';
export { migrateUp, migrateDown, migrationStatus, connect } from './migrator.js';
export { seedDemo, DEMO_USERS, DEMO_PASSWORD } from './seeders/demo.seeder.js';
export { SYSTEM_USER_EMAIL } from './migrations/2026-11-29T0001-satisfaction-links-audit-ua.js';
