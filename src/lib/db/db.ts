// The Dexie database: every schema version, the meta record, and a write guard for data newer than this code.
import Dexie, { type EntityTable, type DBCore, type Middleware } from 'dexie';
import { CODE_SCHEMA_VERSION, DB_NAME, VERSIONS } from './schema';
import { ReadOnlyError } from './errors';
import type { Workspace } from '$lib/domain/workspace/workspace';
import { migrations } from './migrations';

export type MetaRecord = { key: string; value: unknown };
/** Workspace-scoped records are validated by their own domain schema on read; here they are opaque. */
export type AnyRecord = { id: string; workspaceId: string; [k: string]: unknown };

export class CxDatabase extends Dexie {
	meta!: EntityTable<MetaRecord, 'key'>;
	workspaces!: EntityTable<Workspace, 'id'>;
	journeys!: EntityTable<AnyRecord, 'id'>;
	cards!: EntityTable<AnyRecord, 'id'>;
	templates!: EntityTable<AnyRecord, 'id'>;
	touchpoints!: EntityTable<AnyRecord, 'id'>;
	personas!: EntityTable<AnyRecord, 'id'>;
	blobs!: EntityTable<AnyRecord, 'id'>;
	datasets!: EntityTable<AnyRecord, 'id'>;
	chunks!: EntityTable<AnyRecord, 'id'>;
	mappings!: EntityTable<AnyRecord, 'id'>;
	analyses!: EntityTable<AnyRecord, 'id'>;
	channels!: EntityTable<AnyRecord, 'id'>;
	personaFields!: EntityTable<AnyRecord, 'id'>;
	calendars!: EntityTable<AnyRecord, 'id'>;

	/** True when the stored data is newer than this code: every write is refused (zero writes). */
	readOnly = false;
	/** Data schema version found on open (before any migration of ours ran). */
	storedSchemaVersion = 0;

	constructor(name = DB_NAME) {
		super(name);
		for (const { version, stores } of VERSIONS) {
			const v = this.version(version).stores(stores);
			const up = migrations[version];
			if (up) v.upgrade(up);
		}
		this.use(writeGuard(this));
	}
}

/** DBCore middleware: once `readOnly` is set, every mutate fails before it reaches IndexedDB. */
function writeGuard(db: CxDatabase): Middleware<DBCore> {
	return {
		stack: 'dbcore',
		name: 'cx-write-guard',
		create(down: DBCore): DBCore {
			return {
				...down,
				table(name) {
					const table = down.table(name);
					return {
						...table,
						mutate(req) {
							if (db.readOnly) return Promise.reject(new ReadOnlyError());
							return table.mutate(req);
						}
					};
				}
			};
		}
	};
}

export type OpenResult =
	| { ok: true; db: CxDatabase; readOnly: boolean; storedSchemaVersion: number }
	| { ok: false; code: 'unavailable' | 'blocked' | 'failed'; name: string; message: string };

/**
 * Open the database and reconcile `meta.schemaVersion`.
 * Newer data → read-only (no write of any kind, not even the meta stamp).
 */
export async function openDatabase(name = DB_NAME, setup?: (db: CxDatabase) => void): Promise<OpenResult> {
	if (typeof indexedDB === 'undefined' || indexedDB === null) {
		return { ok: false, code: 'unavailable', name: 'NoIndexedDB', message: 'indexedDB is not defined' };
	}
	const db = new CxDatabase(name);
	setup?.(db);
	try {
		// A newer-version check must see meta before anything writes: open, read, then decide.
		await db.open();
		const stored = await db.meta.get('schemaVersion');
		const storedVersion = typeof stored?.value === 'number' ? stored.value : 0;
		db.storedSchemaVersion = storedVersion;
		if (storedVersion > CODE_SCHEMA_VERSION) {
			db.readOnly = true;
		} else if (storedVersion < CODE_SCHEMA_VERSION) {
			await db.meta.put({ key: 'schemaVersion', value: CODE_SCHEMA_VERSION });
		}
		return { ok: true, db, readOnly: db.readOnly, storedSchemaVersion: storedVersion };
	} catch (e) {
		db.close();
		const err = e as { name?: string; message?: string; inner?: { name?: string } };
		const n = err.inner?.name ?? err.name ?? 'Error';
		const code = /Blocked/i.test(n)
			? 'blocked'
			: /InvalidState|Security|NotAllowed|Unknown|MissingAPI|OpenFailed/i.test(n)
				? 'unavailable'
				: 'failed';
		return { ok: false, code, name: n, message: err.message ?? String(e) };
	}
}
