// @vitest-environment node
// Streaming parse details: chunk boundaries, typed lanes for near-unique columns (exact text kept), progress.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bytesSource, isCanonicalNumber, parseSource, parseText, rawCell, wholeBlobSource } from './parse';
import { buildDataset } from './validate';
import { profileTable } from './inference';

describe('isCanonicalNumber', () => {
	it('property: accepted text is exactly String(Number(text))', () => {
		fc.assert(
			fc.property(fc.stringMatching(/^-?\d{1,17}(\.\d{1,8})?$/), (s) => {
				if (isCanonicalNumber(s)) expect(String(Number(s))).toBe(s);
			}),
			{ numRuns: 2000 }
		);
	});
	it('property: plain doubles print canonically and are accepted', () => {
		fc.assert(
			fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 4 }), (n, d) => {
				const s = String(n / 10 ** d);
				if (!s.includes('e')) expect(isCanonicalNumber(s)).toBe(true);
			})
		);
	});
	it.each(['12.50', '007', '-0', '1e5', '.5', '5.', '0.0000001', '', '-', '1,5'])('%j is not canonical', (s) =>
		expect(isCanonicalNumber(s)).toBe(false)
	);
});

describe('near-unique columns', () => {
	const N = 100_000;
	const lines = ['id,ts,amount,note'];
	for (let i = 0; i < N; i++) {
		const ts = new Date(Date.UTC(2024, 0, 1) + i * 61_000).toISOString().slice(0, 19).replace('T', ' ');
		// after the first 65,536 rows, sprinkle cells the lanes cannot hold exactly
		const odd = i > 70_000 && i % 1000 === 0;
		lines.push(`c${i},${odd ? ts.replace(' ', 'T') + 'Z' : ts},${odd ? '12.50' : (i / 4).toString()},${odd ? '' : 'n' + (i % 7)}`);
	}
	const text = lines.join('\r\n') + '\r\n';

	it('keep every cell’s exact text, whichever way it is stored', async () => {
		const t = (await parseText(text, { chunkBytes: 100_000 })).data!;
		expect(t.rowCount).toBe(N);
		expect(t.columns.map((c) => [c.unique, c.lane?.kind ?? null])).toEqual([
			[false, null],
			[false, 'iso'],
			[false, 'number'],
			[true, null]
		]);
		for (let i = 0; i < N; i++) {
			const want = lines[i + 1].split(',');
			for (let j = 0; j < 4; j++) if (rawCell(t, j, i) !== want[j]) expect([i, j, rawCell(t, j, i)]).toEqual([i, j, want[j]]);
		}
	});
	it('build reads lanes and dictionary cells alike', async () => {
		const t = (await parseText(text)).data!;
		const prof = profileTable(t);
		expect(prof.map((p) => p.type)).toEqual(['text', 'date', 'number', 'text']);
		expect(prof[2].distinct).toBeGreaterThan(90_000);
		const d = buildDataset(t, {
			kind: 'transactions',
			fields: { customerId: 'id', date: 'ts', amount: 'amount' }
		}).data!;
		expect(d.rowCount).toBe(N);
		const amount = (d.data.amount as { values: Float64Array }).values;
		const ts = (d.data.date as { values: Float64Array }).values;
		expect([amount[3], amount[80_000], amount[99_999]]).toEqual([0.75, 12.5, 24_999.75]);
		expect([ts[0], ts[80_000]]).toEqual([Date.UTC(2024, 0, 1), Date.UTC(2024, 0, 1) + 80_000 * 61_000]);
		expect(d.report.customers).toBe(N);
	});
});

