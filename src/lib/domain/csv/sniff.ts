// Dialect sniffing on a decoded sample: newline, delimiter (incl. runs of whitespace), header row.
import { parseNumber } from './numbers';
import { detectDateFormat } from './dates';

export const DELIMITERS = [',', '\t', ';', '|', 'whitespace'] as const;
export type Delimiter = (typeof DELIMITERS)[number];
export type Newline = '\n' | '\r\n' | '\r';

export interface Dialect {
	delimiter: Delimiter;
	newline: Newline;
	quoteChar: '"';
}

/** First line break outside quotes decides; a file with none is treated as `\n`. */
export function detectNewline(text: string): Newline {
	let inQuote = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 34) inQuote = !inQuote;
		else if (!inQuote && c === 13) return text.charCodeAt(i + 1) === 10 ? '\r\n' : '\r';
		else if (!inQuote && c === 10) return '\n';
	}
	return '\n';
}

/** Split a sample into records (quote-aware), keeping raw text; the last one is dropped when `partial`. */
function sampleRecords(text: string, partial: boolean, max: number): string[] {
	const out: string[] = [];
	let inQuote = false;
	let start = 0;
	for (let i = 0; i < text.length && out.length < max; i++) {
		const c = text.charCodeAt(i);
		if (c === 34) inQuote = !inQuote;
		else if (!inQuote && (c === 10 || c === 13)) {
			out.push(text.slice(start, i));
			if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
			start = i + 1;
		}
	}
	if (!partial && out.length < max && start < text.length) out.push(text.slice(start));
	return out.filter((r) => r.trim() !== '');
}

function countOutsideQuotes(rec: string, delim: string): number {
	let n = 0;
	let inQuote = false;
	for (let i = 0; i < rec.length; i++) {
		const ch = rec[i];
		if (ch === '"') inQuote = !inQuote;
		else if (!inQuote && ch === delim) n++;
	}
	return n;
}

function modeShare(counts: number[]): { mode: number; share: number } {
	const freq = new Map<number, number>();
	for (const c of counts) freq.set(c, (freq.get(c) ?? 0) + 1);
	let mode = 0;
	let best = -1;
	for (const [c, f] of freq) if (f > best || (f === best && c > mode)) [mode, best] = [c, f];
	return { mode, share: counts.length ? best / counts.length : 0 };
}

/**
 * Pick the delimiter whose count per record is most consistent (ties: `,` tab `;` `|`). When no
 * single character splits consistently but runs of whitespace do (CDNOW), say `whitespace`.
 */
export function detectDelimiter(text: string, partial = true): Delimiter {
	const recs = sampleRecords(text, partial, 100);
	if (recs.length === 0) return ',';
	let best: Delimiter = ',';
	let bestShare = 0;
	for (const d of [',', '\t', ';', '|'] as const) {
		const { mode, share } = modeShare(recs.map((r) => countOutsideQuotes(r, d)));
		if (mode > 0 && share > bestShare + 1e-9) {
			best = d;
			bestShare = share;
		}
	}
	if (bestShare >= 0.8) return best;
	const ws = modeShare(recs.map((r) => r.trim().split(/\s+/).length));
	if (ws.mode >= 2 && ws.share >= 0.9 && ws.share > bestShare) return 'whitespace';
	return bestShare > 0 ? best : ',';
}

type CellKind = 'empty' | 'number' | 'date' | 'text';

function cellKind(s: string): CellKind {
	const t = s.trim();
	if (t === '') return 'empty';
	if (!Number.isNaN(parseNumber(t, '.')) || !Number.isNaN(parseNumber(t, ','))) return 'number';
	if (detectDateFormat([t], { minShare: 1 }).format) return 'date';
	return 'text';
}

/**
 * Is the first row a header? A first-row cell that is a number/date above a number/date column
 * votes no (CDNOW_sample: all numbers); a text cell above one votes yes. All-text tables and
 * single rows of text default to yes, since most exports carry a header.
 */
export function detectHeader(rows: readonly (readonly string[])[]): boolean {
	if (rows.length === 0) return false;
	const first = rows[0];
	const rest = rows.slice(1, 51);
	if (rest.length === 0) return first.some((c) => cellKind(c) === 'text');
	let votes = 0;
	for (let j = 0; j < first.length; j++) {
		const kinds = rest.map((r) => cellKind(r[j] ?? '')).filter((k) => k !== 'empty');
		if (kinds.length === 0) continue;
		const typed = kinds.filter((k) => k === 'number' || k === 'date').length;
		const columnTyped = typed >= kinds.length * 0.8;
		const head = cellKind(first[j]);
		if (!columnTyped) continue;
		if (head === 'number' || head === 'date') votes--;
		else if (head === 'text') votes++;
	}
	return votes >= 0;
}
