// Checks the RFM table and segments against the R `rfm` package's published figures on rfm_data_orders.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fixtureText } from '../../../../../tests/fixtures/segmentation/load';
import { readTransactionsCsv } from '../shared/text-input';
import { parseIsoDay, toColumns } from '../shared/transactions';
import { computeRfm, rfmCell } from './rfm';
import { R_RFM_02_RULES, R_RFM_030_RULES, assignSegments, parseRuleTable, summarizeSegments } from './segments';

const orders = readTransactionsCsv(fixtureText('rfm_data_orders.csv')).tx;
const analysisDay = parseIsoDay('2006-12-31');
const table = computeRfm(orders, { analysisDay });
const code = (name: string): number => orders.customerIds.indexOf(name);

describe('R rfm-compatible scoring on rfm_data_orders', () => {
	it('reads all 4,906 orders of 995 customers', () => {
		expect(orders.customer.length).toBe(4906);
		expect(orders.customerIds.length).toBe(995);
		let sum = 0;
		for (const f of table.frequency) sum += f;
		expect(sum).toBe(4906); // R test-rfm-table.R
	});

	it('uses the quantile + 1 thresholds R documents as its custom-threshold example', () => {
		// ?rfm_table_order: recency_bins = c(115, 181, 297, 482), frequency_bins = c(4, 5, 6, 8), monetary_bins = c(256, 382, 506, 666)
		const e = table.edges!;
		expect(e.recency.lower.slice(1).map(Math.round)).toEqual([115, 181, 297, 482]);
		expect(e.frequency.lower.slice(1)).toEqual([4, 5, 6, 8]);
		expect(e.monetary.lower.slice(1).map(Math.round)).toEqual([256, 382, 506, 666]);
	});

	it('scores the README customers 343, 412, 323, 544, 433', () => {
		// README rows (the 0.3.0 data drops the name suffixes "DVM", "Sr."): Abbey O'Reilly 205 d / 6 / 472 → 343 …
		const expected: [string, number, number, number, number][] = [
			["Abbey O'Reilly", 205, 6, 472, 343],
			['Add Senger', 140, 3, 340, 412],
			['Aden Lesch', 194, 4, 405, 323],
			['Aden Murphy', 98, 7, 596, 544],
			['Admiral Senger', 132, 5, 448, 433],
			["Agness O'Keefe", 90, 9, 843, 555],
			['Ailene Hermann', 281, 8, 699, 355],
			['Aiyanna Bruen', 246, 4, 157, 321]
		];
		for (const [name, rec, freq, mon, cell] of expected) {
			const c = code(name);
			expect(c, name).toBeGreaterThanOrEqual(0);
			expect([table.recencyDays[c], table.frequency[c], table.monetary[c], rfmCell(table, c)]).toEqual([rec, freq, mon, cell]);
		}
	});

	it('0.2.x rules: Champions = 158 customers, 1,234 orders, revenue 120,178 (R test-rfm-segment.R)', () => {
		const seg = assignSegments(table, R_RFM_02_RULES);
		const champions = summarizeSegments(table, seg).find((s) => s.segment === 'Champions')!;
		expect([champions.customers, champions.orders, champions.revenue]).toEqual([158, 1234, 120178]);
		// the first rows of the same test
		const label = (n: string): string => seg.labels[seg.index[code(n)]];
		expect(label("Abbey O'Reilly")).toBe('Loyal Customers');
		expect(label('Add Senger')).toBe('Potential Loyalist');
		expect(label("Agness O'Keefe")).toBe('Champions');
		expect(label('Alannah Borer')).toBe('Lost');
	});

	it('0.3.0 rules assign every customer (first match wins) and segment totals add up', () => {
		const seg = assignSegments(table, R_RFM_030_RULES);
		const rows = summarizeSegments(table, seg);
		expect(rows.reduce((a, r) => a + r.customers, 0)).toBe(995);
		expect(rows.reduce((a, r) => a + r.orders, 0)).toBe(4906);
		// 555 is a Champion in 0.3.0; 343 first matches Potential Loyalist (r 3–5, f 3–5, m 2–5)
		expect(seg.labels[seg.index[code("Agness O'Keefe")]]).toBe('Champions');
		expect(seg.labels[seg.index[code("Abbey O'Reilly")]]).toBe('Potential Loyalist');
	});

	it('defaults the analysis date to the day after the last transaction', () => {
		const t = computeRfm(orders);
		let last = -Infinity;
		for (const d of orders.days) last = Math.max(last, d);
		expect(t.analysisDay).toBe(last + 1);
		expect(Math.min(...t.recencyDays)).toBe(1);
	});
});

