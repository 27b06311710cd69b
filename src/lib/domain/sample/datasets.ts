// Sample datasets for "Harbour Tea House / 港湾茶舍": ~2,000 member orders over 18 months and two years of daily hotline volumes (fixed seed), stored like a real import.
import type { Locale } from '../record';
import type { AreaSample } from './areas';
import type { Column } from '../csv/columnar';
import { toChunks } from '../csv/columnar';
import { outlierSummary, type QualityReport } from '../csv/validate';
import { toChunkRecords, toDatasetRecord, type BuildSummary } from '../csv/session';
import type { DatasetColumn } from '../dataset/dataset';
import type { ColumnMapping } from '../dataset/saved-mapping';
import { COLUMN_CHUNK_ROWS } from '../dataset/column-chunk';
import { rng } from '../random';

export const SAMPLE_DATASET_IDS = { orders: 'sample-ds-orders', contacts: 'sample-ds-contacts' } as const;
export const SAMPLE_FORECAST_ID = 'sample-forecast-contacts';

const DAY = 86_400_000;

const STORES = {
	en: ['Harbour Road store', 'Old Town store', 'Riverside store', 'Mini-program'],
	'zh-CN': ['港湾路店', '老城店', '江畔店', '小程序']
};
const PRODUCTS = {
	en: ['Jasmine milk tea', 'Oolong latte', 'Osmanthus cold brew', 'Fruit tea', 'Pu-erh pot', 'Tea gift box'],
	'zh-CN': ['茉莉奶绿', '乌龙拿铁', '桂花冷泡', '鲜果茶', '普洱壶泡', '茶礼盒']
};
const PRICE = [18, 22, 20, 24, 58, 168];

/** Chinese New Year's Day (the dip in contact volumes), 2022–2029. */
const CNY = ['2022-02-01', '2023-01-22', '2024-02-10', '2025-01-29', '2026-02-17', '2027-02-06', '2028-01-26', '2029-02-13'].map((d) =>
	Date.parse(d + 'T00:00:00Z')
);

function stringColumn(values: string[], dict: string[]): Column {
	const index = new Map(dict.map((s, k) => [s, k]));
	return { type: 'string', codes: Int32Array.from(values, (v) => index.get(v) ?? -1), dict };
}

function report(kind: BuildSummary['kind'], rows: number, file: string, dates: Float64Array, extra: Partial<QualityReport>): QualityReport {
	let min = Infinity;
	let max = -Infinity;
	for (const x of dates) {
		if (x < min) min = x;
		if (x > max) max = x;
	}
	return {
		file,
		kind,
		encoding: 'utf-8',
		delimiter: ',',
		hasHeader: true,
		rowsRead: rows,
		rowsAccepted: rows,
		rowsRejected: 0,
		rowsExcluded: 0,
		rejections: [],
		rejectionCounts: {},
		warnings: [],
		missing: {},
		dateRange: rows ? { min, max } : null,
		duplicates: { count: 0, rows: [] },
		outliers: {},
		dateFormats: {},
		decimal: '.',
		...extra
	};
}

