// Persona operations over storage: create (blank or from a segment), duplicate, delete with undo, copy to another workspace,
// JSON import/export with photos, CSV, and object URLs for stored photos. Whole operations run in one transaction.
import type { CxDatabase } from '$lib/db/db';
import { getPersona, listPersonaFields, listPersonas, putPersonaFields, putPersonas } from '$lib/db/repositories/personas';
import { deleteBlobs, getBlob, getBlobs, putBlobs, makePhoto, type StoredBlob } from '$lib/db/repositories/blobs';
import { listCustomChannels } from '$lib/db/repositories/touchpoints';
import type { Locale } from '$lib/domain/record';
import { base64ToBytes, bytesToBase64 } from '$lib/domain/backup/codec';
import {
	copyPersonaToWorkspace,
	duplicatePersona,
	exportPersonaFile,
	importPersonaFile,
	newPersona,
	personaFromSegment,
	personasCsv,
	refreshPersonaFromSegment,
	type Persona,
	type PersonaFieldDef,
	type PersonaImportCode,
	type PersonaInit,
	type PersonaSegmentSummary
} from '$lib/domain/persona';

export const MAX_PERSONA_FILE_BYTES = 40 * 1024 * 1024;

/** New blank persona (default traits in the locale), stored at once. */
export async function createPersona(db: CxDatabase, workspaceId: string, init: PersonaInit, locale: Locale): Promise<Persona> {
	const p = newPersona(workspaceId, init, locale);
	await putPersonas(db, [p]);
	return p;
}

/**
 * "Create persona" on a segmentation result: behaviour and value analysis pre-filled from the segment's
 * figures, with the citation stored on the card (`value.source`). The segments screen calls this.
 */
export async function createPersonaFromSegment(
	db: CxDatabase,
	workspaceId: string,
	summary: PersonaSegmentSummary,
	locale: Locale,
	name?: string
): Promise<Persona> {
	const p = personaFromSegment(summary, locale, workspaceId);
	if (name?.trim()) p.basic.name = name.trim();
	await putPersonas(db, [p]);
	return p;
}

export async function duplicateStored(db: CxDatabase, p: Persona, locale: Locale): Promise<Persona> {
	const copy = duplicatePersona(p, locale);
	await putPersonas(db, [copy]);
	return copy;
}

export type Removed = { personas: Persona[]; blobs: StoredBlob[] };

/** Deletes personas and the photos no other persona uses, in one transaction; returns what to put back on Undo. */
export async function deletePersonasWithPhotos(db: CxDatabase, workspaceId: string, ids: string[]): Promise<Removed> {
	return db.transaction('rw', db.personas, db.blobs, async () => {
		const all = await listPersonas(db, workspaceId);
		const gone = all.filter((p) => ids.includes(p.id));
		const kept = all.filter((p) => !ids.includes(p.id));
		const stillUsed = new Set(kept.map((p) => p.basic.photoBlobId).filter(Boolean));
		const photoIds = [...new Set(gone.map((p) => p.basic.photoBlobId).filter((x): x is string => !!x && !stillUsed.has(x)))];
		const blobs = await getBlobs(db, photoIds);
		await db.personas.bulkDelete(gone.map((p) => p.id));
		await deleteBlobs(db, photoIds);
		return { personas: gone, blobs };
	});
}

export async function restoreRemoved(db: CxDatabase, removed: Removed): Promise<void> {
	await db.transaction('rw', db.personas, db.blobs, async () => {
		await putBlobs(db, removed.blobs);
		await putPersonas(db, removed.personas);
	});
}

/**
 * Copies personas into another workspace in one transaction: new ids, custom field definitions the
 * target lacks are created (matched by name and kind), photos copied as new blob records.
 */
export async function copyPersonasToWorkspace(
	db: CxDatabase,
	personas: Persona[],
	sourceWorkspaceId: string,
	targetWorkspaceId: string
): Promise<Persona[]> {
	return db.transaction('rw', db.personas, db.personaFields, db.blobs, async () => {
		const source = await listPersonaFields(db, sourceWorkspaceId);
		const target = await listPersonaFields(db, targetWorkspaceId);
		const out: Persona[] = [];
		const defs: PersonaFieldDef[] = [];
		const blobs: StoredBlob[] = [];
		for (const p of personas) {
			let photoBlobId: string | null = null;
			if (p.basic.photoBlobId) {
				const b = await getBlob(db, p.basic.photoBlobId);
				if (b) {
					const nb = makePhoto(targetWorkspaceId, b.data, b.width, b.height);
					blobs.push(nb);
					photoBlobId = nb.id;
				}
			}
			const r = copyPersonaToWorkspace(p, targetWorkspaceId, { source, target: [...target, ...defs] }, { photoBlobId });
			defs.push(...r.createdFieldDefs);
			out.push(r.persona);
		}
		await putBlobs(db, blobs);
		await putPersonaFields(db, defs);
		await putPersonas(db, out);
		return out;
	});
}

async function blobToDataUrl(b: Blob): Promise<string> {
	return `data:${b.type || 'application/octet-stream'};base64,${bytesToBase64(new Uint8Array(await b.arrayBuffer()))}`;
}

