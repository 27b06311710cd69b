// Columnar transaction input for the segmentation analytics, plus day arithmetic and per-customer aggregation.
import { orderBy } from './rank';

/**
 * The one input shape every segmentation routine takes.
 *
 * Columnar (struct of arrays) so that a million transactions cost three typed arrays and a string
 * table instead of a million objects, and so the same buffers can be transferred to a worker.
 *
 * - `customerIds`: the string table; each distinct customer appears once.
 * - `customer`: per transaction, an index into `customerIds` (0 ≤ code < customerIds.length).
 * - `days`: per transaction, the date as days since 1970-01-01 UTC. May be fractional (a timestamp
 *   divided by 86 400 000); every day-based figure uses `Math.floor(days[i])`, i.e. the UTC calendar day.
 * - `amounts`: per transaction, the spend (currency units). Negative amounts (refunds) are kept as given.
 *
 * All three per-transaction arrays have the same length. Rows need not be sorted.
 */
export interface TransactionColumns {
	customerIds: readonly string[];
	customer: Int32Array;
	days: Float64Array;
	amounts: Float64Array;
}

export const MS_PER_DAY = 86_400_000;

/** Days since epoch for an ISO date `YYYY-MM-DD` (or `YYYYMMDD`), UTC; NaN when malformed. */
export function parseIsoDay(text: string): number {
	const s = text.trim();
	let y: number, m: number, d: number;
	if (/^\d{8}$/.test(s)) {
		y = +s.slice(0, 4);
		m = +s.slice(4, 6);
		d = +s.slice(6, 8);
	} else {
		const match = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(s);
		if (!match) return Number.NaN;
		y = +match[1];
		m = +match[2];
		d = +match[3];
	}
	if (m < 1 || m > 12 || d < 1 || d > 31) return Number.NaN;
	const ms = Date.UTC(y, m - 1, d);
	// Date.UTC rolls 2006-02-31 over to March; reject instead of silently moving the day.
	if (new Date(ms).getUTCDate() !== d) return Number.NaN;
	return ms / MS_PER_DAY;
}

