// @vitest-environment node
// The data's handle time: contact-weighted over the last four weeks, gaps and zero-contact intervals skipped.
import { describe, expect, it } from 'vitest';
import { intervalsInFourWeeks, recentAht } from './recent-aht';

describe('recentAht', () => {
	it('weights each interval by its contacts and reads only the last span', () => {
		// older interval (AHT 999) is outside the span of 3
		const r = recentAht([10, 100, 50, 0], [999, 200, 320, 500], 3);
		expect(r).toEqual({ seconds: (200 * 100 + 320 * 50) / 150, contacts: 150, intervals: 2 });
	});
	it('skips missing AHT and returns null without any', () => {
		expect(recentAht([5, 5], [NaN, 300], 2)?.seconds).toBe(300);
		expect(recentAht([5, 5], [NaN, NaN], 2)).toBeNull();
		expect(recentAht([5, 5], null, 2)).toBeNull();
	});
	it('four weeks of intervals', () => {
		expect(intervalsInFourWeeks('day')).toBe(28);
		expect(intervalsInFourWeeks('30min')).toBe(1344);
		expect(intervalsInFourWeeks('15min')).toBe(2688);
		expect(intervalsInFourWeeks('week')).toBe(4);
	});
});
