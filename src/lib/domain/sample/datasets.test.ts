import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { datasetSample, sampleContacts, sampleOrders } from './datasets';
import { DatasetSchema } from '../dataset/dataset';
import { ColumnChunkSchema } from '../dataset/column-chunk';
import { fromChunks } from '../csv/columnar';

const NOW = Date.UTC(2026, 5, 15, 10);

describe('sample datasets', () => {
	it('orders: about 2,000 orders of about 300 members over 18 months, the same every time', () => {
		const o = sampleOrders('en', NOW);
		expect(o.rowCount).toBeGreaterThan(1500);
		expect(o.rowCount).toBeLessThan(2600);
		expect(o.report.customers).toBeGreaterThan(250);
		const span = (o.report.dateRange!.max - o.report.dateRange!.min) / 86_400_000;
		expect(span).toBeGreaterThan(450);
		expect(span).toBeLessThan(550);
		expect(sampleOrders('en', NOW).chunks).toEqual(o.chunks);
		const cols = fromChunks(o.chunks);
		expect((cols.store as { dict: string[] }).dict).toContain('Mini-program');
		expect((fromChunks(sampleOrders('zh-CN', NOW).chunks).store as { dict: string[] }).dict).toContain('小程序');
	});
	it('contacts: two years of days with a weekly rhythm and a Chinese New Year dip', () => {
		const c = sampleContacts('zh-CN', NOW);
		expect(c.rowCount).toBe(730);
		const cols = fromChunks(c.chunks);
		const ts = (cols.timestamp as { values: Float64Array }).values;
		const n = (cols.count as { values: Float64Array }).values;
		const at = (iso: string) => n[ts.indexOf(Date.parse(iso + 'T00:00:00Z'))];
		expect(at('2026-02-17')).toBeLessThan(0.6 * at('2026-03-03'));
		let mon = 0;
		let sun = 0;
		ts.forEach((t, i) => {
			const dow = new Date(t).getUTCDay();
			if (dow === 1) mon += n[i];
			if (dow === 0) sun += n[i];
		});
		expect(mon).toBeGreaterThan(1.3 * sun);
	});
	it('records pass the dataset and chunk schemas in both languages', () => {
		for (const loc of ['en', 'zh-CN'] as const) {
			const t = datasetSample(loc, 'ws', NOW);
			expect(t.datasets).toHaveLength(2);
			for (const d of t.datasets) expect(v.safeParse(DatasetSchema, d).success).toBe(true);
			for (const c of t.chunks) expect(v.safeParse(ColumnChunkSchema, c).success).toBe(true);
		}
	});
});
