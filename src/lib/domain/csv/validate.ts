// Mapping + raw table → typed dataset columns and the data quality report (rejections, missing, dates, duplicates, outliers, returns).
import { ATTRIBUTE_PREFIX, KIND_FIELDS, type ContactInterval, type DatasetKind, type FieldDef } from '../dataset/fields';
import type { ColumnMapping } from '../dataset/saved-mapping';
import type { DatasetColumn } from '../dataset/dataset';
import type { Column, StringColumn } from './columnar';
import { detectDateFormat, parseDate, type DateFormat, DATE_FORMATS } from './dates';
import { detectDecimalMark, parseNumber, type DecimalMark } from './numbers';
import { codeCounts } from './inference';
import { issue, type ImportErrorCode, type ImportIssue, type ImportResult } from './issues';
import { floatHash, hashRange, laneText, type RawColumn, type RawTable } from './parse';

export type OutlierMethod = 'iqr' | 'mad';

export interface BuildOptions {
	outliers?: OutlierMethod;
	/** Rejections listed in the report (counts are complete). */
	maxIssues?: number;
	prefer?: 'dmy' | 'mdy';
}

export interface Rejection {
	row: number;
	code: ImportErrorCode;
	column?: string;
	value?: string;
}

export interface OutlierSummary {
	method: OutlierMethod;
	count: number;
	/** Values outside [low, high] are outliers. */
	low: number;
	high: number;
}

export interface QualityReport {
	file?: string;
	kind: DatasetKind;
	encoding: string;
	delimiter: string;
	hasHeader: boolean;
	/** Data records read (header and blank lines not counted; unterminated-quote lines counted). */
	rowsRead: number;
	rowsAccepted: number;
	rowsRejected: number;
	/** Returns/cancellations dropped by the `exclude` choice (not errors). */
	rowsExcluded: number;
	/** First `maxIssues` rejections by row and column. */
	rejections: Rejection[];
	rejectionCounts: Partial<Record<ImportErrorCode, number>>;
	/** Warnings that did not reject a row (bad optional values, ambiguous formats, header fixes). */
	warnings: ImportIssue[];
	/** Empty cells per mapped source column, over all rows read. */
	missing: Record<string, number>;
	dateRange: { min: number; max: number } | null;
	/** Accepted rows identical (over the mapped columns) to an earlier row; customers: repeated ids. */
	duplicates: { count: number; rows: number[] };
	outliers: Record<string, OutlierSummary>;
	/** Transactions: rows that look like returns (negative amount/quantity, order id starting with C). */
	returns?: { rows: number; amount: number; policy: 'exclude' | 'net' };
	/** Distinct customers among accepted rows (transactions, customers). */
	customers?: number;
	/** Date formats used per source column, and whether D/M vs M/D was a guess. */
	dateFormats: Record<string, { format: DateFormat | null; ambiguous: boolean }>;
	decimal: DecimalMark;
	/** Contacts aggregated from raw logs: the interval and how many log rows went in. */
	aggregated?: { interval: ContactInterval; fromRows: number };
}

export interface BuiltDataset {
	kind: DatasetKind;
	rowCount: number;
	columns: DatasetColumn[];
	data: Record<string, Column>;
	/** Spreadsheet row of each output row (absent after aggregation). */
	rowNumbers?: Int32Array;
	report: QualityReport;
	mapping: ColumnMapping;
}

interface Resolved {
	f: FieldDef;
	col: number;
	name: string;
	/** number/date: value per dictionary entry (NaN when missing/bad). */
	lut?: Float64Array;
	/** id/text: trimmed dictionary and remap (raw code → code, -1 missing). */
	remap?: Int32Array;
	dict?: string[];
	status: Uint8Array;
	codes: Int32Array;
	/** Per dictionary entry, a number equal for equal cell text (the code itself when entries are unique). */
	keyOf: Int32Array | null;
	/** The dictionary `codes` index (the raw one, or a copy with lane cells written out as text). */
	texts: string[];
	/** Typed lane read directly (number field over a number lane, date field over an ISO lane). */
	lane: Float64Array | null;
}

/** Status of row i: 0 ok, 1 missing, 2 bad (lane cells are always ok). */
function statusAt(r: Resolved, i: number): number {
	const c = r.codes[i];
	return c < 0 ? 0 : r.status[c];
}

/** Value of row i for number/date fields. */
function valueAt(r: Resolved, i: number): number {
	const c = r.codes[i];
	return c < 0 ? r.lane![i] : r.lut![c];
}

/** Duplicate keys for a lane-backed field's dictionary part, matching `floatHash` of lane cells. */
function laneKeys(lut: Float64Array, trimmed: string[]): Int32Array {
	return Int32Array.from(lut, (v, k) => (Number.isNaN(v) ? hashRange(trimmed[k], 0, trimmed[k].length) : floatHash(v)));
}

/** A copy of a lane column with every lane cell written into the dictionary as its text. */
function withoutLane(rc: RawColumn): RawColumn {
	if (!rc.lane) return rc;
	const dict = rc.dict.slice();
	const codes = rc.codes.slice();
	for (let i = 0; i < codes.length; i++)
		if (codes[i] < 0) {
			codes[i] = dict.length;
			dict.push(laneText(rc.lane, i));
		}
	return { name: rc.name, codes, dict, unique: false };
}

