// @vitest-environment node
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { teaHouseRegister } from '../../../../tests/fixtures/touchpoint/tea-house';
import { exportRegisterCsv, guessRegisterMapping, importRegisterCsv, parseTarget } from './register-csv';
import { newStandard, newTouchpoint } from './touchpoint';

const fixture = (name: string) => readFileSync(resolve(process.cwd(), 'tests/fixtures/touchpoint', name), 'utf8');

describe('register CSV import', () => {
	it('maps Chinese headers, keeps good rows and reports bad rows by spreadsheet row number', () => {
		const r = importRegisterCsv(fixture('register-zh.csv'), 'ws', { now: 1 });
		expect(r.errors.map((e) => [e.row, e.code, e.field])).toEqual([
			[8, 'unknown-channel', 'channel'],
			[9, 'missing-name', 'name'],
			[10, 'bad-target', 'target'],
			[11, 'bad-side', 'side'],
			[12, 'ragged-row', undefined]
		]);
		// Row numbers count records as a spreadsheet shows them: the quoted two-line process cell is one row.
		expect(r.rows.map((x) => x.row)).toEqual([2, 3, 4, 5, 6, 7]);
		expect(r.touchpoints.map((t) => [t.name, t.channelId, t.standards.length])).toEqual([
			['400 热线', 'phoneHotline', 2],
			['在线客服', 'chat', 1],
			['门店柜台', 'store', 2],
			['小红书笔记', 'socialMedia', 0]
		]);
		const hotline = r.touchpoints[0];
		expect(hotline.stages).toEqual(['during']);
		expect(hotline.process.map((p) => [p.who, p.what, p.expectedTime])).toEqual([
			['坐席', '接听并问候', { value: 5, unit: 's' }],
			['坐席', '记录问题', { value: 2, unit: 'min' }]
		]);
		expect(hotline.standards[0]).toMatchObject({
			dimension: 'timeliness',
			target: { op: 'lte', value: 20, unit: 's' },
			check: { method: 'callRecordingReview', frequency: 'weekly' },
			measurements: [{ date: '2024-06-02', value: 24 }]
		});
		expect(r.touchpoints[1].standards[0].measurements[0].date).toBe('2024-06-03');
	});

	it('rejects a row that contradicts an earlier row of the same touchpoint', () => {
		const r = importRegisterCsv(
			'name,channel,owner,dimension,target\nHotline,phone,Service,timeliness,≤ 20 s\nHotline,phone,,content,≥ 80%\nHotline,phone,Sales,attitude,≥ 4 score',
			'ws'
		);
		expect(r.errors).toEqual([{ row: 4, field: 'owner', code: 'conflicting-touchpoint', value: 'Sales' }]);
		expect(r.touchpoints).toHaveLength(1);
		expect(r.touchpoints[0].standards.map((s) => s.dimension)).toEqual(['timeliness', 'content']);
	});

	it('reports missing key columns and empty files', () => {
		expect(importRegisterCsv('foo,bar\n1,2', 'ws').errors).toEqual([
			{ row: 1, field: 'name', code: 'missing-column' },
			{ row: 1, field: 'channel', code: 'missing-column' }
		]);
		expect(importRegisterCsv('', 'ws').errors[0].code).toBe('empty-file');
		expect(importRegisterCsv('name,channel\n"unterminated,store', 'ws').errors[0].code).toBe('parse-error');
	});

	it('reads targets written in one cell', () => {
		expect(parseTarget('≥ 80%')).toEqual({ op: 'gte', value: 80, max: null, unit: '%' });
		expect(parseTarget('2–5 分钟')).toEqual({ op: 'range', value: 2, max: 5, unit: 'min' });
		expect(parseTarget('不超过 30 min')).toEqual({ op: 'lte', value: 30, max: null, unit: 'min' });
		expect(parseTarget('30')).toBeNull();
		expect(parseTarget('30', 's')).toMatchObject({ op: 'gte', value: 30 });
		expect(parseTarget('5-2 s')).toBeNull();
	});
});

describe('register CSV export', () => {
	it('writes a BOM, one row per standard, and is formula-safe', () => {
		const tps = teaHouseRegister();
		tps[3] = { ...tps[3], owner: '=cmd|"/c calc"!A1' };
		const csv = exportRegisterCsv(tps, 'zh-CN');
		expect(csv.charCodeAt(0)).toBe(0xfeff);
		const rows = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
		expect(rows[0].slice(0, 3)).toEqual(['触点', '渠道', '阶段']);
		expect(rows).toHaveLength(1 + 2 + 1 + 1 + 1 + 1);
		expect(rows.find((r) => r[0] === 'Xiaohongshu posts')![3]).toBe('\'=cmd|"/c calc"!A1');
		expect(guessRegisterMapping(rows[0]).lastValue).toBe(16);
	});

	it('round-trips through import in both languages', () => {
		const text = fc
			.string({ unit: 'grapheme', minLength: 1, maxLength: 12 })
			.filter((s) => s.trim() === s && s.length > 0 && !/[|\r\n]/.test(s));
		fc.assert(
			fc.property(
				fc.array(fc.record({ name: text, owner: text, value: fc.integer({ min: 0, max: 500 }), who: text }), {
					minLength: 1,
					maxLength: 5
				}),
				fc.constantFrom('en' as const, 'zh-CN' as const),
				(items, locale) => {
					let n = 0;
					const ctx = { now: 1, newId: () => `x${n++}` };
					const tps = items.map((it, i) =>
						newTouchpoint(
							'ws',
							{
								name: `${it.name}#${i}`,
								channelId: i % 2 ? 'store' : 'miniProgram',
								stages: ['during'],
								owner: it.owner,
								side: i % 2 ? 'frontstage' : 'backstage',
								process: [{ id: 'p', who: it.who, what: 'greet', expectedTime: { value: 5, unit: 's' } }],
								standards: [
									newStandard(
										{
											dimension: 'timeliness',
											metric: 'm',
											text: it.name,
											target: { op: 'range', value: it.value, max: it.value + 1, unit: 'min' },
											check: { method: 'customerFeedback', frequency: 'quarterly' },
											measurements: [{ date: '2024-02-29', value: it.value }]
										},
										ctx
									)
								]
							},
							ctx
						)
					);
					const r = importRegisterCsv(exportRegisterCsv(tps, locale), 'ws', { now: 1, newId: ctx.newId });
					expect(r.errors).toEqual([]);
					const strip = (t: (typeof tps)[number]) => ({
						...t,
						id: '',
						process: t.process.map((p) => ({ ...p, id: '' })),
						standards: t.standards.map((s) => ({ ...s, id: '', measurements: s.measurements.map((m) => ({ ...m, unit: m.unit ?? null })) }))
					});
					expect(r.touchpoints.map(strip)).toEqual(tps.map(strip));
				}
			),
			{ numRuns: 60 }
		);
	});
});
