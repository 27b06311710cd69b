// Typed messages of the segments worker: run (dataset + params → a columnar result view), export CSV of the last run, cancel.
import type { SegmentsParams } from '$lib/domain/analytics/shared/segments-params';
import type { SegmentSummaryRow } from '$lib/domain/analytics/rfm/segments';
import type { ParetoStats, TierRow } from '$lib/domain/analytics/pareto/pareto';
import type { TrackingRow } from '$lib/domain/analytics/clv/clv';
import type { TimeUnit } from '$lib/domain/analytics/clv/summary';

export type SegmentsRequest =
	| { type: 'run'; datasetId: string; params: SegmentsParams; dbName?: string }
	| { type: 'export'; locale: 'en' | 'zh-CN'; filter?: GroupFilter | null };

export type RunStage = 'load' | 'rfm' | 'clv' | 'holdout' | 'summary';
export type SegmentsErrorCode =
	'no-dataset' | 'missing-customer' | 'missing-date' | 'missing-amount' | 'no-rows' | 'no-result' | 'cancelled' | 'failed';

/** Which customers a drill-down shows. */
export type GroupFilter =
	| { kind: 'all' }
	| { kind: 'segment'; key: string }
	| { kind: 'tier'; key: string }
	| { kind: 'quadrant'; key: string }
	| { kind: 'cell'; r: number; f: number };

/** Per group (segment, tier, quadrant): the figures the charts, the plan and a persona need. */
export interface GroupStats {
	key: string;
	customers: number;
	orders: number;
	revenue: number;
	customerShare: number;
	revenueShare: number;
	medianRecency: number | null;
	medianFrequency: number | null;
	medianMonetary: number | null;
	/** Sum of predicted CLV (null when CLV is off). */
	predictedClv: number | null;
	/** The tier most of the group falls in. */
	mainTier: string | null;
	preferredChannel: string | null;
}

/** Everything the screen shows, columnar for the customer list (index k = one customer). */
export interface SegmentsView {
	analysisDay: number;
	firstDay: number;
	lastDay: number;
	transactions: number;
	skipped: number;
	ids: string[];
	firstPurchase: Float64Array;
	lastPurchase: Float64Array;
	recency: Float64Array;
	frequency: Float64Array;
	monetary: Float64Array;
	revenue: Float64Array;
	r: Uint8Array;
	f: Uint8Array;
	m: Uint8Array;
	segment: Uint16Array;
	tier: Uint8Array;
	quadrant: Uint8Array;
	/** NaN when unknown (CLV off). */
	pAlive: Float64Array;
	expected: Float64Array;
	predicted: Float64Array;
	/** Value-matrix axes per customer (current × potential, or frequency × AOV). */
	mx: Float64Array;
	my: Float64Array;
	segmentKeys: string[];
	tierKeys: string[];
	quadrantKeys: string[];
	segmentSummary: SegmentSummaryRow[];
	segments: GroupStats[];
	tiers: GroupStats[];
	quadrants: GroupStats[];
	tierTable: TierRow[];
	pareto: ParetoStats;
	matrix: { kind: 'value' | 'marcus'; xSplit: number; ySplit: number; counts: Record<string, number> };
	/** R × F grid (index (r−1)·5 + (f−1)): customers and mean monetary per cell. */
	grid: { count: number[]; meanM: number[] };
	clv: {
		unit: TimeUnit;
		bgnbd: { r: number; alpha: number; a: number; b: number; logLikelihood: number; converged: boolean; n: number };
		gammaGamma: { p: number; q: number; gamma: number; n: number };
	} | null;
	clvError: string | null;
	/** 20 bins over [0, 1]. */
	pAliveHistogram: number[];
	holdout: { splitDay: number; unit: TimeUnit; rows: TrackingRow[]; forecastError: number } | null;
	holdoutError: string | null;
}

export type SegmentsReply =
	| { id: number; type: 'progress'; stage: RunStage; fraction: number }
	| { id: number; type: 'result'; ok: true; value: SegmentsView | string }
	| { id: number; type: 'result'; ok: false; code: SegmentsErrorCode; message?: string };
