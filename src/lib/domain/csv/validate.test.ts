// @vitest-environment node
// Quality-report pieces: quantiles and outlier rules against sorted references, period starts, mapping errors.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { outlierSummary, outlierSummaryByCode, periodStart, quantile, buildDataset } from './validate';
import { parseText } from './parse';

function sortedQuantile(xs: number[], q: number): number {
	const s = [...xs].sort((a, b) => a - b);
	const pos = (s.length - 1) * q;
	const lo = Math.floor(pos);
	const hi = Math.ceil(pos);
	return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}

describe('quantile / outliers', () => {
	it('property: quickselect quantile equals the sorted definition', () => {
		fc.assert(
			fc.property(
				fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 200 }),
				fc.double({ min: 0, max: 1, noNaN: true }),
				(xs, q) => {
					expect(quantile(Float64Array.from(xs), q)).toBeCloseTo(sortedQuantile(xs, q), 9);
				}
			)
		);
	});
	it('IQR rule: fences at Q1 − 1.5·IQR and Q3 + 1.5·IQR', () => {
		const xs = Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8, 100, NaN);
		expect(outlierSummary(xs, 'iqr')).toEqual({ method: 'iqr', count: 1, low: -3, high: 13 });
	});
	it('property: counted per dictionary entry gives the same fences and count as over the cells', () => {
		fc.assert(
			fc.property(
				fc.array(fc.oneof(fc.integer({ min: -20, max: 200 }), fc.constant(NaN)), { minLength: 1, maxLength: 12 }),
				fc.array(fc.nat(), { minLength: 1, maxLength: 300 }),
				fc.constantFrom('iqr' as const, 'mad' as const),
				(lutValues, picks, method) => {
					const lut = Float64Array.from(lutValues.map((x) => (Number.isNaN(x) ? NaN : x / 4)));
					const codes = Int32Array.from(picks, (p) => (p % 7 === 0 ? -1 : p % lut.length));
					const accepted = Int32Array.from(codes.keys()).filter((i) => i % 5 !== 1);
					const cells = Float64Array.from(accepted, (i) => (codes[i] < 0 ? NaN : lut[codes[i]]));
					const a = outlierSummaryByCode(lut, codes, accepted, accepted.length, method);
					const b = outlierSummary(cells, method);
					expect(a.count).toBe(b.count);
					if (Number.isNaN(b.low)) expect(a.low).toBeNaN();
					else {
						expect(a.low).toBeCloseTo(b.low, 9);
						expect(a.high).toBeCloseTo(b.high, 9);
					}
				}
			)
		);
	});
	it('MAD rule: robust z above 3.5', () => {
		const r = outlierSummary(Float64Array.of(10, 11, 12, 13, 14, 15, 16, 100), 'mad');
		expect(r.count).toBe(1);
		expect(r.low).toBeCloseTo(13.5 - 3.5 * 1.4826 * 2, 9);
	});
});

describe('periodStart', () => {
	const t = Date.UTC(2024, 4, 15, 10, 47, 12); // Wednesday
	it.each([
		['month', Date.UTC(2024, 4, 1)],
		['week', Date.UTC(2024, 4, 13)],
		['day', Date.UTC(2024, 4, 15)],
		['60min', Date.UTC(2024, 4, 15, 10)],
		['30min', Date.UTC(2024, 4, 15, 10, 30)],
		['15min', Date.UTC(2024, 4, 15, 10, 45)]
	] as const)('%s', (interval, start) => expect(periodStart(t, interval)).toBe(start));
});

