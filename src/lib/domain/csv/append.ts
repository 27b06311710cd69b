// Append a newer import to a stored dataset: concatenate typed columns key by key (string dictionaries merged), for "re-import → append".
import type { Column, StringColumn } from './columnar';

function emptyLike(type: Column['type'], n: number): Column {
	if (type === 'string') return { type, codes: new Int32Array(n).fill(-1), dict: [] };
	return { type, values: new Float64Array(n).fill(NaN) };
}

function concatStrings(a: StringColumn, b: StringColumn): StringColumn {
	const dict = a.dict.slice();
	const index = new Map<string, number>();
	dict.forEach((s, k) => {
		if (!index.has(s)) index.set(s, k);
	});
	const remap = new Int32Array(b.dict.length);
	b.dict.forEach((s, k) => {
		let c = index.get(s);
		if (c === undefined) {
			c = dict.length;
			dict.push(s);
			index.set(s, c);
		}
		remap[k] = c;
	});
	const codes = new Int32Array(a.codes.length + b.codes.length);
	codes.set(a.codes);
	for (let i = 0; i < b.codes.length; i++) codes[a.codes.length + i] = b.codes[i] < 0 ? -1 : remap[b.codes[i]];
	return { type: 'string', codes, dict };
}

/**
 * Old rows first, then new rows. A key present on one side only is filled with missing values on
 * the other; a key whose type differs keeps the old type and the new values become missing.
 */
export function appendColumns(
	old: Record<string, Column>,
	oldRows: number,
	next: Record<string, Column>,
	nextRows: number
): Record<string, Column> {
	const out: Record<string, Column> = {};
	const keys = [...new Set([...Object.keys(old), ...Object.keys(next)])];
	for (const key of keys) {
		const type = (old[key] ?? next[key]).type;
		const a = old[key] ?? emptyLike(type, oldRows);
		const b = next[key] && next[key].type === type ? next[key] : emptyLike(type, nextRows);
		if (a.type === 'string' && b.type === 'string') out[key] = concatStrings(a, b);
		else if (a.type !== 'string' && b.type !== 'string') {
			const values = new Float64Array(oldRows + nextRows);
			values.set(a.values.subarray(0, oldRows));
			values.set(b.values.subarray(0, nextRows), oldRows);
			out[key] = { type: a.type, values } as Column;
		}
	}
	return out;
}

/** Smallest and largest finite value of a date column, or null. */
export function columnRange(c: Column | undefined): { min: number; max: number } | null {
	if (!c || c.type === 'string') return null;
	let min = Infinity;
	let max = -Infinity;
	for (const x of c.values) {
		if (x < min) min = x;
		if (x > max) max = x;
	}
	return min <= max ? { min, max } : null;
}
