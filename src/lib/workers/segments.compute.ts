// Pure computation behind the segments worker: transactions + params → the columnar SegmentsView, and the customer CSV.
// Relative imports (no $lib) so Node tests and the e2e can run exactly this code.
import { runSegmentation, type CustomerRow, type SegmentationResult } from '../domain/analytics/shared/segmentation';
import { customersToCsv } from '../domain/analytics/shared/customers-csv';
import { parseIsoDay, type TransactionColumns } from '../domain/analytics/shared/transactions';
import { toSegmentationParams, type SegmentsParams } from '../domain/analytics/shared/segments-params';
import { calibrationHoldout } from '../domain/analytics/clv/clv';
import { QUADRANTS, MARCUS_CELLS } from '../domain/analytics/valuematrix/valuematrix';
import type { GroupFilter, GroupStats, RunStage, SegmentsView } from './segments.protocol';

export interface ComputeInput {
	tx: TransactionColumns;
	skipped?: number;
	channel?: { codes: Int32Array; dict: string[] };
}

/** Stage hook: called between stages; returning false stops the run (cancel). */
export type StageHook = (stage: RunStage, fraction: number) => boolean | Promise<boolean>;

export class Cancelled extends Error {}

export async function computeSegments(
	input: ComputeInput,
	params: SegmentsParams,
	stage: StageHook = () => true
): Promise<{ view: SegmentsView; rows: CustomerRow[] }> {
	const { tx } = input;
	const go = async (s: RunStage, f: number) => {
		if (!(await stage(s, f))) throw new Cancelled();
	};
	await go('rfm', 0.15);
	let minDay = Infinity;
	let maxDay = -Infinity;
	for (let i = 0; i < tx.days.length; i++) {
		const d = Math.floor(tx.days[i]);
		if (d < minDay) minDay = d;
		if (d > maxDay) maxDay = d;
	}
	const res = runSegmentation(tx, toSegmentationParams(params));
	await go('holdout', 0.7);
	const analysisDay = res.rfm.analysisDay;
	let holdout: SegmentsView['holdout'] = null;
	let holdoutError: string | null = null;
	if (params.clv) {
		try {
			const lastIn = Math.min(maxDay, analysisDay - 1);
			const wanted = params.holdoutDate ? parseIsoDay(params.holdoutDate) : Math.floor((minDay + lastIn) / 2);
			const splitDay = Math.min(Math.max(Number.isFinite(wanted) ? wanted : Math.floor((minDay + lastIn) / 2), minDay + 1), lastIn - 1);
			const h = calibrationHoldout(tx, { calibrationEndDay: splitDay, endDay: lastIn, unit: params.clvUnit });
			const lastRow = h.rows[h.rows.length - 1];
			const atSplit = [...h.rows].reverse().find((r) => !r.holdout);
			const actualHold = lastRow.actualCumulative - (atSplit?.actualCumulative ?? 0);
			const predHold = lastRow.predictedCumulative - (atSplit?.predictedCumulative ?? 0);
			// A fit that cannot forecast (non-finite figures) is no check at all: show none rather than "NaN%".
			if (!Number.isFinite(predHold) || h.rows.some((r) => !Number.isFinite(r.predictedCumulative))) throw new Error('non-finite forecast');
			holdout = {
				splitDay,
				unit: params.clvUnit,
				rows: h.rows,
				forecastError: actualHold > 0 ? (predHold - actualHold) / actualHold : 0
			};
		} catch (e) {
			holdoutError = e instanceof Error ? e.message : String(e);
		}
	}
	await go('summary', 0.9);
	const view = buildView(res, input, analysisDay, minDay, maxDay);
	view.holdout = holdout;
	view.holdoutError = holdoutError;
	return { view, rows: res.rows };
}

function median(values: number[]): number | null {
	if (values.length === 0) return null;
	values.sort((a, b) => a - b);
	const h = (values.length - 1) / 2;
	const lo = Math.floor(h);
	return values[lo] + (h - lo) * (values[Math.ceil(h)] - values[lo]);
}

