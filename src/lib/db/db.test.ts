import { describe, expect, it } from 'vitest';
import { openDatabase, CxDatabase } from './db';
import { CODE_SCHEMA_VERSION, DB_NAME, VERSIONS } from './schema';
import { classifyStorageError } from './errors';

/** Seed a database the way an older (or newer) build left it, using raw IndexedDB only. */
function seedRaw(name: string, nativeVersion: number, stores: Record<string, string>, rows: Record<string, unknown[]>) {
	return new Promise<void>((resolve, reject) => {
		const req = indexedDB.open(name, nativeVersion);
		req.onupgradeneeded = () => {
			const db = req.result;
			for (const [store, keyPath] of Object.entries(stores)) db.createObjectStore(store, { keyPath });
		};
		req.onsuccess = () => {
			const db = req.result;
			const tx = db.transaction(Object.keys(rows), 'readwrite');
			for (const [store, list] of Object.entries(rows)) for (const r of list) tx.objectStore(store).put(r);
			tx.oncomplete = () => {
				db.close();
				resolve();
			};
			tx.onerror = () => reject(tx.error);
		};
		req.onerror = () => reject(req.error);
	});
}

describe('opening the database', () => {
	it('stamps meta.schemaVersion on a fresh database', async () => {
		const res = await openDatabase('fresh-' + Math.random());
		expect(res.ok).toBe(true);
		if (!res.ok) return;
		expect(res.readOnly).toBe(false);
		expect((await res.db.meta.get('schemaVersion'))?.value).toBe(CODE_SCHEMA_VERSION);
	});

	it('opens data from a newer build read-only and makes zero writes', async () => {
		const name = 'newer-' + Math.random();
		// A newer build: higher native version, an extra table, schemaVersion 99.
		const newerStores: Record<string, string> = { meta: 'key', workspaces: 'id', journeys: 'id', futureThings: 'id' };
		await seedRaw(name, 990, newerStores, {
			meta: [{ key: 'schemaVersion', value: 99 }],
			workspaces: [{ id: 'w1', name: 'From the future', createdAt: 1, updatedAt: 1, deletedAt: null }]
		});
		const res = await openDatabase(name);
		expect(res.ok).toBe(true);
		if (!res.ok) return;
		expect(res.readOnly).toBe(true);
		expect(res.storedSchemaVersion).toBe(99);
		const db = res.db;
		expect((await db.workspaces.toArray()).map((w) => w.name)).toEqual(['From the future']);
		await expect(db.workspaces.put({ ...(await db.workspaces.get('w1'))!, name: 'changed' })).rejects.toMatchObject({
			name: 'ReadOnlyError'
		});
		await expect(db.meta.put({ key: 'x', value: 1 })).rejects.toBeTruthy();
		await expect(db.workspaces.delete('w1')).rejects.toBeTruthy();
		expect(classifyStorageError(await db.workspaces.clear().catch((e) => e))).toBe('read-only');
		db.close();
		// Prove nothing was written: read back with raw IndexedDB.
		const raw = await new Promise<IDBDatabase>((r) => {
			const q = indexedDB.open(name);
			q.onsuccess = () => r(q.result);
		});
		const ws = await new Promise<unknown[]>((r) => {
			const q = raw.transaction('workspaces').objectStore('workspaces').getAll();
			q.onsuccess = () => r(q.result);
		});
		const meta = await new Promise<unknown[]>((r) => {
			const q = raw.transaction('meta').objectStore('meta').getAll();
			q.onsuccess = () => r(q.result);
		});
		expect(ws).toEqual([{ id: 'w1', name: 'From the future', createdAt: 1, updatedAt: 1, deletedAt: null }]);
		expect(meta).toEqual([{ key: 'schemaVersion', value: 99 }]);
		raw.close();
	});

	it('keeps every declared Dexie version (append-only history)', () => {
		const versions = VERSIONS.map((v) => v.version);
		expect(versions).toEqual([...versions].sort((a, b) => a - b));
		expect(versions[0]).toBe(1);
		expect(new CxDatabase('x').verno).toBe(versions[versions.length - 1]);
		expect(DB_NAME).toBe('cx-studio');
	});
});

describe('migration harness', () => {
	it('opens a version-1 database seeded with raw IndexedDB and keeps its records', async () => {
		const name = 'v1-' + Math.random();
		const v1 = VERSIONS[0].stores;
		const keyPaths = Object.fromEntries(Object.entries(v1).map(([k, spec]) => [k, (spec as string).split(',')[0].trim()]));
		await seedRaw(name, 10, keyPaths, {
			workspaces: [{ id: 'w1', name: 'Old', createdAt: 1, updatedAt: 1, deletedAt: null }]
		});
		const res = await openDatabase(name);
		expect(res.ok).toBe(true);
		if (!res.ok) return;
		expect(res.storedSchemaVersion).toBe(0);
		expect((await res.db.workspaces.get('w1'))?.name).toBe('Old');
		expect((await res.db.meta.get('schemaVersion'))?.value).toBe(CODE_SCHEMA_VERSION);
	});
});

describe('storage error classification', () => {
	it('finds QuotaExceededError wrapped in an AbortError', () => {
		const inner = new DOMException('full', 'QuotaExceededError');
		expect(classifyStorageError({ name: 'AbortError', inner })).toBe('quota');
		expect(classifyStorageError(inner)).toBe('quota');
		expect(classifyStorageError(new Error('boom'))).toBe('unknown');
	});
});
