// The handle time the data itself shows: contact-weighted mean AHT over the most recent four weeks of history.

/** Intervals in four weeks for a series interval (`day`, `week`, `month`, or `<n>min`). */
export function intervalsInFourWeeks(interval: string): number {
	if (interval === 'day') return 28;
	if (interval === 'week') return 4;
	if (interval === 'month') return 1;
	const m = /^(\d+)min$/.exec(interval);
	return m ? Math.round((28 * 1440) / Number(m[1])) : 28;
}

/**
 * Σ aht × contacts / Σ contacts over the last `span` intervals that have both a contact count and an AHT
 * (an interval's AHT is already a mean over its contacts). Null when the data has no AHT there.
 */
export function recentAht(
	history: ArrayLike<number>,
	aht: ArrayLike<number> | null,
	span: number
): { seconds: number; contacts: number; intervals: number } | null {
	if (!aht || span <= 0) return null;
	let sum = 0;
	let contacts = 0;
	let intervals = 0;
	for (let i = Math.max(0, history.length - span); i < history.length; i++) {
		const n = history[i];
		const a = aht[i];
		if (!(n > 0) || !Number.isFinite(a) || a <= 0) continue;
		sum += a * n;
		contacts += n;
		intervals++;
	}
	return contacts > 0 ? { seconds: sum / contacts, contacts, intervals } : null;
}
