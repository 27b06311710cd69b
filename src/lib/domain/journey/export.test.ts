// @vitest-environment node
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { instantiateTemplate, BEFORE_DURING_AFTER } from './templates';
import { journeyCardsCsv, journeyMermaid, mermaidScore, mermaidText } from './export';
import { addCard, addEmotionCurve, setEmotion } from './edits';
import { newJourney } from './create';

describe('cards CSV', () => {
	it('writes a BOM, localised headers, map order, and neutralises formulas', () => {
		let s = newJourney({ workspaceId: 'w', title: 'T', stages: [{ name: '接触前', steps: ['发现'] }] });
		const lane = s.journey.lanes[0];
		const step = s.journey.stages[0].steps[0].id;
		for (const text of ['=HYPERLINK("x")', '\n=1+1', 'plain, "quoted"', '<img src=x onerror=alert(1)>'])
			s = addCard(s, { laneId: lane.id, stepId: step, text }).state;
		const csv = journeyCardsCsv(s, 'zh-CN');
		expect(csv.startsWith('\uFEFF阶段组,阶段,步骤,泳道,内容')).toBe(true);
		const rows = Papa.parse<string[]>(csv.slice(1)).data;
		expect(rows[1].slice(1, 5)).toEqual(['接触前', '发现', '顾客行为', '\'=HYPERLINK("x")']);
		expect(rows[2][4]).toBe("'\n=1+1");
		expect(rows[3][4]).toBe('plain, "quoted"');
		expect(rows[4][4]).toBe('<img src=x onerror=alert(1)>');
	});

	it('exports every card of a template', () => {
		const s = instantiateTemplate(BEFORE_DURING_AFTER, 'en', 'w');
		const rows = Papa.parse<string[]>(journeyCardsCsv(s).slice(1), { skipEmptyLines: true }).data;
		expect(rows).toHaveLength(s.cards.length + 1);
		expect(rows.some((r) => r[5] === 'implicit need')).toBe(true);
	});
});

describe('Mermaid journey', () => {
	it('maps −3..+3 onto 1..5', () => {
		expect([-3, -1.5, 0, 1, 3].map(mermaidScore)).toEqual([1, 2, 3, 4, 5]);
	});

	it('escapes characters Mermaid cannot take and lists persona curves as actors', () => {
		expect(mermaidText('a: b; c # d\ne')).toBe('a： b； c ＃ d e');
		let s = newJourney({
			workspaceId: 'w',
			title: 'Visit: first',
			personaText: 'Lin, 28',
			stages: [{ name: 'During', steps: ['wait; long'] }]
		});
		s = addEmotionCurve(s, { label: 'Manager' }).state;
		const step = s.journey.stages[0].steps[0].id;
		s = setEmotion(s, s.journey.emotionCurves[0].id, step, -3).state;
		s = setEmotion(s, s.journey.emotionCurves[1].id, step, -2).state;
		expect(journeyMermaid(s.journey)).toBe(
			['journey', '  title Visit： first', '  section During', '    wait； long: 1: Lin， 28, Manager', ''].join('\n')
		);
	});
});
