import { describe, expect, it } from 'vitest';
import { checkCoverage, type Card, type Journey } from '../journey';
import { sampleJourneys } from './journeys';

describe('sample journey', () => {
	it('is the filled-in first-visit map in each language, with votes and two personas’ curves', () => {
		for (const loc of ['en', 'zh-CN'] as const) {
			const t = sampleJourneys(loc, 'ws', 1);
			const j = t.journeys[0] as Journey;
			const cards = t.cards as Card[];
			expect(j.stages.map((s) => s.name)).toEqual(
				loc === 'en' ? ['Before contact', 'During contact', 'After contact'] : ['接触前', '接触中', '接触后']
			);
			expect(j.emotionCurves).toHaveLength(2);
			expect(cards.length).toBeGreaterThan(20);
			expect(Math.max(...cards.map((c) => c.votes))).toBe(7);
			// A sample shows the coverage check at work: some gaps, not a wall of them.
			const gaps = checkCoverage({ journey: j, cards });
			expect(gaps.length).toBeGreaterThan(0);
			expect(gaps.length).toBeLessThan(15);
		}
	});
});
