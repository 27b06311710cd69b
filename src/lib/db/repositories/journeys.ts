// Journey maps in storage: list, load a map with its cards, write one edit (journey + cards) in one transaction, delete, templates.
import type { Card, Journey, JourneyEdit, JourneyState, JourneyTemplateRecord } from '$lib/domain/journey';
import type { CxDatabase } from '../db';
import { getRecord, listRecords, validateRows, type Invalid } from './records';

export async function listJourneys(db: CxDatabase, workspaceId: string, onInvalid?: (e: Invalid) => void): Promise<Journey[]> {
	const rows = await listRecords<Journey>(db, 'journeys', workspaceId, onInvalid);
	return rows.sort((a, b) => b.updatedAt - a.updatedAt);
}

export async function loadJourney(db: CxDatabase, id: string, onInvalid?: (e: Invalid) => void): Promise<JourneyState | null> {
	return db.transaction('r', [db.journeys, db.cards], async () => {
		const journey = await getRecord<Journey>(db, 'journeys', id);
		if (!journey) return null;
		// No dynamic import in here: awaiting anything but Dexie inside a transaction commits it early (PrematureCommitError).
		const raw = await db.cards.where('journeyId').equals(id).toArray();
		const cards = validateRows<Card>('cards', raw, onInvalid);
		return { journey, cards };
	});
}

/** Store exactly what an operation changed; the undo stack replays inverse edits through here too. */
export async function writeJourneyEdit(db: CxDatabase, edit: Pick<JourneyEdit, 'journey' | 'put' | 'remove'>): Promise<void> {
	await db.transaction('rw', [db.journeys, db.cards], async () => {
		if (edit.journey) await db.journeys.put(edit.journey);
		if (edit.put.length) await db.cards.bulkPut(edit.put);
		if (edit.remove.length) await db.cards.bulkDelete(edit.remove);
	});
}

/** A whole new map (from a template, a file, a duplicate or as a to-be copy). */
export async function insertJourney(db: CxDatabase, state: JourneyState): Promise<void> {
	await db.transaction('rw', [db.journeys, db.cards], async () => {
		await db.journeys.add(state.journey);
		if (state.cards.length) await db.cards.bulkAdd(state.cards);
	});
}

export async function deleteJourney(db: CxDatabase, id: string): Promise<JourneyState | null> {
	return db.transaction('rw', [db.journeys, db.cards], async () => {
		const state = await loadJourney(db, id);
		await db.cards.where('journeyId').equals(id).delete();
		await db.journeys.delete(id);
		return state;
	});
}

export async function listTemplates(db: CxDatabase, workspaceId: string): Promise<JourneyTemplateRecord[]> {
	return listRecords<JourneyTemplateRecord>(db, 'templates', workspaceId);
}

export async function putTemplate(db: CxDatabase, t: JourneyTemplateRecord): Promise<void> {
	await db.templates.put(t);
}
