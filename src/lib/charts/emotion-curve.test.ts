import { describe, expect, it } from 'vitest';
import { emotionLayout, signedScore } from './emotion-curve';

describe('emotion curve layout', () => {
	const steps = ['a', 'b', 'c', 'd'];
	const layout = emotionLayout(steps, [{ id: 'c1', scores: { a: 1, b: -2, d: 3 } }], { width: 400, height: 160, padY: 20 });

	it('puts points at the centres of equal step columns', () => {
		expect(layout.curves[0].points.map((p) => p.x)).toEqual([50, 150, 250, 350]);
	});

	it('maps +3 to the top, −3 to the bottom and 0 to the middle', () => {
		expect(layout.y(3)).toBe(20);
		expect(layout.y(-3)).toBe(140);
		expect(layout.zeroY).toBe(80);
	});

	it('breaks the path at an unscored step instead of drawing it as zero', () => {
		const c = layout.curves[0];
		expect(c.points[2].score).toBeNull();
		// Two segments: a–b, then d alone (a lone point is a move, no line).
		expect((c.path.match(/M/g) ?? []).length).toBe(2);
	});

	it('turns a drag position into a half-step score, clamped', () => {
		expect(layout.scoreAt(20)).toBe(3);
		expect(layout.scoreAt(-50)).toBe(3);
		expect(layout.scoreAt(500)).toBe(-3);
		expect(layout.scoreAt(layout.y(1.3))).toBe(1.5);
		expect(layout.scoreAt(layout.y(-0.2))).toBe(0);
	});

	it('writes scores with their sign', () => {
		expect(signedScore(2)).toBe('+2');
		expect(signedScore(-1.5)).toBe('−1.5');
		expect(signedScore(0)).toBe('0');
	});
});
