// Imported datasets in storage: metadata records + columnar chunks, written in ONE transaction, read back as typed columns.
import type { DatasetRecord } from '$lib/domain/dataset/dataset';
import type { ColumnChunkRecord } from '$lib/domain/dataset/column-chunk';
import type { SavedMappingRecord } from '$lib/domain/dataset/saved-mapping';
import { fromChunks, type Column } from '$lib/domain/csv/columnar';
import type { CxDatabase } from '../db';
import { getRecord, listRecords, validateRows } from './records';

export const listDatasets = async (db: CxDatabase, workspaceId: string) =>
	(await listRecords<DatasetRecord>(db, 'datasets', workspaceId)).sort((a, b) => b.updatedAt - a.updatedAt);
export const getDataset = (db: CxDatabase, id: string) => getRecord<DatasetRecord>(db, 'datasets', id);

/**
 * Store a dataset and all its chunks at once (a new import, or "replace" of an existing one).
 * Old chunks of the same dataset id are removed inside the same transaction, so a failure
 * (quota, crash) leaves the previous version intact and never half of the new one.
 */
/** Chunks per bulkAdd when saving: about 8 MB of typed arrays. */
const SAVE_BATCH = 16;

export async function saveDataset(db: CxDatabase, record: DatasetRecord, chunks: ColumnChunkRecord[]): Promise<void> {
	await db.transaction('rw', [db.datasets, db.chunks], async () => {
		await db.chunks.where('datasetId').equals(record.id).delete();
		await db.datasets.put(record);
		// batches of chunks: requests in a batch are pipelined (one round trip to the storage
		// backend, not one per chunk), while each batch's structured clone stays a short task (chunk
		// payloads are typed arrays and one packed dictionary string); still one transaction
		for (let i = 0; i < chunks.length; i += SAVE_BATCH) await db.chunks.bulkAdd(chunks.slice(i, i + SAVE_BATCH));
	});
}

/** The dataset's chunks (validated), for undoing a delete or exporting. */
export async function loadChunks(db: CxDatabase, datasetId: string, columns?: readonly string[]): Promise<ColumnChunkRecord[]> {
	const raw = await db.chunks.where('datasetId').equals(datasetId).toArray();
	const wanted = columns ? raw.filter((c) => columns.includes(c.column as string)) : raw;
	return validateRows<ColumnChunkRecord>('chunks', wanted);
}

/** Typed columns of a dataset (all, or the named field keys), reassembled from chunks. */
export async function loadColumns(db: CxDatabase, datasetId: string, columns?: readonly string[]): Promise<Record<string, Column>> {
	return fromChunks(await loadChunks(db, datasetId, columns));
}

/** Delete a dataset with its chunks; returns what was removed so the caller can offer Undo. */
export async function deleteDataset(db: CxDatabase, id: string): Promise<{ record: DatasetRecord; chunks: ColumnChunkRecord[] } | null> {
	return db.transaction('rw', [db.datasets, db.chunks], async () => {
		const record = await getDataset(db, id);
		if (!record) return null;
		const chunks = await loadChunks(db, id);
		await db.chunks.where('datasetId').equals(id).delete();
		await db.datasets.delete(id);
		return { record, chunks };
	});
}

export const listMappings = (db: CxDatabase, workspaceId: string) => listRecords<SavedMappingRecord>(db, 'mappings', workspaceId);
export async function putMapping(db: CxDatabase, m: SavedMappingRecord): Promise<void> {
	await db.mappings.put(m);
}
