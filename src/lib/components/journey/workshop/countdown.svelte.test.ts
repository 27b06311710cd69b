// The workshop countdown keeps time from a deadline, pauses, resets and reports the end.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Countdown, formatClock } from './countdown.svelte';

describe('Countdown', () => {
	beforeEach(() => {
		vi.useFakeTimers();
		vi.setSystemTime(1_000_000);
	});
	afterEach(() => vi.useRealTimers());

	it('counts down from the set minutes, pauses, resumes and finishes', () => {
		const c = new Countdown();
		c.setMinutes(2);
		expect(c.display).toBe('02:00');
		c.start();
		vi.advanceTimersByTime(30_000);
		expect(c.display).toBe('01:30');
		c.pause();
		vi.advanceTimersByTime(60_000);
		expect(c.display).toBe('01:30');
		c.start();
		vi.advanceTimersByTime(90_000);
		expect(c.finished).toBe(true);
		expect(c.running).toBe(false);
		expect(c.display).toBe('00:00');
		c.reset();
		expect(c.display).toBe('02:00');
		c.dispose();
	});

	it('survives a reload through its snapshot', () => {
		const a = new Countdown();
		a.setMinutes(1);
		a.start();
		const snap = a.snapshot();
		a.dispose();
		vi.advanceTimersByTime(20_000);
		const b = new Countdown();
		b.restore(snap);
		expect(b.display).toBe('00:40');
		b.dispose();
	});

	it('formats minutes and seconds, rounding up partial seconds', () => {
		expect(formatClock(0)).toBe('00:00');
		expect(formatClock(59_001)).toBe('01:00');
		expect(formatClock(125 * 60_000)).toBe('125:00');
	});
});
