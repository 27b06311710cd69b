import { describe, expect, it } from 'vitest';
import { sparklineLayout } from './sparkline';

describe('sparkline layout', () => {
	it('draws nothing without points and a centred dot for one', () => {
		expect(sparklineLayout([], 80, 20).path).toBe('');
		const one = sparklineLayout([{ date: '2024-01-01', value: 5 }], 80, 20);
		expect(one.points[0].x).toBe(40);
	});
	it('puts higher values higher and keeps the target band in view', () => {
		const l = sparklineLayout(
			[
				{ date: '2024-01-01', value: 10 },
				{ date: '2024-02-01', value: 30 }
			],
			80,
			20,
			{ lo: 20, hi: 20 }
		);
		expect(l.points[1].y).toBeLessThan(l.points[0].y);
		expect(l.band!.y0).toBeGreaterThan(l.points[1].y);
		expect(l.band!.y0).toBeLessThan(l.points[0].y);
		expect(l.path.startsWith('M')).toBe(true);
	});
});
