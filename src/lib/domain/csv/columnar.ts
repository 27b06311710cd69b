// Columnar encoding: typed-array / dictionary-encoded columns and their cut into 65,536-row chunk records and back.
import { COLUMN_CHUNK_ROWS } from '../dataset/column-chunk';

export interface NumberColumn {
	type: 'number';
	values: Float64Array;
}
/** Epoch ms, wall-clock read as UTC; NaN = missing. */
export interface DateColumn {
	type: 'date';
	values: Float64Array;
}
/** `codes[i]` indexes `dict`; -1 = missing. */
export interface StringColumn {
	type: 'string';
	codes: Int32Array;
	dict: string[];
}
export type Column = NumberColumn | DateColumn | StringColumn;

/** A chunk's payload without the ids the repository adds (`id`, `datasetId`, `workspaceId`). */
export interface ChunkPayload {
	column: string;
	index: number;
	rowStart: number;
	rowCount: number;
	type: Column['type'];
	values?: Float64Array<ArrayBuffer>;
	codes?: Int32Array<ArrayBuffer>;
	/** Chunk-local dictionary (the first storage format; still read). */
	dict?: string[];
	/**
	 * `'column'`: `codes` index the whole column's dictionary, stored once on the column's chunk 0
	 * as `dictText` (all entries joined) + `dictEnds` (end offset of each entry). One string and
	 * one typed array clone in microseconds; a million-entry `string[]` costs a structured clone
	 * (worker → page → IndexedDB) and a validation pass per string.
	 */
	pool?: 'column';
	dictText?: string;
	dictEnds?: Int32Array<ArrayBuffer>;
	/**
	 * Numbers and dates that are whole multiples of a unit are stored as int32s instead of `values`
	 * (half the bytes to clone and write): with k = `ints[i]` + `base`, value = k × `scale` when
	 * scale > 0 (days: scale 86,400,000 ms), k ÷ −scale when scale < 0 (cents: −100). A chunk whose
	 * ints span under 65,535 stores them as a Uint16Array from `base` (a quarter of the bytes).
	 * Missing (NaN): `INT_MISSING` in an Int32Array, `U16_MISSING` in a Uint16Array.
	 */
	ints?: Int32Array<ArrayBuffer> | Uint16Array<ArrayBuffer>;
	scale?: number;
	base?: number;
}

/** What stands for a missing number or date in `ChunkPayload.ints` (Int32Array, Uint16Array). */
export const INT_MISSING = -2147483648;
export const U16_MISSING = 65535;
const DAY_MS = 86_400_000;
/** Units tried, coarsest first: dates in whole days, minutes or seconds; numbers in integers, tenths, cents or thousandths. */
const DATE_SCALES = [DAY_MS, 60_000, 1000];
const NUMBER_SCALES = [1, -10, -100, -1000];

function decodeInt(k: number, scale: number): number {
	return k === INT_MISSING ? NaN : scale > 0 ? k * scale : k / -scale;
}

/**
 * The coarsest unit in which every value is an int32 that decodes to exactly the same double (−0
 * and ±Infinity never do), or 0 when there is none. One pass per unit tried, stopping at the first
 * value that does not fit.
 */
export function intScale(values: Float64Array, type: 'number' | 'date'): number {
	outer: for (const scale of type === 'date' ? DATE_SCALES : NUMBER_SCALES) {
		const f = scale > 0 ? 1 / scale : -scale;
		for (let i = 0; i < values.length; i++) {
			const v = values[i];
			if (v !== v) continue;
			const k = Math.round(v * f);
			if (k <= INT_MISSING || k > 2147483647 || decodeInt(k, scale) !== v || (v === 0 && 1 / v < 0)) continue outer;
		}
		return scale;
	}
	return 0;
}

/** The chunk's ints in `scale`: as Uint16 from their smallest when they span under 65,535, else Int32. */
function encodeInts(values: Float64Array, scale: number): { ints: Int32Array<ArrayBuffer> | Uint16Array<ArrayBuffer>; base?: number } {
	const out = new Int32Array(values.length);
	const f = scale > 0 ? 1 / scale : -scale;
	let lo = Infinity;
	let hi = -Infinity;
	for (let i = 0; i < values.length; i++) {
		const v = values[i];
		if (v !== v) out[i] = INT_MISSING;
		else {
			const k = Math.round(v * f);
			out[i] = k;
			if (k < lo) lo = k;
			if (k > hi) hi = k;
		}
	}
	if (!(hi - lo < U16_MISSING)) return { ints: out };
	const narrow = new Uint16Array(values.length);
	for (let i = 0; i < out.length; i++) narrow[i] = out[i] === INT_MISSING ? U16_MISSING : out[i] - lo;
	return { ints: narrow, base: lo };
}

/** Join a dictionary into one string + end offsets. */
export function packDict(dict: readonly string[]): { dictText: string; dictEnds: Int32Array<ArrayBuffer> } {
	const dictEnds = new Int32Array(dict.length);
	let end = 0;
	for (let k = 0; k < dict.length; k++) dictEnds[k] = end += dict[k].length;
	return { dictText: dict.join(''), dictEnds };
}

