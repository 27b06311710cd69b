// Named RFM segments: the R `rfm` rule tables (0.3.0 and 0.2.x), user-defined tables (valibot), and segment summaries.
import * as v from 'valibot';
import type { RfmTable } from './rfm';

/** Segment keys used by the R `rfm` package; they double as i18n key suffixes (see segments.*.json). */
export const R_SEGMENT_KEYS = [
	'Champions',
	'Loyal Customers',
	'Potential Loyalist',
	'New Customers',
	'Promising',
	'Need Attention',
	'About To Sleep',
	'At Risk',
	"Can't Lose Them",
	'Lost',
	'Others'
] as const;
export type RSegmentKey = (typeof R_SEGMENT_KEYS)[number];
export const OTHERS = 'Others';

const scoreBound = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(9));
const range = v.pipe(
	v.tuple([scoreBound, scoreBound]),
	v.check(([lo, hi]) => lo <= hi, 'lower bound must not exceed upper bound')
);

export const SegmentRuleSchema = v.object({
	segment: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(80)),
	/** Inclusive [lower, upper] score ranges, as R's dplyr::between. */
	r: range,
	f: range,
	m: range
});
export type SegmentRule = v.InferOutput<typeof SegmentRuleSchema>;

export const SegmentRuleTableSchema = v.object({
	id: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
	name: v.pipe(v.string(), v.minLength(1), v.maxLength(120)),
	/** Evaluated top to bottom; the first rule that matches wins (R `rfm` ≥ 0.2.2). */
	rules: v.pipe(v.array(SegmentRuleSchema), v.minLength(1), v.maxLength(100)),
	/** Label for customers no rule matches. */
	fallback: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(80)), OTHERS)
});
export type SegmentRuleTable = v.InferOutput<typeof SegmentRuleTableSchema>;

/** Validates a user-defined rule table; returns valibot issues rather than throwing. */
export function parseRuleTable(input: unknown): v.SafeParseResult<typeof SegmentRuleTableSchema> {
	return v.safeParse(SegmentRuleTableSchema, input);
}

/** Builds a table from R's column vectors (segment_names, recency_lower, …) so the R source can be pasted as is. */
function fromRVectors(
	id: string,
	name: string,
	names: string[],
	rl: number[],
	ru: number[],
	fl: number[],
	fu: number[],
	ml: number[],
	mu: number[]
): SegmentRuleTable {
	return {
		id,
		name,
		fallback: OTHERS,
		rules: names.map((segment, i) => ({
			segment,
			r: [rl[i], ru[i]] as [number, number],
			f: [fl[i], fu[i]] as [number, number],
			m: [ml[i], mu[i]] as [number, number]
		}))
	};
}

/** The rule table in the R `rfm` 0.3.0 documentation (`?rfm_segment`, CRAN 2024-02-26). */
export const R_RFM_030_RULES: SegmentRuleTable = fromRVectors(
	'rfm-0.3',
	'R rfm 0.3.0',
	[
		'Champions',
		'Potential Loyalist',
		'Loyal Customers',
		'Promising',
		'New Customers',
		"Can't Lose Them",
		'At Risk',
		'Need Attention',
		'About To Sleep',
		'Lost'
	],
	[5, 3, 2, 3, 4, 1, 1, 1, 2, 1],
	[5, 5, 4, 4, 5, 2, 2, 3, 3, 1],
	[5, 3, 2, 1, 1, 3, 2, 3, 1, 1],
	[5, 5, 4, 3, 3, 4, 5, 5, 3, 5],
	[5, 2, 2, 3, 1, 4, 4, 3, 1, 1],
	[5, 5, 4, 5, 5, 5, 5, 5, 4, 5]
);

/** The rule table in the R `rfm` 0.2.x documentation and tests (Champions = 158 on rfm_data_orders). */
export const R_RFM_02_RULES: SegmentRuleTable = fromRVectors(
	'rfm-0.2',
	'R rfm 0.2.x',
	[
		'Champions',
		'Loyal Customers',
		'Potential Loyalist',
		'New Customers',
		'Promising',
		'Need Attention',
		'About To Sleep',
		'At Risk',
		"Can't Lose Them",
		'Lost'
	],
	[4, 2, 3, 4, 3, 2, 2, 1, 1, 1],
	[5, 5, 5, 5, 4, 3, 3, 2, 1, 2],
	[4, 3, 1, 1, 1, 2, 1, 2, 4, 1],
	[5, 5, 3, 1, 1, 3, 2, 5, 5, 2],
	[4, 3, 1, 1, 1, 2, 1, 2, 4, 1],
	[5, 5, 3, 1, 1, 3, 2, 5, 5, 2]
);

export const BUILTIN_RULE_TABLES: Record<'0.3' | '0.2', SegmentRuleTable> = {
	'0.3': R_RFM_030_RULES,
	'0.2': R_RFM_02_RULES
};

export interface SegmentAssignment {
	/** Distinct labels: the rules' segments in table order (deduplicated), then the fallback. */
	labels: string[];
	/** Per customer code, an index into `labels`. */
	index: Uint16Array;
}

/**
 * First matching rule wins, bounds inclusive; unmatched (or unscored) customers get the fallback.
 * Precomputes the answer for every (r, f, m) cell once, so assignment is one table lookup per customer.
 */
export function assignSegments(table: RfmTable, rules: SegmentRuleTable): SegmentAssignment {
	const labels: string[] = [];
	const labelIndex = new Map<string, number>();
	const intern = (s: string): number => {
		let i = labelIndex.get(s);
		if (i === undefined) {
			i = labels.length;
			labels.push(s);
			labelIndex.set(s, i);
		}
		return i;
	};
	const ruleLabel = rules.rules.map((r) => intern(r.segment));
	const fallback = intern(rules.fallback ?? OTHERS);
	const cell = new Uint16Array(1000).fill(fallback);
	for (let r = 1; r <= 9; r++)
		for (let f = 1; f <= 9; f++)
			for (let m = 1; m <= 9; m++) {
				const k = rules.rules.findIndex(
					(rule) => r >= rule.r[0] && r <= rule.r[1] && f >= rule.f[0] && f <= rule.f[1] && m >= rule.m[0] && m <= rule.m[1]
				);
				if (k >= 0) cell[r * 100 + f * 10 + m] = ruleLabel[k];
			}
	const n = table.customerIds.length;
	const index = new Uint16Array(n);
	for (let c = 0; c < n; c++) {
		const r = table.r[c];
		const f = table.f[c];
		const m = table.m[c];
		index[c] = r && f && m ? cell[r * 100 + f * 10 + m] : fallback;
	}
	return { labels, index };
}

export interface SegmentSummaryRow {
	segment: string;
	customers: number;
	orders: number;
	revenue: number;
	/** revenue / orders */
	aov: number;
}

/** Like R `rfm_segment_summary`: customers, orders, revenue and average order value per segment. */
export function summarizeSegments(table: RfmTable, seg: SegmentAssignment): SegmentSummaryRow[] {
	const k = seg.labels.length;
	const customers = new Float64Array(k);
	const orders = new Float64Array(k);
	const revenue = new Float64Array(k);
	for (let c = 0; c < seg.index.length; c++) {
		if (table.frequency[c] === 0) continue;
		const s = seg.index[c];
		customers[s]++;
		orders[s] += table.frequency[c];
		revenue[s] += table.revenue[c];
	}
	return seg.labels.map((segment, s) => ({
		segment,
		customers: customers[s],
		orders: orders[s],
		revenue: revenue[s],
		aov: orders[s] > 0 ? revenue[s] / orders[s] : 0
	}));
}
