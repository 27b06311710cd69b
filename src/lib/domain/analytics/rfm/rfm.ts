// RFM table: recency/frequency/monetary per customer and 1–5 scores (R `rfm`-compatible or equal-count quintiles).
import { idOrder, lastTransactionDay, summarizeCustomers, type CustomerSummary, type TransactionColumns } from '../shared/transactions';
import { quantileType7, rProbabilities, sortedCopy } from '../shared/quantile';
import { orderBy } from '../shared/rank';

/**
 * - `rfm_r`: thresholds are the type-7 quantiles at 0.2/0.4/0.6/0.8 plus 1 and bins are
 *   [min, t1) … [t4, max+1), exactly as R `rfm` 0.2.x–0.3.0 `rfm_table_order`; heavy ties leave score gaps.
 * - `quintile`: equal-count bins on ranks (rank 1 = worst), ties broken by customer id.
 */
export type RfmScoring = 'rfm_r' | 'quintile';
/** Monetary value per customer: total spend (R `rfm`) or average spend per transaction. */
export type MonetaryMode = 'total' | 'average';

export interface RfmOptions {
	/** Day number (days since epoch, UTC). Default: the day after the last transaction. */
	analysisDay?: number;
	scoring?: RfmScoring;
	monetary?: MonetaryMode;
	/** Number of score levels (R default 5). */
	bins?: number;
	/**
	 * R `rfm`'s custom thresholds (`recency_bins = c(115, 181, 297, 482)` …): used instead of the
	 * quantiles for that measure when given, `rfm_r` scoring only.
	 */
	thresholds?: { recency?: number[]; frequency?: number[]; monetary?: number[] };
}

/** Bin edges actually used, as R returns them in `$threshold` (lower[i] ≤ x < upper[i] ⇒ bin i). */
export interface BinEdges {
	lower: number[];
	upper: number[];
}

export interface RfmTable {
	customerIds: readonly string[];
	analysisDay: number;
	firstDay: Float64Array;
	lastDay: Float64Array;
	/** analysisDay − lastDay, whole days. */
	recencyDays: Float64Array;
	/** Number of transactions. */
	frequency: Int32Array;
	/** Total (or average) spend. */
	monetary: Float64Array;
	/** Total spend regardless of `monetary` mode (needed by segment summaries and Pareto). */
	revenue: Float64Array;
	r: Uint8Array;
	f: Uint8Array;
	m: Uint8Array;
	scoring: RfmScoring;
	/** Only for `rfm_r` scoring. */
	edges?: { recency: BinEdges; frequency: BinEdges; monetary: BinEdges };
}

/** RFM from raw transactions. */
export function computeRfm(tx: TransactionColumns, options: RfmOptions = {}): RfmTable {
	return rfmFromSummary(summarizeCustomers(tx), {
		...options,
		analysisDay: options.analysisDay ?? lastTransactionDay(tx) + 1
	});
}

/** RFM from per-customer aggregates (lets callers reuse one aggregation pass for RFM, Pareto and CLV). */
export function rfmFromSummary(summary: CustomerSummary, options: RfmOptions = {}): RfmTable {
	const n = summary.customerIds.length;
	let analysisDay = options.analysisDay;
	if (analysisDay === undefined) {
		let max = Number.NEGATIVE_INFINITY;
		for (let c = 0; c < n; c++) if (summary.lastDay[c] > max) max = summary.lastDay[c];
		analysisDay = max + 1;
	}
	analysisDay = Math.floor(analysisDay);
	const scoring = options.scoring ?? 'rfm_r';
	const bins = options.bins ?? 5;
	const recencyDays = new Float64Array(n);
	const frequency = Int32Array.from(summary.count);
	const monetary = new Float64Array(n);
	for (let c = 0; c < n; c++) {
		recencyDays[c] = analysisDay - summary.lastDay[c];
		monetary[c] = options.monetary === 'average' ? (summary.count[c] > 0 ? summary.total[c] / summary.count[c] : 0) : summary.total[c];
	}
	// Customers without transactions (possible if the id table has extras) are left unscored (0).
	const active: number[] = [];
	for (let c = 0; c < n; c++) if (summary.count[c] > 0) active.push(c);
	const activeCodes = Int32Array.from(active);
	const table: RfmTable = {
		customerIds: summary.customerIds,
		analysisDay,
		firstDay: summary.firstDay,
		lastDay: summary.lastDay,
		recencyDays,
		frequency,
		monetary,
		revenue: summary.total,
		r: new Uint8Array(n),
		f: new Uint8Array(n),
		m: new Uint8Array(n),
		scoring
	};
	if (scoring === 'rfm_r') {
		const rEdges = rBinScores(recencyDays, activeCodes, bins, true, table.r, options.thresholds?.recency);
		const fEdges = rBinScores(frequency, activeCodes, bins, false, table.f, options.thresholds?.frequency);
		const mEdges = rBinScores(monetary, activeCodes, bins, false, table.m, options.thresholds?.monetary);
		table.edges = { recency: rEdges, frequency: fEdges, monetary: mEdges };
	} else {
		const tieRank = activeIdRanks(summary.customerIds, activeCodes);
		quintileScores(recencyDays, activeCodes, bins, true, tieRank, table.r);
		quintileScores(frequency, activeCodes, bins, false, tieRank, table.f);
		quintileScores(monetary, activeCodes, bins, false, tieRank, table.m);
	}
	return table;
}

