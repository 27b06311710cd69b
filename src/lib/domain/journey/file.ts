// One-map JSON file: the export envelope and an importer that validates, remaps ids and returns coded errors.
import * as v from 'valibot';
import type { Err } from '../errors';
import { CardSchema, type Card } from './card.schema';
import { cloneJourney } from './create';
import { JourneySchema, JOURNEY_VERSION, type Journey } from './journey.schema';
import { ctxNow, type EditContext, type JourneyState } from './state';

export const JOURNEY_FILE_FORMAT = 'cx-studio.journey';
/** Version of the file envelope; bump when the envelope or the records inside change incompatibly. */
export const JOURNEY_FILE_VERSION = 1;

export interface JourneyFile {
	formatName: typeof JOURNEY_FILE_FORMAT;
	formatVersion: number;
	schemaVersion: number;
	exportedAt: string;
	journey: Journey;
	cards: Card[];
}

export function exportJourneyFile(s: JourneyState, ctx?: EditContext): string {
	const file: JourneyFile = {
		formatName: JOURNEY_FILE_FORMAT,
		formatVersion: JOURNEY_FILE_VERSION,
		schemaVersion: JOURNEY_VERSION,
		exportedAt: new Date(ctxNow(ctx)).toISOString(),
		journey: s.journey,
		cards: [...s.cards].sort((a, b) => a.id.localeCompare(b.id))
	};
	return JSON.stringify(file, null, 2);
}

/** File name suggestion: the title made safe for every OS, never empty. */
export function journeyFileName(j: Pick<Journey, 'title'>, ext = 'json'): string {
	const base =
		j.title
			.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ')
			.trim()
			.slice(0, 80) || 'journey';
	return `${base}.${ext}`;
}

export type JourneyImportCode = 'not-json' | 'wrong-format' | 'newer-version' | 'invalid-record' | 'dangling-reference';
export type JourneyImportResult = { ok: true; journey: Journey; cards: Card[] } | Err<JourneyImportCode>;

const issuePath = (issues: v.BaseIssue<unknown>[]): string => (v.getDotPath(issues[0]) ?? '').toString();

/**
 * Reads a map file into `workspaceId`: parse → envelope → version → validate every record →
 * check card cells exist → copy with fresh ids (so importing the same file twice gives two maps).
 * Never throws; `detail` carries what the UI needs for the message (path, index, versions).
 */
export function importJourneyFile(text: string, workspaceId: string, ctx?: EditContext): JourneyImportResult {
	let raw: unknown;
	try {
		raw = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch (e) {
		return { ok: false, code: 'not-json', detail: { message: e instanceof Error ? e.message : String(e) } };
	}
	if (!raw || typeof raw !== 'object' || (raw as { formatName?: unknown }).formatName !== JOURNEY_FILE_FORMAT)
		return {
			ok: false,
			code: 'wrong-format',
			detail: { formatName: (raw as { formatName?: unknown } | null)?.formatName ?? null }
		};
	const env = raw as Partial<JourneyFile>;
	if (typeof env.formatVersion !== 'number')
		return { ok: false, code: 'wrong-format', detail: { formatName: JOURNEY_FILE_FORMAT, field: 'formatVersion' } };
	if (env.formatVersion > JOURNEY_FILE_VERSION || (env.schemaVersion ?? 0) > JOURNEY_VERSION)
		return {
			ok: false,
			code: 'newer-version',
			detail: { fileVersion: env.formatVersion, supported: JOURNEY_FILE_VERSION }
		};
	const j = v.safeParse(JourneySchema, env.journey);
	if (!j.success)
		return { ok: false, code: 'invalid-record', detail: { record: 'journey', path: issuePath(j.issues), message: j.issues[0].message } };
	if (!Array.isArray(env.cards))
		return { ok: false, code: 'invalid-record', detail: { record: 'cards', path: 'cards', message: 'not an array' } };
	const cards: Card[] = [];
	for (let i = 0; i < env.cards.length; i++) {
		const c = v.safeParse(CardSchema, env.cards[i]);
		if (!c.success)
			return {
				ok: false,
				code: 'invalid-record',
				detail: { record: 'card', index: i, path: issuePath(c.issues), message: c.issues[0].message }
			};
		cards.push(c.output);
	}
	const lanes = new Set(j.output.lanes.map((l) => l.id));
	const steps = new Set(j.output.stages.flatMap((st) => st.steps.map((x) => x.id)));
	const bad = cards.findIndex((c) => !lanes.has(c.laneId) || !steps.has(c.stepId));
	if (bad >= 0)
		return {
			ok: false,
			code: 'dangling-reference',
			detail: { record: 'card', index: bad, path: lanes.has(cards[bad].laneId) ? 'stepId' : 'laneId' }
		};
	const { state } = cloneJourney({ journey: j.output, cards }, workspaceId, ctx);
	return { ok: true, journey: state.journey, cards: state.cards };
}
