// @vitest-environment node
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import Papa from 'papaparse';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { xiaolin, xiaolinFieldDefs } from '../../../../tests/fixtures/persona/xiaolin';
import { generateAvatar } from './avatar';
import { coerceCustomValue, formatCustomValue } from './field-def.schema';
import { exportPersonaFile, importPersonaFile, personasCsv } from './file';
import { isSourceStale, personaFromSegment, refreshPersonaFromSegment, segmentCitation } from './from-segment';
import { addNeed, copyPersonaToWorkspace, duplicatePersona, matchesPersona, newPersona, setTrait, updatePersona } from './persona';
import { formatAge, PersonaSchema, type Persona } from './persona.schema';

describe('persona record', () => {
	it('a new persona is valid, starts with default traits in the locale, and keeps unknown fields', () => {
		const p = newPersona('ws', { name: 'Lin' }, 'zh-CN');
		expect(v.safeParse(PersonaSchema, p).success).toBe(true);
		expect(p.traits[0]).toMatchObject({ left: '价格敏感', right: '品质优先', value: 50 });
		const r = v.safeParse(PersonaSchema, { ...xiaolin(), futureField: 1, basic: { ...xiaolin().basic, nickname: 'Lin' } });
		expect(r.success && [(r.output as Record<string, unknown>).futureField, (r.output.basic as Record<string, unknown>).nickname]).toEqual([
			1,
			'Lin'
		]);
		expect(v.safeParse(PersonaSchema, { ...p, value: { ...p.value, tier: 'E' } }).success).toBe(false);
	});

	it('formats ages and ranges', () => {
		expect([
			formatAge({ ageMin: 28, ageMax: 28 }),
			formatAge({ ageMin: 25, ageMax: 34 }),
			formatAge({ ageMin: 35, ageMax: null }),
			formatAge({ ageMin: null, ageMax: null })
		]).toEqual(['28', '25–34', '35+', '']);
	});

	it('edits are pure section merges', () => {
		const p = xiaolin();
		const q = updatePersona(p, { basic: { occupation: 'Barista' } }, { now: 9 });
		expect(q.basic).toMatchObject({ occupation: 'Barista', quote: p.basic.quote });
		expect(p.basic.occupation).toBe('设计师');
		expect(setTrait(q, 't1', 140).traits[0].value).toBe(100);
		expect(addNeed(q, 'implicit', 'x', { newId: () => 'nx' }).needs.at(-1)).toEqual({ id: 'nx', type: 'implicit', text: 'x' });
	});

	it('search and filter by tier / tag', () => {
		const p = xiaolin();
		expect(matchesPersona(p, '设计师 杭州')).toBe(true);
		expect(matchesPersona(p, '', { tier: 'A' })).toBe(false);
		expect(matchesPersona(p, '', { tag: '会员', tier: 'B' })).toBe(true);
	});

	it('custom values coerce to their field kind and format with labels/units', () => {
		const [text, num, scale, tags] = xiaolinFieldDefs();
		expect(coerceCustomValue(num, '1,200')).toBe(1200);
		expect(coerceCustomValue(scale, 7)).toBe(5);
		expect(coerceCustomValue(tags, '加班，周末')).toEqual(['加班', '周末']);
		expect(coerceCustomValue(text, ['a', 'b'])).toBe('a, b');
		expect(formatCustomValue(scale, 3)).toBe('3 · half');
		expect(formatCustomValue(num, 8)).toBe('8 ×');
	});
});

describe('duplicate and copy to another workspace', () => {
	it('duplicates with new ids and a copy suffix', () => {
		const p = xiaolin();
		const d = duplicatePersona(p, 'zh-CN');
		expect(d.id).not.toBe(p.id);
		expect(d.basic.name.endsWith('（副本）')).toBe(true);
		expect(d.needs.map((n) => n.text)).toEqual(p.needs.map((n) => n.text));
		expect(d.needs[0].id).not.toBe(p.needs[0].id);
	});

	it('re-keys custom values to the target workspace, reusing same-named fields and creating the rest', () => {
		const p = xiaolin();
		const target = [{ ...xiaolinFieldDefs('ws2')[2], id: 'other-sweet' }];
		const r = copyPersonaToWorkspace(p, 'ws2', { source: xiaolinFieldDefs(), target });
		expect(r.persona.workspaceId).toBe('ws2');
		expect(r.persona.custom['other-sweet']).toBe(3);
		expect(r.createdFieldDefs.map((d) => d.name)).toEqual(['最爱茶品', 'Visits per month', 'Occasions']);
		expect(r.createdFieldDefs.every((d) => d.workspaceId === 'ws2')).toBe(true);
		expect(Object.keys(r.persona.custom).sort()).toEqual([...r.createdFieldDefs.map((d) => d.id), 'other-sweet'].sort());
		expect(r.persona.basic.photoBlobId).toBeNull();
		expect(r.persona.basic.avatarSeed).toBe(p.basic.avatarSeed);
	});
});