const KIND_ERROR: Record<string, ImportErrorCode> = {
	date: 'bad-date',
	number: 'bad-number'
};

function resolveField(
	raw: RawTable,
	f: FieldDef,
	j: number,
	mapping: ColumnMapping,
	decimal: DecimalMark,
	opts: BuildOptions,
	report: QualityReport
): Resolved {
	let rc = raw.columns[j];
	let lane: Float64Array | null = null;
	if (rc.lane) {
		const fmt = mapping.dateFormats?.[rc.name];
		if (f.type === 'number' && rc.lane.kind === 'number') lane = rc.lane.values;
		else if (f.type === 'date' && rc.lane.kind === 'iso' && (!fmt || fmt === 'iso')) lane = rc.lane.values;
		else rc = withoutLane(rc);
	}
	const dict = rc.dict;
	const status = new Uint8Array(dict.length);
	// trim() allocates only when there is something to trim; most cells have nothing
	const trimmed = dict.map((s) =>
		s.length > 0 && (s.charCodeAt(0) <= 32 || s.charCodeAt(s.length - 1) <= 32 || s.charCodeAt(0) === 0x3000) ? s.trim() : s
	);
	// non-unique (plain) columns: equal text must still compare equal for duplicate detection
	const keyOf = rc.unique ? null : Int32Array.from(trimmed, (t) => hashRange(t, 0, t.length));
	// every Resolved has the same fields in the same order: the per-row loops stay monomorphic
	const base: Resolved = {
		f,
		col: j,
		name: rc.name,
		lut: undefined,
		remap: undefined,
		dict: undefined,
		status,
		codes: rc.codes,
		keyOf,
		texts: dict,
		lane
	};
	for (let k = 0; k < dict.length; k++) if (trimmed[k] === '') status[k] = 1;
	if (f.type === 'date') {
		let format = mapping.dateFormats?.[rc.name] as DateFormat | undefined;
		let ambiguous = false;
		if (lane) format = 'iso';
		else if (!format || !(DATE_FORMATS as readonly string[]).includes(format)) {
			const d = detectDateFormat(
				trimmed.filter((s) => s !== ''),
				{ allowNumeric: true, prefer: opts.prefer, minShare: 0.5 }
			);
			format = d.format ?? undefined;
			ambiguous = d.ambiguous;
			if (d.mixed)
				report.warnings.push(
					issue('mixed-date-formats', 'warning', {
						file: raw.file,
						column: rc.name,
						detail: { chosen: format ?? '' }
					})
				);
			if (ambiguous)
				report.warnings.push(
					issue('date-format-ambiguous', 'warning', {
						file: raw.file,
						column: rc.name,
						detail: { chosen: format ?? '' }
					})
				);
		}
		report.dateFormats[rc.name] = { format: format ?? null, ambiguous };
		const lut = new Float64Array(dict.length);
		for (let k = 0; k < dict.length; k++) {
			lut[k] = status[k] === 1 || !format ? NaN : parseDate(trimmed[k], format);
			if (status[k] === 0 && Number.isNaN(lut[k])) status[k] = 2;
		}
		base.lut = lut;
		base.keyOf = lane ? laneKeys(lut, trimmed) : keyOf;
		return base;
	}
	if (f.type === 'number') {
		const lut = new Float64Array(dict.length);
		for (let k = 0; k < dict.length; k++) {
			lut[k] = status[k] === 1 ? NaN : parseNumber(trimmed[k], decimal);
			if (status[k] === 0 && Number.isNaN(lut[k])) status[k] = 2;
		}
		base.lut = lut;
		base.keyOf = lane ? laneKeys(lut, trimmed) : keyOf;
		return base;
	}
	const remap = new Int32Array(dict.length);
	// unique entries that need no trimming, and no id to count: reuse the dictionary as it is
	if ((rc.unique || f.key !== 'customerId') && trimmed.every((t, k) => t === dict[k])) {
		for (let k = 0; k < dict.length; k++) remap[k] = status[k] === 1 ? -1 : k;
		base.remap = remap;
		base.dict = dict;
		return base;
	}
	const out: string[] = [];
	const index = new Map<string, number>();
	for (let k = 0; k < dict.length; k++) {
		if (status[k] === 1) {
			remap[k] = -1;
			continue;
		}
		let c = index.get(trimmed[k]);
		if (c === undefined) {
			c = out.length;
			out.push(trimmed[k]);
			index.set(trimmed[k], c);
		}
		remap[k] = c;
	}
	base.remap = remap;
	base.dict = out;
	return base;
}

/** k-th smallest of xs[lo..hi] in place (Hoare quickselect, median-of-three): O(n), no full sort. */
function select(xs: Float64Array, k: number): number {
	let lo = 0;
	let hi = xs.length - 1;
	while (hi > lo) {
		const mid = (lo + hi) >>> 1;
		const a = xs[lo];
		const b = xs[mid];
		const c = xs[hi];
		const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
		let i = lo;
		let j = hi;
		while (i <= j) {
			while (xs[i] < pivot) i++;
			while (xs[j] > pivot) j--;
			if (i <= j) {
				const t = xs[i];
				xs[i] = xs[j];
				xs[j] = t;
				i++;
				j--;
			}
		}
		if (k <= j) hi = j;
		else if (k >= i) lo = i;
		else return xs[k];
	}
	return xs[k];
}

