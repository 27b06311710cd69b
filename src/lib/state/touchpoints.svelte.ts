// The open workspace's touchpoint register, custom channels and journey maps, kept live across tabs (Dexie liveQuery).
import { liveQuery, type Subscription } from 'dexie';
import type { CxDatabase } from '$lib/db/db';
import { listCustomChannels, listTouchpoints } from '$lib/db/repositories/touchpoints';
import { listJourneys } from '$lib/db/repositories/journeys';
import { listRecords } from '$lib/db/repositories/records';
import type { Card, JourneyState } from '$lib/domain/journey';
import type { CustomChannel, Touchpoint } from '$lib/domain/touchpoint';

async function loadJourneyStates(db: CxDatabase, workspaceId: string): Promise<JourneyState[]> {
	const [journeys, cards] = await Promise.all([listJourneys(db, workspaceId), listRecords<Card>(db, 'cards', workspaceId)]);
	// A local index built per query, never rendered directly.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	const byJourney = new Map<string, Card[]>();
	for (const c of cards) {
		const list = byJourney.get(c.journeyId) ?? [];
		list.push(c);
		byJourney.set(c.journeyId, list);
	}
	return journeys.map((journey) => ({ journey, cards: byJourney.get(journey.id) ?? [] }));
}

export class RegisterState {
	touchpoints = $state.raw<Touchpoint[]>([]);
	channels = $state.raw<CustomChannel[]>([]);
	journeys = $state.raw<JourneyState[]>([]);
	/** True once the first read of this workspace's register finished. */
	loaded = $state(false);
	workspaceId = $state<string | null>(null);

	#subs: Subscription[] = [];

	/** Subscribe to a workspace's register; returns the unsubscribe (call from an `$effect`). */
	connect(db: CxDatabase, workspaceId: string): () => void {
		this.#stop();
		if (this.workspaceId !== workspaceId) {
			this.touchpoints = [];
			this.channels = [];
			this.journeys = [];
			this.loaded = false;
			this.workspaceId = workspaceId;
		}
		const noop = () => {};
		this.#subs = [
			liveQuery(() => listTouchpoints(db, workspaceId)).subscribe({
				next: (list) => {
					this.touchpoints = list.sort((a, b) => a.createdAt - b.createdAt || a.name.localeCompare(b.name));
					this.loaded = true;
				},
				error: noop
			}),
			liveQuery(() => listCustomChannels(db, workspaceId)).subscribe({ next: (list) => (this.channels = list), error: noop }),
			liveQuery(() => loadJourneyStates(db, workspaceId)).subscribe({ next: (list) => (this.journeys = list), error: noop })
		];
		return () => this.#stop();
	}

	#stop(): void {
		for (const s of this.#subs) s.unsubscribe();
		this.#subs = [];
	}
}

export const register = new RegisterState();
