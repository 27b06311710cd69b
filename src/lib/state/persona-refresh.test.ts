// @vitest-environment node
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { freshDb } from '$lib/db/test-helpers';
import { createWorkspace } from '$lib/db/repositories/workspaces';
import { getPersona } from '$lib/db/repositories/personas';
import { deleteAnalysis, putAnalysis } from '$lib/db/repositories/analyses';
import { datasetSample } from '$lib/domain/sample/datasets';
import type { AnalysisRecord } from '$lib/domain/analytics/analysis.schema';
import type { SegmentGroupFigures, SegmentGroups, SourceStatus } from '$lib/domain/persona';
import { createPersonaFromSegment } from './personas';
import { refreshPersonaFigures, watchSourceStatus, type SegmentsRun } from './persona-refresh';

const g = (key: string, customers: number, revenueShare = 0.3): SegmentGroupFigures => ({
	key,
	customers,
	customerShare: customers / 1000,
	revenueShare,
	medianRecency: 20,
	medianFrequency: 4,
	medianMonetary: 300,
	mainTier: 'B',
	preferredChannel: null
});

class FakeRunner implements SegmentsRun {
	view: SegmentGroups | null = null;
	status = 'idle';
	error: string | null = null;
	runs: { datasetId: string; params: unknown }[] = [];
	constructor(private readonly answer: () => { view?: SegmentGroups; error?: string; cancelled?: boolean }) {}
	async run(datasetId: string, params: unknown): Promise<boolean> {
		this.runs.push({ datasetId, params });
		const a = this.answer();
		if (a.cancelled) return false;
		if (a.error) {
			this.status = 'error';
			this.error = a.error;
			return false;
		}
		this.view = a.view!;
		this.status = 'done';
		return true;
	}
}

async function setup() {
	const db = await freshDb();
	const ws = await createWorkspace(db, 'A');
	const data = datasetSample('en', ws.id, Date.UTC(2024, 0, 1));
	await db.datasets.bulkPut(data.datasets as never[]);
	await db.chunks.bulkPut(data.chunks as never[]);
	const datasetId = (data.datasets[0] as { id: string }).id;
	const now = Date.UTC(2024, 1, 1);
	const analysis: AnalysisRecord = {
		id: 'an1',
		workspaceId: ws.id,
		createdAt: now,
		updatedAt: now,
		kind: 'segmentation',
		name: 'Orders',
		datasetId,
		datasetUpdatedAt: Date.UTC(2024, 0, 1),
		params: { analysisDate: '2024-06-30', rules: '0.2' },
		result: null,
		computedAt: now,
		formatVersion: 1
	};
	await putAnalysis(db, analysis);
	const p = await createPersonaFromSegment(
		db,
		ws.id,
		{
			datasetId,
			analysisId: 'an1',
			segmentKey: 'Loyal',
			segmentName: 'Loyal',
			customers: 200,
			customerShare: 0.2,
			revenueShare: 0.3,
			medianRecencyDays: 20,
			medianFrequency: 4,
			medianMonetary: 300,
			computedAt: now
		},
		'en'
	);
	return { db, ws, p, datasetId, analysis };
}

const opts = { locale: 'en' as const, segmentName: (r: { key: string }) => `Name ${r.key}`, now: () => Date.UTC(2024, 2, 1) };

describe('refresh a persona’s segment figures', () => {
	it('recomputes from the saved analysis (its dataset and params) and stores the new figures with what changed', async () => {
		const { db, p, datasetId } = await setup();
		const runner = new FakeRunner(() => ({ view: { segments: [g('Loyal', 250, 0.35)], tiers: [], quadrants: [] } }));
		let flushed = false;
		const out = await refreshPersonaFigures(db, p.id, runner, { ...opts, beforeWrite: async () => void (flushed = true) });
		expect(runner.runs).toHaveLength(1);
		expect(runner.runs[0].datasetId).toBe(datasetId);
		expect(runner.runs[0].params).toMatchObject({ analysisDate: '2024-06-30', rules: '0.2' });
		expect(flushed).toBe(true);
		expect(out.ok).toBe(true);
		if (!out.ok) return;
		expect(out.before.value.source?.customers).toBe(200);
		expect(out.changes.map((c) => [c.field, c.before, c.after])).toEqual([
			['customers', 200, 250],
			['customerShare', 0.2, 0.25],
			['revenueShare', 0.3, 0.35]
		]);
		const stored = (await getPersona(db, p.id))!;
		expect(stored.value.source).toMatchObject({
			customers: 250,
			revenueShare: 0.35,
			segmentName: 'Name Loyal',
			computedAt: Date.UTC(2024, 2, 1)
		});
		expect(stored.value.current.startsWith('250 customers')).toBe(true);
	});

	it('keeps the old figures and says why when the analysis, the dataset or the segment is gone', async () => {
		const { db, p, analysis } = await setup();
		const ok = () => ({ view: { segments: [g('Loyal', 250)], tiers: [], quadrants: [] } });

		const gone = await refreshPersonaFigures(
			db,
			p.id,
			new FakeRunner(() => ({ view: { segments: [g('VIP', 9)], tiers: [], quadrants: [] } })),
			opts
		);
		expect(gone).toEqual({ ok: false, code: 'segment-missing' });

		expect(await refreshPersonaFigures(db, p.id, new FakeRunner(() => ({ error: 'no-rows' })), opts)).toEqual({
			ok: false,
			code: 'run-failed',
			detail: 'no-rows'
		});
		expect(await refreshPersonaFigures(db, p.id, new FakeRunner(() => ({ cancelled: true })), opts)).toEqual({
			ok: false,
			code: 'cancelled'
		});

		await putAnalysis(db, { ...analysis, datasetId: 'nope' });
		const runner = new FakeRunner(ok);
		expect(await refreshPersonaFigures(db, p.id, runner, opts)).toEqual({ ok: false, code: 'dataset-missing' });
		await putAnalysis(db, { ...analysis, params: { tierCuts: [0.9, 0.2] } });
		expect(await refreshPersonaFigures(db, p.id, runner, opts)).toMatchObject({ ok: false, code: 'bad-params' });
		await deleteAnalysis(db, analysis.id);
		expect(await refreshPersonaFigures(db, p.id, runner, opts)).toEqual({ ok: false, code: 'analysis-missing' });
		expect(runner.runs).toHaveLength(0);

		expect((await getPersona(db, p.id))!.value.source).toMatchObject({ customers: 200, revenueShare: 0.3 });
	});

	it('watches the citation: current, then changed when the dataset is re-imported, then the analysis is gone', async () => {
		const { db, p, datasetId, analysis } = await setup();
		const seen: SourceStatus[] = [];
		const stop = watchSourceStatus(db, p.value.source!, (s) => seen.push(s.status));
		const until = async (n: number) => {
			for (let i = 0; i < 100 && seen.length < n; i++) await new Promise((r) => setTimeout(r, 10));
		};
		await until(1);
		expect(seen.at(-1)).toEqual({ state: 'current' });
		await db.datasets.update(datasetId, { updatedAt: Date.UTC(2024, 5, 1) });
		await until(2);
		expect(seen.at(-1)).toMatchObject({ state: 'changed', because: 'dataset' });
		await deleteAnalysis(db, analysis.id);
		await until(3);
		expect(seen.at(-1)).toEqual({ state: 'analysis-missing' });
		stop();
	});
});
