// @vitest-environment node
// The real data sets in /work/shared (absent on plain clones: each test skips without its file).
import { describe, expect, it } from 'vitest';
import { existsSync, openAsBlob, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { blobSource, bytesSource, parseSource, type ByteSource } from './parse';
import { profileTable } from './inference';
import { guessKind, guessMapping, toColumnMapping } from './mapping';
import { buildDataset } from './validate';

const DATA = '/work/shared/segmentation-data/';
const CDNOW = DATA + 'cdnow/CDNOW_master.txt';
const LINES = DATA + 'online_retail/online_retail_lines.csv.gz';
const INVOICES = DATA + 'online_retail/online_retail_invoices.csv';

async function importAuto(src: ByteSource) {
	const parsed = await parseSource(src);
	const t = parsed.data!;
	const prof = profileTable(t);
	const mapping = toColumnMapping(guessMapping(guessKind(t.headers, prof), t.headers, prof), prof);
	const built = buildDataset(t, mapping);
	return { parsed, mapping, ds: built.data! };
}
const sum = (xs: Float64Array) => xs.reduce((s, x) => s + x, 0);

describe('real files', () => {
	it.skipIf(!existsSync(CDNOW))('CDNOW_master: 69,659 rows, 23,570 customers, 1997-01-01…1998-06-30', async () => {
		const { parsed, mapping, ds } = await importAuto(blobSource(await openAsBlob(CDNOW), 'CDNOW_master.txt'));
		expect(parsed.data!.dialect.delimiter).toBe('whitespace');
		expect(mapping.fields).toEqual({
			customerId: 'customer_id',
			date: 'date',
			quantity: 'number_of_cds',
			amount: 'dollar_value'
		});
		expect(ds.report).toMatchObject({
			rowsRead: 69659,
			rowsAccepted: 69659,
			rowsRejected: 0,
			customers: 23570
		});
		expect(ds.report.dateRange).toEqual({
			min: Date.UTC(1997, 0, 1),
			max: Date.UTC(1998, 5, 30)
		});
		const zero = (ds.data.amount as { values: Float64Array }).values.filter((x) => x === 0).length;
		expect(zero).toBe(80);
	});
	it.skipIf(!existsSync(INVOICES))('online_retail_invoices: 18,532 rows, 4,338 customers, revenue 8,911,407.90', async () => {
		const { ds } = await importAuto(blobSource(await openAsBlob(INVOICES), 'online_retail_invoices.csv'));
		expect(ds.report).toMatchObject({ rowsAccepted: 18532, customers: 4338 });
		expect(sum((ds.data.amount as { values: Float64Array }).values).toFixed(2)).toBe('8911407.90');
	});
	it.skipIf(!existsSync(LINES))('online_retail_lines: 541,909 rows, returns detected, net of returns = the invoice revenue', async () => {
		const bytes = new Uint8Array(gunzipSync(readFileSync(LINES)));
		const { mapping, ds } = await importAuto(bytesSource(bytes, 'online_retail_lines.csv'));
		expect(mapping.fields).toMatchObject({
			orderId: 'InvoiceNo',
			customerId: 'CustomerID',
			date: 'InvoiceDate',
			quantity: 'Quantity',
			unitPrice: 'UnitPrice'
		});
		const r = ds.report;
		expect(r.rowsRead).toBe(541909);
		expect(r.rejectionCounts).toEqual({ 'missing-value': 135080 }); // no CustomerID
		expect(r.returns).toMatchObject({ rows: 8905, policy: 'exclude' });
		expect(r.rowsAccepted).toBe(541909 - 135080 - 8905);
		expect(sum((ds.data.amount as { values: Float64Array }).values).toFixed(2)).toBe('8911407.90');
		expect(r.dateRange).toEqual({
			min: Date.UTC(2010, 11, 1, 8, 26),
			max: Date.UTC(2011, 11, 9, 12, 50)
		});
	});
});