/** Quantile with linear interpolation (R type 7, numpy default); reorders `xs`. */
export function quantile(xs: Float64Array, q: number): number {
	if (xs.length === 0) return NaN;
	const pos = (xs.length - 1) * q;
	const lo = Math.floor(pos);
	const a = select(xs, lo);
	if (pos === lo) return a;
	// after select, everything right of `lo` is ≥ a: the next order statistic is their minimum
	let b = Infinity;
	for (let i = lo + 1; i < xs.length; i++) if (xs[i] < b) b = xs[i];
	return a + (b - a) * (pos - lo);
}

/** IQR: [Q1 − 1.5·IQR, Q3 + 1.5·IQR]; MAD: median ± 3.5 · 1.4826 · MAD. `q` is the values' quantile, `madOf(median)` the median absolute deviation. */
function fences(method: OutlierMethod, q: (p: number) => number, madOf: (median: number) => number): { low: number; high: number } {
	if (method === 'iqr') {
		const q1 = q(0.25);
		const q3 = q(0.75);
		return { low: q1 - 1.5 * (q3 - q1), high: q3 + 1.5 * (q3 - q1) };
	}
	const med = q(0.5);
	const mad = 1.4826 * madOf(med);
	return { low: med - 3.5 * mad, high: med + 3.5 * mad };
}

/** IQR: outside [Q1 − 1.5·IQR, Q3 + 1.5·IQR]. MAD: |x − median| / (1.4826·MAD) > 3.5 (Iglewicz–Hoaglin). */
export function outlierSummary(values: Float64Array, method: OutlierMethod): OutlierSummary {
	// a plain loop: TypedArray#filter with a callback is several times slower on a million values
	const buf = new Float64Array(values.length);
	let m = 0;
	for (let i = 0; i < values.length; i++) {
		const x = values[i];
		if (x === x) buf[m++] = x;
	}
	const xs = buf.subarray(0, m);
	const { low, high } = fences(
		method,
		(p) => quantile(xs, p),
		(med) =>
			quantile(
				xs.map((x) => Math.abs(x - med)),
				0.5
			)
	);
	let count = 0;
	for (let i = 0; i < m; i++) if (xs[i] < low || xs[i] > high) count++;
	return { method, count, low, high };
}

/**
 * `outlierSummary` of `lut[codes[accepted[k]]]` (k < na) from counts per dictionary entry: a
 * column with few distinct values (prices, amounts with cents) sorts its distinct values, not a
 * million cells. Same order statistics, so the same figures.
 */
export function outlierSummaryByCode(
	lut: Float64Array,
	codes: Int32Array,
	accepted: Int32Array,
	na: number,
	method: OutlierMethod,
	/** Rows per code when every row is accepted (spares the pass over the rows). */
	allCounts?: Int32Array
): OutlierSummary {
	let counts: Float64Array | Int32Array;
	if (allCounts) counts = allCounts;
	else {
		counts = new Float64Array(lut.length);
		for (let k = 0; k < na; k++) {
			const c = codes[accepted[k]];
			if (c >= 0) counts[c]++;
		}
	}
	const vals: number[] = [];
	const ws: number[] = [];
	for (let c = 0; c < lut.length; c++)
		if (counts[c] > 0 && lut[c] === lut[c]) {
			vals.push(lut[c]);
			ws.push(counts[c]);
		}
	const sorted = (xs: number[], w: number[]) => {
		const idx = xs.map((_, i) => i).sort((a, b) => xs[a] - xs[b]);
		return { xs: Float64Array.from(idx, (i) => xs[i]), ws: Float64Array.from(idx, (i) => w[i]) };
	};
	const q = (d: { xs: Float64Array; ws: Float64Array }, p: number): number => {
		let total = 0;
		for (const w of d.ws) total += w;
		if (total === 0) return NaN;
		const pos = (total - 1) * p;
		const lo = Math.floor(pos);
		// value of order statistic r (0-based)
		const at = (r: number): number => {
			let cum = 0;
			for (let i = 0; i < d.xs.length; i++) {
				cum += d.ws[i];
				if (r < cum) return d.xs[i];
			}
			return d.xs[d.xs.length - 1];
		};
		const a = at(lo);
		return pos === lo ? a : a + (at(lo + 1) - a) * (pos - lo);
	};
	const d = sorted(vals, ws);
	const { low, high } = fences(
		method,
		(p) => q(d, p),
		(med) =>
			q(
				sorted(
					vals.map((x) => Math.abs(x - med)),
					ws
				),
				0.5
			)
	);
	let count = 0;
	for (let i = 0; i < vals.length; i++) if (vals[i] < low || vals[i] > high) count += ws[i];
	return { method, count, low, high };
}