/** ~300 members, ~2,000 orders over the 18 months before `now`: a few regulars, many one-off visitors. */
export function sampleOrders(locale: Locale, now: number): BuildSummary {
	const rand = rng(20250301);
	const end = Math.floor(now / DAY) * DAY;
	const start = end - 548 * DAY;
	const members = Array.from({ length: 300 }, (_, i) => `M${String(10001 + i)}`);
	const rows: { c: string; d: number; a: number; s: string; p: string }[] = [];
	members.forEach((m, i) => {
		// heavy-tailed loyalty: most members visit 1–4 times, a core visits weekly
		const u = rand();
		const visits =
			u < 0.45
				? 1 + Math.floor(rand() * 2)
				: u < 0.8
					? 3 + Math.floor(rand() * 5)
					: u < 0.95
						? 8 + Math.floor(rand() * 12)
						: 20 + Math.floor(rand() * 25);
		const joined = start + Math.floor(rand() * 500) * DAY;
		const churned = rand() < 0.3 ? joined + Math.floor(rand() * 300) * DAY : end;
		const home = Math.floor(rand() * 4);
		for (let v = 0; v < visits; v++) {
			const d = joined + Math.floor(rand() * Math.max(1, (Math.min(churned, end) - joined) / DAY)) * DAY;
			const store = rand() < 0.7 ? home : Math.floor(rand() * 4);
			const prod = rand() < 0.06 ? 5 : rand() < 0.12 ? 4 : Math.floor(rand() * 4);
			const cups = prod >= 4 ? 1 : 1 + Math.floor(rand() * (i % 7 === 0 ? 6 : 3));
			const amount = Math.round(PRICE[prod] * cups * (rand() < 0.2 ? 0.85 : 1) * 100) / 100;
			rows.push({ c: m, d: Math.min(d, end - DAY), a: amount, s: STORES[locale][store], p: PRODUCTS[locale][prod] });
		}
	});
	rows.sort((x, y) => x.d - y.d || (x.c < y.c ? -1 : 1));
	const n = rows.length;
	const date = Float64Array.from(rows, (r) => r.d + (9 + Math.floor(rand() * 12)) * 3_600_000 + Math.floor(rand() * 60) * 60_000);
	const amount = Float64Array.from(rows, (r) => r.a);
	const data: Record<string, Column> = {
		customerId: stringColumn(
			rows.map((r) => r.c),
			members
		),
		date: { type: 'date', values: date },
		amount: { type: 'number', values: amount },
		store: stringColumn(
			rows.map((r) => r.s),
			STORES[locale]
		),
		product: stringColumn(
			rows.map((r) => r.p),
			PRODUCTS[locale]
		)
	};
	const zh = locale === 'zh-CN';
	const src = {
		customerId: zh ? '会员号' : 'member_id',
		date: zh ? '下单时间' : 'order_time',
		amount: zh ? '实付金额' : 'amount_paid',
		store: zh ? '门店' : 'store',
		product: zh ? '商品' : 'product'
	};
	const columns: DatasetColumn[] = Object.entries(src).map(([key, source]) => ({ key, source, type: data[key].type }));
	const mapping: ColumnMapping = {
		kind: 'transactions',
		fields: src,
		dateFormats: { [src.date]: 'iso' },
		returns: 'exclude',
		decimal: '.',
		skipRagged: true
	};
	const file = zh ? '港湾茶舍-订单导出.csv' : 'harbour-tea-orders.csv';
	const customers = new Set(rows.map((r) => r.c)).size;
	return {
		kind: 'transactions',
		rowCount: n,
		columns,
		chunks: toChunks(data, COLUMN_CHUNK_ROWS),
		chunkRows: COLUMN_CHUNK_ROWS,
		mapping,
		report: report('transactions', n, file, date, {
			customers,
			returns: { rows: 0, amount: 0, policy: 'exclude' },
			missing: Object.fromEntries(Object.values(src).map((s) => [s, 0])),
			outliers: { amount: outlierSummary(amount, 'iqr') },
			dateFormats: { [src.date]: { format: 'iso', ambiguous: false } }
		})
	};
}