function buildView(res: SegmentationResult, input: ComputeInput, analysisDay: number, minDay: number, maxDay: number): SegmentsView {
	const rows = res.rows;
	const n = rows.length;
	const segmentKeys = res.segments.map((s) => s.segment);
	const tierKeys = res.tiers.map((t) => t.tier);
	const quadrantKeys: string[] = res.matrix.kind === 'value' ? [...QUADRANTS] : [...MARCUS_CELLS];
	const segIndex = new Map(segmentKeys.map((k, i) => [k, i]));
	const tierIndex = new Map(tierKeys.map((k, i) => [k, i]));
	const qIndex = new Map(quadrantKeys.map((k, i) => [k, i]));
	const codeOf = new Map<string, number>();
	input.tx.customerIds.forEach((id, c) => codeOf.set(id, c));
	const v: SegmentsView = {
		analysisDay,
		firstDay: minDay,
		lastDay: maxDay,
		transactions: input.tx.customer.length,
		skipped: input.skipped ?? 0,
		ids: rows.map((r) => r.customer_id),
		firstPurchase: new Float64Array(n),
		lastPurchase: new Float64Array(n),
		recency: new Float64Array(n),
		frequency: new Float64Array(n),
		monetary: new Float64Array(n),
		revenue: new Float64Array(n),
		r: new Uint8Array(n),
		f: new Uint8Array(n),
		m: new Uint8Array(n),
		segment: new Uint16Array(n),
		tier: new Uint8Array(n),
		quadrant: new Uint8Array(n),
		pAlive: new Float64Array(n),
		expected: new Float64Array(n),
		predicted: new Float64Array(n),
		mx: new Float64Array(n),
		my: new Float64Array(n),
		segmentKeys,
		tierKeys,
		quadrantKeys,
		segmentSummary: res.segments,
		segments: [],
		tiers: [],
		quadrants: [],
		tierTable: res.tiers,
		pareto: res.pareto,
		matrix: res.matrix,
		grid: { count: new Array(25).fill(0), meanM: new Array(25).fill(0) },
		clv: res.clv
			? {
					unit: res.clv.summary.unit,
					bgnbd: {
						...res.clv.bgnbd.params,
						logLikelihood: res.clv.bgnbd.logLikelihood,
						converged: res.clv.bgnbd.converged,
						n: res.clv.bgnbd.n
					},
					gammaGamma: { ...res.clv.gammaGamma.params, n: res.clv.gammaGamma.n }
				}
			: null,
		clvError: res.clvError ?? null,
		pAliveHistogram: new Array(20).fill(0),
		holdout: null,
		holdoutError: null
	};
	const codes = new Int32Array(n);
	for (let k = 0; k < n; k++) {
		const row = rows[k];
		const c = codeOf.get(row.customer_id) ?? -1;
		codes[k] = c;
		v.firstPurchase[k] = res.rfm.firstDay[c];
		v.lastPurchase[k] = res.rfm.lastDay[c];
		v.recency[k] = row.recency_days;
		v.frequency[k] = row.frequency;
		v.monetary[k] = row.monetary;
		v.revenue[k] = res.rfm.revenue[c];
		v.r[k] = row.r_score;
		v.f[k] = row.f_score;
		v.m[k] = row.m_score;
		v.segment[k] = segIndex.get(row.segment) ?? 0;
		v.tier[k] = tierIndex.get(row.tier) ?? 0;
		v.quadrant[k] = qIndex.get(row.value_quadrant) ?? 0;
		v.pAlive[k] = row.p_alive ?? Number.NaN;
		v.expected[k] = row.expected_purchases ?? Number.NaN;
		v.predicted[k] = row.predicted_clv ?? Number.NaN;
		if (res.matrix.kind === 'value') {
			v.mx[k] = v.revenue[k];
			v.my[k] = v.predicted[k];
		} else {
			v.mx[k] = row.frequency;
			v.my[k] = row.frequency > 0 ? v.revenue[k] / row.frequency : 0;
		}
		if (row.r_score >= 1 && row.r_score <= 5 && row.f_score >= 1 && row.f_score <= 5) {
			const g = (row.r_score - 1) * 5 + (row.f_score - 1);
			v.grid.count[g]++;
			v.grid.meanM[g] += row.monetary;
		}
		if (row.p_alive !== null) v.pAliveHistogram[Math.min(19, Math.floor(row.p_alive * 20))]++;
	}
	for (let g = 0; g < 25; g++) if (v.grid.count[g] > 0) v.grid.meanM[g] /= v.grid.count[g];

	// Preferred channel per customer row (most transactions), when the dataset has a channel column.
	let custChannel: Int32Array | null = null;
	if (input.channel) {
		const rowOf = new Int32Array(input.tx.customerIds.length).fill(-1);
		for (let k = 0; k < n; k++) if (codes[k] >= 0) rowOf[codes[k]] = k;
		const counts = new Map<number, number>();
		const dictN = input.channel.dict.length;
		for (let i = 0; i < input.tx.customer.length; i++) {
			const k = rowOf[input.tx.customer[i]];
			const ch = input.channel.codes[i];
			if (k < 0 || ch < 0) continue;
			const key = k * dictN + ch;
			counts.set(key, (counts.get(key) ?? 0) + 1);
		}
		custChannel = new Int32Array(n).fill(-1);
		const best = new Int32Array(n);
		for (const [key, cnt] of counts) {
			const k = Math.floor(key / dictN);
			if (cnt > best[k]) {
				best[k] = cnt;
				custChannel[k] = key % dictN;
			}
		}
	}
	const totalRevenue = v.revenue.reduce((s, x) => s + (x > 0 ? x : 0), 0);
	const group = (keys: string[], index: ArrayLike<number>): GroupStats[] =>
		keys.map((key, gi) => {
			const rec: number[] = [];
			const fr: number[] = [];
			const mo: number[] = [];
			let orders = 0;
			let revenue = 0;
			let clv = 0;
			const tiers = new Array(tierKeys.length).fill(0);
			const channels = new Map<number, number>();
			for (let k = 0; k < n; k++) {
				if (index[k] !== gi) continue;
				rec.push(v.recency[k]);
				fr.push(v.frequency[k]);
				mo.push(v.revenue[k]);
				orders += v.frequency[k];
				revenue += v.revenue[k] > 0 ? v.revenue[k] : 0;
				clv += v.predicted[k];
				tiers[v.tier[k]]++;
				if (custChannel && custChannel[k] >= 0) channels.set(custChannel[k], (channels.get(custChannel[k]) ?? 0) + 1);
			}
			let mainTier: string | null = null;
			let most = 0;
			tiers.forEach((cnt, t) => {
				if (cnt > most) {
					most = cnt;
					mainTier = tierKeys[t];
				}
			});
			let preferredChannel: string | null = null;
			let top = 0;
			for (const [ch, cnt] of channels)
				if (cnt > top && input.channel) {
					top = cnt;
					preferredChannel = input.channel.dict[ch];
				}
			return {
				key,
				customers: rec.length,
				orders,
				revenue,
				customerShare: n > 0 ? rec.length / n : 0,
				revenueShare: totalRevenue > 0 ? revenue / totalRevenue : 0,
				medianRecency: median(rec),
				medianFrequency: median(fr),
				medianMonetary: median(mo),
				predictedClv: res.clv && rec.length > 0 ? clv : res.clv ? 0 : null,
				mainTier,
				preferredChannel
			};
		});
	v.segments = group(segmentKeys, v.segment);
	v.tiers = group(tierKeys, v.tier);
	v.quadrants = group(quadrantKeys, v.quadrant);
	return v;
}

