// Sample quantiles matching R's quantile(type = 7), bit for bit, on sorted typed arrays.

/**
 * R's type-7 quantile of an ascending-sorted array: index = 1 + (n−1)·p, qs = (1−h)·x[lo] + h·x[hi].
 * The arithmetic follows R's quantile.default line for line so that threshold ties land exactly where
 * R puts them (the R `rfm` package's bins are these quantiles + 1).
 */
export function quantileType7(sorted: ArrayLike<number>, p: number): number {
	const n = sorted.length;
	if (n === 0) return Number.NaN;
	const index = 1 + Math.max(n - 1, 0) * p;
	const lo = Math.floor(index);
	const hi = Math.ceil(index);
	const qs = sorted[lo - 1];
	const xHi = sorted[hi - 1];
	if (index > lo && xHi !== qs) {
		const h = index - lo;
		return (1 - h) * qs + h * xHi;
	}
	return qs;
}

/** R's seq(0, 1, length.out = k + 1) computed the way R does (from + i·by), e.g. 0.6000000000000001. */
export function rProbabilities(k: number): number[] {
	const by = 1 / k;
	const out = [0];
	for (let i = 1; i < k; i++) out.push(i * by);
	out.push(1);
	return out;
}

/** Sorted copy as Float64Array (typed-array sort is numeric and fast). */
export function sortedCopy(values: ArrayLike<number>): Float64Array {
	const out = Float64Array.from(values as ArrayLike<number>);
	out.sort();
	return out;
}
