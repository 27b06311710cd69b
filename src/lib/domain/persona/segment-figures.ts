// The figures a persona cites from a segmentation result: find the group a segment key names (a segment, a tier or a
// value quadrant), turn it into the persona's summary, say what changed between two citations, and tell whether the
// saved analysis or its dataset moved on since the figures were taken. One function for the segments screen and the refresh.
import type { PersonaSegmentSummary } from './from-segment';
import { TIERS, type SegmentSource, type Tier } from './persona.schema';

/** One group's figures as a segmentation result holds them (the segments worker's `GroupStats` has this shape). */
export interface SegmentGroupFigures {
	key: string;
	customers: number;
	customerShare: number;
	revenueShare: number;
	medianRecency: number | null;
	medianFrequency: number | null;
	medianMonetary: number | null;
	mainTier: string | null;
	preferredChannel: string | null;
}

/** The groups of a segmentation result (the segments worker's `SegmentsView` has these). */
export interface SegmentGroups {
	segments: readonly SegmentGroupFigures[];
	tiers: readonly SegmentGroupFigures[];
	quadrants: readonly SegmentGroupFigures[];
}

export type SegmentGroupKind = 'segment' | 'tier' | 'quadrant';
export interface SegmentRef {
	kind: SegmentGroupKind;
	key: string;
}

/** The key a persona stores: the segment's own key, or `tier:A` / `quadrant:core`. */
export function segmentKeyOf(ref: SegmentRef): string {
	return ref.kind === 'segment' ? ref.key : `${ref.kind}:${ref.key}`;
}

/** Reads a stored key back (a segment whose own name starts with `tier:` stays a segment). */
export function parseSegmentKey(key: string, groups?: SegmentGroups): SegmentRef {
	const m = /^(tier|quadrant):(.*)$/s.exec(key);
	if (!m) return { kind: 'segment', key };
	if (groups && groups.segments.some((g) => g.key === key)) return { kind: 'segment', key };
	return { kind: m[1] as 'tier' | 'quadrant', key: m[2] };
}

const listOf = (groups: SegmentGroups, kind: SegmentGroupKind) =>
	kind === 'segment' ? groups.segments : kind === 'tier' ? groups.tiers : groups.quadrants;

/** The group a key names in a result, or null when the result no longer has it (rules, tiers or data changed). */
export function findSegmentGroup(groups: SegmentGroups, segmentKey: string): { ref: SegmentRef; group: SegmentGroupFigures } | null {
	const ref = parseSegmentKey(segmentKey, groups);
	const group = listOf(groups, ref.kind).find((g) => g.key === ref.key);
	// An empty group (e.g. a rule that now matches nobody) has no figures to cite.
	return group && group.customers > 0 ? { ref, group } : null;
}

export interface SummaryContext {
	datasetId: string;
	analysisId: string | null;
	/** Display name in the current locale. */
	segmentName: string;
	computedAt: number;
	currency?: string | null;
}

/** A persona's summary of one group: the tier is the tier itself, else the tier most of the group falls in. */
export function summaryFromGroup(ref: SegmentRef, g: SegmentGroupFigures, ctx: SummaryContext): PersonaSegmentSummary {
	const t = ref.kind === 'tier' ? ref.key : g.mainTier;
	const tier = t && (TIERS as readonly string[]).includes(t) ? (t as Tier) : null;
	return {
		datasetId: ctx.datasetId,
		analysisId: ctx.analysisId,
		segmentKey: segmentKeyOf(ref),
		segmentName: ctx.segmentName,
		customers: g.customers,
		customerShare: g.customerShare,
		revenueShare: g.revenueShare,
		medianRecencyDays: g.medianRecency,
		medianFrequency: g.medianFrequency,
		medianMonetary: g.medianMonetary,
		currency: ctx.currency ?? null,
		preferredChannel: g.preferredChannel,
		tier,
		computedAt: ctx.computedAt
	};
}

/** Finds the group and builds the summary in one step; null when the result has no such group. */
export function summaryFromGroups(
	groups: SegmentGroups,
	segmentKey: string,
	ctx: Omit<SummaryContext, 'segmentName'> & { segmentName: (ref: SegmentRef) => string }
): PersonaSegmentSummary | null {
	const found = findSegmentGroup(groups, segmentKey);
	if (!found) return null;
	return summaryFromGroup(found.ref, found.group, { ...ctx, segmentName: ctx.segmentName(found.ref) });
}

export const FIGURE_FIELDS = [
	'customers',
	'customerShare',
	'revenueShare',
	'medianRecencyDays',
	'medianFrequency',
	'medianMonetary'
] as const;
export type FigureField = (typeof FIGURE_FIELDS)[number];
export interface FigureChange {
	field: FigureField;
	before: number | null;
	after: number | null;
}

