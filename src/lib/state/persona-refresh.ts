// "Refresh figures" on a persona created from a segment: is the citation still current (live), and recompute the
// segment from its saved analysis with the segments worker, then write the new figures in one transaction.
import { liveQuery } from 'dexie';
import type { CxDatabase } from '$lib/db/db';
import { getAnalysis } from '$lib/db/repositories/analyses';
import { getDataset } from '$lib/db/repositories/datasets';
import { getPersona } from '$lib/db/repositories/personas';
import type { Locale } from '$lib/domain/record';
import { checkSegmentsParams, readSegmentsParams, type SegmentsParams } from '$lib/domain/analytics/shared/segments-params';
import {
	figureChanges,
	sourceStatus,
	summaryFromGroups,
	type FigureChange,
	type Persona,
	type SegmentGroups,
	type SegmentRef,
	type SegmentSource,
	type SourceStatus
} from '$lib/domain/persona';
import { refreshPersonaFromSegmentStored } from './personas';

/** What the refresh needs of the segments runner (`SegmentsRunner` in segments.svelte.ts). */
export interface SegmentsRun {
	run(datasetId: string, params: SegmentsParams): Promise<boolean>;
	readonly view: SegmentGroups | null;
	readonly status: string;
	readonly error: string | null;
}

export type RefreshErrorCode =
	| 'no-source'
	| 'no-analysis'
	| 'analysis-missing'
	| 'dataset-missing'
	| 'bad-params'
	| 'segment-missing'
	| 'run-failed'
	| 'persona-missing'
	| 'write-failed';

export type RefreshOutcome =
	| { ok: true; before: Persona; after: Persona; changes: FigureChange[] }
	| { ok: false; code: RefreshErrorCode; detail?: string }
	| { ok: false; code: 'cancelled' };

export interface SourceInfo {
	status: SourceStatus;
	analysisName: string;
	datasetName: string;
}

/** The citation's status, live: the saved analysis and the dataset it reads, from this and other tabs. */
export function watchSourceStatus(db: CxDatabase, source: SegmentSource, onInfo: (s: SourceInfo) => void): () => void {
	const sub = liveQuery(async (): Promise<SourceInfo> => {
		const analysis = source.analysisId ? ((await getAnalysis(db, source.analysisId)) ?? null) : null;
		const dataset = (await getDataset(db, analysis?.datasetId ?? source.datasetId)) ?? null;
		return { status: sourceStatus(source, analysis, dataset), analysisName: analysis?.name ?? '', datasetName: dataset?.name ?? '' };
	}).subscribe({ next: onInfo, error: () => {} });
	return () => sub.unsubscribe();
}

/**
 * Recomputes the cited group from the saved analysis (its dataset and parameters as they are now) and stores the new
 * figures. Nothing is written unless the whole recompute succeeded; `beforeWrite` runs just before the write (the
 * editor flushes its pending edits there, so the transaction reads them).
 */
export async function refreshPersonaFigures(
	db: CxDatabase,
	personaId: string,
	runner: SegmentsRun,
	opts: { locale: Locale; segmentName: (ref: SegmentRef) => string; beforeWrite?: () => Promise<void>; now?: () => number }
): Promise<RefreshOutcome> {
	const p = await getPersona(db, personaId);
	if (!p) return { ok: false, code: 'persona-missing' };
	const src = p.value.source;
	if (!src) return { ok: false, code: 'no-source' };
	if (!src.analysisId) return { ok: false, code: 'no-analysis' };
	const analysis = await getAnalysis(db, src.analysisId);
	if (!analysis || analysis.kind !== 'segmentation') return { ok: false, code: 'analysis-missing' };
	const datasetId = analysis.datasetId;
	if (!datasetId || !(await getDataset(db, datasetId))) return { ok: false, code: 'dataset-missing' };
	const params = readSegmentsParams(analysis.params);
	const problem = checkSegmentsParams(params);
	if (problem) return { ok: false, code: 'bad-params', detail: problem };

	const ok = await runner.run(datasetId, params);
	if (!ok) {
		if (runner.status !== 'error') return { ok: false, code: 'cancelled' };
		return runner.error === 'no-dataset'
			? { ok: false, code: 'dataset-missing' }
			: { ok: false, code: 'run-failed', detail: runner.error ?? '' };
	}
	const view = runner.view;
	if (!view) return { ok: false, code: 'run-failed' };
	const now = opts.now ?? Date.now;
	const summary = summaryFromGroups(view, src.segmentKey, {
		datasetId,
		analysisId: analysis.id,
		segmentName: opts.segmentName,
		computedAt: now(),
		currency: src.currency
	});
	if (!summary) return { ok: false, code: 'segment-missing' };
	// The analysis may have been deleted while the worker ran: say so rather than cite a result no one can open.
	if (!(await getAnalysis(db, analysis.id))) return { ok: false, code: 'analysis-missing' };
	await opts.beforeWrite?.();
	try {
		const res = await refreshPersonaFromSegmentStored(db, personaId, summary, opts.locale);
		if (!res) return { ok: false, code: 'persona-missing' };
		return { ok: true, ...res, changes: figureChanges(res.before.value.source ?? src, res.after.value.source!) };
	} catch (e) {
		return { ok: false, code: 'write-failed', detail: (e as { name?: string }).name ?? 'Error' };
	}
}
