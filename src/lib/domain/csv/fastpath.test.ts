// @vitest-environment node
// The quote-free fast path reads exactly what papaparse reads: same cells, row numbers, ragged/blank rows, issues and lanes.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalNumberAt, isCanonicalNumber, parseText, rawCell, type RawTable } from './parse';
import { fastIso, fastIsoAt } from './dates';

function cells(t: RawTable): string[][] {
	return Array.from({ length: t.rowCount }, (_, i) => t.columns.map((_, j) => rawCell(t, j, i)));
}

async function both(text: string, opts: Parameters<typeof parseText>[1] = {}) {
	const fast = await parseText(text, { chunkBytes: 1024, ...opts });
	const slow = await parseText(text, { chunkBytes: 1024, ...opts, fastPath: false });
	return { fast, slow };
}

function same(fast: Awaited<ReturnType<typeof parseText>>, slow: Awaited<ReturnType<typeof parseText>>) {
	expect(fast.errors).toEqual(slow.errors);
	expect(fast.data === null).toBe(slow.data === null);
	if (!fast.data || !slow.data) return;
	expect(fast.data.headers).toEqual(slow.data.headers);
	expect(fast.data.rowCount).toBe(slow.data.rowCount);
	expect([...fast.data.rowNumbers]).toEqual([...slow.data.rowNumbers]);
	expect([...fast.data.raggedRows]).toEqual([...slow.data.raggedRows]);
	expect(fast.data.blankLines).toBe(slow.data.blankLines);
	expect(cells(fast.data)).toEqual(cells(slow.data));
}

const cell = fc.oneof(
	fc.string({ unit: fc.constantFrom('a', 'B', '客', '¥', ' ', '-', '.', '0', '1', '9', ':', '/'), maxLength: 8 }),
	fc.integer({ min: -100000, max: 100000 }).map(String),
	fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((x) => String(Math.round(x * 100) / 100)),
	fc
		.date({ min: new Date('1990-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
		.map((d) => d.toISOString().slice(0, 19).replace('T', ' '))
);

describe('quote-free fast path', () => {
	it('property: same table as papaparse, across chunk boundaries, ragged and blank lines, any newline', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.array(fc.array(cell, { minLength: 0, maxLength: 5 }), { minLength: 1, maxLength: 160 }),
				fc.constantFrom(',', ';', '\t', '|'),
				fc.constantFrom('\n', '\r\n'),
				fc.boolean(),
				async (rows, delim, nl, trailing) => {
					const body = ['h1', 'h2', 'h3'].join(delim) + nl + rows.map((r) => r.join(delim)).join(nl) + (trailing ? nl : '');
					const { fast, slow } = await both(body, { delimiter: delim as ',' });
					same(fast, slow);
				}
			),
			{ numRuns: 60 }
		);
	});
	it('a quote in a later chunk switches that chunk to papaparse without losing rows', async () => {
		const rows = Array.from({ length: 400 }, (_, i) => `C${i % 37},2024-01-${String((i % 28) + 1).padStart(2, '0')},${i}.5`);
		rows[300] = '"C,quoted",2024-02-01,"1,5"';
		const { fast, slow } = await both('id,date,amount\n' + rows.join('\n') + '\n');
		same(fast, slow);
		expect(fast.data!.rowCount).toBe(400);
	});
	it('mixed CRLF in a LF file: the trailing CR is trimmed on both paths', async () => {
		const text = 'a,b\n1,2\r\n3,4\n' + Array.from({ length: 300 }, (_, i) => `${i},x${i}\r`).join('\n');
		const { fast, slow } = await both(text);
		same(fast, slow);
	});
	it('canonical numbers and ISO dates read in place match the string versions', () => {
		fc.assert(
			fc.property(fc.string({ unit: fc.constantFrom('0', '1', '5', '9', '.', '-', 'e', ' '), maxLength: 18 }), (s) => {
				const t = `xx${s}yy`;
				const v = canonicalNumberAt(t, 2, 2 + s.length);
				expect(Number.isNaN(v)).toBe(!isCanonicalNumber(s));
				if (!Number.isNaN(v)) expect(Object.is(v, +s)).toBe(true);
			}),
			{ numRuns: 2000 }
		);
		for (const s of ['2024-02-29', '2023-02-29', '2024-12-31 23:59:59', '2024-01-01T08:30', '2024-1-01'])
			expect(fastIsoAt(`##${s}##`, 2, 2 + s.length)).toBe(fastIso(s));
	});
});
