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
	// Residuals from a local robust line (Theil–Sen over a 7-point window): unlike a running median it does not lag a
	// trend at the ends of the series, where a spike matters most for the forecast.
	const w = Math.min(7, n % 2 ? n : n - 1);
	const half = (w - 1) >> 1;
	const r = new Float64Array(n);
	const slopes: number[] = [];
	const icpt: number[] = [];
	const med = (v: number[]): number => {
		v.sort((p, q) => p - q);
		const m = v.length >> 1;
		return v.length % 2 ? v[m] : 0.5 * (v[m - 1] + v[m]);
	};
	for (let i = 0; i < n; i++) {
		const a = Math.max(0, Math.min(i - half, n - w));
		slopes.length = 0;
		for (let j = a; j < a + w; j++) for (let k = j + 1; k < a + w; k++) slopes.push((x[k] - x[j]) / (k - j));
		const b = med(slopes);
		icpt.length = 0;
		for (let j = a; j < a + w; j++) icpt.push(x[j] - b * j);
		r[i] = x[i] - (med(icpt) + b * i);
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
	// Always look (so the UI can point at them); only replace when asked, since real spikes (promotions) are data.
	const outliers = values.length > 0 ? detectOutliers(values, o.m ?? 1) : [];
	if (outliers.length > 0) {
		if (o.replaceOutliers) {
			const tmp: (number | null)[] = Array.from(values);
			for (const i of outliers) tmp[i] = null;
			values.set(interpolateMissing(tmp).values);
			notes.push({ code: 'outliers-replaced', values: { count: outliers.length, first: outliers[0] } });
		} else notes.push({ code: 'outliers-detected', values: { count: outliers.length, first: outliers[0] } });
	}
	return { values, missing, outliers, notes };
}
