// @vitest-environment node
// Columnar chunks: cut at 65,536 rows, string columns with one packed dictionary, reassembled unchanged; the first (chunk-local) format still reads; chunk schema.
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import fc from 'fast-check';
import { fromChunks, packDict, toChunks, unpackDict, type Column } from './columnar';
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
});
