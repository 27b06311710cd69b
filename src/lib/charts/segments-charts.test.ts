import { describe, expect, it } from 'vitest';
import { rfmGridLayout } from './rfm-grid';
import { segmentBarsLayout } from './segment-bars';
import { paretoPoints, paretoLayout } from './pareto-curve';
import { samplePoints, valueMatrixLayout } from './value-matrix';
import { histogramLayout } from './histogram';
import { holdoutLayout } from './holdout';

describe('segments chart layouts', () => {
	it('RFM grid puts R = 5 on the top row and darker cells get white text', () => {
		const count = new Array(25).fill(1);
		count[24] = 100;
		const cells = rfmGridLayout({ count, meanM: new Array(25).fill(5) }, 'count', 40, 0, 0);
		const top = cells.find((c) => c.r === 5 && c.f === 5)!;
		expect(top.y).toBe(0);
		expect(top.ink).toBe('#ffffff');
		expect(cells.find((c) => c.r === 1 && c.f === 1)!.ink).toBe('#17212f');
	});
	it('bars share one scale', () => {
		const { rows } = segmentBarsLayout(
			[
				{ key: 'a', customers: 1, customerShare: 0.1, revenueShare: 0.4 },
				{ key: 'b', customers: 9, customerShare: 0.9, revenueShare: 0.6 }
			],
			100,
			20
		);
		expect(rows[1].customerW).toBe(100);
		expect(rows[0].revenueW).toBeCloseTo(rows[1].revenueW * (0.4 / 0.6));
	});
	it('Pareto is the Lorenz curve seen from the best customers', () => {
		const pts = paretoPoints([
			{ customers: 0, revenue: 0 },
			{ customers: 0.8, revenue: 0.2 },
			{ customers: 1, revenue: 1 }
		]);
		expect(pts).toEqual([
			{ x: 0, y: 0 },
			{ x: 0.19999999999999996, y: 0.8 },
			{ x: 1, y: 1 }
		]);
		expect(
			paretoLayout(
				[
					{ customers: 0, revenue: 0 },
					{ customers: 1, revenue: 1 }
				],
				100,
				100,
				[0.2, 1]
			).bands
		).toHaveLength(2);
	});
	it('value matrix samples evenly and skips unknown values', () => {
		expect(Array.from(samplePoints(10, 4))).toEqual([0, 2, 5, 7]);
		const l = valueMatrixLayout([1, 10, NaN], [1, 100, 5], [3, 0, 1], { x: 5, y: 5 }, 100, 100);
		expect(l.points).toHaveLength(2);
		expect(l.splitX).toBeGreaterThan(0);
	});
	it('value matrix ticks keep their distance (0 and 1 are not drawn on top of each other) and count the floor', () => {
		const xs = [0, 5, 50, 500, 5000];
		const ys = [0, 0, 20, 300, 3000];
		const l = valueMatrixLayout(xs, ys, [3, 3, 1, 2, 0], { x: 50, y: 20 }, 400, 300);
		const gaps = (ticks: number[], f: (v: number) => number) => ticks.slice(1).map((t, i) => Math.abs(f(t) - f(ticks[i])));
		expect(Math.min(...gaps(l.xTicks, l.x))).toBeGreaterThanOrEqual(28);
		expect(Math.min(...gaps(l.yTicks, l.y))).toBeGreaterThanOrEqual(18);
		expect(l.xTicks[0]).toBe(0);
		expect(l.xTicks).toContain(1000);
		expect(l.onFloor).toBe(2);
	});
	it('histogram and holdout', () => {
		expect(histogramLayout([1, 3], 100, 50).bars[1].h).toBeGreaterThan(0);
		const h = holdoutLayout(
			[
				{ period: 1, actual: 1, predicted: 1, actualCumulative: 1, predictedCumulative: 1, holdout: false },
				{ period: 2, actual: 1, predicted: 2, actualCumulative: 2, predictedCumulative: 3, holdout: true }
			],
			100,
			100
		);
		expect(h.splitPeriod).toBe(1);
		expect(h.actual.startsWith('M')).toBe(true);
	});
});
