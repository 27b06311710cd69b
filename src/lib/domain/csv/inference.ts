// Column type inference over a raw table's dictionaries: empty / number / date / text, decimal mark, date format.
import { laneText, type RawTable } from './parse';
import { detectDecimalMark, parseNumber, type DecimalMark } from './numbers';
import { detectDateFormat, evenSample, DETECT_SAMPLE, type DateDetection } from './dates';

export type ColumnType = 'empty' | 'number' | 'date' | 'text';

export interface ColumnProfile {
	index: number;
	name: string;
	type: ColumnType;
	/** Distinct non-empty values. */
	distinct: number;
	/** Rows whose cell is empty or blank. */
	missing: number;
	/** Up to 5 distinct non-empty values, for the mapping screen. */
	samples: string[];
	/** Numbers: the decimal mark and whether `1,234`-style values left it open. */
	decimal?: DecimalMark;
	decimalAmbiguous?: boolean;
	/** All numbers are whole. */
	integer?: boolean;
	/** Date columns (and numeric columns that also read as dates). */
	date?: DateDetection;
	/** Share of distinct non-empty values that parse in the chosen type (1 = clean). */
	share: number;
}

export interface ProfileOptions {
	prefer?: 'dmy' | 'mdy';
	/** Decimal mark when values alone cannot tell; `;`-separated files default to ','. */
	decimal?: DecimalMark;
}

/** Counts per raw column, computed once: the profile (after parsing) and the build (after mapping) both need them. */
const COUNTS = new WeakMap<object, Int32Array>();

/** Row count of each dictionary entry of column j (shared, read-only: callers must not write into it). */
export function codeCounts(t: RawTable, j: number): Int32Array {
	const c = t.columns[j];
	const known = COUNTS.get(c);
	if (known && known.length === c.dict.length) return known;
	const counts = new Int32Array(c.dict.length);
	const codes = c.codes;
	for (let i = 0; i < codes.length; i++) {
		const k = codes[i];
		if (k >= 0) counts[k]++;
	}
	COUNTS.set(c, counts);
	return counts;
}

export function profileColumn(t: RawTable, j: number, opts: ProfileOptions = {}): ColumnProfile {
	const col = t.columns[j];
	const counts = codeCounts(t, j);
	let missing = 0;
	const values: string[] = [];
	for (let k = 0; k < col.dict.length; k++) {
		if (counts[k] === 0) continue;
		const v = col.dict[k].trim();
		if (v === '') missing += counts[k];
		else values.push(v);
	}
	// lane cells (typed during parse): add an even sample of their text, they count as distinct
	const fromDict = values.length;
	let laneRows = 0;
	if (col.lane) {
		const at: number[] = [];
		for (let i = 0; i < col.codes.length; i++) if (col.codes[i] < 0) at.push(i);
		laneRows = at.length;
		const step = Math.max(1, Math.floor(at.length / 2000));
		for (let k = 0; k < at.length; k += step) values.push(laneText(col.lane, at[k]));
	}
	const base = {
		index: j,
		name: col.name,
		distinct: fromDict + laneRows,
		missing,
		samples: values.slice(0, 5)
	};
	if (values.length === 0) return { ...base, type: 'empty', share: 1 };

	// every value was trimmed and is non-empty (lane texts are canonical numbers or ISO stamps)
	const date = detectDateFormat(values, { prefer: opts.prefer, clean: true });
	const prefer = opts.decimal ?? (t.dialect.delimiter === ';' ? ',' : '.');
	// numbers are judged on an even sample of distinct values (a million ids cost nothing then)
	const sample = evenSample(values, DETECT_SAMPLE);
	const { decimal, ambiguous } = detectDecimalMark(sample, prefer);
	let numeric = 0;
	let integer = true;
	let min = Infinity;
	let max = -Infinity;
	for (const v of sample) {
		const n = parseNumber(v, decimal);
		if (!Number.isNaN(n)) {
			numeric++;
			if (!Number.isInteger(n)) integer = false;
			if (n < min) min = n;
			if (n > max) max = n;
		}
	}
	const numShare = numeric / sample.length;
	// a column of YYYYMMDD is a date even though it is numeric; plain counts/ids are numbers
	if (date.format && (numShare < 0.95 || date.format === 'ymd-compact'))
		return { ...base, type: 'date', date, share: date.matched / Math.max(1, date.tried) };
	if (numShare >= 0.95) {
		// serials 18264–73051 = 1950–2099; anything else numeric is far likelier a count or an id
		const plausible = (min >= 18264 && max <= 73051) || min >= 1e8;
		const numericDate = plausible ? detectDateFormat(sample, { allowNumeric: true, prefer: opts.prefer }) : null;
		return {
			...base,
			type: 'number',
			decimal,
			decimalAmbiguous: ambiguous,
			integer,
			share: numShare,
			...(numericDate?.format ? { date: numericDate } : {})
		};
	}
	return { ...base, type: 'text', share: 1 };
}

export function profileTable(t: RawTable, opts: ProfileOptions = {}): ColumnProfile[] {
	return t.columns.map((_, j) => profileColumn(t, j, opts));
}
