// Small, dependency-free readers for the segmentation fixtures and bench inputs (customer,date,amount CSV; CDNOW layout).
import { parseIsoDay, type TransactionColumns } from './transactions';

/** Splits one CSV line (comma, RFC 4180 quotes; no embedded newlines — the app's importer handles those). */
export function splitCsvLine(line: string): string[] {
	const out: string[] = [];
	let i = 0;
	const n = line.length;
	while (i <= n) {
		if (line[i] === '"') {
			let s = '';
			i++;
			while (i < n) {
				if (line[i] === '"') {
					if (line[i + 1] === '"') {
						s += '"';
						i += 2;
					} else {
						i++;
						break;
					}
				} else s += line[i++];
			}
			out.push(s);
			while (i < n && line[i] !== ',') i++;
			i++;
		} else {
			const j = line.indexOf(',', i);
			const end = j === -1 ? n : j;
			out.push(line.slice(i, end));
			i = end + 1;
		}
	}
	return out;
}

/** Appends rows into growable columns and interns customer ids; shared by both readers. */
class ColumnBuilder {
	#ids: string[] = [];
	#index = new Map<string, number>();
	#cust = new Int32Array(1024);
	#days = new Float64Array(1024);
	#amounts = new Float64Array(1024);
	#len = 0;

	push(id: string, day: number, amount: number): void {
		let code = this.#index.get(id);
		if (code === undefined) {
			code = this.#ids.length;
			this.#index.set(id, code);
			this.#ids.push(id);
		}
		if (this.#len === this.#cust.length) {
			const grow = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
				const b = make(a.length * 2);
				b.set(a);
				return b;
			};
			this.#cust = grow(this.#cust, (n) => new Int32Array(n));
			this.#days = grow(this.#days, (n) => new Float64Array(n));
			this.#amounts = grow(this.#amounts, (n) => new Float64Array(n));
		}
		this.#cust[this.#len] = code;
		this.#days[this.#len] = day;
		this.#amounts[this.#len] = amount;
		this.#len++;
	}

	build(): TransactionColumns {
		return {
			customerIds: this.#ids,
			customer: this.#cust.slice(0, this.#len),
			days: this.#days.slice(0, this.#len),
			amounts: this.#amounts.slice(0, this.#len)
		};
	}
}

export interface TextReadResult {
	tx: TransactionColumns;
	/** 1-based line numbers of rows that could not be read (bad date or amount, too few fields). */
	skipped: number[];
}

/**
 * Reads `customer_id,date,amount` CSV with a header. Column names are matched loosely
 * (customer/id, date/order_date, amount/revenue/value); the first three columns are the fallback.
 */
export function readTransactionsCsv(text: string): TextReadResult {
	const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
	const header = splitCsvLine(lines[0] ?? '').map((h) => h.trim().toLowerCase());
	const find = (re: RegExp, fallback: number): number => {
		const i = header.findIndex((h) => re.test(h));
		return i >= 0 ? i : fallback;
	};
	const ci = find(/customer|client|member|^id$/, 0);
	const di = find(/date|day|time/, 1);
	const ai = find(/amount|revenue|value|spend|sales|dollar/, 2);
	const b = new ColumnBuilder();
	const skipped: number[] = [];
	for (let li = 1; li < lines.length; li++) {
		const line = lines[li];
		if (line.trim() === '') continue;
		const f = splitCsvLine(line);
		const day = parseIsoDay(f[di] ?? '');
		const amount = Number(f[ai]);
		if (f.length <= Math.max(ci, di, ai) || !Number.isFinite(day) || !Number.isFinite(amount)) {
			skipped.push(li + 1);
			continue;
		}
		b.push(f[ci], day, amount);
	}
	return { tx: b.build(), skipped };
}

/**
 * Reads the CDNOW layout: whitespace-separated `id date(YYYYMMDD) cds dollars`, optional header line;
 * the 5-column sample (`master_id sample_id date cds dollars`) is detected and keyed by sample_id.
 */
export function readCdnow(text: string): TextReadResult {
	const b = new ColumnBuilder();
	const skipped: number[] = [];
	const lines = text.split(/\r?\n/);
	for (let li = 0; li < lines.length; li++) {
		const f = lines[li].trim().split(/\s+/);
		if (f.length < 4) {
			if (f[0] !== '') skipped.push(li + 1);
			continue;
		}
		const five = f.length >= 5;
		const id = five ? f[1] : f[0];
		const day = parseIsoDay(five ? f[2] : f[1]);
		const amount = Number(five ? f[4] : f[3]);
		if (!Number.isFinite(day) || !Number.isFinite(amount)) {
			// The master file's header line lands here; report it like any other unreadable row.
			skipped.push(li + 1);
			continue;
		}
		b.push(String(Number(id)), day, amount);
	}
	return { tx: b.build(), skipped };
}