describe('buildDataset', () => {
	it('unknown or missing columns are fatal mapping errors', async () => {
		const t = (await parseText('a,b\n1,2\n')).data!;
		const r = buildDataset(t, { kind: 'transactions', fields: { customerId: 'a', date: 'zzz' } });
		expect(r.data).toBeNull();
		expect(r.errors.map((e) => [e.code, e.column ?? e.detail?.field])).toEqual([
			['mapping-unknown-column', 'zzz'],
			['mapping-incomplete', 'date'],
			['mapping-incomplete', 'amount']
		]);
	});
	it('bad required values are rejected with row, column and value; bad optional ones only warned', async () => {
		const t = (await parseText('id,date,amount,qty\n1,2024-01-01,5,x\n2,nope,6,1\n3,2024-01-03,abc,1\n')).data!;
		const r = buildDataset(t, {
			kind: 'transactions',
			fields: { customerId: 'id', date: 'date', amount: 'amount', quantity: 'qty' }
		});
		const d = r.data!;
		expect(d.rowCount).toBe(1);
		expect(d.report.rejections).toEqual([
			{ row: 3, code: 'bad-date', column: 'date', value: 'nope' },
			{ row: 4, code: 'bad-number', column: 'amount', value: 'abc' }
		]);
		expect(r.errors).toEqual([expect.objectContaining({ code: 'bad-number', row: 2, column: 'qty', value: 'x' })]);
		expect(Array.from((d.data.quantity as { values: Float64Array }).values)).toEqual([NaN]);
	});
	it('a column that stops deduplicating (plain mode) still finds duplicate rows and counts customers', async () => {
		const lines = ['id,date,amount'];
		for (let i = 0; i < 70_000; i++) lines.push(`c${i},2024-01-01,${i}`);
		lines.push('c5,2024-01-01,5');
		const t = (await parseText(lines.join('\n'))).data!;
		expect(t.columns[0].unique).toBe(false);
		const d = buildDataset(t, {
			kind: 'transactions',
			fields: { customerId: 'id', date: 'date', amount: 'amount' }
		}).data!;
		expect(d.report.duplicates).toEqual({ count: 1, rows: [70_002] });
		expect(d.report.customers).toBe(70_000);
	});
	it('report figures from per-value counts equal the ones from the rows: all accepted, some rejected, lane columns spelled out', async () => {
		const rowsOf = (n: number, lane: boolean) => {
			const lines = ['id,time,amount'];
			for (let i = 0; i < n; i++) {
				const id = lane ? String(1_000_000 + i * 7) : `c${i % 97}`;
				const t = lane
					? `2024-01-01 ${String(Math.floor(i / 3600) % 24).padStart(2, '0')}:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`
					: `2024-02-${String((i % 28) + 1).padStart(2, '0')}`;
				lines.push(`${id},${t},${((i * 37) % 1000) / 4}`);
			}
			return lines;
		};
		const check = (d: ReturnType<typeof buildDataset>['data']) => {
			const dates = (d!.data.date as { values: Float64Array }).values;
			const amounts = (d!.data.amount as { values: Float64Array }).values;
			const cust = d!.data.customerId as { codes: Int32Array };
			expect(d!.report.dateRange).toEqual({ min: Math.min(...dates), max: Math.max(...dates) });
			expect(d!.report.customers).toBe(new Set(cust.codes).size);
			expect(d!.report.outliers.amount).toEqual(outlierSummary(amounts, 'iqr'));
		};
		const small = rowsOf(2000, false);
		const fields = { customerId: 'id', date: 'time', amount: 'amount' };
		const all = buildDataset((await parseText(small.join('\n'))).data!, { kind: 'transactions', fields }).data!;
		expect(all.rowCount).toBe(2000);
		check(all);
		// a rejected row (bad amount) and an excluded return: the counts must not include them
		const some = buildDataset((await parseText([...small, 'c1,2023-01-01,x', 'zz,2025-12-31,-5'].join('\n'))).data!, {
			kind: 'transactions',
			fields
		}).data!;
		expect(some.rowCount).toBe(2000);
		check(some);
		// near-unique ids and timestamps become lanes; the id (a text field) is read through a copy with its lane spelled out
		const t = (await parseText(rowsOf(70_000, true).join('\n'))).data!;
		expect(t.columns[0].lane && t.columns[1].lane).toBeTruthy();
		check(buildDataset(t, { kind: 'transactions', fields }).data!);
	});
	it('property: rejections, warnings, returns and amounts follow the rows as a row-by-row reading would (any mix of bad cells, ragged rows, returns)', async () => {
		const id = fc.constantFrom('c1', 'c2', ' c3 ', '');
		const date = fc.constantFrom('2024-01-05', '2024-02-30', 'soon', '', '2023-12-31');
		const num = fc.constantFrom('12.5', '-3', '0', 'abc', '', '7');
		const order = fc.constantFrom('A1', 'C22', 'c9', 'Cx', '');
		const row = fc.oneof(
			{ weight: 9, arbitrary: fc.tuple(id, date, num, num, order).map((r) => r.join(',')) },
			{ weight: 1, arbitrary: fc.constant('c1,2024-01-01') }
		);
		await fc.assert(
			fc.asyncProperty(
				fc.array(row, { minLength: 1, maxLength: 40 }),
				fc.constantFrom('exclude' as const, 'net' as const),
				fc.boolean(),
				async (rows, returns, withQty) => {
					const t = (await parseText(['id,day,amount,qty,order', ...rows].join('\n') + '\n')).data!;
					const fields: Record<string, string> = { customerId: 'id', date: 'day', amount: 'amount', orderId: 'order' };
					if (withQty) fields.quantity = 'qty';
					const d = buildDataset(t, { kind: 'transactions', fields, returns, dateFormats: { day: 'iso' } });
					// the reference: one row at a time
					const rejections: { row: number; code: string; column?: string }[] = [];
					const warnings: number[] = [];
					const amounts: number[] = [];
					let excluded = 0;
					let returnsRows = 0;
					const seen = new Set<string>();
					const dups: number[] = [];
					rows.forEach((line, i) => {
						const rowNo = i + 2;
						const c = line.split(',');
						if (c.length !== 5) return void rejections.push({ row: rowNo, code: 'ragged-row' });
						const [cid, day, amount, qty, ord] = c.map((x) => x.trim());
						if (cid === '') return void rejections.push({ row: rowNo, code: 'missing-value', column: 'id' });
						if (day === '') return void rejections.push({ row: rowNo, code: 'missing-value', column: 'day' });
						if (!['2024-01-05', '2023-12-31'].includes(day)) return void rejections.push({ row: rowNo, code: 'bad-date', column: 'day' });
						if (amount === '') return void rejections.push({ row: rowNo, code: 'missing-value', column: 'amount' });
						if (amount === 'abc') return void rejections.push({ row: rowNo, code: 'bad-number', column: 'amount' });
						if (withQty && qty === 'abc') warnings.push(rowNo);
						const isReturn = +amount < 0 || (withQty && qty !== '' && qty !== 'abc' && +qty < 0) || /^[Cc]\d/.test(ord);
						if (isReturn) {
							returnsRows++;
							if (returns === 'exclude') return void excluded++;
						}
						amounts.push(+amount);
						// a duplicate repeats an earlier accepted row's text in every mapped column
						const key = [cid, day, amount, ord, ...(withQty ? [qty] : [])].join('\u0000');
						if (seen.has(key)) dups.push(rowNo);
						seen.add(key);
					});
					expect(d.data).not.toBeNull();
					const rep = d.data!.report;
					expect(rep.rejections.map((r) => ({ row: r.row, code: r.code, ...(r.column ? { column: r.column } : {}) }))).toEqual(rejections);
					expect(rep.warnings.filter((w) => w.code === 'bad-number').map((w) => w.row)).toEqual(warnings);
					expect(rep.rowsExcluded).toBe(excluded);
					expect(rep.returns?.rows).toBe(returnsRows);
					expect(rep.duplicates).toEqual({ count: dups.length, rows: dups.slice(0, 100) });
					expect(Array.from((d.data!.data.amount as { values: Float64Array }).values)).toEqual(amounts);
				}
			),
			{ numRuns: 300 }
		);
	});
	it('many equal rows: every repeat counted once, the first 100 listed in file order', async () => {
		const lines = ['id,date,amount'];
		for (let i = 0; i < 3000; i++) lines.push(i % 3 === 0 ? 'c1,2024-01-01,5' : `c${i},2024-01-02,${i}`);
		lines.push('c2,2024-01-02,2', 'c2,2024-01-02,2');
		const d = buildDataset((await parseText(lines.join('\n'))).data!, {
			kind: 'transactions',
			fields: { customerId: 'id', date: 'date', amount: 'amount' }
		}).data!;
		expect(d.report.duplicates.count).toBe(999 + 2); // the two last rows repeat row 4 (i = 2)
		expect(d.report.duplicates.rows).toEqual(Array.from({ length: 100 }, (_, k) => 5 + 3 * k));
	});
});
