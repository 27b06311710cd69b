// @vitest-environment node
// JIT warm-up: the synthetic files import cleanly, it runs once per worker, and real work arriving stops it.
import { describe, expect, it } from 'vitest';
import { syntheticTable, warmUp, warmUpFiles } from './warm';
import { buildDataset } from './validate';
import { parseText } from './parse';
import { CsvWorkerHost, type CsvResponse } from './session';

const tick = () => new Promise<void>((r) => setTimeout(r, 0));

describe('CSV worker warm-up', () => {
	it('its files are realistic imports: ASCII and Chinese rows, blanks, returns', async () => {
		const [tx, calls] = warmUpFiles(500);
		const r = await parseText(tx.text);
		expect(r.data!.headers).toEqual(['order_id', 'customer_id', 'date', 'amount', 'quantity', 'channel']);
		expect(r.data!.rowCount).toBe(500);
		expect(tx.text).toMatch(/门店|小程序/);
		expect(tx.text).toMatch(/,-\d/);
		expect((await parseText(calls.text)).data!.rowCount).toBe(500);
	});
	it('runs every pass when nothing else comes, none once stopped', async () => {
		// per round: the two files, then one build of a ready-made table
		expect(await warmUp(() => false, tick, 1, 300, 2000)).toBe(3);
		expect(await warmUp(() => true, tick, 1, 300, 2000)).toBe(0);
	});
	it('a worker warms once; a request arriving meanwhile ends the warm-up early', async () => {
		const out: CsvResponse[] = [];
		const h = new CsvWorkerHost((m) => out.push(m), tick);
		const warm = h.receive({ id: 1, type: 'warm' });
		const sniff = h.receive({ id: 2, type: 'sniff', file: new Blob(['a,b\n1,2\n']) });
		await Promise.all([warm, sniff]);
		const passes = out.find((m) => m.id === 1 && m.type === 'result');
		expect(passes).toMatchObject({ ok: true });
		expect((passes as { value: number }).value).toBeLessThan(6); // of 2 rounds × (2 files + 1 table)
		expect(out.find((m) => m.id === 2 && m.type === 'result')).toMatchObject({ ok: true });
		await h.receive({ id: 3, type: 'warm' });
		expect(out.find((m) => m.id === 3 && m.type === 'result')).toMatchObject({ ok: true, value: 0 });
	});
	it('the ready-made table builds like an import of the usual shape: returns, a few blanks, repeated rows', () => {
		const d = buildDataset(syntheticTable(20_000), {
			kind: 'transactions',
			fields: { customerId: 'customer_id', date: 'date', amount: 'amount' }
		}).data!;
		expect(d.report.returns!.rows).toBeGreaterThan(0);
		expect(d.report.rejectionCounts['missing-value']).toBeGreaterThan(0);
		expect(d.rowCount + d.report.rowsRejected + d.report.rowsExcluded).toBe(20_000);
		expect(d.report.customers).toBeGreaterThan(500);
	});
});