describe('generated avatar', () => {
	it('is deterministic per seed, varies across seeds, and is plain data', () => {
		expect(generateAvatar('p0')).toEqual(generateAvatar('p0'));
		const faces = new Set(Array.from({ length: 40 }, (_, i) => JSON.stringify(generateAvatar(`seed-${i}`))));
		expect(faces.size).toBeGreaterThan(30);
		const a = generateAvatar('小林');
		expect(a.viewBox).toBe('0 0 64 64');
		for (const s of a.shapes) for (const x of Object.values(s)) if (typeof x === 'number') expect(Number.isFinite(x)).toBe(true);
		expect(JSON.parse(JSON.stringify(a))).toEqual(a);
	});
});

describe('from a segment', () => {
	const summary = {
		datasetId: 'd1',
		segmentKey: 'loyalCustomers',
		segmentName: 'Loyal',
		customers: 689,
		customerShare: 0.12,
		revenueShare: 0.31,
		medianRecencyDays: 21,
		medianFrequency: 6,
		medianMonetary: 1980,
		currency: 'CNY',
		preferredChannel: '小程序',
		tier: 'B' as const,
		computedAt: Date.UTC(2024, 5, 30)
	};

	it('pre-fills behaviour and value and cites the figures', () => {
		const p = personaFromSegment(summary, 'en', 'ws');
		expect(p.basic.name).toBe('Loyal customer');
		expect(p.behaviour).toMatchObject({
			frequency: 'Median 6 purchases',
			purchaseBehaviour: 'Last purchase a median 21 days ago',
			channelPreferences: ['miniProgram']
		});
		expect(p.behaviour.spend).toContain('1,980');
		expect(p.value).toMatchObject({ current: '689 customers · 12% of customers · 31% of revenue', tier: 'B', currentAmount: 1980 });
		expect(p.value.source).toMatchObject({ datasetId: 'd1', customers: 689, revenueShare: 0.31 });
		expect(segmentCitation(p.value.source!, 'en')).toBe('from segment “Loyal” (n=689, 2024-06-30)');
		expect(personaFromSegment(summary, 'zh-CN', 'ws').behaviour.frequency).toBe('购买次数中位数 6 次');
		expect(v.safeParse(PersonaSchema, p).success).toBe(true);
	});

	it('refreshes figures without overwriting what the user edited', () => {
		let p = personaFromSegment(summary, 'en', 'ws');
		p = updatePersona(p, { behaviour: { frequency: 'Twice a week, after work' } });
		expect(isSourceStale(p, { datasetId: 'd1', computedAt: Date.UTC(2024, 11, 31) })).toBe(true);
		const q = refreshPersonaFromSegment(p, { ...summary, customers: 700, medianRecencyDays: 30, computedAt: Date.UTC(2024, 11, 31) }, 'en');
		expect(q.behaviour.frequency).toBe('Twice a week, after work');
		expect(q.behaviour.purchaseBehaviour).toBe('Last purchase a median 30 days ago');
		expect(q.value.current.startsWith('700 customers')).toBe(true);
		expect(q.value.source!.customers).toBe(700);
	});
});

