import { describe, expect, it } from 'vitest';
import { buildRows, EMPTY_FILTER, filterRows, NO_OWNER, registerStages, sortRows } from './register-rows';
import { touchpointSample } from '$lib/domain/sample/touchpoints';
import { TouchpointSchema, type Touchpoint } from '$lib/domain/touchpoint';
import * as v from 'valibot';
import { teaHouseRegister } from '../../../../tests/fixtures/touchpoint/tea-house';

const rows = () =>
	buildRows(
		teaHouseRegister(),
		(id) => id,
		(k) => k
	);
const collator = new Intl.Collator('en');

describe('register rows', () => {
	it('filters by channel, stage (any language), owner, missing owner, status and search words', () => {
		const r = rows();
		expect(filterRows(r, { ...EMPTY_FILTER, channel: 'chat' }).map((x) => x.tp.name)).toEqual(['WeChat chat']);
		// "接触中" is stored on the store counter and matches the during stage.
		expect(filterRows(r, { ...EMPTY_FILTER, stage: 'during' }).map((x) => x.tp.name)).toEqual([
			'400 hotline',
			'WeChat chat',
			'Store counter'
		]);
		expect(filterRows(r, { ...EMPTY_FILTER, owner: NO_OWNER }).map((x) => x.tp.name)).toEqual(['Store counter']);
		expect(filterRows(r, { ...EMPTY_FILTER, owner: 'Marketing' })).toHaveLength(2);
		expect(filterRows(r, { ...EMPTY_FILTER, status: 'red' }).map((x) => x.tp.name)).toEqual(['400 hotline']);
		expect(filterRows(r, { ...EMPTY_FILTER, q: 'greet 5' }).map((x) => x.tp.name)).toEqual(['Store counter']);
	});

	it('sorts worst status first when descending, ties by name', () => {
		const s = sortRows(rows(), 'status', -1, collator);
		expect(s[0].tp.name).toBe('400 hotline');
		expect(s.at(-1)!.status.status).toBe('unknown');
		expect(sortRows(rows(), 'name', 1, collator).map((x) => x.tp.name)[0]).toBe('400 hotline');
	});

	it('lists standard stages first, then stages only touchpoints name, so none is unplaced', () => {
		const st = registerStages(teaHouseRegister(), []);
		expect(st.map((s) => s.key)).toEqual(['before', 'during', 'after', 'festival']);
		expect(st[3].label).toBe('Festival');
	});
});

describe('sample register', () => {
	it('is valid in both languages and shows every status', () => {
		for (const loc of ['en', 'zh-CN'] as const) {
			const t = touchpointSample(loc, 'ws', Date.UTC(2025, 5, 1));
			const tps = t.touchpoints as Touchpoint[];
			for (const tp of tps) expect(v.safeParse(TouchpointSchema, tp).success, tp.name).toBe(true);
			const r = buildRows(
				tps,
				(id) => id,
				(k) => k
			);
			const statuses = new Set(r.map((x) => x.status.status));
			expect([...statuses].sort()).toEqual(['amber', 'green', 'red', 'unknown']);
			expect(tps.some((tp) => tp.side === 'backstage')).toBe(true);
			expect(tps.some((tp) => !tp.owner)).toBe(true);
		}
	});
});
