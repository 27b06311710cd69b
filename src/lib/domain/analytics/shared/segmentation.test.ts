// runSegmentation end to end on rfm_data_orders, and the CSV export's BOM, columns, labels and formula safety.
import { describe, expect, it } from 'vitest';
import { fixtureText } from '../../../../../tests/fixtures/segmentation/load';
import { readTransactionsCsv } from './text-input';
import { parseIsoDay, toColumns } from './transactions';
import { CUSTOMER_COLUMNS, runSegmentation } from './segmentation';
import { csvCell, customersToCsv, segmentLabel, segmentMessageKey } from './customers-csv';
import en from '../../../i18n/messages/segments.en.json';
import zh from '../../../i18n/messages/segments.zh-CN.json';
import { R_SEGMENT_KEYS } from '../rfm/segments';

const orders = readTransactionsCsv(fixtureText('rfm_data_orders.csv')).tx;

describe('runSegmentation', () => {
	const result = runSegmentation(orders, { analysisDay: parseIsoDay('2006-12-31'), rules: '0.2' });

	it('produces one row per customer with the export columns', () => {
		expect(result.rows.length).toBe(995);
		expect(Object.keys(result.rows[0])).toEqual([...CUSTOMER_COLUMNS]);
		const champions = result.rows.filter((r) => r.segment === 'Champions');
		expect(champions.length).toBe(158);
		const abbey = result.rows.find((r) => r.customer_id === "Abbey O'Reilly")!;
		expect([abbey.rfm_cell, abbey.recency_days, abbey.frequency, abbey.monetary]).toEqual(['343', 205, 6, 472]);
	});

	it('fits the CLV models and fills p_alive, expected purchases and CLV', () => {
		expect(result.clv).not.toBeNull();
		for (const r of result.rows) {
			expect(r.p_alive).not.toBeNull();
			expect(r.p_alive!).toBeGreaterThanOrEqual(0);
			expect(r.p_alive!).toBeLessThanOrEqual(1);
			expect(r.predicted_clv!).toBeGreaterThanOrEqual(0);
		}
		expect(result.matrix.kind).toBe('value');
		const c = result.matrix.counts;
		expect(c.core + c.potential + c.general + c.low).toBe(995);
	});

	it('tiers cover every customer and revenue shares add to 1', () => {
		expect(result.tiers.reduce((a, t) => a + t.customers, 0)).toBe(995);
		expect(result.tiers.reduce((a, t) => a + t.revenueShare, 0)).toBeCloseTo(1, 12);
	});

	it('falls back to the Marcus matrix without CLV and ignores data on/after the analysis day', () => {
		const r = runSegmentation(orders, { analysisDay: parseIsoDay('2006-01-01'), clv: false });
		expect(r.matrix.kind).toBe('marcus');
		expect(r.rows.every((row) => row.p_alive === null && row.last_purchase < '2006-01-01')).toBe(true);
	});
});

describe('customersToCsv', () => {
	it('starts with a BOM, has the columns and a localised label', () => {
		const rows = runSegmentation(orders, { analysisDay: parseIsoDay('2006-12-31'), clv: false }).rows.slice(0, 3);
		const csv = customersToCsv(rows, 'zh-CN');
		expect(csv.charCodeAt(0)).toBe(0xfeff);
		const lines = csv.slice(1).trim().split('\r\n');
		expect(lines[0]).toBe([...CUSTOMER_COLUMNS, 'segment_label'].join(','));
		expect(lines.length).toBe(4);
		expect(lines[1]).toMatch(new RegExp(`,${segmentLabel(rows[0].segment, 'zh-CN')}$`));
	});

	it('neutralises formula starts but keeps negative numbers', () => {
		expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
		expect(csvCell('+1+2')).toBe("'+1+2");
		expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
		expect(csvCell('\tcmd')).toBe("'\tcmd");
		expect(csvCell('\nx')).toBe(`"'\nx"`);
		expect(csvCell('\0x')).toBe("'\0x");
		expect(csvCell('-12.5')).toBe('-12.5');
		expect(csvCell(-3)).toBe('-3');
		expect(csvCell('-1+1')).toBe("'-1+1");
		expect(csvCell(null)).toBe('');
	});
});

describe('segment messages', () => {
	it('every R segment key has a label and an action in both languages, with the same key sets', () => {
		expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
		for (const key of R_SEGMENT_KEYS) {
			const k = segmentMessageKey(key);
			expect(en, key).toHaveProperty([k]);
			expect(zh, key).toHaveProperty([k]);
			expect(en).toHaveProperty([k.replace('.segment.', '.action.')]);
		}
		expect(segmentMessageKey("Can't Lose Them")).toBe('segments.segment.cantLoseThem');
		expect(segmentLabel('My VIPs', 'en')).toBe('My VIPs');
	});

	it('handles a tiny dataset where nobody repeats (CLV reported as unavailable)', () => {
		const r = runSegmentation(
			toColumns([
				{ customerId: '1', day: 10, amount: 5 },
				{ customerId: '2', day: 12, amount: 7 }
			])
		);
		expect(r.rows.length).toBe(2);
		expect(r.clv).toBeNull();
		expect(r.clvError).toBeTruthy();
	});
});
