import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { CalendarSchema, defaultCalendar, parseDateList, toEngineEvents } from './calendar.schema';

describe('holiday calendar', () => {
	it('starts from the presets (Spring Festival, 618, Double 11, National Day week…) and passes its schema', () => {
		const cal = defaultCalendar('ws', 1);
		expect(v.safeParse(CalendarSchema, cal).success).toBe(true);
		const keys = cal.entries.map((e) => e.preset);
		expect(keys).toEqual(expect.arrayContaining(['spring-festival', 'national-day', '618', 'double-11', 'mid-autumn']));
		expect(cal.entries.find((e) => e.preset === 'spring-festival')!.dates).toContain('2026-02-17');
	});

	it('gives the engine only enabled entries, keyed by preset or by the entry id', () => {
		const cal = defaultCalendar('ws', 1);
		cal.entries[0].enabled = false;
		cal.entries.push({
			id: 'mine',
			preset: '',
			name: 'Anniversary',
			kind: 'promotion',
			dates: ['2025-03-08'],
			days: 2,
			before: 0,
			treatment: 'effect',
			enabled: true
		});
		const ev = toEngineEvents(cal.entries);
		expect(ev.length).toBe(cal.entries.length - 1);
		expect(ev.at(-1)).toEqual({ key: 'mine', dates: ['2025-03-08'], days: 2, before: 0, treatment: 'effect' });
	});

	it('reads date lists in common spellings and names what it cannot read', () => {
		expect(parseDateList('2025/3/8, 2024-03-08\n2025.03.08；2026-02-30 soon')).toEqual({
			dates: ['2024-03-08', '2025-03-08'],
			bad: ['2026-02-30', 'soon']
		});
	});

	it('rejects entries that would break a forecast', () => {
		const cal = defaultCalendar('ws', 1);
		const bad = { ...cal, entries: [{ ...cal.entries[0], days: 0 }] };
		expect(v.safeParse(CalendarSchema, bad).success).toBe(false);
		const badDate = { ...cal, entries: [{ ...cal.entries[0], dates: ['8 March'] }] };
		expect(v.safeParse(CalendarSchema, badDate).success).toBe(false);
	});
});
