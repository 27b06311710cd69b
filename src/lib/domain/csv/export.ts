// CSV export: UTF-8 with BOM (Excel opens Chinese correctly), CRLF, formula-injection escaping; the round-trip contract.
import Papa from 'papaparse';
import type { Column } from './columnar';
import { formatDate } from './dates';

/** Cells starting with these may run as formulas in Excel/Sheets; papaparse's default misses `\n` and NUL. */
export const FORMULA_ESCAPE = /^[=+\-@\t\r\n\0]/;
export const BOM = '\ufeff';

export type Cell = string | number | null | undefined;

/**
 * Serialise rows (header optional) as CSV text starting with a BOM. Strings matching
 * `FORMULA_ESCAPE` get a leading `'`; numbers are written as numbers and never escaped (so
 * `-5` stays `-5`); null/undefined/NaN become empty cells.
 */
export function toCsv(header: readonly string[] | null, rows: readonly (readonly Cell[])[]): string {
	const data = rows.map((r) => r.map((c) => (typeof c === 'number' ? (Number.isFinite(c) ? c : '') : (c ?? ''))));
	const body = Papa.unparse(
		{ fields: header ? [...header] : [], data },
		{
			header: header !== null,
			newline: '\r\n',
			escapeFormulae: FORMULA_ESCAPE,
			quotes: false
		}
	);
	return BOM + body + (rows.length || header ? '\r\n' : '');
}

/** The bytes of an exported file (UTF-8; the BOM is part of the text). */
export function encodeUtf8(text: string): Uint8Array {
	return new TextEncoder().encode(text);
}

/**
 * The contract of export → import for a string cell: it comes back unchanged, except that a cell
 * matching `FORMULA_ESCAPE` comes back with a leading `'` and NUL characters are dropped (the
 * importer strips NUL bytes). A row whose only cell is empty is a blank line and is not read back.
 */
export function afterRoundTrip(cell: string): string {
	return (FORMULA_ESCAPE.test(cell) ? `'${cell}` : cell).replace(/\u0000/g, '');
}

/** Export dataset columns: dates as `YYYY-MM-DD` (or with time when any value has one), numbers plain. */
export function columnsToCsv(columns: readonly { key: string; header: string; column: Column }[], rowCount: number): string {
	const withTime = columns.map(
		({ column }) => column.type === 'date' && column.values.some((x) => Number.isFinite(x) && x % 86_400_000 !== 0)
	);
	const rows: Cell[][] = new Array(rowCount);
	for (let i = 0; i < rowCount; i++) {
		rows[i] = columns.map(({ column }, j) => {
			if (column.type === 'string') {
				const k = column.codes[i];
				return k < 0 ? '' : column.dict[k];
			}
			const x = column.values[i];
			return column.type === 'date' ? formatDate(x, withTime[j]) : x;
		});
	}
	return toCsv(
		columns.map((c) => c.header),
		rows
	);
}
