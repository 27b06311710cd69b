// Customer value matrix: current value × potential (predicted CLV) quadrants, or frequency × average order value (Marcus 1998).

/** Quadrant keys; i18n labels live under `segments.quadrant.*` (core = 核心价值, potential = 潜力, general = 一般, low = 低价值). */
export const QUADRANTS = ['core', 'potential', 'general', 'low'] as const;
export type Quadrant = (typeof QUADRANTS)[number];

/**
 * Where to split an axis: the median (default), the mean, a percentile (0–100, type-7), or a fixed value.
 * Ties at the split count as "high" (≥), so with a median split at least half the customers are high.
 */
export type SplitRule = { kind: 'median' } | { kind: 'mean' } | { kind: 'percentile'; p: number } | { kind: 'absolute'; value: number };

export function splitValue(values: ArrayLike<number>, rule: SplitRule = { kind: 'median' }): number {
	const n = values.length;
	if (rule.kind === 'absolute') return rule.value;
	if (n === 0) return Number.NaN;
	if (rule.kind === 'mean') {
		let s = 0;
		for (let i = 0; i < n; i++) s += values[i];
		return s / n;
	}
	const sorted = Float64Array.from(values as ArrayLike<number>).sort();
	const p = rule.kind === 'median' ? 0.5 : Math.min(100, Math.max(0, rule.p)) / 100;
	const h = (n - 1) * p;
	const lo = Math.floor(h);
	const hi = Math.min(lo + 1, n - 1);
	return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

export interface MatrixResult {
	/** Per customer, an index into QUADRANTS. */
	index: Uint8Array;
	xSplit: number;
	ySplit: number;
	counts: Record<Quadrant, number>;
}

/**
 * Current value (x, e.g. spend in the analysis window) × potential (y, e.g. predicted CLV):
 * high/high = core, low current/high potential = potential, high current/low potential = general, low/low = low.
 */
export function valueMatrix(
	current: ArrayLike<number>,
	potential: ArrayLike<number>,
	xRule: SplitRule = { kind: 'median' },
	yRule: SplitRule = xRule
): MatrixResult {
	const n = current.length;
	if (potential.length !== n) throw new Error('valueMatrix: current and potential differ in length');
	const xSplit = splitValue(current, xRule);
	const ySplit = splitValue(potential, yRule);
	const index = new Uint8Array(n);
	const counts: Record<Quadrant, number> = { core: 0, potential: 0, general: 0, low: 0 };
	for (let i = 0; i < n; i++) {
		const hx = current[i] >= xSplit;
		const hy = potential[i] >= ySplit;
		const q = hx ? (hy ? 0 : 2) : hy ? 1 : 3;
		index[i] = q;
		counts[QUADRANTS[q]]++;
	}
	return { index, xSplit, ySplit, counts };
}

/** Marcus (1998) customer matrix cells: frequency × average order value. */
export const MARCUS_CELLS = ['best', 'spender', 'frequent', 'uncertain'] as const;
export type MarcusCell = (typeof MARCUS_CELLS)[number];

/**
 * Marcus's matrix: high frequency & high AOV = best, low frequency & high AOV = spender,
 * high frequency & low AOV = frequent, both low = uncertain. Indices follow MARCUS_CELLS.
 */
export function marcusMatrix(
	frequency: ArrayLike<number>,
	averageOrderValue: ArrayLike<number>,
	fRule: SplitRule = { kind: 'median' },
	aRule: SplitRule = fRule
): { index: Uint8Array; fSplit: number; aSplit: number; counts: Record<MarcusCell, number> } {
	const m = valueMatrix(frequency, averageOrderValue, fRule, aRule);
	// valueMatrix's quadrant order (x = frequency, y = AOV): core, potential(low f, high aov), general(high f, low aov), low
	const counts: Record<MarcusCell, number> = {
		best: m.counts.core,
		spender: m.counts.potential,
		frequent: m.counts.general,
		uncertain: m.counts.low
	};
	return { index: m.index, fSplit: m.xSplit, aSplit: m.ySplit, counts };
}
