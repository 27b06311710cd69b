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
	dict?: string[];
}

export function columnLength(c: Column): number {
	return c.type === 'string' ? c.codes.length : c.values.length;
}

export function stringAt(c: StringColumn, i: number): string | null {
	const k = c.codes[i];
	return k < 0 ? null : c.dict[k];
}

/**
 * Cut columns into chunks of `chunkRows`. String chunks get their own local dictionary (only the
 * strings they use), so any chunk can be read alone; typed arrays are copied so each chunk owns a
 * compact buffer (structured clone / IndexedDB store the whole underlying buffer otherwise).
 */
export function toChunks(columns: Record<string, Column>, chunkRows = COLUMN_CHUNK_ROWS): ChunkPayload[] {
	const out: ChunkPayload[] = [];
	for (const [name, col] of Object.entries(columns)) {
		// global code → local code, valid when stamp[g] is this chunk's number (no Map, no clearing)
		const stamp = col.type === 'string' ? new Int32Array(col.dict.length) : null;
		const localOf = col.type === 'string' ? new Int32Array(col.dict.length) : null;
		const n = columnLength(col);
		for (let index = 0, start = 0; start < n || (n === 0 && index === 0); index++, start += chunkRows) {
			const end = Math.min(n, start + chunkRows);
			const base = {
				column: name,
				index,
				rowStart: start,
				rowCount: end - start,
				type: col.type
			};
			if (col.type === 'string') {
				const dict: string[] = [];
				const codes = new Int32Array(end - start);
				const mark = index + 1;
				for (let i = start; i < end; i++) {
					const g = col.codes[i];
					if (g < 0) {
						codes[i - start] = -1;
						continue;
					}
					if (stamp![g] !== mark) {
						stamp![g] = mark;
						localOf![g] = dict.length;
						dict.push(col.dict[g]);
					}
					codes[i - start] = localOf![g];
				}
				out.push({ ...base, codes, dict });
			} else out.push({ ...base, values: col.values.slice(start, end) });
			if (n === 0) break;
		}
	}
	return out;
}

/** Reassemble full columns from chunks (any order); string dictionaries are merged. */
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
			const dict: string[] = [];
			const global = new Map<string, number>();
			const codes = new Int32Array(n);
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