const DAY = 86_400_000;
/** Start of the interval holding `ms` (UTC wall clock). Weeks start on Monday (ISO). */
export function periodStart(ms: number, interval: ContactInterval): number {
	switch (interval) {
		case 'month': {
			const d = new Date(ms);
			return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
		}
		case 'week': {
			const day = Math.floor(ms / DAY);
			// 1970-01-01 was a Thursday: (day + 3) % 7 is 0 on Mondays
			return (day - ((((day + 3) % 7) + 7) % 7)) * DAY;
		}
		case 'day':
			return Math.floor(ms / DAY) * DAY;
		default: {
			const step = parseInt(interval, 10) * 60_000;
			return Math.floor(ms / step) * step;
		}
	}
}

/** Row fates in `buildDataset` (≥ 1: the 1-based required field that failed). */
const RAGGED = -1;
const NO_AMOUNT = -2;
const EXCLUDED = -3;

/**
 * Rows per dictionary entry of a field, when the field reads its raw column's own dictionary;
 * null when it reads a copy (one that spelled out its lane cells), whose entries the counts miss.
 */
function fieldCounts(raw: RawTable, r: Resolved): Int32Array | null {
	return raw.columns[r.col].dict === r.texts ? codeCounts(raw, r.col) : null;
}

/**
 * Whether some row can have status ≥ `worst` in this field: a dictionary entry that rows use (per
 * `fieldCounts`; without them, any entry) has it. Lane cells never fail.
 */
function mayFail(raw: RawTable, r: Resolved, worst = 1): boolean {
	const counts = fieldCounts(raw, r);
	const st = r.status;
	for (let k = 0; k < st.length; k++) if (st[k] >= worst && (counts === null || counts[k] > 0)) return true;
	return false;
}

/** Rows still fine whose cell in `r` is missing or bad get fate `f`. */
function markFailures(r: Resolved, fate: Int32Array, f: number): void {
	const codes = r.codes;
	const st = r.status;
	for (let i = 0; i < codes.length; i++) {
		const c = codes[i];
		if (c >= 0 && st[c] !== 0 && fate[i] === 0) fate[i] = f;
	}
}

/**
 * Transactions: each surviving row's amount (given, or quantity × unit price) into `out[i]`;
 * returns (negative amount or quantity, or a C-prefixed invoice) counted and, under `exclude`,
 * given fate EXCLUDED; a derived amount that cannot be computed gives NO_AMOUNT.
 */
function classifyAmounts(
	fate: Int32Array,
	out: Float64Array,
	amountF: Resolved | null,
	qtyF: Resolved | null,
	priceF: Resolved | null,
	orderF: Resolved | null,
	policy: 'exclude' | 'net'
): { returnsRows: number; returnsAmount: number; excluded: number } {
	let returnsRows = 0;
	let returnsAmount = 0;
	let excluded = 0;
	const n = fate.length;
	// a C-prefixed invoice, per order-id code
	let cancelled: Uint8Array | null = null;
	if (orderF) {
		const dict = orderF.dict!;
		const flags = Uint8Array.from(dict, (id) => ((id.charCodeAt(0) === 67 || id.charCodeAt(0) === 99) && /^[Cc]\d/.test(id) ? 1 : 0));
		const remap = orderF.remap!;
		cancelled = Uint8Array.from(remap, (k) => (k >= 0 ? flags[k] : 0));
	}
	// the usual amount column reads its dictionary straight (no call per row)
	const amountLut = amountF && !amountF.lane ? amountF.lut! : null;
	const amountCodes = amountF ? amountF.codes : null;
	for (let i = 0; i < n; i++) {
		if (fate[i] !== 0) continue;
		let amount: number;
		if (amountLut !== null) amount = amountLut[amountCodes![i]];
		else if (amountF) amount = valueAt(amountF, i);
		else {
			// rounded to 1e-10 so 6 × 2.55 is 15.3, not 15.299999999999999
			amount = Math.round(valueAt(qtyF!, i) * valueAt(priceF!, i) * 1e10) / 1e10;
			if (Number.isNaN(amount)) {
				fate[i] = NO_AMOUNT;
				continue;
			}
		}
		let isReturn = amount < 0 || (qtyF !== null && valueAt(qtyF, i) < 0);
		if (!isReturn && cancelled) {
			const c = orderF!.codes[i];
			isReturn = c >= 0 && cancelled[c] === 1;
		}
		if (isReturn) {
			returnsRows++;
			returnsAmount += amount;
			if (policy === 'exclude') {
				excluded++;
				fate[i] = EXCLUDED;
				continue;
			}
		}
		out[i] = amount;
	}
	return { returnsRows, returnsAmount, excluded };
}

/** out[k] = from[rows[k]] for the first `na` rows. */
function gather(from: Float64Array, rows: Int32Array, na: number, out: Float64Array): Float64Array {
	for (let k = 0; k < na; k++) out[k] = from[rows[k]];
	return out;
}

/** out[i] = table[codes[i]] for every row (codes ≥ 0). */
function lookupAll(table: Float64Array | Int32Array, codes: Int32Array, out: Float64Array | Int32Array): void {
	for (let i = 0; i < codes.length; i++) out[i] = table[codes[i]];
}