type Figures = Pick<SegmentSource, FigureField>;

const same = (a: number | null | undefined, b: number | null | undefined) =>
	a === b || (a != null && b != null && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)));

/** Which cited figures differ between two citations (in a fixed order), for "what changed" after a refresh. */
export function figureChanges(before: Figures, after: Figures): FigureChange[] {
	const out: FigureChange[] = [];
	for (const field of FIGURE_FIELDS) {
		const a = before[field] ?? null;
		const b = after[field] ?? null;
		if (!same(a, b)) out.push({ field, before: a, after: b });
	}
	return out;
}

/** What the staleness check needs of the saved analysis (an `AnalysisRecord` fits). */
export interface SourceAnalysis {
	datasetId: string | null;
	datasetUpdatedAt: number | null;
	computedAt: number | null;
	result: Record<string, unknown> | null;
}
/** What it needs of the dataset the analysis reads now (`analysis.datasetId`, else the cited one); a `DatasetRecord` fits. */
export interface SourceDataset {
	updatedAt: number;
}

export type SourceStatus =
	| { state: 'current' }
	| { state: 'changed'; because: 'dataset'; at: number }
	| { state: 'changed'; because: 'analysis'; at: number }
	| { state: 'analysis-missing' }
	| { state: 'dataset-missing' };

const num = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);

/**
 * The cited group's figures as the analysis saved them (segments: full figures; tiers: customers and shares;
 * quadrants: customers), or null when the saved result does not hold them.
 */
export function savedGroupFigures(result: Record<string, unknown> | null, segmentKey: string): Partial<Figures> | null {
	if (!result) return null;
	const ref = parseSegmentKey(segmentKey, {
		segments: Array.isArray(result.segments) ? (result.segments as SegmentGroupFigures[]) : [],
		tiers: [],
		quadrants: []
	});
	if (ref.kind === 'segment') {
		const list = Array.isArray(result.segments) ? (result.segments as Record<string, unknown>[]) : null;
		if (!list) return null;
		const g = list.find((x) => x && x.key === ref.key);
		if (!g) return { customers: 0 };
		return {
			customers: num(g.customers) ?? 0,
			customerShare: num(g.customerShare),
			revenueShare: num(g.revenueShare),
			medianRecencyDays: num(g.medianRecency),
			medianFrequency: num(g.medianFrequency),
			medianMonetary: num(g.medianMonetary)
		};
	}
	if (ref.kind === 'tier') {
		const list = Array.isArray(result.tiers) ? (result.tiers as Record<string, unknown>[]) : null;
		if (!list) return null;
		const g = list.find((x) => x && x.tier === ref.key);
		if (!g) return { customers: 0 };
		return { customers: num(g.customers) ?? 0, customerShare: num(g.headcountShare), revenueShare: num(g.revenueShare) };
	}
	const counts = (result.matrix as { counts?: Record<string, unknown> } | undefined)?.counts;
	if (!counts || typeof counts !== 'object') return null;
	return { customers: num(counts[ref.key]) ?? 0 };
}

/**
 * Is a citation still current? Changed when the dataset was re-imported after the figures were taken, or when the
 * saved analysis was recomputed since (from the dataset as it is now) and gives other figures for the group
 * (new analysis date, other rules or tiers). A saved result that is itself older than the dataset is not used.
 */
export function sourceStatus(source: SegmentSource, analysis: SourceAnalysis | null, dataset: SourceDataset | null): SourceStatus {
	if (source.analysisId && !analysis) return { state: 'analysis-missing' };
	if (!dataset) return { state: 'dataset-missing' };
	// The analysis now reads another dataset: its figures are not the cited ones any more.
	if (analysis && analysis.datasetId !== source.datasetId)
		return { state: 'changed', because: 'analysis', at: analysis.computedAt ?? source.computedAt };
	if (dataset.updatedAt > source.computedAt) return { state: 'changed', because: 'dataset', at: dataset.updatedAt };
	if (
		analysis &&
		analysis.computedAt !== null &&
		analysis.computedAt > source.computedAt &&
		analysis.datasetUpdatedAt === dataset.updatedAt
	) {
		const saved = savedGroupFigures(analysis.result, source.segmentKey);
		if (saved) {
			const differs = (Object.keys(saved) as FigureField[]).some((k) => !same(saved[k] ?? null, source[k] ?? null));
			if (differs) return { state: 'changed', because: 'analysis', at: analysis.computedAt };
		}
	}
	return { state: 'current' };
}