export function unpackDict(text: string, ends: Int32Array): string[] {
	const out: string[] = new Array(ends.length);
	let start = 0;
	for (let k = 0; k < ends.length; k++) {
		out[k] = text.slice(start, ends[k]);
		start = ends[k];
	}
	return out;
}

export function columnLength(c: Column): number {
	return c.type === 'string' ? c.codes.length : c.values.length;
}

export function stringAt(c: StringColumn, i: number): string | null {
	const k = c.codes[i];
	return k < 0 ? null : c.dict[k];
}

/**
 * Cut columns into chunks of `chunkRows`. Numbers and dates: a compact copy of their rows (structured
 * clone / IndexedDB would store a whole shared buffer otherwise), as int32s when a unit fits (`intScale`). Strings: codes into the column's
 * dictionary, which chunk 0 carries packed (see `ChunkPayload.pool`); entries no row uses are dropped.
 */
export function toChunks(columns: Record<string, Column>, chunkRows = COLUMN_CHUNK_ROWS): ChunkPayload[] {
	const out: ChunkPayload[] = [];
	for (const [name, col] of Object.entries(columns)) {
		let codes: Int32Array | null = null;
		let pool: { dictText: string; dictEnds: Int32Array<ArrayBuffer> } | null = null;
		let scale = 0;
		if (col.type === 'string') {
			const compact = compactDict(col);
			codes = compact.codes;
			pool = packDict(compact.dict);
		} else scale = intScale(col.values, col.type);
		const n = columnLength(col);
		for (let index = 0, start = 0; start < n || (n === 0 && index === 0); index++, start += chunkRows) {
			const end = Math.min(n, start + chunkRows);
			const base = { column: name, index, rowStart: start, rowCount: end - start, type: col.type };
			if (col.type === 'string') out.push({ ...base, codes: codes!.slice(start, end), pool: 'column', ...(index === 0 ? pool! : {}) });
			else if (scale !== 0) out.push({ ...base, ...encodeInts(col.values.subarray(start, end), scale), scale });
			else out.push({ ...base, values: col.values.slice(start, end) });
			if (n === 0) break;
		}
	}
	return out;
}

/** The column with only the dictionary entries some row uses, in first-use order of the old codes. */
function compactDict(col: StringColumn): StringColumn {
	const used = new Uint8Array(col.dict.length);
	const codes = col.codes;
	for (let i = 0; i < codes.length; i++) if (codes[i] >= 0) used[codes[i]] = 1;
	let all = true;
	for (let k = 0; k < used.length; k++) if (!used[k]) all = false;
	if (all) return col;
	const remap = new Int32Array(col.dict.length);
	const dict: string[] = [];
	for (let k = 0; k < used.length; k++) if (used[k]) remap[k] = dict.push(col.dict[k]) - 1;
	const out = new Int32Array(codes.length);
	for (let i = 0; i < codes.length; i++) out[i] = codes[i] < 0 ? -1 : remap[codes[i]];
	return { type: 'string', codes: out, dict };
}

/** Reassemble full columns from chunks (any order); chunk-local dictionaries (old format) are merged. */
export function fromChunks(chunks: readonly ChunkPayload[]): Record<string, Column> {
	const byCol = new Map<string, ChunkPayload[]>();
	for (const c of chunks) {
		const list = byCol.get(c.column) ?? [];
		list.push(c);
		byCol.set(c.column, list);
	}
	const out: Record<string, Column> = {};
	for (const [name, list] of byCol) {
		list.sort((a, b) => a.index - b.index);
		const n = list.reduce((s, c) => s + c.rowCount, 0);
		const type = list[0].type;
		if (type === 'string') {
			const codes = new Int32Array(n);
			const head = list[0];
			if (head.pool === 'column') {
				const dict = unpackDict(head.dictText ?? '', head.dictEnds ?? new Int32Array(0));
				for (const c of list) if (c.codes) codes.set(c.codes.subarray(0, c.rowCount), c.rowStart);
				// a code past the dictionary (a damaged record) reads as missing, never as `undefined`
				for (let i = 0; i < n; i++) if (codes[i] >= dict.length) codes[i] = -1;
				out[name] = { type, codes, dict };
				continue;
			}
			const dict: string[] = [];
			const global = new Map<string, number>();
			for (const c of list) {
				const remap = (c.dict ?? []).map((s) => {
					let g = global.get(s);
					if (g === undefined) {
						g = dict.length;
						dict.push(s);
						global.set(s, g);
					}
					return g;
				});
				const cc = c.codes ?? new Int32Array(0);
				for (let i = 0; i < c.rowCount; i++) codes[c.rowStart + i] = cc[i] < 0 ? -1 : remap[cc[i]];
			}
			out[name] = { type, codes, dict };
		} else {
			const values = new Float64Array(n);
			for (const c of list) {
				if (c.values) values.set(c.values, c.rowStart);
				else if (c.ints) {
					const ints = c.ints;
					const scale = c.scale ?? 1;
					const from = c.base ?? 0;
					const missing = ints instanceof Uint16Array ? U16_MISSING : INT_MISSING;
					const m = Math.min(ints.length, c.rowCount);
					for (let i = 0; i < m; i++) values[c.rowStart + i] = ints[i] === missing ? NaN : decodeInt(ints[i] + from, scale);
				}
			}
			out[name] = { type, values };
		}
	}
	return out;
}
