// Workspace repository: create, rename, edit, duplicate, trash with a 24-hour restore window, purge.
import { isTrashExpired, makeWorkspace, normaliseName, type Workspace } from '$lib/domain/workspace/workspace';
import { err, ok, type Result } from '$lib/domain/errors';
import type { CxDatabase } from '../db';
import { collectTables, writeTables } from '../backup';
import { WORKSPACE_TABLES } from '../schema';

export async function listWorkspaces(db: CxDatabase): Promise<Workspace[]> {
	const all = await db.workspaces.toArray();
	return all.sort((a, b) => b.updatedAt - a.updatedAt);
}

export async function createWorkspace(db: CxDatabase, name: string, extra: Partial<Workspace> = {}): Promise<Workspace> {
	const ws = makeWorkspace(name, Date.now(), extra);
	await db.workspaces.add(ws);
	return ws;
}

export async function updateWorkspace(
	db: CxDatabase,
	id: string,
	patch: Partial<Pick<Workspace, 'name' | 'organisation' | 'description'>>
): Promise<void> {
	const clean = { ...patch };
	if (clean.name !== undefined) clean.name = normaliseName(clean.name);
	await db.workspaces.update(id, { ...clean, updatedAt: Date.now() });
}

/** Same content, fresh ids, new name: the restore path, so duplicate and restore can never disagree. */
export async function duplicateWorkspace(db: CxDatabase, id: string, newName: string): Promise<Result<string, string>> {
	const tables = await collectTables(db, [id]);
	if (tables.workspaces.length !== 1) return err('not-found');
	tables.workspaces = [{ ...tables.workspaces[0], name: normaliseName(newName), createdAt: Date.now(), sample: false }];
	const res = await writeTables(db, tables);
	return res.ok ? ok(res.value.workspaceIds[0]) : res;
}

export async function trashWorkspace(db: CxDatabase, id: string): Promise<void> {
	await db.workspaces.update(id, { deletedAt: Date.now() });
}

export async function restoreFromTrash(db: CxDatabase, id: string): Promise<void> {
	await db.workspaces.update(id, { deletedAt: null, updatedAt: Date.now() });
}

/** Remove a workspace and everything in it, in one transaction. */
export async function purgeWorkspace(db: CxDatabase, id: string): Promise<void> {
	await db.transaction('rw', [db.workspaces, ...WORKSPACE_TABLES.map((t) => db.table(t))], async () => {
		for (const name of WORKSPACE_TABLES) await db.table(name).where('workspaceId').equals(id).delete();
		await db.workspaces.delete(id);
	});
}

/** Purge trashed workspaces older than 24 hours; returns how many went. */
export async function purgeExpired(db: CxDatabase, now = Date.now()): Promise<number> {
	const expired = (await db.workspaces.toArray()).filter((w) => isTrashExpired(w, now));
	for (const w of expired) await purgeWorkspace(db, w.id);
	return expired.length;
}

export async function countRecords(db: CxDatabase, workspaceId: string): Promise<Record<string, number>> {
	const out: Record<string, number> = {};
	for (const name of WORKSPACE_TABLES) out[name] = await db.table(name).where('workspaceId').equals(workspaceId).count();
	return out;
}
