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
 * clone / IndexedDB would store a whole shared buffer otherwise). Strings: codes into the column's
 * dictionary, which chunk 0 carries packed (see `ChunkPayload.pool`); entries no row uses are dropped.
 */
export function toChunks(columns: Record<string, Column>, chunkRows = COLUMN_CHUNK_ROWS): ChunkPayload[] {
	const out: ChunkPayload[] = [];
	for (const [name, col] of Object.entries(columns)) {
		let codes: Int32Array | null = null;
		let pool: { dictText: string; dictEnds: Int32Array<ArrayBuffer> } | null = null;
		if (col.type === 'string') {
			const compact = compactDict(col);
			codes = compact.codes;
			pool = packDict(compact.dict);
		}
		const n = columnLength(col);
		for (let index = 0, start = 0; start < n || (n === 0 && index === 0); index++, start += chunkRows) {
			const end = Math.min(n, start + chunkRows);
			const base = { column: name, index, rowStart: start, rowCount: end - start, type: col.type };
			if (col.type === 'string') out.push({ ...base, codes: codes!.slice(start, end), pool: 'column', ...(index === 0 ? pool! : {}) });
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
			for (const c of list) if (c.values) values.set(c.values, c.rowStart);
			out[name] = { type, values };
		}
	}
	return out;
}
