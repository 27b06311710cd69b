// The touchpoint register in storage: list, get, put, delete touchpoints and custom channels (validated on read).
import type { Touchpoint } from '$lib/domain/touchpoint/touchpoint.schema';
import type { CustomChannel } from '$lib/domain/touchpoint/channels';
import type { CxDatabase } from '../db';
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