describe('streaming', () => {
	it('the same table whatever the slice size (multi-byte characters and CRLF split across slices)', async () => {
		const text = '客户,金额\r\n' + Array.from({ length: 300 }, (_, i) => `"客户${i}\r\n第二行",${i}.5`).join('\r\n') + '\r\n';
		const bytes = new TextEncoder().encode(text);
		const ref = (await parseSource(bytesSource(bytes))).data!;
		for (const chunkBytes of [1024, 1031, 4099]) {
			const t = (await parseSource(bytesSource(bytes), { chunkBytes })).data!;
			expect(t.rowCount).toBe(300);
			expect(Array.from({ length: 300 }, (_, i) => rawCell(t, 0, i))).toEqual(Array.from({ length: 300 }, (_, i) => rawCell(ref, 0, i)));
		}
		expect(rawCell(ref, 0, 7)).toBe('客户7\r\n第二行');
	});
	it('reports progress with rows, bytes and an ETA', async () => {
		const text = 'a,b\n' + '1,2\n'.repeat(50_000);
		const seen: { bytesRead: number; rows: number; etaMs: number | null }[] = [];
		await parseText(text, { chunkBytes: 16 * 1024 }, undefined);
		await parseSource(
			bytesSource(new TextEncoder().encode(text)),
			{ chunkBytes: 16 * 1024 },
			{ onProgress: (p) => seen.push(p), progressEveryMs: 0 }
		);
		expect(seen.length).toBeGreaterThan(10);
		expect(seen.at(-1)).toMatchObject({ bytesRead: text.length, rows: 50_000, etaMs: 0 });
	});
	it('maxRows stops early (previews)', async () => {
		const r = await parseText('a\n' + '1\n'.repeat(1000), { maxRows: 20 });
		expect(r.data!.rowCount).toBe(20);
	});
});

describe('encoding fallback past the sample', () => {
	it('UTF-8-looking first 64 KiB, GBK later: restarts as GB18030 and says so', async () => {
		const ascii = new TextEncoder().encode('id,name\n' + 'a,b\n'.repeat(20_000));
		const gbk = new Uint8Array([0x31, 0x2c, 0xbf, 0xcd, 0xbb, 0xa7, 0x0a]); // 1,客户
		const bytes = new Uint8Array(ascii.length + gbk.length);
		bytes.set(ascii);
		bytes.set(gbk, ascii.length);
		const r = await parseSource(bytesSource(bytes), { chunkBytes: 16 * 1024 });
		expect(r.data!.encoding).toEqual({
			encoding: 'gb18030',
			bom: false,
			reason: 'gb18030-fallback'
		});
		expect(r.errors.map((e) => e.code)).toEqual(['encoding-fallback']);
		expect(rawCell(r.data!, 1, 20_000)).toBe('客户');
	});
	it('a user-chosen UTF-8 that fails is a coded error, not replacement characters', async () => {
		const r = await parseSource(bytesSource(new Uint8Array([0x61, 0x0a, 0xbf, 0xcd, 0x0a])), {
			encoding: 'utf-8'
		});
		expect(r).toEqual({
			errors: [expect.objectContaining({ code: 'decode-failed', severity: 'fatal' })],
			data: null
		});
	});
});

