// Small app-level values kept in the meta table (last opened workspace, whether persistence was asked).
import type { CxDatabase } from './db';

export async function getMeta<T>(db: CxDatabase, key: string): Promise<T | undefined> {
	return (await db.meta.get(key))?.value as T | undefined;
}

export async function setMeta(db: CxDatabase, key: string, value: unknown): Promise<void> {
	await db.meta.put({ key, value });
}
