// Column-mapping guess per dataset kind from English/Chinese header synonyms plus column types; kind guess.
import { KIND_FIELDS, type DatasetKind, type FieldDef } from '../dataset/fields';
import { normaliseHeader, type ColumnMapping } from '../dataset/saved-mapping';
import type { ColumnProfile } from './inference';

/** Normalised synonyms (see `normaliseHeader`); exact match scores 1, containment 0.6. */
const SYNONYMS: Record<string, readonly string[]> = {
	customerId: [
		'customerid',
		'custid',
		'customer',
		'customerno',
		'customernumber',
		'customercode',
		'clientid',
		'client',
		'memberid',
		'member',
		'memberno',
		'userid',
		'user',
		'buyerid',
		'accountid',
		'masterid',
		'客户id',
		'客户编号',
		'客户号',
		'客户代码',
		'客户',
		'会员号',
		'会员id',
		'会员编号',
		'会员卡号',
		'会员',
		'用户id',
		'用户编号',
		'顾客id',
		'顾客编号',
		'买家id',
		'买家'
	],
	date: [
		'date',
		'orderdate',
		'invoicedate',
		'purchasedate',
		'transactiondate',
		'txndate',
		'saledate',
		'datetime',
		'time',
		'timestamp',
		'createdat',
		'ordertime',
		'paidat',
		'日期',
		'下单时间',
		'下单日期',
		'订单日期',
		'订单时间',
		'交易日期',
		'交易时间',
		'购买日期',
		'购买时间',
		'支付时间',
		'付款时间',
		'付款日期',
		'消费时间',
		'消费日期',
		'时间'
	],
	amount: [
		'amount',
		'revenue',
		'sales',
		'total',
		'totalamount',
		'value',
		'dollarvalue',
		'spend',
		'ordervalue',
		'orderamount',
		'paid',
		'paidamount',
		'netamount',
		'gmv',
		'金额',
		'实付金额',
		'订单金额',
		'销售额',
		'销售金额',
		'消费金额',
		'支付金额',
		'付款金额',
		'总金额',
		'交易金额',
		'实收金额',
		'应付金额',
		'成交金额'
	],
	orderId: [
		'orderid',
		'order',
		'orderno',
		'ordernumber',
		'invoice',
		'invoiceno',
		'invoiceid',
		'invoicenumber',
		'transactionid',
		'txnid',
		'receipt',
		'receiptno',
		'订单号',
		'订单编号',
		'订单id',
		'单号',
		'发票号',
		'交易号',
		'交易编号',
		'流水号',
		'小票号'
	],
	quantity: ['quantity', 'qty', 'units', 'numberofcds', 'items', 'pieces', '数量', '购买数量', '件数', '销量', '销售数量'],
	unitPrice: ['unitprice', 'price', 'itemprice', '单价', '价格', '售价', '商品单价'],
	channel: ['channel', 'saleschannel', 'source', 'medium', '渠道', '来源', '销售渠道', '渠道来源'],
	product: [
		'product',
		'productname',
		'productid',
		'item',
		'itemname',
		'sku',
		'stockcode',
		'description',
		'goods',
		'商品',
		'商品名称',
		'商品名',
		'商品编号',
		'产品',
		'产品名称',
		'品名',
		'货号'
	],
	category: ['category', 'productcategory', 'department', 'class', '类别', '品类', '分类', '类目', '商品类别'],
	store: ['store', 'storeid', 'shop', 'branch', 'outlet', 'location', '门店', '店铺', '商店', '门店编号', '分店'],
	name: ['name', 'customername', 'fullname', '姓名', '客户名称', '客户姓名', '名称'],
	signupDate: [
		'signupdate',
		'signup',
		'joindate',
		'joined',
		'registrationdate',
		'registered',
		'firstpurchase',
		'createdat',
		'注册日期',
		'注册时间',
		'入会日期',
		'开卡日期'
	],
	segment: ['segment', 'tier', 'level', 'grade', 'memberlevel', '分群', '等级', '会员等级', '客户等级', '客户类型'],
	region: ['region', 'city', 'province', 'country', 'area', 'state', '地区', '城市', '省份', '区域', '国家'],
	timestamp: [
		'timestamp',
		'datetime',
		'date',
		'time',
		'period',
		'interval',
		'intervalstart',
		'starttime',
		'calltime',
		'contacttime',
		'createdat',
		'opened',
		'日期',
		'时间',
		'时段',
		'来电时间',
		'呼入时间',
		'开始时间',
		'创建时间',
		'日期时间'
	],
	count: [
		'calls',
		'callvolume',
		'contacts',
		'contactvolume',
		'volume',
		'offered',
		'callsoffered',
		'count',
		'incoming',
		'inbound',
		'tickets',
		'来电量',
		'来电数',
		'呼入量',
		'话务量',
		'进线量',
		'接入量',
		'咨询量',
		'工单量',
		'数量'
	],
	aht: [
		'aht',
		'averagehandlingtime',
		'averagehandletime',
		'avghandletime',
		'avgaht',
		'handletime',
		'handlingtime',
		'平均处理时长',
		'处理时长',
		'平均通话时长',
		'通话时长'
	],
	abandoned: ['abandoned', 'abandonedcalls', 'abandons', 'abandon', 'lost', '放弃', '放弃量', '放弃数', '呼损', '呼损量'],
	queue: ['queue', 'skill', 'skillgroup', 'split', 'team', 'group', '队列', '技能组', '技能', '组别']
};

export interface FieldGuess {
	column: string;
	score: number;
}