/**
 * R `rfm` scoring for one measure. Reproduces `rfm_prep_bins`: edges = quantile(type 7) + 1, a loop
 * over bins where later bins overwrite earlier ones, and recency scored in reverse.
 */
function rBinScores(
	values: ArrayLike<number>,
	codes: Int32Array,
	bins: number,
	reverse: boolean,
	out: Uint8Array,
	custom?: number[]
): BinEdges {
	if (codes.length === 0) return { lower: [], upper: [] };
	const subset = new Float64Array(codes.length);
	for (let i = 0; i < codes.length; i++) subset[i] = values[codes[i]];
	const sorted = sortedCopy(subset);
	let inner: number[];
	if (custom && custom.length > 0) inner = custom.slice();
	else {
		const probs = rProbabilities(bins);
		inner = [];
		for (let k = 1; k < bins; k++) inner.push(quantileType7(sorted, probs[k]) + 1);
	}
	const lower = [sorted[0], ...inner];
	const upper = [...inner, sorted[sorted.length - 1] + 1];
	const k = lower.length;
	for (let i = 0; i < codes.length; i++) {
		const v = subset[i];
		let score = 0; // R leaves NA when no bin matches; only non-finite values get here
		for (let b = 0; b < k; b++) if (v >= lower[b] && v < upper[b]) score = reverse ? k - b : b + 1;
		out[codes[i]] = score;
	}
	return { lower, upper };
}

/** For each position in `codes`, its rank in customer-id order among `codes` (lower id ⇒ lower rank). */
function activeIdRanks(ids: readonly string[], codes: Int32Array): Int32Array {
	const order = idOrder(ids);
	const inCodes = new Int32Array(ids.length).fill(-1);
	for (let i = 0; i < codes.length; i++) inCodes[codes[i]] = i;
	const rank = new Int32Array(codes.length);
	let k = 0;
	for (let j = 0; j < order.length; j++) {
		const pos = inCodes[order[j]];
		if (pos >= 0) rank[pos] = k++;
	}
	return rank;
}

/**
 * Equal-count scores on ranks: rank 1 = worst (largest recency, smallest F or M); ties go to the lower
 * customer id first; score = max(1, ⌈bins·(rank−1)/(N−1)⌉).
 */
function quintileScores(
	values: ArrayLike<number>,
	codes: Int32Array,
	bins: number,
	largerIsWorse: boolean,
	tieRank: Int32Array,
	out: Uint8Array
): void {
	const n = codes.length;
	if (n === 0) return;
	const sub = new Float64Array(n);
	for (let i = 0; i < n; i++) sub[i] = values[codes[i]];
	const order = orderBy(sub, largerIsWorse, tieRank);
	const sorted = Int32Array.from(order, (i) => codes[i]);
	if (n === 1) {
		out[sorted[0]] = 1;
		return;
	}
	for (let i = 0; i < n; i++) {
		out[sorted[i]] = Math.max(1, Math.ceil((bins * i) / (n - 1)));
	}
}

/** The R-style three-digit cell code, e.g. 343 (0 when unscored). */
export function rfmCell(table: RfmTable, code: number): number {
	return table.r[code] * 100 + table.f[code] * 10 + table.m[code];
}