describe('R scoring under heavy ties', () => {
	it('leaves gaps exactly like R when quantiles coincide', () => {
		// 10 customers, frequencies 1×7, 2, 3, 9: quantiles at .2/.4/.6 all equal 1 → thresholds 2,2,2 → scores 1 and 4/5 only
		const freqs = [1, 1, 1, 1, 1, 1, 1, 2, 3, 9];
		const rows = freqs.flatMap((k, i) => Array.from({ length: k }, (_, j) => ({ customerId: `c${i}`, day: 100 + j, amount: 10 })));
		const t = computeRfm(toColumns(rows), { analysisDay: 200 });
		// quantile(c(1,1,1,1,1,1,1,2,3,9), .8) = 2.2 → t4 = 3.2; bins [1,2) [2,2) [2,2) [2,3.2) [3.2,10)
		expect(Array.from(t.f)).toEqual([1, 1, 1, 1, 1, 1, 1, 4, 4, 5]);
	});
});

describe('equal-count quintile scoring', () => {
	it('ranks worst-first with id tie-breaks and numeric ids compared as numbers', () => {
		// ids 10, 9, 100: all tie on F and M; numeric order 9 < 10 < 100 gives ranks 1, 2, 3 → scores 1, 3, 5
		const rows = ['10', '9', '100'].map((id) => ({ customerId: id, day: 50, amount: 5 }));
		const t = computeRfm(toColumns(rows), { analysisDay: 60, scoring: 'quintile' });
		expect(Array.from(t.f)).toEqual([3, 1, 5]);
		expect(Array.from(t.r)).toEqual([3, 1, 5]);
	});

	it('always scores 1–5 and puts the best customer at 5', () => {
		fc.assert(
			fc.property(
				fc.array(
					fc.record({
						id: fc.integer({ min: 1, max: 40 }),
						day: fc.integer({ min: 0, max: 500 }),
						amount: fc.integer({ min: 1, max: 1000 })
					}),
					{ minLength: 2, maxLength: 200 }
				),
				fc.constantFrom('rfm_r' as const, 'quintile' as const),
				(raw, scoring) => {
					const tx = toColumns(raw.map((r) => ({ customerId: String(r.id), day: r.day, amount: r.amount })));
					const t = computeRfm(tx, { scoring });
					for (const s of [t.r, t.f, t.m]) for (const v of s) if (v < 1 || v > 5) return false;
					return true;
				}
			),
			{ numRuns: 150 }
		);
	});
});

describe('user-defined rule tables', () => {
	it('accepts a valid table and rejects inverted or out-of-range bounds', () => {
		expect(parseRuleTable(R_RFM_030_RULES).success).toBe(true);
		const bad = { id: 'x', name: 'x', rules: [{ segment: 'VIP', r: [5, 4], f: [1, 5], m: [1, 5] }] };
		expect(parseRuleTable(bad).success).toBe(false);
		const bad2 = { id: 'x', name: 'x', rules: [{ segment: 'VIP', r: [0, 4], f: [1, 5], m: [1, 5] }] };
		expect(parseRuleTable(bad2).success).toBe(false);
		const ok = parseRuleTable({ id: 'x', name: 'x', rules: [{ segment: 'VIP', r: [4, 5], f: [4, 5], m: [4, 5] }] });
		expect(ok.success && ok.output.fallback).toBe('Others');
	});
});
