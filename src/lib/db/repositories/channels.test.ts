// Custom channel storage: edit and undo, delete (moving touchpoints and persona preferences) in one transaction, and undo.
import { describe, expect, it, vi } from 'vitest';
import { newCustomChannel, newTouchpoint, type CustomChannel } from '$lib/domain/touchpoint';
import { freshDb, quotaState, snapshot } from '../test-helpers';
import type { CxDatabase } from '../db';
import {
	ChannelInUseError,
	ChannelMissingError,
	deleteCustomChannel,
	getTouchpoint,
	listCustomChannels,
	putCustomChannel,
	putTouchpoints,
	restoreChannelEdit,
	restoreDeletedChannel,
	updateCustomChannel
} from './touchpoints';
import { editCustomChannel } from '$lib/domain/touchpoint';

async function setup(opts: { failTable?: string } = {}) {
	const db = await freshDb(opts);
	quotaState.fail = false;
	const kiosk = newCustomChannel('ws', { name: 'Kiosk', group: 'offline', labels: { 'zh-CN': '自助点单机' } }, []);
	const tablet = newCustomChannel('ws', { name: 'Tablet', group: 'online', labels: {} }, [kiosk]);
	await putCustomChannel(db, kiosk);
	await putCustomChannel(db, tablet);
	const onKiosk = newTouchpoint('ws', { name: 'Order at the kiosk', channelId: kiosk.id });
	const onStore = newTouchpoint('ws', { name: 'Counter', channelId: 'store' });
	const otherWs = newTouchpoint('ws2', { name: 'Elsewhere', channelId: kiosk.id });
	await putTouchpoints(db, [onKiosk, onStore, otherWs]);
	await db.personas.bulkPut([
		{
			id: 'p1',
			workspaceId: 'ws',
			createdAt: 1,
			updatedAt: 1,
			behaviour: { channelPreferences: [kiosk.id, 'phoneHotline', 'app'], notes: 'x' }
		},
		{ id: 'p2', workspaceId: 'ws', createdAt: 1, updatedAt: 1, behaviour: { channelPreferences: ['app'] } }
	]);
	await db.cards.put({ id: 'card1', workspaceId: 'ws', journeyId: 'j1', touchpointId: onKiosk.id, text: 'Kiosk order' });
	quotaState.fail = true;
	return { db, kiosk, tablet, onKiosk, onStore, otherWs };
}

const prefs = async (db: CxDatabase, id: string) =>
	((await db.personas.get(id))?.behaviour as { channelPreferences: string[] }).channelPreferences;

describe('editing a custom channel', () => {
	it('saves the new labels and undoes back to the old ones', async () => {
		const { db, kiosk } = await setup();
		const before = await updateCustomChannel(
			db,
			editCustomChannel(kiosk, { name: 'Self-order kiosk', group: 'offline', labels: { en: 'Self-order kiosk', 'zh-CN': '自助点餐机' } })
		);
		let list = await listCustomChannels(db, 'ws');
		expect(list.find((c) => c.id === kiosk.id)).toMatchObject({ name: 'Self-order kiosk', labels: { 'zh-CN': '自助点餐机' } });
		expect(await restoreChannelEdit(db, before)).toBe(true);
		list = await listCustomChannels(db, 'ws');
		expect(list.find((c) => c.id === kiosk.id)).toMatchObject({ name: 'Kiosk', labels: { 'zh-CN': '自助点单机' } });
	});
	it('refuses to edit a channel deleted meanwhile, writing nothing', async () => {
		const { db, tablet } = await setup();
		await deleteCustomChannel(db, tablet.id, null);
		const snap = await snapshot(db);
		await expect(updateCustomChannel(db, { ...tablet, name: 'Pad' } as CustomChannel)).rejects.toBeInstanceOf(ChannelMissingError);
		expect(await snapshot(db)).toEqual(snap);
	});
});

