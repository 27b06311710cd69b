// Backup and restore against the database: export one/all workspaces; restore validates first, then writes in one transaction.
import { buildEnvelope, parseBackup, remapForRestore, type BackupErrorCode, type BackupTables } from '$lib/domain/backup/backup';
import { base64ToBytes, bytesToBase64 } from '$lib/domain/backup/codec';
import { err, ok, type Result } from '$lib/domain/errors';
import type { Workspace } from '$lib/domain/workspace/workspace';
import type { AnyRecord, CxDatabase } from './db';
import { classifyStorageError } from './errors';
import { CODE_SCHEMA_VERSION, WORKSPACE_TABLES } from './schema';
import { TABLE_SCHEMAS } from './tables';

export const APP_INFO = { name: 'CX Studio', version: '0.1.0' };
/** Backups are read whole into memory; refuse files that cannot be one (keeps the tab alive). */
export const MAX_BACKUP_BYTES = 512 * 1024 * 1024;

async function blobToEncoded(rec: AnyRecord): Promise<AnyRecord> {
	const data = rec.data;
	if (typeof Blob !== 'undefined' && data instanceof Blob) {
		const bytes = new Uint8Array(await data.arrayBuffer());
		return { ...rec, data: { $bytes: bytesToBase64(bytes), type: data.type } };
	}
	return rec;
}

function encodedToBlob(rec: Record<string, unknown>): Record<string, unknown> {
	const data = rec.data as { $bytes?: unknown; type?: unknown } | undefined;
	if (data && typeof data.$bytes === 'string' && typeof Blob !== 'undefined') {
		const bytes = base64ToBytes(data.$bytes);
		return { ...rec, data: new Blob([bytes as BlobPart], { type: typeof data.type === 'string' ? data.type : '' }) };
	}
	return rec;
}

/** Collect every record of the given workspaces (trash excluded unless named explicitly). */
export async function collectTables(db: CxDatabase, workspaceIds: string[]): Promise<BackupTables> {
	return db.transaction('r', [db.workspaces, ...WORKSPACE_TABLES.map((t) => db.table(t))], async () => {
		const workspaces = (await db.workspaces.bulkGet(workspaceIds)).filter((w): w is Workspace => !!w);
		const tables: BackupTables = { workspaces };
		for (const name of WORKSPACE_TABLES) {
			const rows = (await db.table(name).where('workspaceId').anyOf(workspaceIds).toArray()) as AnyRecord[];
			tables[name] = rows;
		}
		return tables;
	});
}

export async function exportBackup(db: CxDatabase, workspaceIds: string[] | 'all'): Promise<string> {
	const ids = workspaceIds === 'all' ? (await db.workspaces.toArray()).filter((w) => w.deletedAt == null).map((w) => w.id) : workspaceIds;
	const tables = await collectTables(db, ids);
	if (tables.blobs) tables.blobs = await Promise.all((tables.blobs as AnyRecord[]).map(blobToEncoded));
	return JSON.stringify(buildEnvelope(tables, CODE_SCHEMA_VERSION, APP_INFO));
}

export type RestoreError = BackupErrorCode | 'write-failed' | 'quota' | 'too-large' | 'read-only';
export type RestoreResult = Result<{ workspaceIds: string[]; names: string[] }, RestoreError>;

/** Write already-validated tables as new workspaces, all or nothing. */
export async function writeTables(db: CxDatabase, tables: BackupTables): Promise<RestoreResult> {
	const { tables: fresh, workspaceIds } = remapForRestore(tables);
	try {
		await db.transaction('rw', [db.workspaces, ...WORKSPACE_TABLES.map((t) => db.table(t))], async () => {
			await db.workspaces.bulkAdd(fresh.workspaces);
			for (const name of WORKSPACE_TABLES) {
				const rows = fresh[name];
				if (rows?.length) await db.table(name).bulkAdd(name === 'blobs' ? rows.map(encodedToBlob) : rows);
			}
		});
	} catch (e) {
		const code = classifyStorageError(e);
		if (code === 'quota') return err('quota');
		if (code === 'read-only') return err('read-only');
		return err('write-failed', { code: (e as { name?: string }).name ?? 'Error' });
	}
	return ok({ workspaceIds, names: fresh.workspaces.map((w) => w.name) });
}

export async function restoreBackup(db: CxDatabase, text: string): Promise<RestoreResult> {
	if (text.length > MAX_BACKUP_BYTES) return err('too-large', { size: text.length });
	const parsed = parseBackup(text, { schemaVersion: CODE_SCHEMA_VERSION, tables: TABLE_SCHEMAS });
	if (!parsed.ok) return parsed;
	return writeTables(db, parsed.value.tables);
}
