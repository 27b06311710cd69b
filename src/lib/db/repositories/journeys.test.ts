// Journey storage: a map inserted in one transaction loads back (also through liveQuery) with its cards.
import { liveQuery } from 'dexie';
import { describe, expect, it } from 'vitest';
import { BEFORE_DURING_AFTER, instantiateTemplate } from '$lib/domain/journey';
import { freshDb } from '../test-helpers';
import { insertJourney, loadJourney } from './journeys';

describe('journey repository', () => {
	it('loads an inserted map with its cards, directly and inside liveQuery', async () => {
		const db = await freshDb();
		const s = instantiateTemplate(BEFORE_DURING_AFTER, 'en', 'ws1');
		await insertJourney(db, s);
		expect((await loadJourney(db, s.journey.id))?.cards).toHaveLength(s.cards.length);
		const live = await new Promise<number>((ok, fail) => {
			const sub = liveQuery(() => loadJourney(db, s.journey.id)).subscribe({
				next: (x) => {
					sub.unsubscribe();
					ok(x?.cards.length ?? -1);
				},
				error: fail
			});
		});
		expect(live).toBe(s.cards.length);
	});
});
