// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { fixtureText } from '../../../tests/fixtures/segmentation/load';
import { parseText, profileTable, guessKind, guessMapping, toColumnMapping, buildDataset } from '../domain/csv';
import { transactionsFromColumns } from '../domain/analytics/shared/from-dataset';
import { readSegmentsParams } from '../domain/analytics/shared/segments-params';
import { runSegmentation } from '../domain/analytics/shared/segmentation';
import { customersToCsv } from '../domain/analytics/shared/customers-csv';
import { toSegmentationParams } from '../domain/analytics/shared/segments-params';
import { computeSegments, exportCsv, filterIndices } from './segments.compute';

async function load(name: string) {
	const parsed = await parseText(fixtureText(name));
	const t = parsed.data!;
	const prof = profileTable(t);
	const mapping = toColumnMapping(guessMapping(guessKind(t.headers, prof), t.headers, prof), prof);
	const built = buildDataset(t, mapping);
	const tx = transactionsFromColumns(built.data!.data);
	if (!tx.ok) throw new Error(tx.code);
	return tx;
}

describe('segments compute (the worker’s code)', () => {
	it('R rfm 0.2.x test: Champions = 158 customers, 1,234 orders, revenue 120,178', async () => {
		const tx = await load('rfm_data_orders.csv');
		const params = readSegmentsParams({ analysisDate: '2006-12-31', rules: '0.2', clv: false });
		const { view } = await computeSegments({ tx: tx.value }, params);
		const champions = view.segments.find((s) => s.key === 'Champions')!;
		expect(champions).toMatchObject({ customers: 158, orders: 1234, revenue: 120178 });
		expect(filterIndices(view, { kind: 'segment', key: 'Champions' }).length).toBe(158);
		expect(view.segments.reduce((s, g) => s + g.customers, 0)).toBe(view.ids.length);
		expect(view.tiers.reduce((s, g) => s + g.revenueShare, 0)).toBeCloseTo(1, 9);
		expect(view.grid.count.reduce((a, b) => a + b, 0)).toBe(view.ids.length);
	});
	it('CDNOW sample: the exported CSV is exactly runSegmentation’s rows; CLV and holdout are there', async () => {
		const tx = await load('CDNOW_sample.txt');
		const params = readSegmentsParams({});
		const { view, rows } = await computeSegments({ tx: tx.value }, params);
		expect(view.ids.length).toBe(2357);
		expect(exportCsv(view, rows, 'zh-CN')).toBe(customersToCsv(runSegmentation(tx.value, toSegmentationParams(params)).rows, 'zh-CN'));
		expect(view.clv?.bgnbd.converged).toBe(true);
		expect(view.holdout?.rows.some((r) => r.holdout)).toBe(true);
		expect(Math.abs(view.holdout!.forecastError)).toBeLessThan(0.3);
		expect(view.pAliveHistogram.reduce((a, b) => a + b, 0)).toBe(2357);
		const champs = exportCsv(view, rows, 'en', { kind: 'segment', key: 'Champions' });
		expect(champs.trim().split('\r\n').length - 1).toBe(view.segments.find((s) => s.key === 'Champions')!.customers);
	});
	it('stops between stages when the hook says so', async () => {
		const tx = await load('rfm_data_orders.csv');
		await expect(computeSegments({ tx: tx.value }, readSegmentsParams({}), (s) => s !== 'holdout')).rejects.toThrow();
	});
});
