// Date/time parsing to epoch ms (wall-clock read as UTC) and whole-column format detection, incl. D/M vs M/D ambiguity.

export const DATE_FORMATS = ['iso', 'ymd', 'ymd-cjk', 'ymd-compact', 'dmy', 'mdy', 'excel-serial', 'unix-s', 'unix-ms'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

/** Formats only tried when the column is known (by mapping or header) to hold dates. */
export const NUMERIC_DATE_FORMATS: readonly DateFormat[] = ['excel-serial', 'unix-s', 'unix-ms'];

const TIME = String.raw`(?:(?:[T\s]+|日\s*)(\d{1,2})[:时](\d{1,2})(?:[:分](\d{1,2})(?:[.,](\d{1,9}))?秒?)?\s*(AM|PM|am|pm|上午|下午)?)?\s*(Z|[+-]\d{2}:?\d{2})?`;
const RE: Record<'iso' | 'ymd' | 'ymd-cjk' | 'ymd-compact' | 'dm', RegExp> = {
	iso: new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})${TIME}$`),
	ymd: new RegExp(String.raw`^(\d{4})[/.](\d{1,2})[/.](\d{1,2})${TIME}$`),
	'ymd-cjk': new RegExp(String.raw`^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?${TIME}$`),
	'ymd-compact': /^(\d{4})(\d{2})(\d{2})$/,
	dm: new RegExp(String.raw`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})${TIME}$`)
};
const NUMERIC = /^\d+(?:\.\d+)?$/;
const DAY_MS = 86_400_000;
/** 1899-12-30: Excel's (1900 system) day 0 once its fictitious 1900-02-29 is skipped. */
const EXCEL_EPOCH_DAYS = -25569;

function daysIn(y: number, m: number): number {
	return m === 2 ? ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

function build(y: number, mo: number, d: number, m: RegExpExecArray | null, timeAt: number): number {
	if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || y < 1000 || y > 9999) return NaN;
	let h = 0;
	let mi = 0;
	let s = 0;
	let ms = 0;
	let offsetMin = 0;
	if (m && m[timeAt] !== undefined) {
		h = +m[timeAt];
		mi = +m[timeAt + 1];
		s = m[timeAt + 2] !== undefined ? +m[timeAt + 2] : 0;
		ms = m[timeAt + 3] !== undefined ? Math.round(+`0.${m[timeAt + 3]}` * 1000) : 0;
		const ampm = m[timeAt + 4];
		if (ampm) {
			if (h < 1 || h > 12) return NaN;
			const pm = ampm === 'PM' || ampm === 'pm' || ampm === '下午';
			h = (h % 12) + (pm ? 12 : 0);
		}
		if (h > 23 || mi > 59 || s > 59) return NaN;
	}
	const tz = m ? m[timeAt + 5] : undefined;
	if (tz && tz !== 'Z') {
		const sign = tz[0] === '-' ? -1 : 1;
		const digits = tz.slice(1).replace(':', '');
		offsetMin = sign * (+digits.slice(0, 2) * 60 + +digits.slice(2));
	}
	return Date.UTC(y, mo - 1, d, h, mi, s, ms) - offsetMin * 60_000;
}

function digits(s: string, at: number, n: number): number {
	let v = 0;
	for (let i = at; i < at + n; i++) {
		const d = s.charCodeAt(i) - 48;
		if (d < 0 || d > 9) return -1;
		v = v * 10 + d;
	}
	return v;
}

/**
 * `YYYY-MM-DD`, `YYYY-MM-DD HH:MM` and `YYYY-MM-DD[ T]HH:MM:SS` without a zone, read by char
 * codes: these are most big exports, and the regex costs ~10× more per value. Anything else
 * (or invalid) → undefined, so the caller falls back to the full regex.
 */
export function fastIso(s: string): number | undefined {
	return fastIsoAt(s, 0, s.length);
}

/** `fastIso(s.slice(a, b))` read in place (no substring). */
export function fastIsoAt(s: string, a: number, b: number): number | undefined {
	const n = b - a;
	if ((n !== 10 && n !== 16 && n !== 19) || s.charCodeAt(a + 4) !== 45 || s.charCodeAt(a + 7) !== 45) return undefined;
	const y = digits(s, a, 4);
	const mo = digits(s, a + 5, 2);
	const d = digits(s, a + 8, 2);
	let h = 0;
	let mi = 0;
	let sec = 0;
	if (n > 10) {
		const sep = s.charCodeAt(a + 10);
		if ((sep !== 32 && sep !== 84) || s.charCodeAt(a + 13) !== 58) return undefined;
		h = digits(s, a + 11, 2);
		mi = digits(s, a + 14, 2);
		if (n === 19) {
			if (s.charCodeAt(a + 16) !== 58) return undefined;
			sec = digits(s, a + 17, 2);
		}
	}
	if (y < 1000 || mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59)
		return undefined;
	return Date.UTC(y, mo - 1, d, h, mi, sec);
}

function twoDigitYear(y: string): number {
	if (y.length === 4) return +y;
	const n = +y;
	return n < 30 ? 2000 + n : 1900 + n;
}

/**
 * Parse one cell in a known format → epoch ms (UTC). Values without a zone are wall-clock read as
 * UTC so every day boundary is the same everywhere; an explicit `Z`/`+08:00` is honoured.
 * Empty or invalid → NaN.
 */
export function parseDate(raw: string, format: DateFormat): number {
	const s = raw.trim();
	if (s === '') return NaN;
	switch (format) {
		case 'iso': {
			const fast = fastIso(s);
			if (fast !== undefined) return fast;
			const m = RE.iso.exec(s);
			return m ? build(+m[1], +m[2], +m[3], m, 4) : NaN;
		}
		case 'ymd':
		case 'ymd-cjk': {
			const m = RE[format].exec(s);
			return m ? build(+m[1], +m[2], +m[3], m, 4) : NaN;
		}
		case 'ymd-compact': {
			// years limited to 1900–2199 so 8-digit ids rarely pass as dates
			const m = RE['ymd-compact'].exec(s);
			return m && +m[1] >= 1900 && +m[1] < 2200 ? build(+m[1], +m[2], +m[3], null, 4) : NaN;
		}
		case 'dmy':
		case 'mdy': {
			const m = RE.dm.exec(s);
			if (!m) return NaN;
			const a = +m[1];
			const b = +m[2];
			const y = twoDigitYear(m[3]);
			return format === 'dmy' ? build(y, b, a, m, 4) : build(y, a, b, m, 4);
		}
		case 'excel-serial': {
			if (!NUMERIC.test(s)) return NaN;
			const n = +s;
			// 1 = 1900-01-01 … 2958465 = 9999-12-31; serials < 61 sit before Excel's phantom leap day
			if (n < 1 || n > 2958465) return NaN;
			const days = n < 61 ? n + 1 : n;
			return Math.round((days + EXCEL_EPOCH_DAYS) * DAY_MS);
		}
		case 'unix-s': {
			if (!NUMERIC.test(s)) return NaN;
			const n = +s;
			return n >= 1e8 && n < 1e10 ? Math.round(n * 1000) : NaN;
		}
		case 'unix-ms': {
			if (!NUMERIC.test(s)) return NaN;
			const n = +s;
			return n >= 1e11 && n < 1e13 ? Math.round(n) : NaN;
		}
	}
}

export interface DateDetection {
	/** Best format, or null when fewer than `minShare` of the values parse in any format. */
	format: DateFormat | null;
	/** D/M/Y vs M/D/Y could not be told apart (no day above 12): the UI must ask. */
	ambiguous: boolean;
	/** Other formats that parse just as many values (for the override menu). */
	alternatives: DateFormat[];
	/** Distinct non-empty values tried and how many the chosen format parsed. */
	tried: number;
	matched: number;
	/** Some values have a time of day. */
	hasTime: boolean;
	/** Both D/M (a day > 12 first) and M/D (a day > 12 second) occur: one kind will be rejected. */
	mixed?: boolean;
}

/** Distinct values tried per format when detecting (the whole column is still read for D/M vs M/D). */
export const DETECT_SAMPLE = 5000;

/** Up to `max` values spread evenly over `xs` (all of them when there are fewer). */
export function evenSample<T>(xs: readonly T[], max: number): readonly T[] {
	if (xs.length <= max) return xs;
	const out: T[] = [];
	const step = xs.length / max;
	for (let i = 0; i < max; i++) out.push(xs[Math.floor(i * step)]);
	return out;
}

export interface DetectDateOptions {
	/** Also try Excel serials and Unix seconds/ms (the column is known to be a date). */
	allowNumeric?: boolean;
	/** Used when D/M vs M/D is ambiguous. */
	prefer?: 'dmy' | 'mdy';
	/** Share of distinct values that must parse to call the column a date. */
	minShare?: number;
	/** The values are already trimmed and non-empty (spares a copy of a large dictionary). */
	clean?: boolean;
}

/** Decide a column's date format from (distinct) values, looking at the whole column. */
export function detectDateFormat(values: readonly string[], opts: DetectDateOptions = {}): DateDetection {
	const minShare = opts.minShare ?? 0.9;
	const cells = opts.clean ? values : values.map((x) => x.trim()).filter((x) => x !== '');
	const none: DateDetection = {
		format: null,
		ambiguous: false,
		alternatives: [],
		tried: cells.length,
		matched: 0,
		hasTime: false
	};
	if (cells.length === 0) return none;
	// quick reject on a sample, so long text columns cost little
	const probe = cells.slice(0, 200);
	const looks = probe.filter((c) => /\d/.test(c) && c.length <= 40).length;
	if (looks < probe.length * 0.5) return none;

	const candidates: DateFormat[] = ['iso', 'ymd', 'ymd-cjk', 'ymd-compact', 'dmy', 'mdy'];
	if (opts.allowNumeric) candidates.push(...NUMERIC_DATE_FORMATS);
	// formats are tried on an even sample; the D/M-vs-M/D evidence below reads every value
	const sample = evenSample(cells, DETECT_SAMPLE);
	const counts = new Map<DateFormat, number>();
	let hasTime = false;
	for (const c of sample) {
		for (const f of candidates) if (!Number.isNaN(parseDate(c, f))) counts.set(f, (counts.get(f) ?? 0) + 1);
		if (!hasTime && /\d[:时]\d/.test(c)) hasTime = true;
	}
	let dayFirstOnly = false; // some a > 12: must be D/M
	let monthFirstOnly = false; // some b > 12: must be M/D
	if ((counts.get('dmy') ?? 0) > 0 || (counts.get('mdy') ?? 0) > 0)
		for (const c of cells) {
			const m = RE.dm.exec(c);
			if (m) {
				if (+m[1] > 12) dayFirstOnly = true;
				if (+m[2] > 12) monthFirstOnly = true;
			}
		}
	let best: DateFormat | null = null;
	let bestN = 0;
	for (const f of candidates) {
		const n = counts.get(f) ?? 0;
		if (n > bestN) {
			best = f;
			bestN = n;
		}
	}
	if (!best || bestN < sample.length * minShare) return { ...none, tried: sample.length, matched: bestN };
	let ambiguous = false;
	if (best === 'dmy' || best === 'mdy') {
		const dmyN = counts.get('dmy') ?? 0;
		const mdyN = counts.get('mdy') ?? 0;
		if (dayFirstOnly && !monthFirstOnly) best = 'dmy';
		else if (monthFirstOnly && !dayFirstOnly) best = 'mdy';
		else if (dayFirstOnly && monthFirstOnly) {
			// both kinds of evidence: keep the one that parses more values (the rest get rejected)
			best = dmyN >= mdyN ? 'dmy' : 'mdy';
		} else {
			ambiguous = true;
			best = opts.prefer ?? 'mdy';
		}
	}
	return {
		format: best,
		ambiguous,
		alternatives: candidates.filter(
			(f) => f !== best && (counts.get(f) ?? 0) === (counts.get(best!) ?? 0) && (ambiguous || (f !== 'dmy' && f !== 'mdy'))
		),
		tried: sample.length,
		matched: counts.get(best) ?? 0,
		hasTime,
		...(dayFirstOnly && monthFirstOnly ? { mixed: true } : {})
	};
}

/**
 * The exact text `fastIso` read, rebuilt from its value: `layout` is the text length (10, 16 or
 * 19) and `sep` the date/time separator. Lets parse keep a timestamp column as numbers.
 */
export function formatIsoLayout(ms: number, layout: number, sep: string): string {
	const iso = new Date(ms).toISOString();
	return layout === 10 ? iso.slice(0, 10) : iso.slice(0, 10) + sep + iso.slice(11, layout);
}

/** Format epoch ms as ISO date (`YYYY-MM-DD`) or date-time (`YYYY-MM-DD HH:MM:SS`) in UTC. */
export function formatDate(ms: number, withTime: boolean): string {
	if (!Number.isFinite(ms)) return '';
	const iso = new Date(ms).toISOString();
	return withTime ? `${iso.slice(0, 10)} ${iso.slice(11, 19)}` : iso.slice(0, 10);
}