async function dataUrlToBlob(url: string): Promise<Blob> {
	const m = /^data:([^;,]+)(;base64)?,(.*)$/s.exec(url);
	if (!m) throw new Error('bad data url');
	const bytes = m[2] ? base64ToBytes(m[3]) : new TextEncoder().encode(decodeURIComponent(m[3]));
	return new Blob([bytes as BlobPart], { type: m[1] });
}

/** The JSON file of the given personas, with their photos embedded as data URLs. */
export async function personaFileText(db: CxDatabase, personas: Persona[], workspaceId: string): Promise<string> {
	const defs = await listPersonaFields(db, workspaceId);
	const ids = [...new Set(personas.map((p) => p.basic.photoBlobId).filter((x): x is string => !!x))];
	const photos: Record<string, string> = {};
	for (const b of await getBlobs(db, ids)) photos[b.id] = await blobToDataUrl(b.data);
	return exportPersonaFile(personas, defs, { photos });
}

export type ImportOutcome =
	| { ok: true; personas: Persona[] }
	| { ok: false; code: PersonaImportCode | 'too-large' | 'bad-photo' | 'write-failed'; detail?: Record<string, unknown> };

/** Validates the whole file and decodes every photo first, then writes everything in one transaction. */
export async function importPersonasText(
	db: CxDatabase,
	text: string,
	workspaceId: string,
	measure?: (b: Blob) => Promise<{ width: number; height: number }>
): Promise<ImportOutcome> {
	if (text.length > MAX_PERSONA_FILE_BYTES) return { ok: false, code: 'too-large', detail: { size: text.length } };
	const existing = await listPersonaFields(db, workspaceId);
	const res = importPersonaFile(text, workspaceId, existing);
	if (!res.ok) return { ok: false, code: res.code, detail: res.detail };
	const blobs: StoredBlob[] = [];
	const now = Date.now();
	for (const [id, url] of Object.entries(res.photos)) {
		try {
			const data = await dataUrlToBlob(url);
			const size = measure ? await measure(data) : { width: 0, height: 0 };
			blobs.push({ id, workspaceId, createdAt: now, updatedAt: now, kind: 'photo', data, type: data.type, ...size });
		} catch {
			const who = res.personas.find((p) => p.basic.photoBlobId === id);
			return { ok: false, code: 'bad-photo', detail: { name: who?.basic.name ?? '' } };
		}
	}
	try {
		await db.transaction('rw', db.personas, db.personaFields, db.blobs, async () => {
			await putBlobs(db, blobs);
			await putPersonaFields(db, res.fieldDefs);
			await putPersonas(db, res.personas);
		});
	} catch (e) {
		return { ok: false, code: 'write-failed', detail: { name: (e as { name?: string }).name ?? 'Error' } };
	}
	return { ok: true, personas: res.personas };
}

export async function personasCsvText(db: CxDatabase, workspaceId: string, locale: Locale): Promise<string> {
	const [ps, defs, channels] = await Promise.all([
		listPersonas(db, workspaceId),
		listPersonaFields(db, workspaceId),
		listCustomChannels(db, workspaceId)
	]);
	ps.sort((a, b) => a.createdAt - b.createdAt);
	return personasCsv(ps, defs, locale, channels);
}

/** Stores a (resized) photo for a persona's workspace and returns the new blob id. */
export async function storePhoto(db: CxDatabase, workspaceId: string, data: Blob, width: number, height: number): Promise<string> {
	const b = makePhoto(workspaceId, data, width, height);
	await putBlobs(db, [b]);
	return b.id;
}

// Photo blobs never change (a new photo is a new blob), so an object URL per id lives for the session.
const urls = new Map<string, Promise<string | null>>();

export function photoUrl(db: CxDatabase, id: string): Promise<string | null> {
	let u = urls.get(id);
	if (!u) {
		u = getBlob(db, id).then((b) => (b ? URL.createObjectURL(b.data) : null));
		urls.set(id, u);
		void u.then((x) => x === null && urls.delete(id));
	}
	return u;
}

/** A stored photo as a data URL (for SVG/PNG export, where object URLs inside an SVG image do not load). */
export async function photoDataUrl(db: CxDatabase, id: string): Promise<string | null> {
	const b = await getBlob(db, id);
	return b ? blobToDataUrl(b.data) : null;
}

/**
 * New figures for the segment a persona was created from (the persona editor's "Refresh figures" calls this):
 * the citation is replaced, and generated texts the user has not edited since are updated, in one transaction.
 * Returns the stored record before and after, so the caller can offer Undo; null when the persona is gone.
 */
export async function refreshPersonaFromSegmentStored(
	db: CxDatabase,
	id: string,
	summary: PersonaSegmentSummary,
	locale: Locale
): Promise<{ before: Persona; after: Persona } | null> {
	return db.transaction('rw', db.personas, async () => {
		const p = await getPersona(db, id);
		if (!p) return null;
		const next = refreshPersonaFromSegment(p, summary, locale);
		await putPersonas(db, [next]);
		return { before: p, after: next };
	});
}
