// Test helpers for the storage layer: fresh databases and whole-database snapshots (used only by *.test.ts).
import type { DBCore, Middleware } from 'dexie';
import { CxDatabase, openDatabase } from './db';

export const quotaState = { fail: true };

function failWrites(tableName: string): Middleware<DBCore> {
	return {
		stack: 'dbcore',
		name: 'test-fail-writes',
		create: (down) => ({
			...down,
			table(name) {
				const t = down.table(name);
				if (name !== tableName) return t;
				return {
					...t,
					mutate: (req) =>
						quotaState.fail ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')) : t.mutate(req)
				};
			}
		})
	};
}

let counter = 0;
/** A database whose writes to `failTable` fail like a full disk (QuotaExceededError). */
export async function freshDb(opts: { failTable?: string } = {}): Promise<CxDatabase> {
	const res = await openDatabase(`cx-test-${Date.now()}-${counter++}`, (db) => {
		if (opts.failTable) db.use(failWrites(opts.failTable));
	});
	if (!res.ok) throw new Error(res.message);
	return res.db;
}

/** Every table's rows, sorted by primary key: compare two snapshots to prove nothing changed. */
export async function snapshot(db: CxDatabase): Promise<Record<string, unknown[]>> {
	const out: Record<string, unknown[]> = {};
	for (const table of db.tables) out[table.name] = await table.toArray();
	return out;
}
