// Missing values and outliers: interpolate gaps, flag points far from a robust local level, report both by index.

import type { Note } from './types';

export interface CleanResult {
	values: Float64Array;
	missing: number[];
	outliers: number[];
	notes: Note[];
}

/** Linear interpolation over non-finite entries; leading/trailing gaps take the nearest observed value. */
export function interpolateMissing(y: ArrayLike<number | null | undefined>): {
	values: Float64Array;
	missing: number[];
} {
	const n = y.length;
	const v = new Float64Array(n);
	const missing: number[] = [];
	for (let i = 0; i < n; i++) {
		const x = y[i];
		if (typeof x === 'number' && Number.isFinite(x)) v[i] = x;
		else {
			v[i] = NaN;
			missing.push(i);
		}
	}
	if (missing.length === 0 || missing.length === n) return { values: missing.length === n ? new Float64Array(0) : v, missing };
	let prev = -1;
	for (let i = 0; i <= n; i++) {
		if (i < n && Number.isNaN(v[i])) continue;
		if (i - prev > 1) {
			const a = prev >= 0 ? v[prev] : v[i];
			const b = i < n ? v[i] : v[prev];
			for (let k = prev + 1; k < i; k++) v[k] = a + ((b - a) * (k - prev)) / (i - prev);
		}
		prev = i;
	}
	return { values: v, missing };
}

function quantileSorted(s: Float64Array, p: number): number {
	const h = (s.length - 1) * p;
	const lo = Math.floor(h);
	return lo + 1 < s.length ? s[lo] + (h - lo) * (s[lo + 1] - s[lo]) : s[lo];
}

/**
 * Outliers as forecast::tsoutliers does in spirit: remove seasonality (phase medians when m > 1), take residuals from a
 * running median, and flag those beyond 3 IQR of the residual quartiles. Seasonal peaks are not outliers this way.
 */
export function detectOutliers(y: ArrayLike<number>, m = 1): number[] {
	const n = y.length;
	if (n < 8) return [];
	const x = Float64Array.from(y);
	if (m > 1 && n >= 2 * m) {
		for (let k = 0; k < m; k++) {
			const vals: number[] = [];
			for (let i = k; i < n; i += m) vals.push(x[i]);
			vals.sort((a, b) => a - b);
			const med = vals[Math.floor(vals.length / 2)];
			for (let i = k; i < n; i += m) x[i] -= med;
		}
	}
	const w = Math.min(7, n % 2 ? n : n - 1);
	const half = (w - 1) >> 1;
	const r = new Float64Array(n);
	const win: number[] = [];
	for (let i = 0; i < n; i++) {
		const a = Math.max(0, Math.min(i - half, n - w));
		win.length = 0;
		for (let j = a; j < a + w; j++) win.push(x[j]);
		win.sort((p, q) => p - q);
		r[i] = x[i] - win[half];
	}
	const s = Float64Array.from(r).sort();
	const q1 = quantileSorted(s, 0.25);
	const q3 = quantileSorted(s, 0.75);
	const iqr = q3 - q1;
	if (!(iqr > 0)) return [];
	const out: number[] = [];
	for (let i = 0; i < n; i++) if (r[i] < q1 - 3 * iqr || r[i] > q3 + 3 * iqr) out.push(i);
	return out;
}

/** Interpolate gaps, optionally replace outliers by interpolation, and say what was done. */
export function cleanSeries(y: ArrayLike<number | null | undefined>, o: { replaceOutliers?: boolean; m?: number } = {}): CleanResult {
	const { values, missing } = interpolateMissing(y);
	const notes: Note[] = [];
	if (missing.length > 0 && values.length > 0)
		notes.push({
			code: 'missing-interpolated',
			values: { count: missing.length, first: missing[0] }
		});
	let outliers: number[] = [];
	if (o.replaceOutliers && values.length > 0) {
		outliers = detectOutliers(values, o.m ?? 1);
		if (outliers.length > 0) {
			const tmp: (number | null)[] = Array.from(values);
			for (const i of outliers) tmp[i] = null;
			const rep = interpolateMissing(tmp).values;
			values.set(rep);
			notes.push({
				code: 'outliers-replaced',
				values: { count: outliers.length, first: outliers[0] }
			});
		}
	}
	return { values, missing, outliers, notes };
}
