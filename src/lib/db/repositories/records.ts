// Generic access to workspace-scoped tables: every read is validated against the table's schema (DESIGN rule 1).
import * as v from 'valibot';
import type { CxDatabase, AnyRecord } from '../db';
import type { WorkspaceTable } from '../schema';
import { TABLE_SCHEMAS } from '../tables';

export type Invalid = { table: WorkspaceTable; id: string; path: string; message: string };

/** Records that fail validation are skipped and reported, never passed on half-understood. */
export async function listRecords<T>(
	db: CxDatabase,
	table: WorkspaceTable,
	workspaceId: string,
	onInvalid?: (e: Invalid) => void
): Promise<T[]> {
	const rows = (await db.table(table).where('workspaceId').equals(workspaceId).toArray()) as AnyRecord[];
	return validateRows<T>(table, rows, onInvalid);
}

export async function getRecord<T>(db: CxDatabase, table: WorkspaceTable, id: string): Promise<T | undefined> {
	const row = (await db.table(table).get(id)) as AnyRecord | undefined;
	if (!row) return undefined;
	return validateRows<T>(table, [row])[0];
}

export function validateRows<T>(table: WorkspaceTable, rows: AnyRecord[], onInvalid?: (e: Invalid) => void): T[] {
	const schema = TABLE_SCHEMAS[table];
	const out: T[] = [];
	for (const r of rows) {
		const res = v.safeParse(schema, r);
		if (res.success) out.push(res.output as T);
		else
			onInvalid?.({
				table,
				id: String(r.id),
				path: (res.issues[0].path ?? []).map((p) => String(p.key)).join('.'),
				message: res.issues[0].message
			});
	}
	return out;
}

/** Write records of one table in one transaction (all or nothing). */
export async function putRecords(db: CxDatabase, table: WorkspaceTable, records: AnyRecord[]): Promise<void> {
	await db.table(table).bulkPut(records);
}

export async function deleteRecords(db: CxDatabase, table: WorkspaceTable, ids: string[]): Promise<void> {
	await db.table(table).bulkDelete(ids);
}