describe('deleting a custom channel', () => {
	it('deletes an unused channel at once, and Undo brings it back', async () => {
		const { db, tablet } = await setup();
		const snap = await snapshot(db);
		const d = await deleteCustomChannel(db, tablet.id, null);
		expect((await listCustomChannels(db, 'ws')).map((c) => c.id)).not.toContain(tablet.id);
		expect(d.touchpointIds).toEqual([]);
		expect(await restoreDeletedChannel(db, d)).toBe(true);
		expect(await snapshot(db)).toEqual(snap);
		expect(await restoreDeletedChannel(db, d)).toBe(false);
	});

	it('refuses a used channel without a new one, changing nothing', async () => {
		const { db, kiosk } = await setup();
		const snap = await snapshot(db);
		const err = await deleteCustomChannel(db, kiosk.id, null).catch((e: unknown) => e);
		expect(err).toBeInstanceOf(ChannelInUseError);
		expect((err as ChannelInUseError).touchpoints).toBe(1);
		expect(await snapshot(db)).toEqual(snap);
	});

	it('refuses a new channel that does not exist or is the same, changing nothing', async () => {
		const { db, kiosk } = await setup();
		const snap = await snapshot(db);
		await expect(deleteCustomChannel(db, kiosk.id, 'fax')).rejects.toBeInstanceOf(ChannelMissingError);
		await expect(deleteCustomChannel(db, kiosk.id, kiosk.id)).rejects.toBeInstanceOf(ChannelMissingError);
		await expect(deleteCustomChannel(db, 'gone', 'store')).rejects.toBeInstanceOf(ChannelMissingError);
		expect(await snapshot(db)).toEqual(snap);
	});

	it('moves its touchpoints and persona preferences, then deletes, in one go; journey cards keep their link', async () => {
		const { db, kiosk, onKiosk, onStore, otherWs } = await setup();
		const d = await deleteCustomChannel(db, kiosk.id, 'phoneHotline');
		expect(d.touchpointIds).toEqual([onKiosk.id]);
		expect((await getTouchpoint(db, onKiosk.id))?.channelId).toBe('phoneHotline');
		expect((await getTouchpoint(db, onKiosk.id))?.name).toBe('Order at the kiosk');
		expect((await getTouchpoint(db, onStore.id))?.channelId).toBe('store');
		// Another workspace's touchpoint is not touched (ids are per workspace in practice; the guard is the workspace).
		expect((await getTouchpoint(db, otherWs.id))?.channelId).toBe(kiosk.id);
		expect(await prefs(db, 'p1')).toEqual(['phoneHotline', 'app']);
		expect((await db.personas.get('p1'))?.behaviour).toMatchObject({ notes: 'x' });
		expect(await prefs(db, 'p2')).toEqual(['app']);
		expect(await db.channels.get(kiosk.id)).toBeUndefined();
		expect((await db.cards.get('card1'))?.touchpointId).toBe(onKiosk.id);
	});

	it('moves to another custom channel too', async () => {
		const { db, kiosk, tablet, onKiosk } = await setup();
		await deleteCustomChannel(db, kiosk.id, tablet.id);
		expect((await getTouchpoint(db, onKiosk.id))?.channelId).toBe(tablet.id);
	});

	it('undo puts channel, touchpoints and personas back, keeping later edits', async () => {
		const { db, kiosk, onKiosk } = await setup();
		const snap = await snapshot(db);
		const d = await deleteCustomChannel(db, kiosk.id, 'phoneHotline');
		expect(await restoreDeletedChannel(db, d)).toBe(true);
		const after = await snapshot(db);
		const strip = (rows: unknown[]) => rows.map((r) => ({ ...(r as object), updatedAt: 0 }));
		for (const t of Object.keys(snap)) expect(strip(after[t]), t).toEqual(strip(snap[t]));

		// A later edit survives Undo: the touchpoint renamed, a persona's preferences changed.
		const d2 = await deleteCustomChannel(db, kiosk.id, 'phoneHotline');
		await db.touchpoints.update(onKiosk.id, { name: 'Kiosk order (renamed)' });
		await db.personas.update('p1', { behaviour: { channelPreferences: ['app'] } });
		await restoreDeletedChannel(db, d2);
		expect(await getTouchpoint(db, onKiosk.id)).toMatchObject({ name: 'Kiosk order (renamed)', channelId: kiosk.id });
		expect(await prefs(db, 'p1')).toEqual(['app', kiosk.id]);
	});

	it('a failure part-way (the channel cannot be deleted) leaves touchpoints and personas as they were', async () => {
		const { db, kiosk } = await setup({ failTable: 'channels' });
		const snap = await snapshot(db);
		await expect(deleteCustomChannel(db, kiosk.id, 'phoneHotline')).rejects.toThrow();
		expect(await snapshot(db)).toEqual(snap);
	});

	it('a failure while moving personas leaves the touchpoints as they were', async () => {
		const { db, kiosk } = await setup();
		const snap = await snapshot(db);
		const spy = vi.spyOn(db.personas, 'bulkPut').mockRejectedValueOnce(new Error('disk full'));
		await expect(deleteCustomChannel(db, kiosk.id, 'phoneHotline')).rejects.toThrow('disk full');
		spy.mockRestore();
		expect(await snapshot(db)).toEqual(snap);
	});
});
