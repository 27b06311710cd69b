// Value matrix quadrants and split rules.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { QUADRANTS, marcusMatrix, splitValue, valueMatrix } from './valuematrix';

describe('split rules', () => {
	it('median, mean, percentile and absolute', () => {
		const v = [1, 2, 3, 4, 100];
		expect(splitValue(v)).toBe(3);
		expect(splitValue(v, { kind: 'mean' })).toBe(22);
		expect(splitValue(v, { kind: 'percentile', p: 75 })).toBe(4);
		expect(splitValue(v, { kind: 'absolute', value: 50 })).toBe(50);
		expect(splitValue([1, 2, 3, 4])).toBe(2.5);
	});
});

describe('value matrix', () => {
	it('places customers in core / potential / general / low', () => {
		const current = [10, 1, 10, 1];
		const potential = [10, 10, 1, 1];
		const m = valueMatrix(current, potential, { kind: 'absolute', value: 5 });
		expect(Array.from(m.index, (i) => QUADRANTS[i])).toEqual(['core', 'potential', 'general', 'low']);
	});

	it('median split puts ties in the high half', () => {
		const m = valueMatrix([5, 5, 5], [1, 2, 3]);
		expect(m.counts.core + m.counts.general).toBe(3);
	});

	it('counts always add up to the number of customers', () => {
		fc.assert(
			fc.property(
				fc.array(fc.tuple(fc.double({ min: -1e3, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1e4, noNaN: true })), {
					minLength: 1,
					maxLength: 200
				}),
				(rows) => {
					const m = valueMatrix(
						rows.map((r) => r[0]),
						rows.map((r) => r[1]),
						{ kind: 'mean' }
					);
					return m.counts.core + m.counts.potential + m.counts.general + m.counts.low === rows.length;
				}
			),
			{ numRuns: 100 }
		);
	});

	it('Marcus matrix: frequency × AOV', () => {
		const r = marcusMatrix([10, 1, 10, 1], [100, 100, 5, 5], { kind: 'median' });
		expect(r.counts).toEqual({ best: 1, spender: 1, frequent: 1, uncertain: 1 });
	});
});
