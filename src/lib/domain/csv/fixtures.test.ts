// @vitest-environment node
// One test per fixture under tests/fixtures/csv: the exact outcome of importing each oddity.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bytesSource, parseSource, rawCell, type RawTable } from './parse';
import { profileTable } from './inference';
import { guessKind, guessMapping, toColumnMapping } from './mapping';
import { buildDataset } from './validate';
import type { ImportIssue } from './issues';

const dir = fileURLToPath(new URL('../../../../tests/fixtures/csv/', import.meta.url));
const load = (name: string) => new Uint8Array(readFileSync(dir + name));
const open = (name: string, opts = {}) => parseSource(bytesSource(load(name), name), opts);
const rows = (t: RawTable) => Array.from({ length: t.rowCount }, (_, i) => t.columns.map((_, j) => rawCell(t, j, i)));
const codes = (errors: ImportIssue[]) => errors.map((e) => e.code);

async function auto(name: string) {
	const r = await open(name);
	const t = r.data!;
	const prof = profileTable(t);
	const kind = guessKind(t.headers, prof);
	const mapping = toColumnMapping(guessMapping(kind, t.headers, prof), prof);
	return { parsed: r, t, prof, mapping, built: buildDataset(t, mapping) };
}

describe('encodings', () => {
	it('utf8-bom.csv: BOM dropped, Chinese headers, ¥1,200.50 read as 1200.5', async () => {
		const { t, built, mapping } = await auto('utf8-bom.csv');
		expect(t.encoding).toEqual({ encoding: 'utf-8', bom: true, reason: 'bom' });
		expect(t.headers).toEqual(['客户ID', '下单时间', '实付金额']);
		expect(mapping.fields).toMatchObject({
			customerId: '客户ID',
			date: '下单时间',
			amount: '实付金额'
		});
		const d = built.data!;
		expect(Array.from((d.data.amount as { values: Float64Array }).values)).toEqual([1200.5, 88]);
		expect(Array.from((d.data.date as { values: Float64Array }).values)).toEqual([Date.UTC(2024, 0, 5, 10, 30), Date.UTC(2024, 0, 6, 9)]);
	});
	it('utf8-no-bom.csv: same table, encoding utf-8 without BOM', async () => {
		const r = await open('utf8-no-bom.csv');
		expect(r.data!.encoding).toEqual({
			encoding: 'utf-8',
			bom: false,
			reason: 'utf8-valid'
		});
		expect(rows(r.data!)).toEqual([
			['C001', '2024-01-05 10:30:00', '¥1,200.50'],
			['C002', '2024-01-06 09:00:00', '88']
		]);
	});
	it('gb18030.csv: strict UTF-8 fails → GB18030, no replacement characters', async () => {
		const r = await open('gb18030.csv');
		expect(r.data!.encoding.encoding).toBe('gb18030');
		expect(codes(r.errors)).toContain('encoding-fallback');
		expect(r.data!.headers).toEqual(['客户', '日期', '金额']);
		expect(r.data!.headers.join('')).not.toContain('\ufffd');
		expect(rows(r.data!)).toEqual([
			['A1', '2024/1/5', '12.50'],
			['A2', '2024/1/6', '30']
		]);
	});
	it('gb18030.csv read with an explicit override gives the same text', async () => {
		const r = await open('gb18030.csv', { encoding: 'gb18030' });
		expect(r.data!.encoding.reason).toBe('override');
		expect(r.data!.headers).toEqual(['客户', '日期', '金额']);
	});
	it.each(['utf16le-bom.csv', 'utf16be-bom.csv'])('%s: UTF-16 by BOM', async (name) => {
		const r = await open(name);
		expect(r.data!.encoding.encoding).toBe(name.includes('le') ? 'utf-16le' : 'utf-16be');
		expect(r.data!.headers).toEqual(['customer_id', 'date', 'amount']);
		expect(rows(r.data!)).toEqual([
			['客户1', '2024-02-01', '10'],
			['客户2', '2024-02-02', '20.5']
		]);
	});
	it('UTF-16LE without BOM is recognised from the NUL pattern', async () => {
		const bytes = load('utf16le-bom.csv').subarray(2);
		const r = await parseSource(bytesSource(bytes));
		expect(r.data!.encoding).toEqual({
			encoding: 'utf-16le',
			bom: false,
			reason: 'utf16-nul-pattern'
		});
		expect(r.data!.rowCount).toBe(2);
	});
	it('nul-bytes.csv: NULs removed and counted', async () => {
		const r = await open('nul-bytes.csv');
		expect(r.errors).toContainEqual(
			expect.objectContaining({
				code: 'nul-bytes-removed',
				detail: { count: 3 }
			})
		);
		expect(rows(r.data!)).toEqual([
			['1', '5'],
			['2', '6']
		]);
	});
});

