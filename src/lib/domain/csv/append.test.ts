import { describe, expect, it } from 'vitest';
import { appendColumns, columnRange } from './append';
import type { Column } from './columnar';

describe('appendColumns', () => {
	it('puts new rows after old ones and merges string dictionaries', () => {
		const old: Record<string, Column> = {
			customerId: { type: 'string', codes: Int32Array.from([0, 1]), dict: ['a', 'b'] },
			amount: { type: 'number', values: Float64Array.from([1, 2]) }
		};
		const next: Record<string, Column> = {
			customerId: { type: 'string', codes: Int32Array.from([0, -1, 1]), dict: ['b', 'c'] },
			amount: { type: 'number', values: Float64Array.from([3, 4, 5]) },
			channel: { type: 'string', codes: Int32Array.from([0, 0, 0]), dict: ['web'] }
		};
		const out = appendColumns(old, 2, next, 3);
		const ids = out.customerId as Extract<Column, { type: 'string' }>;
		expect([...ids.codes].map((k) => (k < 0 ? null : ids.dict[k]))).toEqual(['a', 'b', 'b', null, 'c']);
		expect([...(out.amount as { values: Float64Array }).values]).toEqual([1, 2, 3, 4, 5]);
		const ch = out.channel as Extract<Column, { type: 'string' }>;
		expect([...ch.codes]).toEqual([-1, -1, 0, 0, 0]);
	});
	it('keeps the old type when the new import disagrees', () => {
		const out = appendColumns(
			{ date: { type: 'date', values: Float64Array.from([0]) } },
			1,
			{ date: { type: 'string', codes: Int32Array.from([0]), dict: ['x'] } },
			1
		);
		expect(out.date.type).toBe('date');
		expect([...(out.date as { values: Float64Array }).values]).toEqual([0, NaN]);
		expect(columnRange(out.date)).toEqual({ min: 0, max: 0 });
	});
});
