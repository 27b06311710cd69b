// Saved analyses (segmentation, forecast) in storage: list by kind, get, put, delete.
import type { AnalysisKind, AnalysisRecord } from '$lib/domain/analytics/analysis.schema';
import type { CxDatabase } from '../db';
import { getRecord, listRecords } from './records';

export async function listAnalyses(db: CxDatabase, workspaceId: string, kind?: AnalysisKind): Promise<AnalysisRecord[]> {
	const all = await listRecords<AnalysisRecord>(db, 'analyses', workspaceId);
	return all.filter((a) => !kind || a.kind === kind).sort((a, b) => b.updatedAt - a.updatedAt);
}
export const getAnalysis = (db: CxDatabase, id: string) => getRecord<AnalysisRecord>(db, 'analyses', id);
export async function putAnalysis(db: CxDatabase, a: AnalysisRecord): Promise<void> {
	await db.analyses.put(a);
}
export async function deleteAnalysis(db: CxDatabase, id: string): Promise<void> {
	await db.analyses.delete(id);
}
