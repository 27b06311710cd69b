// The map as SVG: parses as XML whatever the user typed, shows every card's text as text, lays out lanes, curves and lines.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	addCard,
	BEFORE_DURING_AFTER,
	instantiateTemplate,
	LANE_LABELS,
	newJourney,
	SERVICE_BLUEPRINT,
	setEmotion,
	type JourneyState
} from '$lib/domain/journey';
import { esc, journeySvg, wrapText, textWidth, cardFill, type JourneySvgLabels } from './journey-svg';
import { makeLargeJourney } from '../../../tests/fixtures/journey/large-journey';

export const LABELS: JourneySvgLabels = {
	lane: (l) => l.name ?? LANE_LABELS[l.type].en,
	line: { interaction: 'Line of interaction', visibility: 'Line of visibility', internalInteraction: 'Line of internal interaction' },
	evidence: { assumption: 'Assumption', observed: 'Observed', measured: 'Measured' },
	needType: { explicit: 'Explicit', expected: 'Expected', implicit: 'Implicit' },
	votes: (n) => `${n} votes`,
	legend: 'Legend',
	subtitle: 'Journey map · As-is',
	date: '22 Nov 2026',
	untitled: 'Untitled map',
	curve: (l) => `Emotion: ${l}`
};

const parse = (svg: string) => new DOMParser().parseFromString(svg, 'image/svg+xml');
const XSS = '<img src=x onerror=alert(1)>';

function withCard(text: string): JourneyState {
	const s = newJourney({ workspaceId: 'w', title: 'T', stages: [{ name: 'S', steps: ['a'] }] });
	return addCard(s, { laneId: s.journey.lanes[0].id, stepId: s.journey.stages[0].steps[0].id, text }).state;
}

describe('journeySvg', () => {
	it('renders a template map that parses, with stage, step, lane names and card texts as text', () => {
		const s = instantiateTemplate(BEFORE_DURING_AFTER, 'zh-CN', 'w');
		const { svg, width, height } = journeySvg(s, { labels: LABELS });
		const doc = parse(svg);
		expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
		expect(doc.documentElement.getAttribute('width')).toBe(String(width));
		expect(doc.documentElement.getAttribute('height')).toBe(String(height));
		const all = doc.documentElement.textContent ?? '';
		for (const st of s.journey.stages) expect(all).toContain(st.name);
		// Card texts are wrapped into tspans: compare without the inserted breaks.
		const flat = all.replace(/\s+/g, '');
		for (const c of s.cards) expect(flat).toContain(c.text.replace(/\s+/g, ''));
		expect(doc.querySelectorAll('[data-card-id]')).toHaveLength(s.cards.length);
		// An emotion curve path from d3.
		expect(doc.querySelector('[data-lane="emotion"] path')?.getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+C/);
	});

	it('keeps markup in card text as text: no <img> element, no onerror attribute', () => {
		const { svg } = journeySvg(withCard(XSS), { labels: LABELS });
		const doc = parse(svg);
		expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
		expect(doc.getElementsByTagName('img')).toHaveLength(0);
		expect(doc.querySelectorAll('[onerror]')).toHaveLength(0);
		expect(doc.documentElement.textContent).toContain('<img src=x');
		expect(svg).not.toContain('<img');
	});

	it('parses whatever the texts contain (control characters, lone surrogates, quotes)', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'binary', maxLength: 60 }), fc.string({ maxLength: 30 }), (text, title) => {
				const s = withCard(text);
				s.journey = { ...s.journey, title, stages: [{ ...s.journey.stages[0], name: title }] };
				const doc = parse(journeySvg(s, { labels: LABELS }).svg);
				return doc.getElementsByTagName('parsererror').length === 0;
			}),
			{ numRuns: 150 }
		);
	});

	it('draws the blueprint lines with their labels', () => {
		const s = instantiateTemplate(SERVICE_BLUEPRINT, 'en', 'w');
		const { svg } = journeySvg(s, { labels: LABELS });
		expect(svg).toContain('Line of interaction');
		expect(svg).toContain('Line of visibility');
		expect(svg).toContain('Line of internal interaction');
	});

	it('labels the highest and lowest emotion points', () => {
		let s = newJourney({ workspaceId: 'w', title: 'T', stages: [{ name: 'S', steps: ['a', 'b', 'c'] }] });
		const curve = s.journey.emotionCurves[0].id;
		const [a, b, c] = s.journey.stages[0].steps.map((x) => x.id);
		s = setEmotion(s, curve, a, 2).state;
		s = setEmotion(s, curve, b, -3).state;
		s = setEmotion(s, curve, c, 1).state;
		const { svg } = journeySvg(s, { labels: LABELS });
		expect(svg).toContain('▲ +2');
		expect(svg).toContain('▼ −3');
	});

	it('draws only the chosen stages (print pages, workshop reveal)', () => {
		const s = instantiateTemplate(BEFORE_DURING_AFTER, 'en', 'w');
		const [first, second] = s.journey.stages;
		const { svg, width } = journeySvg(s, { labels: LABELS, stageIds: [first.id] });
		expect(svg).toContain(first.name);
		expect(svg).not.toContain(`>${second.name}<`);
		expect(width).toBeLessThan(journeySvg(s, { labels: LABELS }).width);
	});

	it('renders the 500-card benchmark map quickly', () => {
		const s = makeLargeJourney(1);
		const t0 = performance.now();
		const { svg, height } = journeySvg(s, { labels: LABELS });
		expect(performance.now() - t0).toBeLessThan(1500);
		// The emotion lane shows the curve, not cards (as in the editor and the outline).
		const emotionLane = s.journey.lanes.find((l) => l.type === 'emotion')!.id;
		expect(parse(svg).querySelectorAll('[data-card-id]')).toHaveLength(s.cards.filter((c) => c.laneId !== emotionLane).length);
		expect(height).toBeGreaterThan(1000);
	});
});

describe('text helpers', () => {
	it('escapes the five XML specials', () => {
		expect(esc(`a&b<c>d"e'f`)).toBe('a&amp;b&lt;c&gt;d&quot;e&#39;f');
		expect(esc('x\u0000y\u0007z')).toBe('xyz');
	});
	it('wraps Latin at spaces and Chinese between characters, never wider than asked', () => {
		const en = wrapText('The queue at the counter was far too long today', 120, 12);
		expect(en.length).toBeGreaterThan(1);
		for (const l of en) expect(textWidth(l, 12)).toBeLessThanOrEqual(120);
		const zh = wrapText('排队时间太长了，顾客在门口等了十八分钟才点上单', 100, 12);
		expect(zh.join('')).toBe('排队时间太长了，顾客在门口等了十八分钟才点上单');
		for (const l of zh) expect(textWidth(l, 12)).toBeLessThanOrEqual(100);
		expect(wrapText('line one\nline two', 500, 12)).toEqual(['line one', 'line two']);
		const long = wrapText('x'.repeat(200), 100, 12);
		expect(long.join('')).toBe('x'.repeat(200));
	});
	it('accepts hex and named card colours, anything else falls back to the lane colour', () => {
		expect(cardFill({ colour: '#abc' }, 'actions')).toBe('#abc');
		expect(cardFill({ colour: 'yellow' }, 'actions')).toBe('#fff3bf');
		expect(cardFill({ colour: 'red" onload="x' }, 'actions')).toBe('#e8f0fb');
		expect(cardFill({ colour: null }, 'painPoints')).toBe('#fde7e6');
	});
});
