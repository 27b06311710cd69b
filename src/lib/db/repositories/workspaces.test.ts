import { describe, expect, it } from 'vitest';
import { freshDb } from '../test-helpers';
import {
	countRecords,
	createWorkspace,
	duplicateWorkspace,
	purgeExpired,
	restoreFromTrash,
	trashWorkspace,
	updateWorkspace
} from './workspaces';
import { TRASH_TTL_MS } from '$lib/domain/workspace/workspace';

describe('workspace repository', () => {
	it('creates, renames, duplicates with all content, trashes and restores', async () => {
		const db = await freshDb();
		const ws = await createWorkspace(db, 'Shop');
		await db.journeys.add({ id: 'j1', workspaceId: ws.id, title: 'Visit' });
		await db.cards.add({ id: 'c1', workspaceId: ws.id, journeyId: 'j1', text: 'hello' });
		await updateWorkspace(db, ws.id, { name: '  Tea   shop ' });
		expect((await db.workspaces.get(ws.id))?.name).toBe('Tea shop');

		const dup = await duplicateWorkspace(db, ws.id, 'Tea shop (copy)');
		expect(dup.ok).toBe(true);
		if (!dup.ok) return;
		const counts = await countRecords(db, dup.value);
		expect(counts.journeys).toBe(1);
		expect(counts.cards).toBe(1);
		const card = (await db.cards.where('workspaceId').equals(dup.value).first())!;
		const journey = (await db.journeys.where('workspaceId').equals(dup.value).first())!;
		expect(card.journeyId).toBe(journey.id);
		expect(journey.id).not.toBe('j1');

		await trashWorkspace(db, ws.id);
		expect((await db.workspaces.get(ws.id))?.deletedAt).toBeTypeOf('number');
		await restoreFromTrash(db, ws.id);
		expect((await db.workspaces.get(ws.id))?.deletedAt).toBeNull();
	});

	it('purges only what has been in the trash for 24 hours, with its records', async () => {
		const db = await freshDb();
		const a = await createWorkspace(db, 'A');
		const b = await createWorkspace(db, 'B');
		await db.cards.add({ id: 'c1', workspaceId: a.id });
		await trashWorkspace(db, a.id);
		await trashWorkspace(db, b.id);
		const deletedAt = (await db.workspaces.get(a.id))!.deletedAt!;
		expect(await purgeExpired(db, deletedAt + TRASH_TTL_MS - 1000)).toBe(0);
		await db.workspaces.update(b.id, { deletedAt: deletedAt + 10_000 });
		expect(await purgeExpired(db, deletedAt + TRASH_TTL_MS)).toBe(1);
		expect(await db.workspaces.get(a.id)).toBeUndefined();
		expect(await db.cards.count()).toBe(0);
		expect(await db.workspaces.get(b.id)).toBeDefined();
	});
});
