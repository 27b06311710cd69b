// @vitest-environment node
// Export → import round trip (property) under the exact contract: formula cells gain a leading ', NULs drop.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { afterRoundTrip, columnsToCsv, encodeUtf8, FORMULA_ESCAPE, toCsv } from './export';
import { bytesSource, parseSource, rawCell, type RawTable } from './parse';

const cells = (t: RawTable) => Array.from({ length: t.rowCount }, (_, i) => t.columns.map((_, j) => rawCell(t, j, i)));

async function roundTrip(rows: string[][], header: string[] | null, opts = {}) {
	const bytes = encodeUtf8(toCsv(header, rows));
	return parseSource(bytesSource(bytes), opts);
}

/** The contract: every string cell comes back as afterRoundTrip(cell); a lone empty cell is a blank line. */
function expected(rows: string[][]): string[][] {
	return rows.map((r) => r.map(afterRoundTrip)).filter((r) => !(r.length === 1 && r[0] === ''));
}

const table = (cell: fc.Arbitrary<string>) =>
	fc.integer({ min: 1, max: 5 }).chain((w) =>
		fc.array(fc.array(cell, { minLength: w, maxLength: w }), {
			minLength: 1,
			maxLength: 12
		})
	);

describe('export', () => {
	it('writes a BOM, CRLF, escapes formulas but not numbers', () => {
		const text = toCsv(
			['name', 'n'],
			[
				['=SUM(A1)', -5],
				['\nx', 3.5],
				['@x', null],
				['ok', NaN]
			]
		);
		expect(text).toBe('\ufeffname,n\r\n"\'=SUM(A1)",-5\r\n"\'\nx",3.5\r\n"\'@x",\r\nok,\r\n');
	});
	it('escape set is = + - @ tab CR LF NUL', () => {
		for (const c of ['=', '+', '-', '@', '\t', '\r', '\n', '\0']) expect(FORMULA_ESCAPE.test(`${c}x`)).toBe(true);
		expect(FORMULA_ESCAPE.test(' =x')).toBe(false);
	});
	it('columnsToCsv writes dates as ISO (with time only when needed) and missing as empty', () => {
		const text = columnsToCsv(
			[
				{
					key: 'd',
					header: '日期',
					column: {
						type: 'date',
						values: Float64Array.of(Date.UTC(2024, 0, 2), NaN)
					}
				},
				{
					key: 'c',
					header: 'c',
					column: {
						type: 'string',
						codes: Int32Array.of(0, -1),
						dict: ['客户']
					}
				},
				{
					key: 'a',
					header: 'a',
					column: { type: 'number', values: Float64Array.of(1.5, NaN) }
				}
			],
			2
		);
		expect(text).toBe('\ufeff日期,c,a\r\n2024-01-02,客户,1.5\r\n,,\r\n');
	});
	it('property: any table of strings survives export → import (explicit dialect)', async () => {
		await fc.assert(
			fc.asyncProperty(table(fc.string({ unit: 'binary', maxLength: 12 })), async (rows) => {
				const r = await roundTrip(rows, null, {
					delimiter: ',',
					hasHeader: false
				});
				const want = expected(rows);
				// only blank lines left: by contract the file reads as empty
				if (want.length === 0)
					expect(r).toEqual({
						errors: [expect.objectContaining({ code: 'empty-file' })],
						data: null
					});
				else {
					expect(r.errors.filter((e) => e.code !== 'nul-bytes-removed')).toEqual([]);
					expect(cells(r.data!)).toEqual(want);
				}
			}),
			{ numRuns: 300 }
		);
	});
	it('property: with a header and sniffed dialect, quotes/commas/newlines/Chinese survive', async () => {
		const cell = fc.string({
			unit: fc.constantFrom('a', 'b', '客', '户', ',', '"', '\n', ' ', '1', '.', '=', '-'),
			maxLength: 8
		});
		await fc.assert(
			fc.asyncProperty(table(cell), async (rows) => {
				const header = rows[0].map((_, j) => `col${j + 1}`);
				const r = await roundTrip(rows, header);
				expect(r.data!.headers).toEqual(header);
				expect(r.data!.encoding.bom).toBe(true);
				expect(cells(r.data!)).toEqual(expected(rows));
			}),
			{ numRuns: 200 }
		);
	});
});
