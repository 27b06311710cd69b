// Parameters of a saved segmentation analysis (valibot, with defaults) and their translation into runSegmentation options.
import * as v from 'valibot';
import { SegmentRuleTableSchema, type SegmentRuleTable } from '../rfm/segments';
import { validateTierScheme, type TierScheme } from '../pareto/pareto';
import type { SplitRule } from '../valuematrix/valuematrix';
import { monthLength } from '../clv/clv';
import { parseIsoDay } from './transactions';
import type { SegmentationParams } from './segmentation';

const isoDate = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/));
const share = v.pipe(v.number(), v.minValue(0), v.maxValue(1));

export const SegmentsParamsSchema = v.object({
	/** null = the day after the dataset's last transaction. */
	analysisDate: v.optional(v.nullable(isoDate), null),
	scoring: v.optional(v.picklist(['rfm_r', 'quintile']), 'rfm_r'),
	monetary: v.optional(v.picklist(['total', 'average']), 'total'),
	rules: v.optional(v.picklist(['0.3', '0.2', 'custom']), '0.3'),
	customRules: v.optional(v.nullable(SegmentRuleTableSchema), null),
	tierMethod: v.optional(v.picklist(['revenue', 'headcount']), 'revenue'),
	/** Cumulative cut-offs, ascending, 1–3 of them (ABC 80/95 by default). */
	tierCuts: v.optional(
		v.pipe(v.array(v.pipe(v.number(), v.minValue(0.01), v.maxValue(0.99))), v.minLength(1), v.maxLength(3)),
		[0.8, 0.95]
	),
	matrix: v.optional(v.picklist(['value', 'marcus']), 'value'),
	split: v.optional(v.picklist(['median', 'mean', 'percentile', 'absolute']), 'median'),
	splitPercentile: v.optional(v.pipe(v.number(), v.minValue(1), v.maxValue(99)), 50),
	splitX: v.optional(v.number(), 0),
	splitY: v.optional(v.number(), 0),
	clv: v.optional(v.boolean(), true),
	clvUnit: v.optional(v.picklist(['days', 'weeks']), 'weeks'),
	horizonMonths: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(120)), 12),
	/** Per year; converted to the monthly rate the CLV formula discounts with. */
	annualDiscount: v.optional(share, 0.1),
	margin: v.optional(share, 1),
	/** Last calibration day of the holdout check; null = halfway through the history. */
	holdoutDate: v.optional(v.nullable(isoDate), null)
});
export type SegmentsParams = v.InferOutput<typeof SegmentsParamsSchema>;

export const DEFAULT_SEGMENTS_PARAMS: SegmentsParams = v.parse(SegmentsParamsSchema, {});

/** Stored params (possibly older or partial) → complete params; invalid fields fall back to their defaults. */
export function readSegmentsParams(raw: unknown): SegmentsParams {
	const r = v.safeParse(SegmentsParamsSchema, raw ?? {});
	if (r.success) return r.output;
	const obj = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
	const out: Record<string, unknown> = {};
	const entries = SegmentsParamsSchema.entries as Record<string, v.GenericSchema>;
	for (const [k, schema] of Object.entries(entries)) {
		const one = v.safeParse(schema, obj[k]);
		if (one.success) out[k] = one.output;
	}
	return v.parse(SegmentsParamsSchema, out);
}

export const TIER_LETTERS = ['A', 'B', 'C', 'D'] as const;

export function tierScheme(p: SegmentsParams): TierScheme {
	const cuts = [...p.tierCuts];
	return { method: p.tierMethod, cuts, labels: TIER_LETTERS.slice(0, cuts.length + 1) };
}

/** What is wrong with the params, as an i18n-able code (null when fine). */
export function checkSegmentsParams(p: SegmentsParams): 'bad-tiers' | 'no-custom-rules' | 'bad-date' | null {
	if (validateTierScheme(tierScheme(p))) return 'bad-tiers';
	if (p.rules === 'custom' && !p.customRules) return 'no-custom-rules';
	if (p.analysisDate && !Number.isFinite(parseIsoDay(p.analysisDate))) return 'bad-date';
	if (p.holdoutDate && !Number.isFinite(parseIsoDay(p.holdoutDate))) return 'bad-date';
	return null;
}

export function monthlyRate(annual: number): number {
	return Math.pow(1 + annual, 1 / 12) - 1;
}

function splitRule(p: SegmentsParams, axis: 'x' | 'y'): SplitRule {
	switch (p.split) {
		case 'mean':
			return { kind: 'mean' };
		case 'percentile':
			return { kind: 'percentile', p: p.splitPercentile };
		case 'absolute':
			return { kind: 'absolute', value: axis === 'x' ? p.splitX : p.splitY };
		default:
			return { kind: 'median' };
	}
}

export function ruleTable(p: SegmentsParams): '0.3' | '0.2' | SegmentRuleTable {
	return p.rules === 'custom' && p.customRules ? p.customRules : p.rules === 'custom' ? '0.3' : p.rules;
}

/** The runSegmentation options these params mean. */
export function toSegmentationParams(p: SegmentsParams): SegmentationParams {
	const analysisDay = p.analysisDate ? parseIsoDay(p.analysisDate) : undefined;
	return {
		analysisDay: analysisDay !== undefined && Number.isFinite(analysisDay) ? analysisDay : undefined,
		scoring: p.scoring,
		monetary: p.monetary,
		rules: ruleTable(p),
		tiers: tierScheme(p),
		matrix: p.matrix,
		split: { x: splitRule(p, 'x'), y: splitRule(p, 'y') },
		clv: p.clv
			? {
					unit: p.clvUnit,
					horizon: p.horizonMonths * monthLength(p.clvUnit),
					options: {
						periods: p.horizonMonths,
						periodLength: monthLength(p.clvUnit),
						discountRate: monthlyRate(p.annualDiscount),
						margin: p.margin
					}
				}
			: false
	};
}
