// CSV export of runSegmentation rows: UTF-8 BOM, CRLF, formula-injection safe, with a localised segment label column.
import en from '../../../i18n/messages/segments.en.json' with { type: 'json' };
import zh from '../../../i18n/messages/segments.zh-CN.json' with { type: 'json' };
import { CUSTOMER_COLUMNS, type CustomerRow } from './segmentation';

export type ExportLocale = 'en' | 'zh-CN';

/** "Can't Lose Them" → "segments.segment.cantLoseThem"; the i18n key of a segment key. */
export function segmentMessageKey(segment: string): string {
	const words = segment
		.replace(/['’]/g, '')
		.split(/[^A-Za-z0-9]+/)
		.filter(Boolean);
	const camel = words.map((w, i) => (i === 0 ? w.toLowerCase() : w[0].toUpperCase() + w.slice(1).toLowerCase())).join('');
	return `segments.segment.${camel}`;
}

/** Localised label of a segment; user-defined segment names have no message and pass through unchanged. */
export function segmentLabel(segment: string, locale: ExportLocale): string {
	const messages: Record<string, string> = locale === 'en' ? en : zh;
	return messages[segmentMessageKey(segment)] ?? segment;
}

const FORMULA_START = /^[=+\-@\t\r\n\0]/;
const PLAIN_NUMBER = /^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * One cell. Strings starting with = + - @ tab CR LF NUL get a leading ' so spreadsheets do not run them
 * (the design's papaparse escapeFormulae set, which its default misses for \n); a string that is just a
 * negative number ("-12.5") is left alone, and number cells are never touched.
 */
export function csvCell(value: string | number | null): string {
	if (value === null) return '';
	let s: string;
	if (typeof value === 'number') s = Number.isFinite(value) ? formatNumber(value) : '';
	else {
		s = value;
		if (FORMULA_START.test(s) && !PLAIN_NUMBER.test(s)) s = `'${s}`;
	}
	return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Up to 6 decimals, no exponent for ordinary magnitudes, no trailing zeros. */
function formatNumber(v: number): string {
	if (Number.isInteger(v)) return String(v);
	const s = v.toFixed(6).replace(/0+$/, '').replace(/\.$/, '');
	return s === '-0' ? '0' : s;
}

/** The whole file as a string starting with a BOM; columns = CUSTOMER_COLUMNS + segment_label. */
export function customersToCsv(rows: readonly CustomerRow[], locale: ExportLocale = 'en'): string {
	const header = [...CUSTOMER_COLUMNS, 'segment_label'];
	const out: string[] = [header.join(',')];
	for (const row of rows) {
		const cells = CUSTOMER_COLUMNS.map((k) => csvCell(row[k]));
		cells.push(csvCell(segmentLabel(row.segment, locale)));
		out.push(cells.join(','));
	}
	return '\uFEFF' + out.join('\r\n') + '\r\n';
}
