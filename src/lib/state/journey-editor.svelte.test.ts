// The journey editor's state: our own saved edit echoing back through liveQuery changes nothing (no re-render of a big map), another tab's edit is adopted.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BEFORE_DURING_AFTER, instantiateTemplate, updateCards } from '$lib/domain/journey';
import { freshDb } from '$lib/db/test-helpers';
import { insertJourney, writeJourneyEdit } from '$lib/db/repositories/journeys';
import { JourneyEditor } from './journey-editor.svelte';
import { saver } from './saver.svelte';

const settle = () => new Promise((r) => setTimeout(r, 60));
let stop: (() => void) | null = null;
afterEach(() => stop?.());

describe('journey editor state', () => {
	it('keeps its objects when its own write echoes back, and adopts a change made elsewhere', async () => {
		const db = await freshDb();
		const s = instantiateTemplate(BEFORE_DURING_AFTER, 'en', 'ws1');
		await insertJourney(db, s);
		const e = new JourneyEditor(db, s.journey.id);
		stop = e.start();
		await vi.waitFor(() => expect(e.state).not.toBeNull());
		saver.markReady();

		const [a, b] = e.state!.cards;
		e.run((st) => updateCards(st, [a.id], { text: 'Typed here' }), { mergeKey: `text:${a.id}` });
		const local = e.state!;
		expect(await saver.flush()).toBe(true);
		await settle();
		// The echo of our own write: same state object, so nothing downstream recomputes.
		expect(e.state).toBe(local);

		// Another tab edits card b: only that card is a new object; the others keep their identity.
		await writeJourneyEdit(db, { journey: null, put: [{ ...b, text: 'From tab B', updatedAt: b.updatedAt + 1 }], remove: [] });
		await vi.waitFor(() => expect(e.state!.cards.find((c) => c.id === b.id)?.text).toBe('From tab B'));
		const next = e.state!;
		expect(next.journey).toBe(local.journey);
		for (const c of next.cards) if (c.id !== b.id) expect(c).toBe(local.cards.find((x) => x.id === c.id));
	});
});
