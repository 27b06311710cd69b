import { describe, expect, it } from 'vitest';
import {
	figureChanges,
	findSegmentGroup,
	parseSegmentKey,
	segmentKeyOf,
	sourceStatus,
	summaryFromGroups,
	type SegmentGroupFigures,
	type SegmentGroups,
	type SourceAnalysis
} from './segment-figures';
import { sourceFromSummary } from './from-segment';

const g = (key: string, customers: number, extra: Partial<SegmentGroupFigures> = {}): SegmentGroupFigures => ({
	key,
	customers,
	customerShare: customers / 1000,
	revenueShare: customers / 500,
	medianRecency: 30,
	medianFrequency: 3,
	medianMonetary: 120,
	mainTier: 'B',
	preferredChannel: null,
	...extra
});

const groups: SegmentGroups = {
	segments: [g('Champions', 120, { mainTier: 'A' }), g('Loyal', 200), g('tier:odd', 5), g('Hibernating', 0)],
	tiers: [g('A', 100, { mainTier: 'A' }), g('B', 300)],
	quadrants: [g('core', 80, { mainTier: 'A' }), g('low', 400, { mainTier: 'X' })]
};
const name = (r: { kind: string; key: string }) => `${r.kind}/${r.key}`;
const ctx = { datasetId: 'd1', analysisId: 'a1', computedAt: 1000, segmentName: name };

describe('segment figures for a persona', () => {
	it('reads and writes segment keys, a custom segment named like a prefix stays a segment', () => {
		expect(segmentKeyOf({ kind: 'segment', key: 'Loyal' })).toBe('Loyal');
		expect(segmentKeyOf({ kind: 'tier', key: 'A' })).toBe('tier:A');
		expect(parseSegmentKey('quadrant:core')).toEqual({ kind: 'quadrant', key: 'core' });
		expect(parseSegmentKey('tier:odd', groups)).toEqual({ kind: 'segment', key: 'tier:odd' });
		expect(parseSegmentKey('tier:A', groups)).toEqual({ kind: 'tier', key: 'A' });
	});

	it('finds segments, tiers and quadrants; a missing or emptied group is null', () => {
		expect(findSegmentGroup(groups, 'Loyal')?.group.customers).toBe(200);
		expect(findSegmentGroup(groups, 'tier:B')?.group.customers).toBe(300);
		expect(findSegmentGroup(groups, 'quadrant:core')?.ref).toEqual({ kind: 'quadrant', key: 'core' });
		expect(findSegmentGroup(groups, 'VIP')).toBeNull();
		expect(findSegmentGroup(groups, 'Hibernating')).toBeNull();
		expect(findSegmentGroup(groups, 'tier:D')).toBeNull();
	});

	it('builds the summary the segments screen and the refresh both use', () => {
		const s = summaryFromGroups(groups, 'Champions', ctx)!;
		expect(s).toEqual({
			datasetId: 'd1',
			analysisId: 'a1',
			segmentKey: 'Champions',
			segmentName: 'segment/Champions',
			customers: 120,
			customerShare: 0.12,
			revenueShare: 0.24,
			medianRecencyDays: 30,
			medianFrequency: 3,
			medianMonetary: 120,
			currency: null,
			preferredChannel: null,
			tier: 'A',
			computedAt: 1000
		});
		// A tier drill cites its own tier; a quadrant its main tier when it is a real tier.
		expect(summaryFromGroups(groups, 'tier:B', ctx)).toMatchObject({ tier: 'B', segmentKey: 'tier:B', segmentName: 'tier/B' });
		expect(summaryFromGroups(groups, 'quadrant:low', ctx)?.tier).toBeNull();
		expect(summaryFromGroups(groups, 'Nobody', ctx)).toBeNull();
	});

	it('lists what changed between two citations', () => {
		const a = sourceFromSummary(summaryFromGroups(groups, 'Loyal', ctx)!);
		const b = { ...a, customers: 210, revenueShare: 0.42, medianMonetary: null };
		expect(figureChanges(a, a)).toEqual([]);
		expect(figureChanges(a, b)).toEqual([
			{ field: 'customers', before: 200, after: 210 },
			{ field: 'revenueShare', before: 0.4, after: 0.42 },
			{ field: 'medianMonetary', before: 120, after: null }
		]);
		// Float noise is no change.
		expect(figureChanges(a, { ...a, customerShare: 0.2 + 1e-15 })).toEqual([]);
	});
});