/** `YYYY-MM-DD` for a day number (floored). */
export function formatIsoDay(day: number): string {
	return new Date(Math.floor(day) * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * Builds columns from row-shaped data, assigning customer codes in first-seen order.
 * Convenience for tests and small imports; large imports should fill the typed arrays directly.
 */
export function toColumns(rows: Iterable<{ customerId: string; day: number; amount: number }>): TransactionColumns {
	const index = new Map<string, number>();
	const ids: string[] = [];
	const cust: number[] = [];
	const days: number[] = [];
	const amounts: number[] = [];
	for (const r of rows) {
		let code = index.get(r.customerId);
		if (code === undefined) {
			code = ids.length;
			index.set(r.customerId, code);
			ids.push(r.customerId);
		}
		cust.push(code);
		days.push(r.day);
		amounts.push(r.amount);
	}
	return {
		customerIds: ids,
		customer: Int32Array.from(cust),
		days: Float64Array.from(days),
		amounts: Float64Array.from(amounts)
	};
}

/** Per-customer aggregates, columnar, indexed by customer code (same order as `customerIds`). */
export interface CustomerSummary {
	customerIds: readonly string[];
	/** First and last purchase day (floored day numbers). */
	firstDay: Float64Array;
	lastDay: Float64Array;
	/** Number of transactions (rows). */
	count: Int32Array;
	total: Float64Array;
}

/**
 * One pass over the transactions. Customers listed in `customerIds` but without rows get count 0 and NaN days.
 * (Distinct purchase days, which BG/NBD needs, come from `countDistinctDays` / the CLV summary instead,
 * because they need a sort the RFM path should not pay for.)
 */
export function summarizeCustomers(tx: TransactionColumns): CustomerSummary {
	const n = tx.customerIds.length;
	const len = tx.customer.length;
	const firstDay = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
	const lastDay = new Float64Array(n).fill(Number.NEGATIVE_INFINITY);
	const count = new Int32Array(n);
	const total = new Float64Array(n);
	const { customer, days, amounts } = tx;
	for (let i = 0; i < len; i++) {
		const c = customer[i];
		const d = Math.floor(days[i]);
		if (d < firstDay[c]) firstDay[c] = d;
		if (d > lastDay[c]) lastDay[c] = d;
		count[c]++;
		total[c] += amounts[i];
	}
	for (let c = 0; c < n; c++) {
		if (count[c] === 0) {
			firstDay[c] = Number.NaN;
			lastDay[c] = Number.NaN;
		}
	}
	return { customerIds: tx.customerIds, firstDay, lastDay, count, total };
}

/**
 * Distinct (customer, day) pairs per customer. Packs the pair into one float key
 * (customer · span + day offset, exact below 2^53) and sorts a Float64Array — far faster than a Set of strings.
 */
export function countDistinctDays(tx: TransactionColumns): Int32Array {
	const { customer, days } = tx;
	const n = tx.customerIds.length;
	const out = new Int32Array(n);
	const len = customer.length;
	if (len === 0) return out;
	let minDay = Number.POSITIVE_INFINITY;
	let maxDay = Number.NEGATIVE_INFINITY;
	for (let i = 0; i < len; i++) {
		const d = Math.floor(days[i]);
		if (d < minDay) minDay = d;
		if (d > maxDay) maxDay = d;
	}
	const span = maxDay - minDay + 1;
	const keys = new Float64Array(len);
	for (let i = 0; i < len; i++) keys[i] = customer[i] * span + (Math.floor(days[i]) - minDay);
	keys.sort();
	let prev = Number.NaN;
	for (let i = 0; i < len; i++) {
		const k = keys[i];
		if (k !== prev) {
			out[Math.floor(k / span)]++;
			prev = k;
		}
	}
	return out;
}

/** Largest floored day in the data (NaN when empty). */
export function lastTransactionDay(tx: TransactionColumns): number {
	let max = Number.NEGATIVE_INFINITY;
	for (let i = 0; i < tx.days.length; i++) if (tx.days[i] > max) max = tx.days[i];
	return max === Number.NEGATIVE_INFINITY ? Number.NaN : Math.floor(max);
}

/**
 * Customer id order used for tie-breaking: numeric ids (e.g. "00042", "1007") compare as numbers,
 * others by code unit; numeric ids sort before non-numeric ones.
 */
export function compareCustomerIds(a: string, b: string): number {
	const na = numericId(a);
	const nb = numericId(b);
	if (na !== null && nb !== null) return na - nb || (a < b ? -1 : a > b ? 1 : 0);
	if (na !== null) return -1;
	if (nb !== null) return 1;
	return a < b ? -1 : a > b ? 1 : 0;
}

/** Digits only (optionally one leading '-' and one '.'), ≤ 15 characters so the number is exact. */
function numericId(s: string): number | null {
	const len = s.length;
	if (len === 0 || len > 15) return null;
	let i = s.charCodeAt(0) === 45 ? 1 : 0;
	if (i === len) return null;
	let dot = false;
	for (; i < len; i++) {
		const ch = s.charCodeAt(i);
		if (ch === 46 && !dot) dot = true;
		else if (ch < 48 || ch > 57) return null;
	}
	return Number(s);
}

/** Customer codes sorted by `compareCustomerIds`; the rank of a code in this order is its tie-breaker. */
export function idOrder(customerIds: readonly string[]): Int32Array {
	const n = customerIds.length;
	const nums = new Float64Array(n);
	let allNumeric = true;
	for (let i = 0; i < n; i++) {
		const v = numericId(customerIds[i]);
		if (v === null) {
			allNumeric = false;
			break;
		}
		nums[i] = v;
	}
	if (allNumeric) {
		// Fast path (typical numeric member ids): native sort of the numbers; ties such as "7" vs "007"
		// keep input order here and are settled by the string comparison below only when they occur.
		const order = orderBy(nums);
		let tie = false;
		for (let i = 1; i < n && !tie; i++) tie = nums[order[i]] === nums[order[i - 1]];
		if (!tie) return order;
	}
	const order = new Int32Array(n);
	for (let i = 0; i < n; i++) order[i] = i;
	order.sort((a, b) => compareCustomerIds(customerIds[a], customerIds[b]));
	return order;
}
