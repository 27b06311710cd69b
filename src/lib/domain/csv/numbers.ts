// Locale-tolerant number parsing (thousands separators, decimal comma, currency, (neg), %, full-width) and decimal-mark detection.

export type DecimalMark = '.' | ',';

export interface NumberFormat {
	decimal: DecimalMark;
}

const PLAIN = /^[+-]?\d+(?:\.\d+)?$/;
const FULLWIDTH = /[\uFF01-\uFF5E]/g;
const CURRENCY = /[¥￥$€£]|\b(?:USD|CNY|RMB|EUR|GBP|HKD)\b|元/gi;
const SPACES = /[\s\u00a0\u2009\u202f\u3000']/g;

/** Full-width ASCII (０-９ ．，－％（）…) → ASCII; also the Unicode minus sign. */
export function toHalfWidth(s: string): string {
	return s.replace(FULLWIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u2212/g, '-');
}

const SHAPES = {
	'.': {
		plain: /^\d+(?:\.\d*)?$|^\.\d+$/,
		grouped: /^\d{1,3}(?:,\d{3})+(?:\.\d*)?$/,
		group: /,/g,
		exp: /^\d+(?:\.\d*)?[eE][+-]?\d+$/
	},
	',': {
		plain: /^\d+(?:,\d*)?$|^,\d+$/,
		grouped: /^\d{1,3}(?:\.\d{3})+(?:,\d*)?$/,
		group: /\./g,
		exp: null
	}
} as const;

function groupedOrPlain(body: string, decimal: DecimalMark): string | null {
	const shape = SHAPES[decimal];
	if (shape.plain.test(body)) return decimal === ',' ? body.replace(',', '.') : body;
	if (shape.grouped.test(body)) {
		const noGroups = body.replace(shape.group, '');
		return decimal === ',' ? noGroups.replace(',', '.') : noGroups;
	}
	if (shape.exp && shape.exp.test(body)) return body;
	return null;
}

// Compiled once per decimal mark: groupedOrPlain builds regexes, so cache the hot ones.
const PLAIN_COMMA = /^[+-]?\d+(?:,\d+)?$/;

/**
 * Parse one cell. Empty or unparseable → NaN (missing is never 0). Accepts `1,234.50`,
 * `1.234,50` (decimal ','), `¥1,200`, `€ 12`, `(12.00)` → -12, `-5`, `5-`, `12.5%` → 0.125,
 * `１２３` and grouping by spaces / apostrophes.
 */
export function parseNumber(raw: string, decimal: DecimalMark = '.'): number {
	if (raw.length === 0) return NaN;
	if (decimal === '.' ? PLAIN.test(raw) : PLAIN_COMMA.test(raw)) return Number(decimal === '.' ? raw : raw.replace(',', '.'));
	let s = toHalfWidth(raw).trim();
	if (s === '') return NaN;
	// at most one sign: "(12)", "-12", "12-", "-$12", "$-12"; "--5" or "(-5)" is not a number
	let signs = 0;
	if (s.startsWith('(') && s.endsWith(')')) {
		signs++;
		s = s.slice(1, -1);
	}
	s = s.replace(CURRENCY, '');
	let percent = false;
	if (s.endsWith('%')) {
		percent = true;
		s = s.slice(0, -1);
	} else if (s.startsWith('%')) {
		percent = true;
		s = s.slice(1);
	}
	s = s.trim();
	let plus = false;
	for (;;) {
		if (s.startsWith('-')) {
			signs++;
			s = s.slice(1).trimStart();
		} else if (s.endsWith('-')) {
			signs++;
			s = s.slice(0, -1).trimEnd();
		} else if (s.startsWith('+') && !plus) {
			plus = true;
			s = s.slice(1).trimStart();
		} else break;
		s = s.replace(CURRENCY, '').trim();
	}
	if (signs > 1 || (plus && signs > 0)) return NaN;
	const negative = signs === 1;
	s = s.replace(SPACES, '');
	if (s === '') return NaN;
	const body = groupedOrPlain(s, decimal);
	if (body === null) return NaN;
	let n = Number(body);
	if (!Number.isFinite(n)) return NaN;
	if (percent) n /= 100;
	return negative ? -n : n;
}

/**
 * Decide the decimal mark from a column's distinct values: a value with both marks tells by the
 * last one; `1,5` says comma; `1.5` says dot; `1,234` alone is ambiguous (left to `prefer`).
 */
export function detectDecimalMark(values: Iterable<string>, prefer: DecimalMark = '.'): { decimal: DecimalMark; ambiguous: boolean } {
	let dot = 0;
	let comma = 0;
	let unsure = 0;
	for (const raw of values) {
		const s = toHalfWidth(raw).replace(CURRENCY, '').replace(SPACES, '');
		const lastDot = s.lastIndexOf('.');
		const lastComma = s.lastIndexOf(',');
		if (lastDot === -1 && lastComma === -1) continue;
		if (lastDot !== -1 && lastComma !== -1) {
			if (lastDot > lastComma) dot++;
			else comma++;
		} else if (lastComma !== -1) {
			if (/^[-+(]?\d{1,3}(?:,\d{3})+\)?%?-?$/.test(s)) unsure++;
			else if (/\d,\d/.test(s)) comma++;
		} else if (/^[-+(]?\d{1,3}(?:\.\d{3})+\)?%?-?$/.test(s)) unsure++;
		else if (/\d\.\d|^\.\d/.test(s)) dot++;
	}
	if (comma > dot) return { decimal: ',', ambiguous: false };
	if (dot > comma) return { decimal: '.', ambiguous: false };
	return { decimal: prefer, ambiguous: unsure > 0 };
}
