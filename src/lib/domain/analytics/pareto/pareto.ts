// Pareto analysis of customer revenue: Lorenz curve, top-20% share, Gini, and ABC/ABCD tiers by revenue share or headcount.
import { idOrder } from '../shared/transactions';
import { orderBy } from '../shared/rank';

/**
 * Net spend below zero (refunds exceeding purchases) counts as zero here: a Lorenz curve and revenue
 * shares are only meaningful for non-negative values.
 */
function clampedSortedDesc(values: ArrayLike<number>, tieOrder?: Int32Array): { order: Int32Array; v: Float64Array; total: number } {
	const n = values.length;
	const v = new Float64Array(n);
	let total = 0;
	for (let i = 0; i < n; i++) {
		v[i] = values[i] > 0 ? values[i] : 0;
		total += v[i];
	}
	return { order: orderBy(v, true, tieOrder), v, total };
}

export interface LorenzPoint {
	/** Cumulative share of customers, poorest first (0…1). */
	customers: number;
	/** Cumulative share of revenue (0…1). */
	revenue: number;
}

export interface ParetoStats {
	customers: number;
	revenue: number;
	/** Share of revenue from the top 20% of customers (interpolated on the Lorenz curve). */
	top20RevenueShare: number;
	/** Smallest share of customers (best first) that makes 80% of revenue (interpolated). */
	customersFor80Share: number;
	/** Gini coefficient, 1 − 2·(area under the Lorenz curve), trapezoids over every customer. */
	gini: number;
	/** Lorenz curve, at most `maxPoints` points (always including both ends). */
	lorenz: LorenzPoint[];
}

export function paretoStats(values: ArrayLike<number>, maxPoints = 201): ParetoStats {
	const n = values.length;
	const { order, v, total } = clampedSortedDesc(values);
	if (n === 0 || total === 0) {
		return {
			customers: n,
			revenue: total,
			top20RevenueShare: 0,
			customersFor80Share: 0,
			gini: 0,
			lorenz: [
				{ customers: 0, revenue: 0 },
				{ customers: 1, revenue: 1 }
			]
		};
	}
	// Cumulative revenue of the top k customers, k = 0..n (best first): top(p) reads off this directly.
	const top = new Float64Array(n + 1);
	for (let k = 0; k < n; k++) top[k + 1] = top[k] + v[order[k]];
	const topShareAt = (p: number): number => {
		const pos = p * n;
		const k = Math.floor(pos);
		if (k >= n) return 1;
		return (top[k] + (pos - k) * v[order[k]]) / total;
	};
	let customersFor80Share = 1;
	for (let k = 0; k < n; k++) {
		if (top[k + 1] >= 0.8 * total) {
			const need = 0.8 * total - top[k];
			customersFor80Share = (k + need / v[order[k]]) / n;
			break;
		}
	}
	// Lorenz (poorest first): L(i/n) = 1 − top(n−i)/total; area by trapezoids.
	let area = 0;
	for (let i = 1; i <= n; i++) {
		const y0 = 1 - top[n - i + 1] / total;
		const y1 = 1 - top[n - i] / total;
		area += (y0 + y1) / (2 * n);
	}
	const lorenz: LorenzPoint[] = [];
	const steps = Math.min(n, Math.max(2, maxPoints - 1));
	for (let s = 0; s <= steps; s++) {
		const i = Math.round((s * n) / steps);
		lorenz.push({ customers: i / n, revenue: Math.max(0, 1 - top[n - i] / total) });
	}
	return {
		customers: n,
		revenue: total,
		top20RevenueShare: topShareAt(0.2),
		customersFor80Share,
		gini: 1 - 2 * area,
		lorenz
	};
}

export type TierMethod = 'revenue' | 'headcount';

