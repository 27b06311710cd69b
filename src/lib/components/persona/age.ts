// Age as one text field: "28", "25-34" / "25–34", "35+", "≤20" or empty; parsed to the record's ageMin/ageMax.
import { formatAge } from '$lib/domain/persona';

export type AgeParse = { ok: true; ageMin: number | null; ageMax: number | null } | { ok: false };

export function parseAge(text: string): AgeParse {
	const s = text
		.trim()
		.replace(/[岁歲]/g, '')
		.replace(/\s+/g, '');
	if (s === '') return { ok: true, ageMin: null, ageMax: null };
	const n = (x: string) => {
		const v = Number(x);
		return Number.isInteger(v) && v >= 0 && v <= 120 ? v : null;
	};
	let m = /^(\d{1,3})$/.exec(s);
	if (m && n(m[1]) !== null) return { ok: true, ageMin: n(m[1]), ageMax: n(m[1]) };
	m = /^(\d{1,3})[-–—~～至到](\d{1,3})$/.exec(s);
	if (m && n(m[1]) !== null && n(m[2]) !== null && n(m[1])! <= n(m[2])!) return { ok: true, ageMin: n(m[1]), ageMax: n(m[2]) };
	m = /^(\d{1,3})\+$/.exec(s);
	if (m && n(m[1]) !== null) return { ok: true, ageMin: n(m[1]), ageMax: null };
	m = /^[≤<](\d{1,3})$/.exec(s);
	if (m && n(m[1]) !== null) return { ok: true, ageMin: null, ageMax: n(m[1]) };
	return { ok: false };
}

export const ageText = formatAge;