describe('whole-file problems', () => {
	it('empty.csv → fatal empty-file, no data', async () => {
		const r = await open('empty.csv');
		expect(r).toEqual({
			errors: [
				expect.objectContaining({
					code: 'empty-file',
					severity: 'fatal',
					file: 'empty.csv'
				})
			],
			data: null
		});
	});
	it('xlsx-renamed.csv → xlsx-not-csv', async () => {
		const r = await open('xlsx-renamed.csv');
		expect(r.data).toBeNull();
		expect(codes(r.errors)).toEqual(['xlsx-not-csv']);
	});
	it('header-only.csv → headers, 0 rows, header-only warning; building says no-data-rows', async () => {
		const r = await open('header-only.csv');
		expect(r.data!.headers).toEqual(['customer_id', 'date', 'amount']);
		expect(r.data!.rowCount).toBe(0);
		expect(codes(r.errors)).toEqual(['header-only']);
		const b = buildDataset(r.data!, {
			kind: 'transactions',
			fields: { customerId: 'customer_id', date: 'date', amount: 'amount' }
		});
		expect(codes(b.errors)).toEqual(['no-data-rows']);
	});
});

describe('dialects', () => {
	it('semicolon-decimal-comma.csv: `;`, decimal comma, D.M.YYYY, (3,50) negative', async () => {
		const r = await open('semicolon-decimal-comma.csv');
		const t = r.data!;
		expect(t.dialect.delimiter).toBe(';');
		const b = buildDataset(t, {
			kind: 'transactions',
			fields: { customerId: 'Kunde', date: 'Datum', amount: 'Betrag' },
			returns: 'net'
		});
		const d = b.data!;
		expect(d.report.decimal).toBe(',');
		expect(d.report.dateFormats.Datum).toEqual({
			format: 'dmy',
			ambiguous: false
		});
		expect(Array.from((d.data.amount as { values: Float64Array }).values)).toEqual([1234.5, 12, -3.5]);
		expect((d.data.date as { values: Float64Array }).values[2]).toBe(Date.UTC(2024, 0, 31));
		expect(d.report.returns).toEqual({ rows: 1, amount: -3.5, policy: 'net' });
	});
	it('quoted-newlines.csv: newline and "" inside quotes; rows numbered as a spreadsheet shows', async () => {
		const r = await open('quoted-newlines.csv');
		expect(rows(r.data!)).toEqual([
			['1', 'line one\nline two', '5'],
			['2', 'say "hi", then go', '6'],
			['3', 'plain', '7']
		]);
		expect(Array.from(r.data!.rowNumbers)).toEqual([2, 3, 4]);
	});
	it('ragged.csv: short and long rows listed with their row and kept padded; skipped when building', async () => {
		const r = await open('ragged.csv');
		expect(r.errors).toEqual([
			expect.objectContaining({
				code: 'ragged-row',
				row: 3,
				detail: { expected: 3, found: 2 }
			}),
			expect.objectContaining({
				code: 'ragged-row',
				row: 4,
				detail: { expected: 3, found: 4 }
			})
		]);
		expect(rows(r.data!)[1]).toEqual(['2', '2024-01-02', '']);
		const m = {
			kind: 'transactions' as const,
			fields: { customerId: 'id', date: 'date', amount: 'amount' }
		};
		const skip = buildDataset(r.data!, m).data!;
		expect(skip.rowCount).toBe(2);
		expect(skip.report.rejections.map((x) => [x.row, x.code])).toEqual([
			[3, 'ragged-row'],
			[4, 'ragged-row']
		]);
		const keep = buildDataset(r.data!, { ...m, skipRagged: false }).data!;
		expect(keep.rowCount).toBe(3); // the short row still lacks its amount
		expect(keep.report.rejections).toEqual([{ row: 3, code: 'missing-value', column: 'amount' }]);
	});
	it('unterminated-quote.csv: the bad row is reported, later rows survive', async () => {
		const r = await open('unterminated-quote.csv');
		expect(r.errors).toEqual([
			expect.objectContaining({
				code: 'unterminated-quote',
				row: 2,
				value: '1,"Ann,5'
			})
		]);
		expect(rows(r.data!)).toEqual([
			['2', 'Bob', '6'],
			['3', 'Cy', '7']
		]);
		expect(Array.from(r.data!.rowNumbers)).toEqual([3, 4]);
	});
	it('an unterminated quote far from the end does not swallow the file while streaming', async () => {
		// ~6 MB: the open quote's carry passes the 4 M-character bound long before the end
		const lines = ['id,name'];
		for (let i = 0; i < 300_000; i++) lines.push(i === 10 ? `${i},"oops` : `${i},name-${i}`);
		const bytes = new TextEncoder().encode(lines.join('\n') + '\n');
		const r = await parseSource(bytesSource(bytes), { chunkBytes: 256 * 1024 });
		expect(bytes.length).toBeGreaterThan(5_000_000);
		expect(r.errors).toEqual([expect.objectContaining({ code: 'unterminated-quote', row: 12, value: '10,"oops' })]);
		expect(r.data!.rowCount).toBe(299_999);
		expect(rawCell(r.data!, 1, 10)).toBe('name-11');
		expect(r.data!.rowNumbers[10]).toBe(13);
	});
	it('duplicate-headers.csv: repeats renamed amount_2, blank named column_4', async () => {
		const r = await open('duplicate-headers.csv');
		expect(r.data!.headers).toEqual(['id', 'amount', 'amount_2', 'column_4']);
		expect(r.data!.originalHeaders).toEqual(['id', 'amount', 'amount', '']);
		expect(codes(r.errors)).toEqual(['duplicate-header', 'blank-header']);
	});
	it('whitespace-separated.txt: runs of spaces, CRLF, no header → column_1…', async () => {
		const r = await open('whitespace-separated.txt');
		expect(r.data!.dialect).toEqual({
			delimiter: 'whitespace',
			newline: '\r\n',
			quoteChar: '"'
		});
		expect(r.data!.hasHeader).toBe(false);
		expect(r.data!.headers).toEqual(['column_1', 'column_2', 'column_3', 'column_4']);
		expect(rows(r.data!)[2]).toEqual(['00002', '19970112', '5', '77.00']);
	});
	it('trailing-empty-lines.csv: blank lines ignored', async () => {
		const r = await open('trailing-empty-lines.csv');
		expect(r.errors).toEqual([]);
		expect(r.data!.rowCount).toBe(2);
		expect(r.data!.blankLines).toBe(3);
	});
	it('cr-newlines.csv: old-Mac CR line ends', async () => {
		const r = await open('cr-newlines.csv');
		expect(r.data!.dialect.newline).toBe('\r');
		expect(rows(r.data!)).toEqual([
			['1', '5'],
			['2', '6']
		]);
	});
	it('pipe.csv: `|` delimiter, order id mapped', async () => {
		const { t, mapping } = await auto('pipe.csv');
		expect(t.dialect.delimiter).toBe('|');
		expect(mapping.fields).toMatchObject({
			orderId: 'order_id',
			customerId: 'customer',
			date: 'date',
			amount: 'amount'
		});
	});
	it('tab.tsv: tab, 会员号/日期/金额, YYYY年M月D日, full-width digits and $', async () => {
		const { t, built } = await auto('tab.tsv');
		expect(t.dialect.delimiter).toBe('\t');
		const d = built.data!;
		expect(d.mapping.fields).toMatchObject({
			customerId: '会员号',
			date: '日期',
			amount: '金额'
		});
		expect(Array.from((d.data.amount as { values: Float64Array }).values)).toEqual([123, 4.5]);
		expect((d.data.date as { values: Float64Array }).values[0]).toBe(Date.UTC(2024, 2, 1));
	});
});

