// runSegmentation: one call from columnar transactions to per-customer export rows (RFM, segment, tier, quadrant, CLV) plus summaries.
import { summarizeCustomers, formatIsoDay, lastTransactionDay, type TransactionColumns } from './transactions';
import { rfmFromSummary, rfmCell, type MonetaryMode, type RfmScoring, type RfmTable } from '../rfm/rfm';
import { BUILTIN_RULE_TABLES, assignSegments, summarizeSegments, type SegmentRuleTable, type SegmentSummaryRow } from '../rfm/segments';
import { ABC, assignTiers, paretoStats, tierTable, type ParetoStats, type TierRow, type TierScheme } from '../pareto/pareto';
import { QUADRANTS, MARCUS_CELLS, marcusMatrix, valueMatrix, type SplitRule } from '../valuematrix/valuematrix';
import { fitClvModels, predictCustomers, type ClvModel, type ClvOptions } from '../clv/clv';
import type { TimeUnit } from '../clv/summary';

/** The export columns, in order. */
export const CUSTOMER_COLUMNS = [
	'customer_id',
	'first_purchase',
	'last_purchase',
	'recency_days',
	'frequency',
	'monetary',
	'r_score',
	'f_score',
	'm_score',
	'rfm_cell',
	'segment',
	'tier',
	'value_quadrant',
	'p_alive',
	'expected_purchases',
	'predicted_clv'
] as const;

export interface CustomerRow {
	customer_id: string;
	first_purchase: string;
	last_purchase: string;
	recency_days: number;
	frequency: number;
	monetary: number;
	r_score: number;
	f_score: number;
	m_score: number;
	rfm_cell: string;
	/** R `rfm` segment key (e.g. "Champions") or a user rule's segment name. */
	segment: string;
	tier: string;
	/** core | potential | general | low (value × CLV), or best | spender | frequent | uncertain (Marcus). */
	value_quadrant: string;
	/** null when CLV is switched off or the model could not be fitted. */
	p_alive: number | null;
	expected_purchases: number | null;
	predicted_clv: number | null;
}

export interface SegmentationParams {
	/** Day number; default the day after the last transaction. */
	analysisDay?: number;
	scoring?: RfmScoring;
	monetary?: MonetaryMode;
	/** Built-in R table ('0.3' default, '0.2') or a validated user table. */
	rules?: '0.3' | '0.2' | SegmentRuleTable;
	tiers?: TierScheme;
	/**
	 * 'value' (default): current value × predicted CLV; falls back to 'marcus' when CLV is off.
	 * 'marcus': frequency × average order value.
	 */
	matrix?: 'value' | 'marcus';
	split?: { x?: SplitRule; y?: SplitRule };
	/** Current value = spend in the last `windowDays` before the analysis day (default: all history). */
	windowDays?: number;
	clv?:
		| false
		| {
				unit?: TimeUnit;
				/** Horizon for expected_purchases in the model unit (default 52 weeks / 365 days). */
				horizon?: number;
				options?: ClvOptions;
		  };
}

export interface SegmentationResult {
	rows: CustomerRow[];
	rfm: RfmTable;
	segments: SegmentSummaryRow[];
	pareto: ParetoStats;
	tiers: TierRow[];
	matrix: { kind: 'value' | 'marcus'; xSplit: number; ySplit: number; counts: Record<string, number> };
	clv: ClvModel | null;
	/** Set when CLV was requested but could not be fitted (e.g. nobody bought twice). */
	clvError?: string;
}