describe('persona files', () => {
	const strip = (p: Persona) => ({
		...p,
		id: '',
		workspaceId: '',
		createdAt: 0,
		updatedAt: 0,
		needs: p.needs.map((n) => ({ ...n, id: '' })),
		traits: p.traits.map((t) => ({ ...t, id: '' })),
		custom: Object.values(p.custom)
	});

	it('round-trips into another workspace equal modulo ids (property)', () => {
		const text = fc.string({ unit: 'grapheme', maxLength: 15 });
		fc.assert(
			fc.property(
				fc.array(
					fc.record({
						name: text,
						quote: text,
						occupation: text,
						tier: fc.constantFrom('A', 'B', 'C', 'D', null),
						needs: fc.array(fc.tuple(fc.constantFrom('explicit', 'expected', 'implicit'), text), { maxLength: 4 }),
						age: fc.option(fc.integer({ min: 0, max: 99 }), { nil: null }),
						visits: fc.option(fc.integer({ min: 0, max: 50 }), { nil: null })
					}),
					{ maxLength: 4 }
				),
				(items) => {
					const defs = xiaolinFieldDefs();
					const ps = items.map((it) =>
						newPersona('ws', {
							name: it.name,
							basic: { quote: it.quote, occupation: it.occupation, ageMin: it.age, ageMax: it.age },
							value: { tier: it.tier as Persona['value']['tier'] },
							needs: it.needs.map(([type, t], i) => ({ id: `n${i}`, type: type as 'explicit', text: t })),
							custom: it.visits === null ? {} : { 'f-visits': it.visits }
						})
					);
					const r = importPersonaFile(exportPersonaFile(ps, defs), 'ws2', []);
					if (!r.ok) throw new Error(r.code);
					expect(r.personas.map(strip)).toEqual(ps.map(strip));
					expect(r.personas.every((p) => p.workspaceId === 'ws2')).toBe(true);
					expect(r.fieldDefs.map((d) => d.name)).toEqual(items.some((i) => i.visits !== null) ? ['Visits per month'] : []);
				}
			),
			{ numRuns: 60 }
		);
	});

	it('carries photos as data URLs under new blob ids and merges fields with the target', () => {
		const p = { ...xiaolin(), basic: { ...xiaolin().basic, photoBlobId: 'blob1' } };
		const text = exportPersonaFile([p], xiaolinFieldDefs(), {
			photos: { blob1: 'data:image/webp;base64,AAAA', other: 'data:image/png;base64,BB' }
		});
		expect(JSON.parse(text).photos).toEqual({ blob1: 'data:image/webp;base64,AAAA' });
		const r = importPersonaFile(text, 'ws', xiaolinFieldDefs(), {
			newId: (() => {
				let n = 0;
				return () => `x${n++}`;
			})()
		});
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		const newBlob = r.personas[0].basic.photoBlobId!;
		expect(newBlob).not.toBe('blob1');
		expect(r.photos).toEqual({ [newBlob]: 'data:image/webp;base64,AAAA' });
		expect(r.fieldDefs).toEqual([]);
		expect(r.personas[0].custom).toEqual(p.custom);
	});

	it('returns coded errors', () => {
		const good = JSON.parse(exportPersonaFile([xiaolin()], xiaolinFieldDefs()));
		const imp = (x: unknown) => importPersonaFile(typeof x === 'string' ? x : JSON.stringify(x), 'w');
		expect(imp('nope')).toMatchObject({ ok: false, code: 'not-json' });
		expect(imp({ formatName: 'cx-studio.journey', formatVersion: 1 })).toMatchObject({ ok: false, code: 'wrong-format' });
		expect(imp({ ...good, formatVersion: 2 })).toMatchObject({ ok: false, code: 'newer-version' });
		const bad = structuredClone(good);
		bad.personas[0].value.tier = 'Z';
		expect(imp(bad)).toMatchObject({ ok: false, code: 'invalid-record', detail: { record: 'persona', index: 0, path: 'value.tier' } });
	});

	it('exports all personas as CSV with custom field columns, BOM and formula guard', () => {
		const csv = personasCsv([xiaolin()], xiaolinFieldDefs(), 'zh-CN');
		expect(csv.charCodeAt(0)).toBe(0xfeff);
		const [head, row] = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
		expect(head.slice(-4)).toEqual(['最爱茶品', 'Visits per month', 'Sweetness', 'Occasions']);
		expect(row.slice(-4)).toEqual(['茉莉奶绿', '8 ×', '3 · half', '加班, 周末']);
		expect(row[0]).toBe('小林 <img src=x onerror=alert(1)>');
		expect(row[head.indexOf('渠道偏好')]).toBe('小程序; 门店');
		expect(row[head.indexOf('显性需求')]).toBe("'=知道还要等多久");
	});
});

describe('persona file fixture', () => {
	it('imports the shipped sample persona with its custom fields', () => {
		const text = readFileSync(resolve(process.cwd(), 'tests/fixtures/persona/xiaolin.persona.json'), 'utf8');
		const r = importPersonaFile(text, 'w', []);
		expect(r.ok && [r.personas[0].basic.name, r.fieldDefs.length, r.personas[0].value.tier]).toEqual([
			'小林 <img src=x onerror=alert(1)>',
			4,
			'B'
		]);
	});
});
