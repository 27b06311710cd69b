// Binary records (persona photos) in storage: images kept as Blobs in IndexedDB, never uploaded; validated on read.
import { newId } from '$lib/domain/record';
import type { CxDatabase } from '../db';

export type BlobKind = 'photo';

export interface StoredBlob {
	id: string;
	workspaceId: string;
	createdAt: number;
	updatedAt: number;
	kind: BlobKind;
	data: Blob;
	type: string;
	width: number;
	height: number;
}

function isStoredBlob(r: unknown): r is StoredBlob {
	const x = r as Partial<StoredBlob> | undefined;
	return (
		!!x &&
		typeof x.id === 'string' &&
		typeof x.workspaceId === 'string' &&
		x.kind === 'photo' &&
		typeof Blob !== 'undefined' &&
		x.data instanceof Blob &&
		typeof x.type === 'string'
	);
}

/** A new photo record (not yet stored): blobs are immutable, so copies may share one. */
export function makePhoto(workspaceId: string, data: Blob, width: number, height: number, now = Date.now()): StoredBlob {
	return { id: newId(), workspaceId, createdAt: now, updatedAt: now, kind: 'photo', data, type: data.type || 'image/jpeg', width, height };
}

export async function getBlob(db: CxDatabase, id: string): Promise<StoredBlob | undefined> {
	const row = await db.blobs.get(id);
	return isStoredBlob(row) ? row : undefined;
}

export async function getBlobs(db: CxDatabase, ids: string[]): Promise<StoredBlob[]> {
	const rows = await db.blobs.bulkGet(ids);
	return rows.filter((r) => isStoredBlob(r)) as unknown as StoredBlob[];
}

export async function putBlobs(db: CxDatabase, blobs: StoredBlob[]): Promise<void> {
	await db.blobs.bulkPut(blobs as unknown as { id: string; workspaceId: string }[]);
}

export async function deleteBlobs(db: CxDatabase, ids: string[]): Promise<void> {
	await db.blobs.bulkDelete(ids);
}
