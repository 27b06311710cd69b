// @vitest-environment node
// Mapping guesses from English and Chinese headers per kind, kind guess, saved-mapping signatures.
import { describe, expect, it } from 'vitest';
import { guessKind, guessMapping, toColumnMapping } from './mapping';
import { findSavedMapping, headerSignature, type SavedMappingRecord } from '../dataset/saved-mapping';

const cols = (g: ReturnType<typeof guessMapping>) => Object.fromEntries(Object.entries(g.fields).map(([k, v]) => [k, v.column]));

describe('guessMapping', () => {
	it('English transactions headers', () => {
		const g = guessMapping('transactions', [
			'Customer ID',
			'Order Date',
			'Order ID',
			'Qty',
			'Unit Price',
			'Amount',
			'Channel',
			'Store',
			'Category'
		]);
		expect(cols(g)).toEqual({
			customerId: 'Customer ID',
			date: 'Order Date',
			orderId: 'Order ID',
			quantity: 'Qty',
			unitPrice: 'Unit Price',
			amount: 'Amount',
			channel: 'Channel',
			store: 'Store',
			category: 'Category'
		});
		expect(g.missing).toEqual([]);
	});
	it('Chinese transactions headers', () => {
		const g = guessMapping('transactions', ['会员号', '下单时间', '订单号', '数量', '单价', '实付金额', '渠道', '门店', '商品名称']);
		expect(cols(g)).toEqual({
			customerId: '会员号',
			date: '下单时间',
			orderId: '订单号',
			quantity: '数量',
			unitPrice: '单价',
			amount: '实付金额',
			channel: '渠道',
			store: '门店',
			product: '商品名称'
		});
	});
	it('客户ID / 日期 / 金额', () => {
		expect(cols(guessMapping('transactions', ['客户ID', '日期', '金额']))).toEqual({
			customerId: '客户ID',
			date: '日期',
			amount: '金额'
		});
	});
	it('quantity × unit price stands in for a missing amount', () => {
		const g = guessMapping('transactions', ['customer_id', 'date', 'quantity', 'unit_price']);
		expect(g.missing).toEqual([]);
		expect(g.fields.amount).toBeUndefined();
	});
	it('contact volumes: calls, AHT, abandoned, queue; Chinese 来电量', () => {
		expect(cols(guessMapping('contacts', ['interval_start', 'calls', 'AHT', 'abandoned', 'queue']))).toEqual({
			timestamp: 'interval_start',
			count: 'calls',
			aht: 'AHT',
			abandoned: 'abandoned',
			queue: 'queue'
		});
		expect(cols(guessMapping('contacts', ['日期', '来电量', '平均处理时长', '放弃量', '技能组']))).toEqual({
			timestamp: '日期',
			count: '来电量',
			aht: '平均处理时长',
			abandoned: '放弃量',
			queue: '技能组'
		});
	});
	it('reports required fields it could not find', () => {
		expect(guessMapping('transactions', ['foo', 'bar']).missing).toEqual(['customerId', 'date', 'amount']);
	});
});

describe('guessKind / toColumnMapping', () => {
	it.each([
		[['customer_id', 'order_date', 'revenue'], 'transactions'],
		[['date', 'calls', 'aht'], 'contacts'],
		[['日期', '来电量'], 'contacts'],
		[['会员号', '姓名', '城市'], 'customers'],
		[['InvoiceNo', 'StockCode', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID'], 'transactions']
	] as const)('%j → %s', (headers, kind) => expect(guessKind(headers)).toBe(kind));
	it('a contacts mapping without a count column aggregates to 30 minutes by default', () => {
		expect(toColumnMapping(guessMapping('contacts', ['来电时间', '渠道']))).toMatchObject({
			kind: 'contacts',
			interval: '30min'
		});
	});
});

describe('saved mapping', () => {
	it('signature ignores case, spaces and underscores but not order', () => {
		expect(headerSignature(['Customer ID', 'Date'])).toBe(headerSignature(['customer_id', 'DATE']));
		expect(headerSignature(['a', 'b'])).not.toBe(headerSignature(['b', 'a']));
	});
	it('finds the newest saved mapping for next month’s file', () => {
		const base = {
			workspaceId: 'w',
			createdAt: 0,
			updatedAt: 0,
			name: 'm',
			headers: [],
			parse: {}
		};
		const mk = (id: string, h: string[], lastUsedAt: number): SavedMappingRecord => ({
			...base,
			id,
			signature: headerSignature(h),
			mapping: { kind: 'transactions', fields: {} },
			lastUsedAt
		});
		const saved = [mk('old', ['id', 'date', 'amt'], 1), mk('new', ['id', 'date', 'amt'], 2), mk('other', ['x'], 3)];
		expect(findSavedMapping(saved, ['ID', 'Date', 'Amt'])?.id).toBe('new');
		expect(findSavedMapping(saved, ['nope'])).toBeNull();
	});
});