/** Two years of daily hotline contacts: weekly rhythm, a summer and a December peak, the Chinese New Year dip. */
export function sampleContacts(locale: Locale, now: number): BuildSummary {
	const rand = rng(20250302);
	const end = Math.floor(now / DAY) * DAY;
	const days = 730;
	const weekly = [1.18, 1.08, 1.02, 1.0, 1.05, 0.82, 0.72]; // Mon … Sun
	const ts = new Float64Array(days);
	const count = new Float64Array(days);
	const aht = new Float64Array(days);
	const abandoned = new Float64Array(days);
	for (let i = 0; i < days; i++) {
		const d = end - (days - i) * DAY;
		const dow = (Math.floor(d / DAY) + 3) % 7; // 0 = Monday
		const doy = (d - Date.UTC(new Date(d).getUTCFullYear(), 0, 1)) / DAY;
		const yearly = 1 + 0.12 * Math.sin(((doy - 100) / 365) * 2 * Math.PI) + (doy > 340 ? 0.1 : 0);
		const trend = 1 + 0.15 * (i / days);
		let cny = 1;
		for (const c of CNY) {
			const off = (d - c) / DAY;
			if (off >= -3 && off <= 6) cny = Math.min(cny, off < 0 ? 0.75 : off <= 3 ? 0.35 : 0.6);
		}
		const mean = 140 * weekly[dow] * yearly * trend * cny;
		ts[i] = d;
		count[i] = Math.max(0, Math.round(mean + (rand() + rand() + rand() - 1.5) * 2 * Math.sqrt(mean)));
		aht[i] = Math.round(230 + 25 * (weekly[dow] - 1) * 2 + (rand() - 0.5) * 30);
		abandoned[i] = Math.round(count[i] * (0.03 + 0.04 * Math.max(0, weekly[dow] - 1) + rand() * 0.02));
	}
	const zh = locale === 'zh-CN';
	const src = {
		timestamp: zh ? '日期' : 'date',
		count: zh ? '来电量' : 'calls',
		aht: zh ? '平均处理时长' : 'aht_seconds',
		abandoned: zh ? '放弃量' : 'abandoned'
	};
	const data: Record<string, Column> = {
		timestamp: { type: 'date', values: ts },
		count: { type: 'number', values: count },
		aht: { type: 'number', values: aht },
		abandoned: { type: 'number', values: abandoned }
	};
	const columns: DatasetColumn[] = Object.entries(src).map(([key, source]) => ({ key, source, type: data[key].type }));
	const file = zh ? '热线-每日来电量.csv' : 'hotline-daily-volumes.csv';
	return {
		kind: 'contacts',
		rowCount: days,
		columns,
		chunks: toChunks(data, COLUMN_CHUNK_ROWS),
		chunkRows: COLUMN_CHUNK_ROWS,
		mapping: { kind: 'contacts', fields: src, dateFormats: { [src.timestamp]: 'iso' }, decimal: '.', skipRagged: true },
		report: report('contacts', days, file, ts, {
			missing: Object.fromEntries(Object.values(src).map((s) => [s, 0])),
			outliers: { count: outlierSummary(count, 'iqr'), aht: outlierSummary(aht, 'iqr'), abandoned: outlierSummary(abandoned, 'iqr') },
			dateFormats: { [src.timestamp]: { format: 'iso', ambiguous: false } }
		})
	};
}

export const datasetSample: AreaSample = (locale, workspaceId, now) => {
	const zh = locale === 'zh-CN';
	const orders = sampleOrders(locale, now);
	const contacts = sampleContacts(locale, now);
	const out = { datasets: [] as Record<string, unknown>[], chunks: [] as Record<string, unknown>[] };
	for (const [id, b, name] of [
		[SAMPLE_DATASET_IDS.orders, orders, zh ? '会员订单（示例）' : 'Member orders (sample)'],
		[SAMPLE_DATASET_IDS.contacts, contacts, zh ? '热线每日来电量（示例）' : 'Hotline contacts per day (sample)']
	] as const) {
		const rec = toDatasetRecord(b, {
			id,
			workspaceId,
			name,
			now,
			source: { fileName: b.report.file ?? '', size: 0, encoding: 'utf-8', delimiter: ',', hasHeader: true }
		});
		out.datasets.push(rec);
		out.chunks.push(...toChunkRecords(b.chunks, id, workspaceId));
	}
	// a saved forecast of the hotline contacts: the forecast screen opens on it and computes it on first visit
	const forecast = {
		id: SAMPLE_FORECAST_ID,
		workspaceId,
		createdAt: now,
		updatedAt: now,
		kind: 'forecast',
		name: zh ? '热线来电预测与排班（示例）' : 'Hotline forecast and staffing (sample)',
		datasetId: SAMPLE_DATASET_IDS.contacts,
		datasetUpdatedAt: null,
		params: {},
		result: null,
		computedAt: null,
		formatVersion: 1
	};
	return { ...out, analyses: [forecast] };
};
