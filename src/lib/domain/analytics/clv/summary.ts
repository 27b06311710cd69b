// Frequency/recency/age (x, t_x, T) summaries for the CLV models, from columnar transactions, with same-day purchases merged.
import type { TransactionColumns } from '../shared/transactions';

export type TimeUnit = 'days' | 'weeks';
export const UNIT_DAYS: Record<TimeUnit, number> = { days: 1, weeks: 7 };

/**
 * One row per customer who bought on or before the calibration end. Like lifetimes'
 * `summary_data_from_transaction_data`: x = number of repeat purchase days, t_x = last − first,
 * T = end − first (in the chosen unit), `mean` = average spend of the repeat purchase days
 * (first purchase excluded, same-day spends summed), the Gamma-Gamma input.
 */
export interface RfSummary {
	/** Customer code (index into the transactions' `customerIds`) of each row. */
	code: Int32Array;
	x: Float64Array;
	tx: Float64Array;
	T: Float64Array;
	/** Mean repeat-purchase-day spend; 0 when x = 0. */
	mean: Float64Array;
	/** First purchase day (floored day number), for cohort forecasts. */
	firstDay: Float64Array;
	unit: TimeUnit;
	/** Last day included (inclusive). */
	endDay: number;
}

export interface SummaryOptions {
	/** Inclusive last day of the calibration period (default: last transaction day). */
	endDay?: number;
	unit?: TimeUnit;
}

/**
 * Sorts (customer, day) keys once, then walks them: O(n log n) on a Float64Array, no per-row objects.
 */
export function rfSummary(tx: TransactionColumns, options: SummaryOptions = {}): RfSummary {
	const unit = options.unit ?? 'weeks';
	const unitDays = UNIT_DAYS[unit];
	const len = tx.customer.length;
	let minDay = Infinity;
	let maxDay = -Infinity;
	for (let i = 0; i < len; i++) {
		const d = Math.floor(tx.days[i]);
		if (d < minDay) minDay = d;
		if (d > maxDay) maxDay = d;
	}
	const endDay = Math.floor(options.endDay ?? maxDay);
	// Key = customer·span + day offset; sorting a permutation by key groups each customer's days in order.
	const span = maxDay - minDay + 1;
	const keep: number[] = [];
	for (let i = 0; i < len; i++) if (Math.floor(tx.days[i]) <= endDay) keep.push(i);
	const keys = new Float64Array(keep.length);
	const perm = new Uint32Array(keep.length);
	for (let j = 0; j < keep.length; j++) {
		const i = keep[j];
		keys[j] = tx.customer[i] * span + (Math.floor(tx.days[i]) - minDay);
		perm[j] = i;
	}
	const idx = new Uint32Array(keep.length);
	for (let j = 0; j < idx.length; j++) idx[j] = j;
	idx.sort((a, b) => keys[a] - keys[b]);
	const code: number[] = [];
	const xs: number[] = [];
	const txs: number[] = [];
	const Ts: number[] = [];
	const means: number[] = [];
	const firsts: number[] = [];
	let j = 0;
	while (j < idx.length) {
		const c = tx.customer[perm[idx[j]]];
		const first = Math.floor(tx.days[perm[idx[j]]]);
		let last = first;
		let days = 0;
		let repeatSpend = 0;
		let prevDay = Number.NaN;
		while (j < idx.length && tx.customer[perm[idx[j]]] === c) {
			const i = perm[idx[j]];
			const d = Math.floor(tx.days[i]);
			if (d !== prevDay) {
				days++;
				prevDay = d;
				last = d;
			}
			if (d !== first) repeatSpend += tx.amounts[i];
			j++;
		}
		const x = days - 1;
		code.push(c);
		xs.push(x);
		txs.push((last - first) / unitDays);
		Ts.push((endDay - first) / unitDays);
		means.push(x > 0 ? repeatSpend / x : 0);
		firsts.push(first);
	}
	return {
		code: Int32Array.from(code),
		x: Float64Array.from(xs),
		tx: Float64Array.from(txs),
		T: Float64Array.from(Ts),
		mean: Float64Array.from(means),
		firstDay: Float64Array.from(firsts),
		unit,
		endDay
	};
}