export interface MappingGuess {
	kind: DatasetKind;
	/** Field key → guessed column (absent when nothing fits). */
	fields: Record<string, FieldGuess>;
	/** Required fields without a column: the UI must ask. */
	missing: string[];
	/** Every assignment came from a header name (false: guessed from types only, e.g. no header). */
	byName: boolean;
}

function nameScore(field: string, header: string): number {
	const h = normaliseHeader(header);
	if (h === '') return 0;
	const syns = SYNONYMS[field] ?? [field.toLowerCase()];
	let best = 0;
	for (const s of syns) {
		if (h === s) return 1;
		const cjk = /[\u3400-\u9fff]/.test(s);
		if ((s.length >= 4 || cjk) && h.includes(s)) best = Math.max(best, cjk ? 0.7 : 0.6);
		else if (h.length >= 4 && s.includes(h)) best = Math.max(best, 0.5);
	}
	return best;
}

function typeFit(f: FieldDef, p: ColumnProfile | undefined): number {
	if (!p) return 1;
	if (p.type === 'empty') return 0.2;
	switch (f.type) {
		case 'date':
			return p.type === 'date' || p.date ? 1.2 : 0.3;
		case 'number':
			return p.type === 'number' ? 1.1 : 0.4;
		case 'id':
			return p.type === 'date' ? 0.3 : p.type === 'number' && !p.integer ? 0.5 : 1;
		case 'text':
			return p.type === 'text' ? 1 : 0.7;
	}
}

/** Assign columns to fields greedily by score so no column serves two fields. */
export function guessMapping(kind: DatasetKind, headers: readonly string[], profiles: readonly ColumnProfile[] = []): MappingGuess {
	const fields = KIND_FIELDS[kind];
	const pairs: { f: FieldDef; j: number; score: number }[] = [];
	for (const f of fields)
		headers.forEach((h, j) => {
			const s = nameScore(f.key, h);
			if (s > 0) pairs.push({ f, j, score: s * typeFit(f, profiles[j]) });
		});
	pairs.sort((a, b) => b.score - a.score || a.j - b.j);
	const out: Record<string, FieldGuess> = {};
	const used = new Set<number>();
	for (const p of pairs) {
		if (p.score < 0.35 || out[p.f.key] || used.has(p.j)) continue;
		out[p.f.key] = { column: headers[p.j], score: Math.min(1, p.score) };
		used.add(p.j);
	}
	let byName = true;
	// no names matched (headerless files such as CDNOW): fall back on column types
	if (profiles.length > 0 && Object.keys(out).length === 0) {
		byName = false;
		typeOnlyGuess(kind, headers, profiles, out, used);
	}
	const missing = fields.filter((f) => f.required && !out[f.key]).map((f) => f.key);
	if (kind === 'transactions' && !out.amount && out.quantity && out.unitPrice) missing.splice(missing.indexOf('amount'), 1);
	return { kind, fields: out, missing, byName };
}

function typeOnlyGuess(
	kind: DatasetKind,
	headers: readonly string[],
	profiles: readonly ColumnProfile[],
	out: Record<string, FieldGuess>,
	used: Set<number>
): void {
	const take = (key: string, pred: (p: ColumnProfile) => boolean, fromEnd = false): void => {
		const list = fromEnd ? [...profiles].reverse() : profiles;
		const p = list.find((q) => !used.has(q.index) && pred(q));
		if (!p) return;
		out[key] = { column: headers[p.index], score: 0.3 };
		used.add(p.index);
	};
	if (kind === 'transactions') {
		take('date', (p) => p.type === 'date');
		take('customerId', (p) => p.type === 'text' || (p.type === 'number' && !!p.integer));
		take('amount', (p) => p.type === 'number' && !p.integer, true);
		take('quantity', (p) => p.type === 'number' && !!p.integer, true);
	} else if (kind === 'customers') {
		take('customerId', (p) => p.type !== 'empty' && p.type !== 'date');
	} else {
		take('timestamp', (p) => p.type === 'date');
		take('count', (p) => p.type === 'number');
	}
}

/** Which kind fits the headers best: how well its required fields (and then optional ones) are named. */
export function guessKind(headers: readonly string[], profiles: readonly ColumnProfile[] = []): DatasetKind {
	let best: DatasetKind = 'transactions';
	let bestScore = -1;
	for (const kind of ['transactions', 'contacts', 'customers'] as const) {
		const g = guessMapping(kind, headers, profiles);
		let score = 0;
		for (const f of KIND_FIELDS[kind]) {
			const s = g.fields[f.key]?.score ?? 0;
			score += f.required ? 2 * s : 0.5 * s;
		}
		score -= g.missing.length * 1.5;
		if (kind === 'contacts' && !g.fields.count) score -= 1;
		if (score > bestScore) [best, bestScore] = [kind, score];
	}
	return best;
}

/** The guess as a mapping the UI can show pre-filled (and the user confirms). */
export function toColumnMapping(g: MappingGuess, profiles: readonly ColumnProfile[] = []): ColumnMapping {
	const fields: Record<string, string> = {};
	const dateFormats: Record<string, string> = {};
	for (const [key, f] of Object.entries(g.fields)) {
		fields[key] = f.column;
		const p = profiles.find((q) => q.name === f.column);
		if (p?.date?.format) dateFormats[f.column] = p.date.format;
	}
	const m: ColumnMapping = {
		kind: g.kind,
		fields,
		dateFormats,
		skipRagged: true
	};
	if (g.kind === 'transactions') m.returns = 'exclude';
	if (g.kind === 'contacts' && !fields.count) m.interval = '30min';
	const dec = profiles.find((p) => p.type === 'number' && p.decimal === ',' && Object.values(fields).includes(p.name));
	m.decimal = dec ? ',' : '.';
	return m;
}
