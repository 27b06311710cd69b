// @vitest-environment node
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { freshDb } from '$lib/db/test-helpers';
import { createWorkspace } from '$lib/db/repositories/workspaces';
import { getPersona, listPersonaFields, listPersonas, putPersonaFields, putPersonas } from '$lib/db/repositories/personas';
import { getBlob, putBlobs, makePhoto } from '$lib/db/repositories/blobs';
import { xiaolin, xiaolinFieldDefs } from '../../../tests/fixtures/persona/xiaolin';
import type { PersonaSegmentSummary } from '$lib/domain/persona';
import {
	copyPersonasToWorkspace,
	createPersonaFromSegment,
	deletePersonasWithPhotos,
	importPersonasText,
	personaFileText,
	personasCsvText,
	restoreRemoved
} from './personas';

const PNG = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 1, 2, 3, 4]);

async function seeded() {
	const db = await freshDb();
	const a = await createWorkspace(db, 'A');
	const b = await createWorkspace(db, 'B');
	const photo = makePhoto(a.id, new Blob([PNG], { type: 'image/png' }), 64, 64);
	await putBlobs(db, [photo]);
	const p = xiaolin(a.id);
	p.basic.photoBlobId = photo.id;
	await putPersonaFields(db, xiaolinFieldDefs(a.id));
	await putPersonas(db, [p]);
	return { db, a, b, p, photo };
}

describe('persona storage operations', () => {
	it('copies a persona to another workspace with its custom fields and photo, in one go', async () => {
		const { db, a, b, p, photo } = await seeded();
		await putPersonaFields(db, [{ ...xiaolinFieldDefs(b.id)[0], id: 'b-tea' }]);
		const [copy] = await copyPersonasToWorkspace(db, [p], a.id, b.id);
		expect(copy.workspaceId).toBe(b.id);
		expect(copy.id).not.toBe(p.id);
		const defs = await listPersonaFields(db, b.id);
		// The existing "最爱茶品" text field is reused; the three missing ones are created.
		expect(defs).toHaveLength(4);
		expect(copy.custom['b-tea']).toBe('茉莉奶绿');
		expect(Object.keys(copy.custom).every((k) => defs.some((d) => d.id === k))).toBe(true);
		const blob = await getBlob(db, copy.basic.photoBlobId!);
		expect(blob?.workspaceId).toBe(b.id);
		expect(blob?.id).not.toBe(photo.id);
		expect(new Uint8Array(await blob!.data.arrayBuffer())).toEqual(PNG);
		expect(await listPersonas(db, a.id)).toHaveLength(1);
	});

	it('exports a file that imports back equal, photo included, into any workspace', async () => {
		const { db, a, b, p } = await seeded();
		const text = await personaFileText(db, [p], a.id);
		const r = await importPersonasText(db, text, b.id);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		const back = (await getPersona(db, r.personas[0].id))!;
		expect(back.basic.name).toBe(p.basic.name);
		expect(back.needs.map((n) => [n.type, n.text])).toEqual(p.needs.map((n) => [n.type, n.text]));
		expect(back.traits.map((t) => t.value)).toEqual(p.traits.map((t) => t.value));
		const blob = await getBlob(db, back.basic.photoBlobId!);
		expect(new Uint8Array(await blob!.data.arrayBuffer())).toEqual(PNG);
		expect((await listPersonaFields(db, b.id)).map((d) => d.name).sort()).toEqual(
			xiaolinFieldDefs()
				.map((d) => d.name)
				.sort()
		);
	});

	it('refuses bad files with a code and writes nothing', async () => {
		const { db, a, b, p } = await seeded();
		expect(await importPersonasText(db, 'nope', b.id)).toMatchObject({ ok: false, code: 'not-json' });
		expect(await importPersonasText(db, '{"formatName":"x","formatVersion":1}', b.id)).toMatchObject({ ok: false, code: 'wrong-format' });
		const file = JSON.parse(await personaFileText(db, [p, { ...p, id: 'p2' }], a.id));
		file.personas[1].value.tier = 'Z';
		expect(await importPersonasText(db, JSON.stringify(file), b.id)).toMatchObject({
			ok: false,
			code: 'invalid-record',
			detail: { index: 1 }
		});
		const broken = JSON.parse(await personaFileText(db, [p], a.id));
		broken.photos[p.basic.photoBlobId!] = 'data:image/png;base64,@@@';
		const bad = await importPersonasText(db, JSON.stringify(broken), b.id);
		expect(bad.ok).toBe(false);
		expect(await listPersonas(db, b.id)).toHaveLength(0);
		expect(await listPersonaFields(db, b.id)).toHaveLength(0);
	});

	it('deletes a persona and its unshared photo together, and Undo puts both back', async () => {
		const { db, a, p, photo } = await seeded();
		const removed = await deletePersonasWithPhotos(db, a.id, [p.id]);
		expect(await listPersonas(db, a.id)).toHaveLength(0);
		expect(await getBlob(db, photo.id)).toBeUndefined();
		await restoreRemoved(db, removed);
		expect((await getPersona(db, p.id))?.basic.photoBlobId).toBe(photo.id);
		expect(await getBlob(db, photo.id)).toBeDefined();
	});

	it('creates a persona from a segment summary with the figures cited (for the segments screen)', async () => {
		const db = await freshDb();
		const ws = await createWorkspace(db, 'A');
		const summary: PersonaSegmentSummary = {
			datasetId: 'ds1',
			analysisId: 'an1',
			segmentKey: 'loyal',
			segmentName: 'Loyal',
			customers: 689,
			customerShare: 0.18,
			revenueShare: 0.41,
			medianRecencyDays: 12,
			medianFrequency: 9,
			medianMonetary: 1980,
			currency: 'CNY',
			preferredChannel: '小程序',
			tier: 'B',
			computedAt: Date.UTC(2024, 5, 30)
		};
		const p = await createPersonaFromSegment(db, ws.id, summary, 'en', 'Lin, loyal member');
		const stored = (await getPersona(db, p.id))!;
		expect(stored.basic.name).toBe('Lin, loyal member');
		expect(stored.value.source).toMatchObject({ segmentName: 'Loyal', customers: 689, revenueShare: 0.41 });
		expect(stored.value.tier).toBe('B');
		expect(stored.behaviour.channelPreferences).toEqual(['miniProgram']);
		expect(stored.behaviour.frequency).toContain('9');
		const csv = await personasCsvText(db, ws.id, 'en');
		expect(csv).toContain('Loyal (n=689)');
	});
});