/** Row indices (into the view) matching a drill-down filter. */
export function filterIndices(view: SegmentsView, filter: GroupFilter): Int32Array {
	const n = view.ids.length;
	const out: number[] = [];
	const test = matcher(view, filter);
	for (let k = 0; k < n; k++) if (test(k)) out.push(k);
	return Int32Array.from(out);
}

function matcher(view: SegmentsView, filter: GroupFilter): (k: number) => boolean {
	switch (filter.kind) {
		case 'segment': {
			const gi = view.segmentKeys.indexOf(filter.key);
			return (k) => view.segment[k] === gi;
		}
		case 'tier': {
			const gi = view.tierKeys.indexOf(filter.key);
			return (k) => view.tier[k] === gi;
		}
		case 'quadrant': {
			const gi = view.quadrantKeys.indexOf(filter.key);
			return (k) => view.quadrant[k] === gi;
		}
		case 'cell':
			return (k) => view.r[k] === filter.r && view.f[k] === filter.f;
		default:
			return () => true;
	}
}

/** The export CSV of all rows, or of one group's rows. */
export function exportCsv(view: SegmentsView, rows: readonly CustomerRow[], locale: 'en' | 'zh-CN', filter?: GroupFilter | null): string {
	if (!filter || filter.kind === 'all') return customersToCsv(rows, locale);
	const idx = filterIndices(view, filter);
	return customersToCsv(
		Array.from(idx, (k) => rows[k]),
		locale
	);
}
