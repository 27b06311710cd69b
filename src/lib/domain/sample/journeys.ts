// Sample journey for the Harbour Tea House workspace: the first-visit map before / during / after contact, filled in, in the chosen language.
import { BEFORE_DURING_AFTER, instantiateTemplate, type Card, type JourneyState } from '../journey';
import type { Bilingual, Locale } from '../record';

const TEXT = {
	title: { en: 'First visit of a new member', 'zh-CN': '新会员首次到店' },
	owner: { en: 'Store operations (Lin Mei)', 'zh-CN': '门店运营（林梅）' },
	regular: { en: 'Regular member', 'zh-CN': '老会员' }
} satisfies Record<string, Bilingual>;

/** Votes from the last workshop, by card text in English (the map is built from the template, so texts are stable). */
const VOTES: Record<string, number> = {
	'Waited 18 minutes with no update': 7,
	'Review form asks for too much': 3,
	'Show the queue position and estimated time on screen and in the mini-program': 5,
	'One-tap rating, optional comment': 2
};
const MEASURED = new Set(['Waited 18 minutes with no update', 'Checks opening hours and the queue in the mini-program']);

export function sampleJourneys(locale: Locale, workspaceId: string, now: number): Record<string, Record<string, unknown>[]> {
	let n = 0;
	const ctx = { now, newId: () => `sample-journey-${(n++).toString(36)}` };
	const s: JourneyState = instantiateTemplate(BEFORE_DURING_AFTER, locale, workspaceId, ctx);
	const en = instantiateTemplate(BEFORE_DURING_AFTER, 'en', workspaceId, {
		now,
		newId: (() => {
			let k = 0;
			return () => `x${k++}`;
		})()
	});
	const steps = s.journey.stages.flatMap((st) => st.steps.map((x) => x.id));
	const regular: Record<string, number> = {};
	[2, 1, 1, -1, 2.5, 1, 2].forEach((score, i) => {
		if (steps[i]) regular[steps[i]] = score;
	});
	const journey = {
		...s.journey,
		title: TEXT.title[locale],
		owner: TEXT.owner[locale],
		emotionCurves: [...s.journey.emotionCurves, { id: ctx.newId(), personaId: null, label: TEXT.regular[locale], scores: regular }]
	};
	// Cards come out of the template in the same order in both languages: use the English text as the key.
	const cards: Card[] = s.cards.map((c, i) => {
		const key = en.cards[i]?.text ?? '';
		return {
			...c,
			votes: VOTES[key] ?? 0,
			evidence: MEASURED.has(key) ? 'measured' : c.evidence
		};
	});
	return { journeys: [journey], cards };
}
