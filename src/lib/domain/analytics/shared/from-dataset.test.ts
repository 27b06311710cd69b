import { describe, expect, it } from 'vitest';
import { transactionsFromColumns } from './from-dataset';

describe('transactionsFromColumns', () => {
	it('turns stored columns into day-based transactions and skips unusable rows', () => {
		const r = transactionsFromColumns({
			customerId: { type: 'string', codes: Int32Array.from([0, 1, -1, 2, 0]), dict: ['a', 'b', 'c'] },
			date: { type: 'date', values: Float64Array.from([Date.UTC(2024, 0, 2), Date.UTC(2024, 0, 3), 0, NaN, Date.UTC(2024, 0, 5)]) },
			amount: { type: 'number', values: Float64Array.from([10, 20, 30, 40, 50]) }
		});
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.skipped).toBe(2);
		expect(r.value.customerIds).toEqual(['a', 'b']);
		expect(Array.from(r.value.customer)).toEqual([0, 1, 0]);
		expect(Array.from(r.value.days)).toEqual([19724, 19725, 19727]);
		expect(Array.from(r.value.amounts)).toEqual([10, 20, 50]);
	});
	it('names the missing column', () => {
		expect(transactionsFromColumns({})).toEqual({ ok: false, code: 'missing-customer' });
		expect(transactionsFromColumns({ customerId: { type: 'string', codes: new Int32Array(0), dict: [] } })).toEqual({
			ok: false,
			code: 'missing-date'
		});
	});
});

describe('transactionsFromColumns with a channel column', () => {
	it('keeps the channel aligned with the kept rows', () => {
		const r = transactionsFromColumns({
			customerId: { type: 'string', codes: Int32Array.from([0, -1, 1]), dict: ['a', 'b'] },
			date: { type: 'date', values: Float64Array.from([0, 0, 0]) },
			amount: { type: 'number', values: Float64Array.from([1, 2, 3]) },
			channel: { type: 'string', codes: Int32Array.from([1, 0, 0]), dict: ['store', 'app'] }
		});
		expect(r.ok && Array.from(r.channel!.codes)).toEqual([1, 0]);
	});
});