/**
 * Turn a raw table into a dataset under a confirmed mapping. Rows missing a required value or
 * holding an unparseable one are rejected (listed with row + column); optional bad values become
 * missing with a warning. Never throws.
 */
export function buildDataset(raw: RawTable, mapping: ColumnMapping, opts: BuildOptions = {}): ImportResult<BuiltDataset> {
	const file = raw.file;
	const maxIssues = opts.maxIssues ?? 100;
	const kind = mapping.kind;
	const defs = KIND_FIELDS[kind];
	const errors: ImportIssue[] = [];
	const colIndex = new Map(raw.headers.map((h, j) => [h, j]));
	for (const [key, col] of Object.entries(mapping.fields)) {
		if (!colIndex.has(col))
			errors.push(
				issue('mapping-unknown-column', 'fatal', {
					file,
					column: col,
					detail: { field: key }
				})
			);
	}
	const has = (k: string): boolean => mapping.fields[k] !== undefined && colIndex.has(mapping.fields[k]);
	const derivedAmount = kind === 'transactions' && !has('amount') && has('quantity') && has('unitPrice');
	for (const f of defs)
		if (f.required && !has(f.key) && !(f.key === 'amount' && derivedAmount))
			errors.push(
				issue('mapping-incomplete', 'fatal', {
					file,
					detail: { field: f.key }
				})
			);
	if (errors.length) return { errors, data: null };
	if (raw.rowCount === 0) return { errors: [issue('no-data-rows', 'fatal', { file })], data: null };

	// decimal mark: the mapping's, else from all mapped number columns together
	let decimal: DecimalMark = mapping.decimal ?? '.';
	if (!mapping.decimal) {
		const vals: string[] = [];
		for (const f of defs) if (f.type === 'number' && has(f.key)) vals.push(...raw.columns[colIndex.get(mapping.fields[f.key])!].dict);
		decimal = detectDecimalMark(vals, raw.dialect.delimiter === ';' ? ',' : '.').decimal;
	}
	const report: QualityReport = {
		file,
		kind,
		encoding: raw.encoding.encoding,
		delimiter: raw.dialect.delimiter,
		hasHeader: raw.hasHeader,
		rowsRead: raw.rowCount + raw.badLines,
		rowsAccepted: 0,
		rowsRejected: raw.badLines,
		rowsExcluded: 0,
		rejections: [],
		rejectionCounts: raw.badLines ? { 'unterminated-quote': raw.badLines } : {},
		warnings: [],
		missing: {},
		dateRange: null,
		duplicates: { count: 0, rows: [] },
		outliers: {},
		dateFormats: {},
		decimal
	};
	const reject = (r: Rejection): void => {
		report.rowsRejected++;
		report.rejectionCounts[r.code] = (report.rejectionCounts[r.code] ?? 0) + 1;
		if (report.rejections.length < maxIssues) report.rejections.push(r);
	};
	const warnCounts = new Map<string, number>();
	const warn = (i: ImportIssue): void => {
		const n = (warnCounts.get(i.code) ?? 0) + 1;
		warnCounts.set(i.code, n);
		if (n <= maxIssues) report.warnings.push(i);
	};

	const fields: Resolved[] = [];
	for (const f of defs)
		if (has(f.key)) fields.push(resolveField(raw, f, colIndex.get(mapping.fields[f.key])!, mapping, decimal, opts, report));
	for (const r of fields) {
		const counts = codeCounts(raw, r.col);
		let m = 0;
		for (let k = 0; k < counts.length; k++) if (r.status[k] === 1) m += counts[k];
		report.missing[r.name] = m;
	}
	const byKey = new Map(fields.map((r) => [r.f.key, r]));
	const required = fields.filter((r) => r.f.required);
	const optional = fields.filter((r) => !r.f.required);
	const amountF = byKey.get('amount');
	const qtyF = byKey.get('quantity');
	const priceF = byKey.get('unitPrice');
	const orderF = byKey.get('orderId');
	const policy = mapping.returns ?? 'exclude';
	const skipRagged = mapping.skipRagged ?? true;
	const n = raw.rowCount;
	const amountOut = kind === 'transactions' ? new Float64Array(n) : null;
	// column at a time, in small loops the JIT optimises at once: why each row fails (if it does),
	// then amounts and returns, then the reasons in row order
	const fate = new Int32Array(n);
	if (skipRagged) for (const i of raw.raggedRows) fate[i] = RAGGED;
	required.forEach((r, f) => {
		if (mayFail(raw, r)) markFailures(r, fate, f + 1);
	});
	const money = amountOut
		? classifyAmounts(fate, amountOut, amountF ?? null, qtyF ?? null, priceF ?? null, orderF ?? null, policy)
		: { returnsRows: 0, returnsAmount: 0, excluded: 0 };
	report.rowsExcluded += money.excluded;
	const { returnsRows, returnsAmount } = money;
	let na = 0;
	const accepted = new Int32Array(n);
	for (let i = 0; i < n; i++) if (fate[i] === 0) accepted[na++] = i;
	if (na < n)
		for (let i = 0; i < n; i++) {
			const why = fate[i];
			if (why === 0 || why === EXCLUDED) continue;
			const row = raw.rowNumbers[i];
			if (why === RAGGED) reject({ row, code: 'ragged-row' });
			else if (why === NO_AMOUNT) reject({ row, code: 'missing-value', column: `${qtyF!.name} × ${priceF!.name}` });
			else {
				const r = required[why - 1];
				const code = r.codes[i];
				reject(
					statusAt(r, i) === 1
						? { row, code: 'missing-value', column: r.name }
						: { row, code: KIND_ERROR[r.f.type] ?? 'missing-value', column: r.name, value: r.texts[code] }
				);
			}
		}
	// optional fields: a bad value is a warning on a row that passed the required fields
	const shaky = optional.filter((r) => mayFail(raw, r, 2));
	if (shaky.length)
		for (let i = 0; i < n; i++) {
			const why = fate[i];
			if (why !== 0 && why !== NO_AMOUNT && why !== EXCLUDED) continue;
			for (const r of shaky) {
				const code = r.codes[i];
				if (code >= 0 && r.status[code] === 2)
					warn(
						issue(KIND_ERROR[r.f.type] ?? 'bad-number', 'warning', {
							file,
							row: raw.rowNumbers[i],
							column: r.name,
							value: r.texts[code]
						})
					);
			}
		}
	report.rowsAccepted = na;
	if (kind === 'transactions')
		report.returns = {
			rows: returnsRows,
			amount: Math.round(returnsAmount * 100) / 100,
			policy
		};

	// materialise the accepted rows
	const data: Record<string, Column> = {};
	const columns: DatasetColumn[] = [];
	for (const r of fields) {
		if (r.lut) {
			const values = new Float64Array(na);
			if (r.f.key === 'amount' && amountOut) {
				if (na === n) values.set(amountOut);
				else gather(amountOut, accepted, na, values);
			} else if (na === n && !r.lane) lookupAll(r.lut, r.codes, values);
			else for (let k = 0; k < na; k++) values[k] = valueAt(r, accepted[k]);
			data[r.f.key] = { type: r.f.type === 'date' ? 'date' : 'number', values };
			columns.push({
				key: r.f.key,
				source: r.name,
				type: r.f.type === 'date' ? 'date' : 'number'
			});
		} else {
			const codes = new Int32Array(na);
			if (na === n) lookupAll(r.remap!, r.codes, codes);
			else for (let k = 0; k < na; k++) codes[k] = r.remap![r.codes[accepted[k]]];
			data[r.f.key] = { type: 'string', codes, dict: r.dict! };
			columns.push({ key: r.f.key, source: r.name, type: 'string' });
		}
	}
	if (derivedAmount && amountOut) {
		data.amount = { type: 'number', values: gather(amountOut, accepted, na, new Float64Array(na)) };
		columns.push({ key: 'amount', source: '', type: 'number' });
	}
	if (kind === 'customers') {
		const mapped = new Set(Object.values(mapping.fields));
		raw.columns.forEach((laneCol) => {
			if (mapped.has(laneCol.name)) return;
			const rc = withoutLane(laneCol);
			const remap = rc.dict.map((_, k) => (k === 0 ? -1 : k));
			const codes = new Int32Array(na);
			for (let k = 0; k < na; k++) codes[k] = rc.dict[rc.codes[accepted[k]]].trim() === '' ? -1 : remap[rc.codes[accepted[k]]];
			data[ATTRIBUTE_PREFIX + rc.name] = {
				type: 'string',
				codes,
				dict: rc.dict
			};
			columns.push({
				key: ATTRIBUTE_PREFIX + rc.name,
				source: rc.name,
				type: 'string'
			});
		});
	}
	// every row accepted (the usual case): row-level figures can come from the per-value counts of a
	// field read straight from its raw column (not a copy that spelled out its lane cells)
	const all = na === n;
	const countsOf = (r: Resolved | undefined): Int32Array | null => (all && r && !r.lane ? fieldCounts(raw, r) : null);
	let rowNumbers = raw.rowNumbers;
	if (!all) {
		rowNumbers = new Int32Array(na);
		for (let k = 0; k < na; k++) rowNumbers[k] = raw.rowNumbers[accepted[k]];
	}

	// date range
	const dateKey = kind === 'transactions' ? 'date' : kind === 'contacts' ? 'timestamp' : 'signupDate';
	const dcol = data[dateKey];
	if (dcol && dcol.type === 'date') {
		let min = Infinity;
		let max = -Infinity;
		const dateF = byKey.get(dateKey);
		const counts = countsOf(dateF);
		if (counts && dateF?.lut) {
			// over the distinct values that occur, not the rows
			const lut = dateF.lut;
			for (let k = 0; k < lut.length; k++)
				if (counts[k] > 0) {
					const x = lut[k];
					if (x < min) min = x;
					if (x > max) max = x;
				}
		} else
			for (const x of dcol.values) {
				if (x < min) min = x;
				if (x > max) max = x;
			}
		if (min <= max) report.dateRange = { min, max };
	}
	// duplicates: same raw text in every mapped column (customers: same id)
	const keyFields = kind === 'customers' ? fields.filter((r) => r.f.key === 'customerId') : fields;
	report.duplicates = findDuplicates(
		na,
		keyFields.map((r) => ({ codes: r.codes, keyOf: r.keyOf, lane: r.lane })),
		accepted,
		rowNumbers,
		maxIssues
	);
	// outliers
	for (const r of fields)
		if (r.f.type === 'number')
			report.outliers[r.f.key] =
				!r.lane && r.lut && r.lut.length * 8 <= na
					? outlierSummaryByCode(r.lut, r.codes, accepted, na, opts.outliers ?? 'iqr', countsOf(r) ?? undefined)
					: outlierSummary((data[r.f.key] as { values: Float64Array }).values, opts.outliers ?? 'iqr');
	if (derivedAmount) report.outliers.amount = outlierSummary((data.amount as { values: Float64Array }).values, opts.outliers ?? 'iqr');
	const cust = data.customerId as StringColumn | undefined;
	if (cust) {
		const seen = new Uint8Array(cust.dict.length);
		let c = 0;
		const custF = byKey.get('customerId');
		const counts = countsOf(custF);
		if (counts && custF?.remap) {
			// distinct ids over the raw values that occur (equal ids after trimming share one code)
			const remap = custF.remap;
			for (let k = 0; k < remap.length; k++) {
				const id = remap[k];
				if (counts[k] > 0 && id >= 0 && !seen[id]) {
					seen[id] = 1;
					c++;
				}
			}
		} else
			for (const k of cust.codes)
				if (k >= 0 && !seen[k]) {
					seen[k] = 1;
					c++;
				}
		report.customers = c;
	}

	let result: BuiltDataset = {
		kind,
		rowCount: na,
		columns,
		data,
		rowNumbers,
		report,
		mapping
	};
	if (kind === 'contacts' && mapping.interval) result = aggregateContacts(result, mapping.interval);
	for (const [code, count] of warnCounts)
		if (count > maxIssues)
			report.warnings.push(
				issue(code as ImportErrorCode, 'warning', {
					file,
					detail: { total: count }
				})
			);
	return { errors: [...report.warnings], data: result };
}

