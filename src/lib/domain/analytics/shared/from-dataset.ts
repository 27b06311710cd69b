// Stored dataset columns (customerId string column, date epoch-ms column, amount number column) → the segmentation's TransactionColumns.
import type { Column } from '../../csv/columnar';
import { MS_PER_DAY, type TransactionColumns } from './transactions';

export type FromDatasetError = 'missing-customer' | 'missing-date' | 'missing-amount' | 'no-rows';

/**
 * Rows without a customer, date or amount are skipped (the import already rejected them, so this only
 * guards older or hand-made datasets). Customer codes are re-packed so `customerIds` holds only customers
 * with at least one usable row; the dictionary order is kept (first-seen order of the import).
 */
export function transactionsFromColumns(
	cols: Record<string, Column | undefined>
):
	| { ok: true; value: TransactionColumns; skipped: number; channel?: { codes: Int32Array; dict: string[] } }
	| { ok: false; code: FromDatasetError } {
	const cust = cols.customerId;
	const date = cols.date;
	const amount = cols.amount;
	if (!cust || cust.type !== 'string') return { ok: false, code: 'missing-customer' };
	if (!date || date.type !== 'date') return { ok: false, code: 'missing-date' };
	if (!amount || amount.type !== 'number') return { ok: false, code: 'missing-amount' };
	const n = Math.min(cust.codes.length, date.values.length, amount.values.length);
	const remap = new Int32Array(cust.dict.length).fill(-1);
	const ids: string[] = [];
	let kept = 0;
	const customer = new Int32Array(n);
	const days = new Float64Array(n);
	const amounts = new Float64Array(n);
	// Optional channel per kept row (e.g. store / app / mini-program), for a segment's preferred channel.
	const ch = cols.channel?.type === 'string' ? cols.channel : null;
	const chCodes = ch ? new Int32Array(n) : null;
	for (let i = 0; i < n; i++) {
		const c = cust.codes[i];
		const ms = date.values[i];
		const a = amount.values[i];
		if (c < 0 || !Number.isFinite(ms) || !Number.isFinite(a)) continue;
		let k = remap[c];
		if (k < 0) {
			k = remap[c] = ids.length;
			ids.push(cust.dict[c]);
		}
		customer[kept] = k;
		days[kept] = ms / MS_PER_DAY;
		amounts[kept] = a;
		if (chCodes && ch) chCodes[kept] = i < ch.codes.length ? ch.codes[i] : -1;
		kept++;
	}
	if (kept === 0) return { ok: false, code: 'no-rows' };
	return {
		ok: true,
		skipped: n - kept,
		...(chCodes && ch ? { channel: { codes: chCodes.slice(0, kept), dict: ch.dict } } : {}),
		value: { customerIds: ids, customer: customer.slice(0, kept), days: days.slice(0, kept), amounts: amounts.slice(0, kept) }
	};
}
