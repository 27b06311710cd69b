// Data-moving upgrades keyed by the Dexie version they run in; each has a test that seeds the old schema with raw IndexedDB.
import type { Transaction } from 'dexie';

/** None yet: version 1 is the first schema. The harness in migrations.test.ts is ready for version 2. */
export const migrations: Record<number, (tx: Transaction) => Promise<void> | void> = {};
