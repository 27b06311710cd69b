// @vitest-environment node
// The worker's logic as a module: sniff → parse → build → export messages, progress, cancel, coded failures.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CsvWorkerHost, toChunkRecords, toDatasetRecord, type CsvResponse, type ParseSummary, type BuildSummary } from './session';
import { fromChunks } from './columnar';
import * as v from 'valibot';
import { DatasetSchema } from '../dataset/dataset';
import { ColumnChunkSchema } from '../dataset/column-chunk';

const dir = fileURLToPath(new URL('../../../../tests/fixtures/csv/', import.meta.url));
const blob = (name: string) => new Blob([readFileSync(dir + name)]);

function host() {
	const out: CsvResponse[] = [];
	const h = new CsvWorkerHost(
		(m) => out.push(m),
		() => new Promise((r) => setTimeout(r, 0))
	);
	const result = (id: number) => out.find((m) => m.id === id && m.type === 'result');
	return { h, out, result };
}

describe('CsvWorkerHost', () => {
	it('sniff gives encoding, dialect, headers and a preview', async () => {
		const { h, result } = host();
		await h.receive({ id: 1, type: 'sniff', file: blob('utf8-bom.csv') });
		expect(result(1)).toMatchObject({
			ok: true,
			request: 'sniff',
			value: {
				headers: ['客户ID', '下单时间', '实付金额'],
				preview: [
					['C001', '2024-01-05 10:30:00', '¥1,200.50'],
					['C002', '2024-01-06 09:00:00', '88']
				]
			}
		});
	});
	it('parse → build → chunks and dataset records that pass their schemas', async () => {
		const { h, out, result } = host();
		await h.receive({
			id: 1,
			type: 'parse',
			file: blob('rfm_data_orders.csv')
		});
		const p = result(1) as { ok: true; value: ParseSummary };
		expect(p.ok).toBe(true);
		expect(p.value).toMatchObject({
			rowCount: 4906,
			kind: 'transactions',
			headers: ['customer_id', 'order_date', 'revenue']
		});
		expect(out.some((m) => m.type === 'progress' && m.phase === 'parse' && m.progress.bytesRead === m.progress.totalBytes)).toBe(true);
		await h.receive({
			id: 2,
			type: 'build',
			importId: p.value.importId,
			mapping: p.value.mappings.transactions
		});
		const b = result(2) as { ok: true; value: BuildSummary };
		expect(b.value.rowCount).toBe(4906);
		expect(b.value.report.customers).toBe(995);
		const rec = toDatasetRecord(b.value, {
			workspaceId: 'w',
			name: 'orders',
			now: 1,
			source: {
				fileName: 'rfm_data_orders.csv',
				size: 1,
				encoding: 'utf-8',
				delimiter: ',',
				hasHeader: true
			}
		});
		expect(v.safeParse(DatasetSchema, rec).success).toBe(true);
		const chunks = toChunkRecords(b.value.chunks, rec.id, 'w');
		for (const c of chunks) expect(v.safeParse(ColumnChunkSchema, c).success).toBe(true);
		expect((fromChunks(chunks).amount as { values: Float64Array }).values.length).toBe(4906);
	});
	it('build with streamChunks sends one message per chunk, then a result without chunks', async () => {
		const { h, out, result } = host();
		await h.receive({ id: 1, type: 'parse', file: blob('rfm_data_orders.csv') });
		const p = result(1) as { ok: true; value: ParseSummary };
		await h.receive({ id: 2, type: 'build', importId: p.value.importId, mapping: p.value.mappings.transactions, streamChunks: true });
		const b = result(2) as { ok: true; value: BuildSummary };
		expect(b.value.chunks).toEqual([]);
		const streamed = out.flatMap((m) => (m.id === 2 && m.type === 'progress' && m.phase === 'chunk' ? [m.chunk] : []));
		expect(streamed.map((c) => c.column).sort()).toEqual(['amount', 'customerId', 'date']);
		expect((fromChunks(streamed).amount as { values: Float64Array }).values.length).toBe(4906);
	});
	it('fatal problems come back as {ok:false, code}', async () => {
		const { h, result } = host();
		await h.receive({ id: 1, type: 'parse', file: blob('xlsx-renamed.csv') });
		expect(result(1)).toMatchObject({ ok: false, code: 'xlsx-not-csv' });
		await h.receive({
			id: 2,
			type: 'build',
			importId: 'nope',
			mapping: { kind: 'transactions', fields: {} }
		});
		expect(result(2)).toMatchObject({ ok: false, code: 'no-session' });
		await h.receive({
			id: 3,
			type: 'build',
			importId: 'nope',
			mapping: null as never
		});
		expect(result(3)).toMatchObject({ ok: false });
	});
	it('cancel stops a parse in flight', async () => {
		const { h, result } = host();
		const big = new Blob(['a,b\n' + '1,2\n'.repeat(400_000)]);
		const parsing = h.receive({ id: 1, type: 'parse', file: big, options: {} });
		await new Promise((r) => setTimeout(r, 0));
		await h.receive({ id: 2, type: 'cancel', target: 1 });
		await parsing;
		expect(result(1)).toMatchObject({ ok: false, code: 'cancelled' });
	});
	it('export returns UTF-8 bytes with a BOM', async () => {
		const { h, result } = host();
		await h.receive({
			id: 1,
			type: 'export',
			input: {
				rowCount: 1,
				columns: [
					{
						key: 'c',
						header: '客户',
						column: { type: 'string', codes: Int32Array.of(0), dict: ['=1'] }
					}
				]
			}
		});
		const r = result(1) as { ok: true; value: { bytes: Uint8Array } };
		expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(r.value.bytes)).toBe('\ufeff客户\r\n"\'=1"\r\n');
	});
	it('sniff starts reading the whole file; the parse of the same file (a copy with the same name, size and date) reuses that read', async () => {
		let whole = 0;
		class Counting extends File {
			override arrayBuffer(): Promise<ArrayBuffer> {
				whole++;
				return super.arrayBuffer();
			}
		}
		const text = 'id,date,amount\n' + Array.from({ length: 500 }, (_, i) => `c${i % 9},2024-01-0${(i % 9) + 1},${i}`).join('\n');
		const file = new Counting([text], 'tx.csv', { lastModified: 1_700_000_000_000 });
		const copy = new Counting([text], 'tx.csv', { lastModified: 1_700_000_000_000 });
		const { h, result } = host();
		await h.receive({ id: 1, type: 'sniff', file });
		await h.receive({ id: 2, type: 'parse', file: copy });
		expect(result(2)).toMatchObject({ ok: true, value: { rowCount: 500 } });
		expect(whole).toBe(1);
		// parsed: the read is let go; a later parse of the same file reads it again
		await h.receive({ id: 3, type: 'parse', file });
		expect(whole).toBe(2);
		// another file after the sniff is read on its own
		const other = new Counting([text + '\n'], 'tx.csv', { lastModified: 1_700_000_000_000 });
		await h.receive({ id: 4, type: 'sniff', file });
		await h.receive({ id: 5, type: 'parse', file: other });
		expect(whole).toBe(4);
	});
});