/** Mix one key field of each row (`at[k]`, or row k when `at` is null) into the two row hashes. */
function mixField(
	ha: Int32Array,
	hb: Int32Array,
	key: { codes: Int32Array; keyOf: Int32Array | null; lane: Float64Array | null },
	at: Int32Array | null,
	n: number
): void {
	const codes = key.codes;
	const keyOf = key.keyOf;
	if (at === null && keyOf === null && key.lane === null) {
		// the usual case: every row, dictionary codes that are the keys themselves
		for (let k = 0; k < n; k++) {
			const c = codes[k];
			ha[k] = Math.imul(ha[k] ^ c, 0x01000193);
			const b = Math.imul(hb[k] ^ c, 0x5bd1e995);
			hb[k] = b ^ (b >>> 15);
		}
		return;
	}
	for (let k = 0; k < n; k++) {
		const i = at === null ? k : at[k];
		const code = codes[i];
		const c = code < 0 ? floatHash(key.lane![i]) : keyOf !== null ? keyOf[code] : code;
		ha[k] = Math.imul(ha[k] ^ c, 0x01000193);
		const b = Math.imul(hb[k] ^ c, 0x5bd1e995);
		hb[k] = b ^ (b >>> 15);
	}
}

function findDuplicates(
	n: number,
	keys: { codes: Int32Array; keyOf: Int32Array | null; lane: Float64Array | null }[],
	at: Int32Array,
	rowNumbers: Int32Array,
	max: number
): { count: number; rows: number[] } {
	// a 2×32-bit hash per row (collisions ≈ 2^-64); equal rows have equal hashes
	const ha = new Int32Array(n).fill(0x811c9dc5 | 0);
	const hb = new Int32Array(n).fill(0x01000193);
	// a field at a time: small loops the JIT optimises at once
	for (const key of keys) mixField(ha, hb, key, n === at.length ? null : at, n);
	// nearly every row is unique: a table of 2-bit counters over the first halves (8 slots per row)
	// marks the values seen twice, so only rows whose hash met another's (the repeats, their
	// originals and a few chance collisions) are compared exactly, in file order, in a small
	// open-addressing table
	const slotsLog = Math.max(10, Math.min(26, Math.ceil(Math.log2(Math.max(1, n) * 8))));
	const drop = 32 - slotsLog;
	// 2 bits per slot (0 unseen, 1 once, 2 more), 4 slots a byte: one read-modify-write per row
	const seen = new Uint8Array(1 << (slotsLog - 2));
	for (let k = 0; k < n; k++) {
		// the first half, finished here, in the same pass that counts it
		const a = ha[k] ^ (ha[k] >>> 16);
		const h = Math.imul(a, 0x85ebca6b) ^ hb[k];
		ha[k] = h;
		const b = h >>> drop;
		const byte = b >>> 2;
		const shift = (b & 3) << 1;
		const state = (seen[byte] >>> shift) & 3;
		if (state < 2) seen[byte] += 1 << shift;
	}
	// the rows whose slot was hit more than once, in file order
	let suspects = new Int32Array(1024);
	let ns = 0;
	for (let k = 0; k < n; k++) {
		const b = ha[k] >>> drop;
		if (((seen[b >>> 2] >>> ((b & 3) << 1)) & 3) === 2) {
			if (ns === suspects.length) {
				const grown = new Int32Array(ns * 2);
				grown.set(suspects);
				suspects = grown;
			}
			suspects[ns++] = k;
		}
	}
	const dup = new Uint8Array(n);
	let count = 0;
	if (ns > 1) {
		let size = 64;
		while (size < ns * 2) size *= 2;
		const slots = new Int32Array(size);
		const mask = size - 1;
		for (let s = 0; s < ns; s++) {
			const k = suspects[s];
			const a = ha[k];
			const b = hb[k];
			let i = (a ^ Math.imul(b, 0x9e3779b1)) & mask;
			for (;;) {
				const q = slots[i] - 1;
				if (q < 0) {
					slots[i] = k + 1;
					break;
				}
				if (ha[q] === a && hb[q] === b) {
					dup[k] = 1;
					count++;
					break;
				}
				i = (i + 1) & mask;
			}
		}
	}
	const rows: number[] = [];
	for (let k = 0; k < n && rows.length < max; k++) if (dup[k]) rows.push(rowNumbers[k]);
	return { count, rows };
}