describe('dates, returns, kinds', () => {
	it('dates-dmy.csv: a day above 12 settles D/M/YYYY for the whole column', async () => {
		const { built } = await auto('dates-dmy.csv');
		const d = built.data!;
		expect(d.report.dateFormats.date).toEqual({
			format: 'dmy',
			ambiguous: false
		});
		expect(Array.from((d.data.date as { values: Float64Array }).values)).toEqual([
			Date.UTC(2024, 3, 3),
			Date.UTC(2024, 3, 25),
			Date.UTC(2024, 11, 1)
		]);
	});
	it('dates-ambiguous.csv: no day above 12 → ambiguous, reported so the UI asks; override applies', async () => {
		const { prof, t } = await auto('dates-ambiguous.csv');
		expect(prof[1].date).toMatchObject({
			format: 'mdy',
			ambiguous: true,
			alternatives: ['dmy']
		});
		const m = {
			kind: 'transactions' as const,
			fields: { customerId: 'customer', date: 'date', amount: 'amount' }
		};
		const guessed = buildDataset(t, m);
		expect(codes(guessed.errors)).toEqual(['date-format-ambiguous']);
		const chosen = buildDataset(t, {
			...m,
			dateFormats: { date: 'dmy' }
		}).data!;
		expect((chosen.data.date as { values: Float64Array }).values[0]).toBe(Date.UTC(2024, 3, 3));
	});
	it('returns.csv: C-invoices and negative quantities are returns; missing customer rejected with row and column', async () => {
		const { t, built, mapping } = await auto('returns.csv');
		expect(mapping.kind).toBe('transactions');
		expect(mapping.fields).toMatchObject({
			orderId: 'InvoiceNo',
			quantity: 'Quantity',
			unitPrice: 'UnitPrice',
			customerId: 'CustomerID',
			date: 'InvoiceDate'
		});
		const d = built.data!;
		expect(d.report).toMatchObject({
			rowsRead: 4,
			rowsAccepted: 2,
			rowsRejected: 1,
			rowsExcluded: 1,
			returns: { rows: 1, amount: -27.5, policy: 'exclude' }
		});
		expect(d.report.rejections).toEqual([{ row: 4, code: 'missing-value', column: 'CustomerID' }]);
		expect(Array.from((d.data.amount as { values: Float64Array }).values)).toEqual([15.3, 54.08]);
		const net = buildDataset(t, { ...mapping, returns: 'net' }).data!;
		expect(net.rowCount).toBe(3);
	});
	it('contact-log.csv: raw Chinese-headed log aggregated to 30-minute periods per channel', async () => {
		const { mapping, built } = await auto('contact-log.csv');
		expect(mapping.kind).toBe('contacts');
		expect(mapping.fields).toMatchObject({
			timestamp: '来电时间',
			channel: '渠道',
			aht: '通话时长'
		});
		expect(mapping.interval).toBe('30min');
		const d = built.data!;
		expect(d.report.aggregated).toEqual({ interval: '30min', fromRows: 4 });
		const ts = Array.from((d.data.timestamp as { values: Float64Array }).values);
		const count = Array.from((d.data.count as { values: Float64Array }).values);
		expect(ts).toEqual([Date.UTC(2024, 4, 1, 9), Date.UTC(2024, 4, 1, 9, 30), Date.UTC(2024, 4, 1, 10)]);
		expect(count).toEqual([2, 1, 1]);
		expect((d.data.aht as { values: Float64Array }).values[0]).toBe(200);
	});
	it('customers.csv: id + attributes kept; repeated id reported as duplicate', async () => {
		const { mapping, built } = await auto('customers.csv');
		expect(mapping.kind).toBe('customers');
		expect(mapping.fields).toMatchObject({
			customerId: '会员号',
			name: '姓名',
			region: '城市',
			segment: '会员等级'
		});
		const d = built.data!;
		expect(d.report.duplicates).toEqual({ count: 1, rows: [4] });
		expect(d.report.customers).toBe(2);
	});
	it('rfm_data_orders.csv (R rfm package demo): 4,906 orders, 995 customers', async () => {
		const { built } = await auto('rfm_data_orders.csv');
		expect(built.data!.report).toMatchObject({
			rowsAccepted: 4906,
			rowsRejected: 0,
			customers: 995
		});
	});
	it('CDNOW_sample.txt: headerless, space-separated → 6,919 rows, 2,357 customers, dates from YYYYMMDD', async () => {
		const { t, mapping, built } = await auto('CDNOW_sample.txt');
		expect(t.hasHeader).toBe(false);
		expect(mapping.fields).toMatchObject({
			customerId: 'column_1',
			date: 'column_3',
			quantity: 'column_4',
			amount: 'column_5'
		});
		const d = built.data!;
		expect(d.report).toMatchObject({
			rowsRead: 6919,
			rowsAccepted: 6919,
			customers: 2357
		});
		expect(d.report.dateRange).toEqual({
			min: Date.UTC(1997, 0, 1),
			max: Date.UTC(1998, 5, 30)
		});
	});
});
