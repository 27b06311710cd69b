// @vitest-environment node
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { CardSchema } from './card.schema';
import { JourneySchema } from './journey.schema';
import { BUILT_IN_TEMPLATES, instantiateTemplate, saveAsTemplate } from './templates';
import { JourneyTemplateRecordSchema } from './template.schema';
import { checkCoverage } from './coverage';

describe('templates', () => {
	for (const t of BUILT_IN_TEMPLATES)
		for (const locale of ['en', 'zh-CN'] as const)
			it(`${t.id} (${locale}) instantiates into valid records with every example card`, () => {
				const s = instantiateTemplate(t, locale, 'ws');
				expect(v.safeParse(JourneySchema, s.journey).success).toBe(true);
				expect(s.cards.every((c) => v.safeParse(CardSchema, c).success)).toBe(true);
				expect(s.cards).toHaveLength(t.cards.length);
				expect(s.journey.title).toBe(typeof t.name === 'string' ? t.name : t.name[locale]);
				const lanes = new Map(s.journey.lanes.map((l) => [l.id, l.type]));
				for (const c of s.cards) {
					expect(c.text.trim()).not.toBe('');
					// Example pain points show how to link an opportunity.
					for (const o of c.opportunityIds) {
						expect(lanes.get(c.laneId)).toBe('painPoints');
						expect(lanes.get(s.cards.find((x) => x.id === o)!.laneId)).toBe('opportunities');
					}
				}
			});

	it('the default template is Before / During / After contact with steps and a scored curve', () => {
		const s = instantiateTemplate(BUILT_IN_TEMPLATES[0], 'zh-CN', 'ws');
		expect(s.journey.stages.map((x) => x.name)).toEqual(['接触前', '接触中', '接触后']);
		expect(s.journey.stages.every((x) => x.steps.length >= 2)).toBe(true);
		expect(checkCoverage(s).filter((f) => f.kind === 'stepWithoutEmotion')).toEqual([]);
	});

	it('a map saved as a template instantiates back to the same map', () => {
		const s = instantiateTemplate(BUILT_IN_TEMPLATES[3], 'en', 'ws');
		const rec = saveAsTemplate(s, { name: 'Ours' });
		expect(v.safeParse(JourneyTemplateRecordSchema, rec).success).toBe(true);
		const again = instantiateTemplate(rec, 'zh-CN', 'ws');
		expect(again.journey.stages.map((x) => x.name)).toEqual(s.journey.stages.map((x) => x.name));
		const rows = (x: typeof s) => x.cards.map((c) => [c.text, c.needType, c.evidence, c.opportunityIds.length].join('|')).sort();
		expect(rows(again)).toEqual(rows(s));
		expect(Object.values(again.journey.emotionCurves[0].scores)).toEqual(Object.values(s.journey.emotionCurves[0].scores));
	});
});
