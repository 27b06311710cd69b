// Holiday / special-day calendars in storage: one per workspace, created from the presets on first use.
import { defaultCalendar, type CalendarRecord } from '$lib/domain/analytics/calendar.schema';
import type { CxDatabase } from '../db';
import { listRecords } from './records';

export const listCalendars = (db: CxDatabase, workspaceId: string) => listRecords<CalendarRecord>(db, 'calendars', workspaceId);

/** The workspace calendar (oldest first if several came in through restores), or null when none exists yet. */
export async function getWorkspaceCalendar(db: CxDatabase, workspaceId: string): Promise<CalendarRecord | null> {
	const all = await listCalendars(db, workspaceId);
	return all.sort((a, b) => a.createdAt - b.createdAt)[0] ?? null;
}

/** Create the preset calendar once (inside a transaction, so two tabs cannot both create one). */
export async function ensureWorkspaceCalendar(db: CxDatabase, workspaceId: string, now = Date.now()): Promise<CalendarRecord> {
	return db.transaction('rw', db.calendars, async () => {
		const found = await getWorkspaceCalendar(db, workspaceId);
		if (found) return found;
		const cal = defaultCalendar(workspaceId, now);
		await db.calendars.add(cal);
		return cal;
	});
}

export async function putCalendar(db: CxDatabase, cal: CalendarRecord): Promise<void> {
	await db.calendars.put({ ...cal, updatedAt: Date.now() });
}
