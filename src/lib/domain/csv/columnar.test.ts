// @vitest-environment node
// Columnar chunks: cut at 65,536 rows, string columns with one packed dictionary, reassembled unchanged; the first (chunk-local) format still reads; chunk schema.
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import fc from 'fast-check';
import { fromChunks, intScale, INT_MISSING, packDict, toChunks, U16_MISSING, unpackDict, type Column } from './columnar';
import { ColumnChunkSchema } from '../dataset/column-chunk';

describe('columnar chunks', () => {
	it('cuts 150,000 rows into 3 chunks per column and reassembles them', () => {
		const n = 150_000;
		const values = Float64Array.from({ length: n }, (_, i) => (i % 7 === 0 ? NaN : i * 0.5));
		const codes = Int32Array.from({ length: n }, (_, i) => (i % 11 === 0 ? -1 : i % 3));
		const cols: Record<string, Column> = {
			amount: { type: 'number', values },
			channel: {
				type: 'string',
				codes,
				dict: ['web', 'app', 'store', 'unused']
			}
		};
		const chunks = toChunks(cols);
		expect(chunks.map((c) => [c.column, c.index, c.rowStart, c.rowCount])).toEqual([
			['amount', 0, 0, 65536],
			['amount', 1, 65536, 65536],
			['amount', 2, 131072, 18928],
			['channel', 0, 0, 65536],
			['channel', 1, 65536, 65536],
			['channel', 2, 131072, 18928]
		]);
		// the column's dictionary once, on its chunk 0, without the entry no row uses
		expect(unpackDict(chunks[3].dictText!, chunks[3].dictEnds!)).toEqual(['web', 'app', 'store']);
		expect(chunks[4].dictText).toBeUndefined();
		expect(chunks.every((c) => c.dict === undefined)).toBe(true);
		for (const c of chunks)
			expect(
				v.safeParse(ColumnChunkSchema, {
					...c,
					id: 'x',
					datasetId: 'd',
					workspaceId: 'w'
				}).success
			).toBe(true);
		const back = fromChunks(chunks.reverse());
		expect((back.amount as { values: Float64Array }).values).toEqual(values);
		const ch = back.channel as Extract<Column, { type: 'string' }>;
		expect(Array.from(ch.codes, (k) => (k < 0 ? null : ch.dict[k]))).toEqual(
			Array.from(codes, (k) => (k < 0 ? null : ['web', 'app', 'store'][k]))
		);
	});
	it('property: any string column survives toChunks → fromChunks', () => {
		fc.assert(
			fc.property(fc.array(fc.option(fc.string(), { nil: null }), { maxLength: 300 }), fc.integer({ min: 1, max: 50 }), (cells, size) => {
				const dict = [...new Set(cells.filter((c): c is string => c !== null))];
				const codes = Int32Array.from(cells, (c) => (c === null ? -1 : dict.indexOf(c)));
				const back = fromChunks(toChunks({ s: { type: 'string', codes, dict } }, size)).s as Extract<Column, { type: 'string' }>;
				expect(Array.from(back.codes, (k) => (k < 0 ? null : back.dict[k]))).toEqual(cells);
			})
		);
	});
	it('reads the first format (a dictionary per chunk)', () => {
		const old = [
			{ column: 's', index: 1, rowStart: 2, rowCount: 2, type: 'string' as const, codes: Int32Array.of(0, -1), dict: ['b'] },
			{ column: 's', index: 0, rowStart: 0, rowCount: 2, type: 'string' as const, codes: Int32Array.of(1, 0), dict: ['a', 'b'] }
		];
		const back = fromChunks(old).s as Extract<Column, { type: 'string' }>;
		expect(Array.from(back.codes, (k) => (k < 0 ? null : back.dict[k]))).toEqual(['b', 'a', 'b', null]);
	});
	it('rejects a packed dictionary whose offsets do not fit its text; a code past it reads as missing', () => {
		const ok = {
			id: 'x',
			datasetId: 'd',
			workspaceId: 'w',
			column: 's',
			index: 0,
			rowStart: 0,
			rowCount: 2,
			type: 'string',
			pool: 'column'
		};
		const packed = packDict(['中文', '', 'a,b']);
		expect(v.safeParse(ColumnChunkSchema, { ...ok, codes: Int32Array.of(0, 2), ...packed }).success).toBe(true);
		expect(v.safeParse(ColumnChunkSchema, { ...ok, codes: Int32Array.of(0, 2), dictText: 'x', dictEnds: Int32Array.of(3) }).success).toBe(
			false
		);
		expect(v.safeParse(ColumnChunkSchema, { ...ok, codes: Int32Array.of(0, 2) }).success).toBe(false);
		const back = fromChunks([
			{ column: 's', index: 0, rowStart: 0, rowCount: 2, type: 'string', codes: Int32Array.of(2, 7), pool: 'column', ...packed }
		]).s as Extract<Column, { type: 'string' }>;
		expect(Array.from(back.codes)).toEqual([2, -1]);
		expect(back.dict).toEqual(['中文', '', 'a,b']);
	});
	it('stores whole days, minutes and cents as int32s with their unit, and reads them back bit for bit', () => {
		const days = Float64Array.of(Date.UTC(2024, 0, 1), NaN, Date.UTC(1969, 11, 31), Date.UTC(2099, 11, 31));
		const minutes = Float64Array.of(Date.UTC(2024, 0, 1, 8, 15), Date.UTC(2024, 0, 1));
		const cents = Float64Array.of(23.76, -0.01, 37.9, 0, NaN, 1e7 + 0.99);
		expect(intScale(days, 'date')).toBe(86_400_000);
		expect(intScale(minutes, 'date')).toBe(60_000);
		expect(intScale(cents, 'number')).toBe(-100);
		expect(intScale(Float64Array.of(1, 2, 3), 'number')).toBe(1);
		// −0, a fraction finer than 1/1000, an int32 overflow, Infinity: kept as doubles
		for (const bad of [-0, 0.0001, 3e9, Infinity]) expect(intScale(Float64Array.of(1, bad), 'number')).toBe(0);
		const chunks = toChunks({ d: { type: 'date', values: days }, a: { type: 'number', values: cents } });
		expect(chunks.map((c) => [c.column, c.scale, c.values === undefined])).toEqual([
			['d', 86_400_000, true],
			['a', -100, true]
		]);
		// spans under 65,535 units: 16-bit from the smallest
		expect(chunks[0].ints).toBeInstanceOf(Uint16Array);
		expect(chunks[0].ints![1]).toBe(U16_MISSING);
		expect(chunks[0].base).toBe(-1);
		// wider: 32-bit
		const wide = toChunks({ w: { type: 'number', values: Float64Array.of(0, NaN, 70_000) } })[0];
		expect(wide.ints).toBeInstanceOf(Int32Array);
		expect(Array.from(wide.ints!)).toEqual([0, INT_MISSING, 70_000]);
		expect(Array.from((fromChunks([wide]).w as { values: Float64Array }).values)).toEqual([0, NaN, 70_000]);
		const back = fromChunks(chunks);
		expect(Array.from((back.d as { values: Float64Array }).values)).toEqual(Array.from(days));
		expect(Array.from((back.a as { values: Float64Array }).values)).toEqual(Array.from(cents));
		const rec = { id: 'x', datasetId: 'd', workspaceId: 'w', ...chunks[1] };
		expect(v.safeParse(ColumnChunkSchema, rec).success).toBe(true);
		expect(v.safeParse(ColumnChunkSchema, { ...rec, scale: undefined }).success).toBe(false);
		expect(v.safeParse(ColumnChunkSchema, { ...rec, ints: Int32Array.of(1) }).success).toBe(false);
	});
	it('property: any numbers survive the int32 encoding exactly (Object.is per value)', () => {
		fc.assert(
			fc.property(
				fc.array(
					fc.oneof(
						fc.double({ noDefaultInfinity: false }),
						fc.integer({ min: -3_000_000, max: 3_000_000 }).map((k) => k / 100),
						fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }).map((k) => (k === 2 ** 30 ? 2 ** 31 : k)),
						fc.constant(-0)
					),
					{ maxLength: 40 }
				),
				fc.constantFrom('number' as const, 'date' as const),
				(xs, type) => {
					const values = Float64Array.from(type === 'date' ? xs.map((x) => Math.round(x) * 60_000) : xs);
					const back = (fromChunks(toChunks({ c: { type, values } as Column }, 16)).c as { values: Float64Array }).values;
					expect(back.length).toBe(values.length);
					for (let i = 0; i < values.length; i++) expect(Object.is(back[i], values[i])).toBe(true);
				}
			),
			{ numRuns: 500 }
		);
	});
});
