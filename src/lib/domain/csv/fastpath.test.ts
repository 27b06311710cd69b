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
	// the text reader alone (no byte reader) must agree too
	same(await parseText(text, { chunkBytes: 1024, ...opts, bytePath: false }), slow);
	return { fast, slow };
}

/** A deduplicating column never holds the same text twice (the byte reader, the text reader and the direct caches share one dictionary). */
function distinct(t: RawTable): void {
	for (const c of t.columns) if (c.unique) expect(new Set(c.dict).size).toBe(c.dict.length);
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
	distinct(fast.data);
}

const cell = fc.oneof(
	// ids over a range that grows as rows come (direct caches re-span), negatives, and far-off outliers
	fc.integer({ min: 100_000, max: 100_400 }).map(String),
	fc.integer({ min: -3, max: 3 }).map(String),
	fc.constantFrom('2147483647', '-2147483648', '99999999999', '0.5', '1e5', '007'),
	fc.integer({ min: 0, max: 400 }).map((d) => new Date(Date.UTC(2023, 0, 1) + d * 86_400_000).toISOString().slice(0, 10)),
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
	it('plain-ASCII slices read as bytes; a slice with other text, a quote or a NUL continues on the text reader from its line', async () => {
		const ascii = Array.from({ length: 300 }, (_, i) => `${100000 + (i % 50)},2024-01-${String((i % 28) + 1).padStart(2, '0')},${i}.25`);
		const lines = [...ascii, '客户9,2024-02-01,5', ...ascii, 'x,"q,1",2', ...ascii, 'n\u0000ul,1,2', ...ascii];
		for (const nl of ['\n', '\r\n']) {
			const { fast, slow } = await both('id,date,amount' + nl + lines.join(nl) + nl);
			same(fast, slow);
			expect(fast.data!.rowCount).toBe(1203);
		}
	});
	it('a lone LF inside a CRLF file stays inside its field on every reader', async () => {
		const rows = Array.from({ length: 200 }, (_, i) => `${i},v${i}`);
		rows[150] = '150,half\nline';
		const { fast, slow } = await both('a,b\r\n' + rows.join('\r\n') + '\r\n', { delimiter: ',' });
		same(fast, slow);
		expect(rawCell(fast.data!, 1, 150)).toBe('half\nline');
	});
	it('the BOM at the start is dropped; a U+FEFF later in the file is kept as text', async () => {
		const body = Array.from({ length: 400 }, (_, i) => `${i},x`).join('\n');
		const text = '\ufeffa,b\n' + body + '\n\ufeffz,1\n';
		for (const bytePath of [true, false]) {
			const r = await parseText(text, { chunkBytes: 1024, bytePath });
			expect(r.data!.headers).toEqual(['a', 'b']);
			expect(rawCell(r.data!, 0, 400)).toBe('\ufeffz');
		}
	});
	it('lines of more than 64 fields (the field table grows) read the same on every reader', async () => {
		const head = Array.from({ length: 150 }, (_, j) => `c${j}`).join(',');
		const rows = Array.from({ length: 40 }, (_, i) => Array.from({ length: 150 }, (_, j) => (j % 7 === 0 ? '' : `${i * j}`)).join(','));
		const { fast, slow } = await both(head + '\n' + rows.join('\n') + '\n');
		same(fast, slow);
		expect(fast.data!.headers).toHaveLength(150);
		expect(rawCell(fast.data!, 149, 39)).toBe(String(39 * 149));
	});
});