export interface TierScheme {
	method: TierMethod;
	/**
	 * Upper cumulative cut-offs for every tier but the last, ascending in (0, 1).
	 * revenue: cumulative revenue share (ABC 80/95 ⇒ [0.8, 0.95]); headcount: cumulative customer share.
	 */
	cuts: number[];
	/** cuts.length + 1 labels, best tier first. */
	labels: string[];
}

export const ABC: TierScheme = { method: 'revenue', cuts: [0.8, 0.95], labels: ['A', 'B', 'C'] };
export const ABCD: TierScheme = { method: 'revenue', cuts: [0.5, 0.8, 0.95], labels: ['A', 'B', 'C', 'D'] };
export const ABC_HEADCOUNT: TierScheme = { method: 'headcount', cuts: [0.2, 0.5], labels: ['A', 'B', 'C'] };

/** Returns an error message for an invalid scheme, or null. */
export function validateTierScheme(s: TierScheme): string | null {
	if (s.labels.length !== s.cuts.length + 1) return 'labels must be one more than cuts';
	for (let i = 0; i < s.cuts.length; i++) {
		const c = s.cuts[i];
		if (!(c > 0 && c < 1)) return 'cuts must lie strictly between 0 and 1';
		if (i > 0 && !(c > s.cuts[i - 1])) return 'cuts must increase';
	}
	return null;
}

export interface TierAssignment {
	labels: string[];
	/** Per customer (input order), tier index into `labels`. */
	index: Uint8Array;
}

/**
 * Customers are ranked best first (revenue descending, ties by customer id so results are stable).
 * revenue method: a customer joins the first tier whose cut exceeds the cumulative share *before* it,
 * so the customer who crosses 80% is still an A (A then covers at least 80%).
 * headcount method: the customer at rank k (1-based) joins the first tier with k/N ≤ cut.
 */
export function assignTiers(values: ArrayLike<number>, scheme: TierScheme = ABC, customerIds?: readonly string[]): TierAssignment {
	const problem = validateTierScheme(scheme);
	if (problem) throw new Error(`assignTiers: ${problem}`);
	const n = values.length;
	const tieOrder = customerIds ? ranks(customerIds) : undefined;
	const { order, v, total } = clampedSortedDesc(values, tieOrder);
	const index = new Uint8Array(n);
	const last = scheme.cuts.length;
	let cum = 0;
	let tier = 0;
	for (let k = 0; k < n; k++) {
		const c = order[k];
		if (scheme.method === 'revenue') {
			const before = total > 0 ? cum / total : 1;
			while (tier < last && before >= scheme.cuts[tier] - 1e-12) tier++;
			cum += v[c];
		} else {
			const share = (k + 1) / n;
			while (tier < last && share > scheme.cuts[tier] + 1e-12) tier++;
		}
		index[c] = tier;
	}
	return { labels: scheme.labels.slice(), index };
}

function ranks(ids: readonly string[]): Int32Array {
	const order = idOrder(ids);
	const rank = new Int32Array(ids.length);
	for (let i = 0; i < order.length; i++) rank[order[i]] = i;
	return rank;
}

export interface TierRow {
	tier: string;
	customers: number;
	revenue: number;
	headcountShare: number;
	revenueShare: number;
}

/** Headcount share vs revenue share per tier (negative net spend counts as zero, as in the tiers). */
export function tierTable(values: ArrayLike<number>, tiers: TierAssignment): TierRow[] {
	const k = tiers.labels.length;
	const count = new Float64Array(k);
	const rev = new Float64Array(k);
	let total = 0;
	for (let i = 0; i < values.length; i++) {
		const v = values[i] > 0 ? values[i] : 0;
		count[tiers.index[i]]++;
		rev[tiers.index[i]] += v;
		total += v;
	}
	const n = values.length;
	return tiers.labels.map((tier, t) => ({
		tier,
		customers: count[t],
		revenue: rev[t],
		headcountShare: n > 0 ? count[t] / n : 0,
		revenueShare: total > 0 ? rev[t] / total : 0
	}));
}