describe('is a citation still current', () => {
	const source = sourceFromSummary(summaryFromGroups(groups, 'Loyal', ctx)!);
	const analysis = (over: Partial<SourceAnalysis> = {}): SourceAnalysis => ({
		datasetId: 'd1',
		datasetUpdatedAt: 500,
		computedAt: 1000,
		result: { segments: groups.segments, tiers: [{ tier: 'A', customers: 100, headcountShare: 0.1, revenueShare: 0.2 }] },
		...over
	});
	const dataset = { updatedAt: 500 };

	it('is current right after the figures were taken, and when a later run gives the same figures', () => {
		expect(sourceStatus(source, analysis(), dataset)).toEqual({ state: 'current' });
		expect(sourceStatus(source, analysis({ computedAt: 5000 }), dataset)).toEqual({ state: 'current' });
	});

	it('says the analysis or the dataset is gone', () => {
		expect(sourceStatus(source, null, dataset)).toEqual({ state: 'analysis-missing' });
		expect(sourceStatus(source, analysis(), null)).toEqual({ state: 'dataset-missing' });
		// A citation without an analysis only needs its dataset.
		expect(sourceStatus({ ...source, analysisId: null }, null, dataset)).toEqual({ state: 'current' });
	});

	it('is changed when the dataset was re-imported after the figures', () => {
		expect(sourceStatus(source, analysis(), { updatedAt: 2000 })).toEqual({ state: 'changed', because: 'dataset', at: 2000 });
	});

	it('is changed when the analysis was recomputed with other figures for the group', () => {
		const moved = analysis({ computedAt: 3000, result: { segments: [g('Loyal', 190)] } });
		expect(sourceStatus(source, moved, dataset)).toEqual({ state: 'changed', because: 'analysis', at: 3000 });
		// The segment is gone from the new rules: changed too.
		expect(sourceStatus(source, analysis({ computedAt: 3000, result: { segments: [] } }), dataset).state).toBe('changed');
		// An older saved result (the figures were refreshed since) is not compared.
		expect(sourceStatus(source, analysis({ computedAt: 900, result: { segments: [g('Loyal', 190)] } }), dataset).state).toBe('current');
		// A saved result computed from an older version of the dataset is not compared either.
		expect(sourceStatus(source, { ...moved, datasetUpdatedAt: 100 }, dataset).state).toBe('current');
		// The analysis now reads another dataset.
		expect(sourceStatus(source, analysis({ datasetId: 'd2' }), dataset)).toMatchObject({ state: 'changed', because: 'analysis' });
	});

	it('compares tiers by their table row and quadrants by their count', () => {
		const tierSource = { ...source, segmentKey: 'tier:A', customers: 100, customerShare: 0.1, revenueShare: 0.2 };
		expect(sourceStatus(tierSource, analysis({ computedAt: 3000 }), dataset).state).toBe('current');
		const moved = analysis({
			computedAt: 3000,
			result: { tiers: [{ tier: 'A', customers: 90, headcountShare: 0.09, revenueShare: 0.2 }] }
		});
		expect(sourceStatus(tierSource, moved, dataset).state).toBe('changed');
		const quad = { ...source, segmentKey: 'quadrant:core', customers: 80 };
		expect(sourceStatus(quad, analysis({ computedAt: 3000, result: { matrix: { counts: { core: 80 } } } }), dataset).state).toBe('current');
		expect(sourceStatus(quad, analysis({ computedAt: 3000, result: { matrix: { counts: { core: 81 } } } }), dataset).state).toBe('changed');
		// No saved result: nothing to compare.
		expect(sourceStatus(quad, analysis({ computedAt: 3000, result: null }), dataset).state).toBe('current');
	});
});
