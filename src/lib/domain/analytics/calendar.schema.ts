// Holiday / special-day calendar record (one per workspace): presets the user can edit plus their own promotions and closures.
import * as v from 'valibot';
import { BaseRecordSchema, newId } from '../record';
import { presetEvents, type CalendarEvent } from './forecast/events';

export const EVENT_KINDS = ['holiday', 'festival', 'promotion', 'closure'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export const EVENT_TREATMENTS = ['effect', 'exclude', 'closed'] as const;

const IsoDay = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/));

export const CalendarEntrySchema = v.looseObject({
	id: v.pipe(v.string(), v.minLength(1)),
	/** Built-in preset key (`spring-festival`, `618`…): its name is translated; '' for the user's own days. */
	preset: v.optional(v.string(), ''),
	/** The user's name for the day (presets may leave it empty). */
	name: v.pipe(v.string(), v.maxLength(120)),
	kind: v.picklist(EVENT_KINDS),
	/** First day of each occurrence. */
	dates: v.array(IsoDay),
	days: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(60)),
	before: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(14)), 0),
	treatment: v.picklist(EVENT_TREATMENTS),
	enabled: v.boolean()
});
export type CalendarEntry = v.InferOutput<typeof CalendarEntrySchema>;

export const CalendarSchemaV1 = v.looseObject({
	...BaseRecordSchema.entries,
	name: v.string(),
	entries: v.array(CalendarEntrySchema),
	formatVersion: v.literal(1)
});
export const CalendarSchema = CalendarSchemaV1;
export type CalendarRecord = v.InferOutput<typeof CalendarSchemaV1>;

const PRESET_KIND: Record<string, EventKind> = { '618': 'festival', 'double-11': 'festival' };

/** A workspace's first calendar: the built-in Chinese holidays and shopping festivals, all on, effects estimated. */
export function defaultCalendar(workspaceId: string, now: number): CalendarRecord {
	return {
		id: newId(),
		workspaceId,
		createdAt: now,
		updatedAt: now,
		name: '',
		entries: presetEvents().map((e) => ({
			id: newId(),
			preset: e.key,
			name: '',
			kind: PRESET_KIND[e.key] ?? 'holiday',
			dates: e.dates,
			days: e.days,
			before: e.before ?? 0,
			treatment: e.treatment,
			enabled: true
		})),
		formatVersion: 1
	};
}

/** The engine's view of the enabled entries (key = preset key or the entry id, so each entry gets its own effect). */
export function toEngineEvents(entries: readonly CalendarEntry[]): CalendarEvent[] {
	return entries
		.filter((e) => e.enabled && e.dates.length > 0)
		.map((e) => ({ key: e.preset || e.id, dates: [...e.dates], days: e.days, before: e.before ?? 0, treatment: e.treatment }));
}

/** "2026-02-17, 2027-02-06" or one per line → sorted unique valid ISO days; bad parts reported by text. */
export function parseDateList(text: string): { dates: string[]; bad: string[] } {
	const parts = text
		.split(/[\s,;，；、]+/)
		.map((s) => s.trim())
		.filter(Boolean);
	const dates = new Set<string>();
	const bad: string[] = [];
	for (const p of parts) {
		const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(p);
		if (!m) {
			bad.push(p);
			continue;
		}
		const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
		const d = new Date(iso + 'T00:00:00Z');
		if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) bad.push(p);
		else dates.add(iso);
	}
	return { dates: [...dates].sort(), bad };
}
