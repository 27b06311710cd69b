// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { applyEdit } from './state';
import { instantiateTemplate, BEFORE_DURING_AFTER } from './templates';
import {
	applyVotes,
	castDot,
	dotsLeft,
	emotionExtremes,
	nextParticipant,
	outline,
	removeDot,
	revealedStages,
	startVoting,
	votingDone,
	votingResults
} from './workshop';

const map = () => instantiateTemplate(BEFORE_DURING_AFTER, 'en', 'ws');

describe('dot voting', () => {
	it('takes turns, limits dots, ranks results and applies them as one undoable edit', () => {
		const s0 = map();
		const pains = s0.cards.filter((c) => c.text.includes('Waited') || c.text.includes('Review form'));
		const [wait, review] = pains.map((c) => c.id);
		let v = startVoting(2, 2, false);
		v = castDot(v, wait);
		expect(castDot(v, wait)).toBe(v); // no stacking
		v = castDot(v, review);
		expect(dotsLeft(v)).toBe(0);
		expect(castDot(v, wait)).toBe(v);
		v = nextParticipant(v);
		v = castDot(v, wait);
		v = castDot(v, review);
		v = removeDot(v, review);
		expect(votingDone(v)).toBe(false);
		v = castDot(v, review);
		expect(votingDone(v)).toBe(true);
		expect(votingResults(v, s0.cards)).toEqual([
			{ cardId: wait, dots: 2, voters: 2 },
			{ cardId: review, dots: 2, voters: 2 }
		]);
		const r = applyVotes(s0, v);
		expect(r.state.cards.find((c) => c.id === wait)!.votes).toBe(2);
		expect(applyEdit(r.state, r.inverse).cards.find((c) => c.id === wait)!.votes).toBe(0);
	});
});

describe('workshop view helpers', () => {
	it('reveals stages one by one and outlines the map without the emotion lane', () => {
		const s = map();
		expect(revealedStages(s.journey, 1).size).toBe(1);
		const o = outline(s, 'zh-CN');
		expect(o.map((n) => n.stage)).toEqual(['Before contact', 'During contact', 'After contact']);
		expect(o[0].steps[0].lanes.map((l) => l.lane)).not.toContain('情绪');
		expect(o.flatMap((n) => n.steps.flatMap((x) => x.lanes.flatMap((l) => l.cards)))).toHaveLength(s.cards.length);
	});

	it('finds the highs and lows of a curve', () => {
		const s = map();
		const e = emotionExtremes(s.journey, s.journey.emotionCurves[0]);
		const name = (id: string) => s.journey.stages.flatMap((x) => x.steps).find((x) => x.id === id)!.name;
		expect([e.highs.map(name), e.lows.map(name), e.max, e.min]).toEqual([['Enjoy'], ['Wait'], 2, -2]);
	});
});