export function runSegmentation(input: TransactionColumns, params: SegmentationParams = {}): SegmentationResult {
	const analysisDay = Math.floor(params.analysisDay ?? lastTransactionDay(input) + 1);
	// Only history before the analysis day counts, so re-running "as of" a past date is honest.
	const tx = restrictBefore(input, analysisDay);
	const summary = summarizeCustomers(tx);
	const rfm = rfmFromSummary(summary, { analysisDay, scoring: params.scoring, monetary: params.monetary });
	const rules = typeof params.rules === 'object' ? params.rules : BUILTIN_RULE_TABLES[params.rules ?? '0.3'];
	const seg = assignSegments(rfm, rules);
	const n = summary.customerIds.length;
	const active: number[] = [];
	for (let c = 0; c < n; c++) if (summary.count[c] > 0) active.push(c);
	const revenueActive = Float64Array.from(active, (c) => summary.total[c]);
	const idsActive = active.map((c) => summary.customerIds[c]);
	const tierScheme = params.tiers ?? ABC;
	const tiers = assignTiers(revenueActive, tierScheme, idsActive);

	let clv: ClvModel | null = null;
	let clvError: string | undefined;
	const pAlive = new Float64Array(n).fill(Number.NaN);
	const expPurchases = new Float64Array(n).fill(Number.NaN);
	const predicted = new Float64Array(n).fill(Number.NaN);
	if (params.clv !== false) {
		const unit = params.clv?.unit ?? 'weeks';
		try {
			clv = fitClvModels(tx, { endDay: analysisDay - 1, unit });
			const horizon = params.clv?.horizon ?? (unit === 'weeks' ? 52 : 365);
			const pred = predictCustomers(clv, horizon, params.clv?.options);
			for (let i = 0; i < clv.summary.code.length; i++) {
				const c = clv.summary.code[i];
				pAlive[c] = pred.pAlive[i];
				expPurchases[c] = pred.expectedPurchases[i];
				predicted[c] = pred.clv[i];
			}
			if (clv.gammaGamma.n === 0) throw new Error('no repeat buyers for the spend model');
		} catch (e) {
			clv = null;
			clvError = e instanceof Error ? e.message : String(e);
			pAlive.fill(Number.NaN);
			expPurchases.fill(Number.NaN);
			predicted.fill(Number.NaN);
		}
	}

	const current = currentValue(tx, summary.total, analysisDay, params.windowDays);
	const kind: 'value' | 'marcus' = params.matrix === 'marcus' || clv === null ? 'marcus' : 'value';
	let quadrantIndex: Uint8Array;
	let matrixInfo: SegmentationResult['matrix'];
	if (kind === 'value') {
		const m = valueMatrix(
			Float64Array.from(active, (c) => current[c]),
			Float64Array.from(active, (c) => predicted[c]),
			params.split?.x,
			params.split?.y ?? params.split?.x
		);
		quadrantIndex = m.index;
		matrixInfo = { kind, xSplit: m.xSplit, ySplit: m.ySplit, counts: m.counts };
	} else {
		const m = marcusMatrix(
			Float64Array.from(active, (c) => summary.count[c]),
			Float64Array.from(active, (c) => summary.total[c] / summary.count[c]),
			params.split?.x,
			params.split?.y ?? params.split?.x
		);
		quadrantIndex = m.index;
		matrixInfo = { kind, xSplit: m.fSplit, ySplit: m.aSplit, counts: m.counts };
	}
	const quadrantNames: readonly string[] = kind === 'value' ? QUADRANTS : MARCUS_CELLS;
	const num = (v: number): number | null => (Number.isFinite(v) ? v : null);
	const rows: CustomerRow[] = active.map((c, k) => ({
		customer_id: summary.customerIds[c],
		first_purchase: formatIsoDay(summary.firstDay[c]),
		last_purchase: formatIsoDay(summary.lastDay[c]),
		recency_days: rfm.recencyDays[c],
		frequency: rfm.frequency[c],
		monetary: rfm.monetary[c],
		r_score: rfm.r[c],
		f_score: rfm.f[c],
		m_score: rfm.m[c],
		rfm_cell: String(rfmCell(rfm, c)),
		segment: seg.labels[seg.index[c]],
		tier: tiers.labels[tiers.index[k]],
		value_quadrant: quadrantNames[quadrantIndex[k]],
		p_alive: num(pAlive[c]),
		expected_purchases: num(expPurchases[c]),
		predicted_clv: num(predicted[c])
	}));
	return {
		rows,
		rfm,
		segments: summarizeSegments(rfm, seg),
		pareto: paretoStats(revenueActive),
		tiers: tierTable(revenueActive, tiers),
		matrix: matrixInfo,
		clv,
		clvError
	};
}

function restrictBefore(tx: TransactionColumns, day: number): TransactionColumns {
	let all = true;
	for (let i = 0; i < tx.days.length; i++)
		if (Math.floor(tx.days[i]) >= day) {
			all = false;
			break;
		}
	if (all) return tx;
	const keep: number[] = [];
	for (let i = 0; i < tx.days.length; i++) if (Math.floor(tx.days[i]) < day) keep.push(i);
	return {
		customerIds: tx.customerIds,
		customer: Int32Array.from(keep, (i) => tx.customer[i]),
		days: Float64Array.from(keep, (i) => tx.days[i]),
		amounts: Float64Array.from(keep, (i) => tx.amounts[i])
	};
}

function currentValue(tx: TransactionColumns, totals: Float64Array, analysisDay: number, windowDays?: number): Float64Array {
	if (windowDays === undefined) return totals;
	const out = new Float64Array(totals.length);
	const from = analysisDay - windowDays;
	for (let i = 0; i < tx.days.length; i++) if (Math.floor(tx.days[i]) >= from) out[tx.customer[i]] += tx.amounts[i];
	return out;
}