/** Contacts: sum counts (or count log rows) per period × channel × queue; AHT averaged, abandoned summed. */
function aggregateContacts(ds: BuiltDataset, interval: ContactInterval): BuiltDataset {
	const ts = ds.data.timestamp as { values: Float64Array };
	const cnt = ds.data.count as { values: Float64Array } | undefined;
	const aht = ds.data.aht as { values: Float64Array } | undefined;
	const ab = ds.data.abandoned as { values: Float64Array } | undefined;
	const ch = ds.data.channel as StringColumn | undefined;
	const qu = ds.data.queue as StringColumn | undefined;
	const groups = new Map<string, number>();
	const period: number[] = [];
	const count: number[] = [];
	const ahtSum: number[] = [];
	const ahtN: number[] = [];
	const abSum: number[] = [];
	const chCode: number[] = [];
	const quCode: number[] = [];
	for (let i = 0; i < ds.rowCount; i++) {
		const p = periodStart(ts.values[i], interval);
		const c = ch ? ch.codes[i] : -1;
		const q = qu ? qu.codes[i] : -1;
		const key = `${p}|${c}|${q}`;
		let g = groups.get(key);
		if (g === undefined) {
			g = period.length;
			groups.set(key, g);
			period.push(p);
			count.push(0);
			ahtSum.push(0);
			ahtN.push(0);
			abSum.push(0);
			chCode.push(c);
			quCode.push(q);
		}
		const w = cnt ? cnt.values[i] : 1;
		count[g] += Number.isNaN(w) ? 0 : w;
		if (aht && !Number.isNaN(aht.values[i])) {
			ahtSum[g] += aht.values[i] * (cnt ? w : 1);
			ahtN[g] += cnt ? w : 1;
		}
		if (ab && !Number.isNaN(ab.values[i])) abSum[g] += ab.values[i];
	}
	const order = period.map((_, g) => g).sort((a, b) => period[a] - period[b] || chCode[a] - chCode[b] || quCode[a] - quCode[b]);
	const pick = (arr: number[]): Float64Array => Float64Array.from(order, (g) => arr[g]);
	const data: Record<string, Column> = {
		timestamp: { type: 'date', values: pick(period) },
		count: { type: 'number', values: pick(count) }
	};
	const columns: DatasetColumn[] = [
		{
			key: 'timestamp',
			source: ds.columns.find((c) => c.key === 'timestamp')?.source ?? '',
			type: 'date'
		},
		{
			key: 'count',
			source: ds.columns.find((c) => c.key === 'count')?.source ?? '',
			type: 'number'
		}
	];
	if (aht) {
		data.aht = {
			type: 'number',
			values: Float64Array.from(order, (g) => (ahtN[g] ? ahtSum[g] / ahtN[g] : NaN))
		};
		columns.push({
			key: 'aht',
			source: ds.columns.find((c) => c.key === 'aht')!.source,
			type: 'number'
		});
	}
	if (ab) {
		data.abandoned = { type: 'number', values: pick(abSum) };
		columns.push({
			key: 'abandoned',
			source: ds.columns.find((c) => c.key === 'abandoned')!.source,
			type: 'number'
		});
	}
	if (ch) {
		data.channel = {
			type: 'string',
			codes: Int32Array.from(order, (g) => chCode[g]),
			dict: ch.dict
		};
		columns.push({
			key: 'channel',
			source: ds.columns.find((c) => c.key === 'channel')!.source,
			type: 'string'
		});
	}
	if (qu) {
		data.queue = {
			type: 'string',
			codes: Int32Array.from(order, (g) => quCode[g]),
			dict: qu.dict
		};
		columns.push({
			key: 'queue',
			source: ds.columns.find((c) => c.key === 'queue')!.source,
			type: 'string'
		});
	}
	return {
		...ds,
		rowCount: order.length,
		data,
		columns,
		rowNumbers: undefined,
		report: { ...ds.report, aggregated: { interval, fromRows: ds.rowCount } }
	};
}