describe('dictionary', () => {
	it('one entry per distinct text, numbers and ISO days looked up by value (quoted and unquoted cells alike)', async () => {
		const cells = ['12', '12.0', '12', '2023-01-05', '2023-1-05', '2023-01-05', '', '12.5', '"12"', '"2023-01-05"', '-0', '0', '20230105'];
		const t = (await parseText('v\n' + cells.join('\n') + '\n')).data!;
		const col = t.columns[0];
		expect(col.unique).toBe(true);
		expect(new Set(col.dict).size).toBe(col.dict.length);
		const text = Array.from({ length: t.rowCount }, (_, i) => rawCell(t, 0, i));
		expect(text).toEqual(cells.filter((c) => c !== '').map((c) => c.replace(/"/g, '')));
		// equal text ⇒ equal code, different text ⇒ different code
		for (let i = 0; i < t.rowCount; i++)
			for (let k = 0; k < t.rowCount; k++) expect(col.codes[i] === col.codes[k]).toBe(text[i] === text[k]);
	});
});

describe('dictionary: empty cells', () => {
	it('an empty cell is code 0, never a second empty entry (unquoted, quoted and padded cells)', async () => {
		const t = (await parseText('a,b,c\n,,\n"",x,\n1,,\n2\n')).data!;
		for (const c of t.columns) {
			expect(c.dict.filter((s) => s === '')).toHaveLength(1);
			expect(c.dict[0]).toBe('');
		}
		expect([...t.columns[1].codes]).toEqual([0, 1, 0, 0]);
	});
});

describe('wholeBlobSource', () => {
	it('property: any range reads the same bytes as the file', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.uint8Array({ minLength: 0, maxLength: 300 }),
				fc.array(fc.tuple(fc.nat(320), fc.nat(320)), { maxLength: 8 }),
				async (bytes, ranges) => {
					const src = wholeBlobSource(new Blob([bytes]), 1 << 20, 'f.csv');
					expect(src.size).toBe(bytes.length);
					for (const [x, y] of ranges) {
						const s = Math.min(x, y, bytes.length);
						const e = Math.min(Math.max(x, y), bytes.length);
						expect(Array.from(await src.read(s, e))).toEqual(Array.from(bytes.subarray(s, e)));
					}
				}
			),
			{ numRuns: 200 }
		);
	});
	it('parses to the same table as the in-memory bytes; a file over the limit is read slice by slice', async () => {
		const text =
			'id,date,amount\n' +
			Array.from({ length: 3000 }, (_, i) => `${i % 71},2024-03-${String((i % 28) + 1).padStart(2, '0')},${i}.5`).join('\n');
		const bytes = new TextEncoder().encode(text);
		const ref = (await parseSource(bytesSource(bytes), { chunkBytes: 4096 })).data!;
		for (const limit of [1 << 20, 1000]) {
			const t = (await parseSource(wholeBlobSource(new Blob([bytes]), limit, 'f.csv'), { chunkBytes: 4096 })).data!;
			expect(t.rowCount).toBe(3000);
			for (const row of [0, 1234, 2999]) for (let j = 0; j < 3; j++) expect(rawCell(t, j, row)).toBe(rawCell(ref, j, row));
		}
	});
});

describe('direct caches for integer and day cells', () => {
	it('property: any order of near and far integers and days reads back exactly, each distinct text once in the dictionary', async () => {
		const int = fc.oneof(
			fc.integer({ min: 0, max: 3000 }),
			fc.integer({ min: 1_000_000, max: 1_000_050 }),
			fc.integer({ min: -600, max: 0 }),
			fc.integer({ min: 2 ** 31 - 20, max: 2 ** 31 - 1 }),
			fc.integer({ min: 50_000_000, max: 50_000_010 })
		);
		const day = fc.integer({ min: 0, max: 40_000 }).map((d) => new Date(Date.UTC(1950, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
		await fc.assert(
			fc.asyncProperty(
				fc.array(fc.tuple(int, day), { minLength: 1, maxLength: 400 }),
				fc.integer({ min: 1, max: 3 }),
				async (rows, repeat) => {
					const all = Array.from({ length: repeat }, () => rows).flat();
					const text = 'n,d\n' + all.map(([n, d]) => `${n},${d}`).join('\n') + '\n';
					for (const bytePath of [true, false]) {
						const t = (await parseText(text, { chunkBytes: 512, bytePath })).data!;
						expect(t.rowCount).toBe(all.length);
						all.forEach(([n, d], i) => {
							expect(rawCell(t, 0, i)).toBe(String(n));
							expect(rawCell(t, 1, i)).toBe(d);
						});
						for (const c of t.columns) if (c.unique) expect(new Set(c.dict).size).toBe(c.dict.length);
					}
				}
			),
			{ numRuns: 150 }
		);
	});
	it('a key stored in the spare room of a cache stays found after the cache re-spans', async () => {
		// 1000 opens a cache around it (489–1512); 490 lands in its spare room; 2000 re-spans it; 490 again must hit
		const t = (await parseText('n\n1000\n490\n2000\n490\n2000\n')).data!;
		expect(t.columns[0].dict.filter((x) => x === '490')).toHaveLength(1);
		expect([0, 1, 2, 3, 4].map((i) => rawCell(t, 0, i))).toEqual(['1000', '490', '2000', '490', '2000']);
	});
});
