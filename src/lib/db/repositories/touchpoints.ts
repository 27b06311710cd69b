// The touchpoint register in storage: list, get, put, delete touchpoints; custom channels: add, edit, delete (moving their users) and undo.
import type { Touchpoint } from '$lib/domain/touchpoint/touchpoint.schema';
import type { CustomChannel } from '$lib/domain/touchpoint/channels';
import { isValidMoveTarget, replaceChannelPreference } from '$lib/domain/touchpoint/channel-edits';
import type { AnyRecord, CxDatabase } from '../db';
import { getRecord, listRecords } from './records';

export const listTouchpoints = (db: CxDatabase, workspaceId: string) => listRecords<Touchpoint>(db, 'touchpoints', workspaceId);
export const getTouchpoint = (db: CxDatabase, id: string) => getRecord<Touchpoint>(db, 'touchpoints', id);
export async function putTouchpoints(db: CxDatabase, tps: Touchpoint[]): Promise<void> {
	await db.touchpoints.bulkPut(tps);
}
export async function deleteTouchpoints(db: CxDatabase, ids: string[]): Promise<void> {
	await db.touchpoints.bulkDelete(ids);
}
export const listCustomChannels = (db: CxDatabase, workspaceId: string) => listRecords<CustomChannel>(db, 'channels', workspaceId);
export async function putCustomChannel(db: CxDatabase, c: CustomChannel): Promise<void> {
	await db.channels.put(c);
}

/** Deleting a channel that touchpoints still use, without saying where they go. */
export class ChannelInUseError extends Error {
	constructor(readonly touchpoints: number) {
		super(`The channel is used by ${touchpoints} touchpoint(s); choose where to move them.`);
		this.name = 'ChannelInUseError';
	}
}

/** The channel to delete is gone, or the chosen new channel does not exist. */
export class ChannelMissingError extends Error {
	constructor(readonly channelId: string) {
		super(`Channel ${channelId} does not exist.`);
		this.name = 'ChannelMissingError';
	}
}

/** Saves a custom channel's new name, type and labels; returns the record as it was (for Undo). */
export async function updateCustomChannel(db: CxDatabase, next: CustomChannel): Promise<AnyRecord> {
	return db.transaction('rw', db.channels, async () => {
		const before = await db.channels.get(next.id);
		if (!before) throw new ChannelMissingError(next.id);
		await db.channels.put({ ...before, ...next });
		return before;
	});
}

/** Puts an edited channel back as it was, unless it was deleted since. */
export async function restoreChannelEdit(db: CxDatabase, before: AnyRecord): Promise<boolean> {
	return db.transaction('rw', db.channels, async () => {
		if (!(await db.channels.get(before.id))) return false;
		await db.channels.put(before);
		return true;
	});
}

/** What a delete changed, enough to undo it. */
export interface DeletedChannel {
	channel: AnyRecord;
	moveTo: string | null;
	touchpointIds: string[];
	personas: { id: string; before: string[]; after: string[] }[];
}

const prefsOf = (p: AnyRecord): string[] => {
	const b = p.behaviour as { channelPreferences?: unknown } | undefined;
	return Array.isArray(b?.channelPreferences) ? (b.channelPreferences as string[]) : [];
};
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Deletes a custom channel in ONE transaction: its touchpoints move to `moveTo` first (required when any use it),
 * personas that prefer it prefer `moveTo` instead (or lose it). Any failure leaves everything as it was.
 * Journey cards point at touchpoint ids, so they follow the touchpoints untouched.
 */
export async function deleteCustomChannel(db: CxDatabase, channelId: string, moveTo: string | null): Promise<DeletedChannel> {
	return db.transaction('rw', db.channels, db.touchpoints, db.personas, async () => {
		const channel = await db.channels.get(channelId);
		if (!channel) throw new ChannelMissingError(channelId);
		const ws = channel.workspaceId;
		const users = await db.touchpoints
			.where('workspaceId')
			.equals(ws)
			.filter((t) => t.channelId === channelId)
			.toArray();
		if (moveTo !== null) {
			const custom = await listCustomChannels(db, ws);
			if (!isValidMoveTarget(channelId, moveTo, custom)) throw new ChannelMissingError(moveTo);
		} else if (users.length > 0) throw new ChannelInUseError(users.length);
		const now = Date.now();
		await db.touchpoints.bulkPut(users.map((t) => ({ ...t, channelId: moveTo as string, updatedAt: now })));
		const fans = await db.personas
			.where('workspaceId')
			.equals(ws)
			.filter((p) => prefsOf(p).includes(channelId))
			.toArray();
		const personas = fans.map((p) => ({ id: p.id, before: prefsOf(p), after: replaceChannelPreference(prefsOf(p), channelId, moveTo) }));
		await db.personas.bulkPut(
			fans.map((p, i) => ({
				...p,
				behaviour: { ...(p.behaviour as object), channelPreferences: personas[i].after },
				updatedAt: now
			}))
		);
		await db.channels.delete(channelId);
		return { channel, moveTo, touchpointIds: users.map((t) => t.id), personas };
	});
}

/**
 * Undoes a delete in one transaction: the channel comes back, and touchpoints and personas that still hold what the
 * delete wrote get it back (later edits to them are kept). Returns false when the channel is already back.
 */
export async function restoreDeletedChannel(db: CxDatabase, d: DeletedChannel): Promise<boolean> {
	return db.transaction('rw', db.channels, db.touchpoints, db.personas, async () => {
		if (await db.channels.get(d.channel.id)) return false;
		await db.channels.put(d.channel);
		const now = Date.now();
		const tps = (await db.touchpoints.bulkGet(d.touchpointIds)).filter((t): t is AnyRecord => !!t && t.channelId === d.moveTo);
		await db.touchpoints.bulkPut(tps.map((t) => ({ ...t, channelId: d.channel.id, updatedAt: now })));
		const ps = await db.personas.bulkGet(d.personas.map((p) => p.id));
		const back: AnyRecord[] = [];
		ps.forEach((p, i) => {
			if (!p) return;
			const cur = prefsOf(p);
			const { before, after } = d.personas[i];
			const next = sameList(cur, after) ? before : cur.includes(d.channel.id) ? cur : [...cur, d.channel.id];
			back.push({ ...p, behaviour: { ...(p.behaviour as object), channelPreferences: next }, updatedAt: now });
		});
		await db.personas.bulkPut(back);
		return true;
	});
}
