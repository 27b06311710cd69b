// Backup envelope: build it, parse and fully validate it (coded errors), and remap ids for a restore into new workspaces.
import * as v from 'valibot';
import { err, ok, type Result } from '../errors';
import { newId } from '../record';
import { WorkspaceSchema, type Workspace } from '../workspace/workspace';
import { decodeValue, encodeValue } from './codec';

export const BACKUP_FORMAT_NAME = 'cx-studio.backup';
export const BACKUP_FORMAT_VERSION = 1;

export type BackupTables = { workspaces: Workspace[] } & Record<string, Record<string, unknown>[]>;

export type BackupEnvelope = {
	formatName: typeof BACKUP_FORMAT_NAME;
	formatVersion: number;
	schemaVersion: number;
	exportedAt: string;
	app?: { name: string; version: string };
	tables: Record<string, unknown[]>;
};

export type BackupErrorCode =
	| 'not-json'
	| 'truncated'
	| 'wrong-format'
	| 'newer-format'
	| 'newer-schema'
	| 'unknown-table'
	| 'invalid-record'
	| 'duplicate-id'
	| 'empty';

/** Minimum every workspace-scoped record must satisfy; areas register stricter schemas. */
export const ScopedRecordSchema = v.looseObject({
	id: v.pipe(v.string(), v.minLength(1)),
	workspaceId: v.pipe(v.string(), v.minLength(1))
});

export type TableSchemas = Record<string, v.GenericSchema>;

export type ParseOptions = {
	/** The data schema version of this build: newer backups are refused. */
	schemaVersion: number;
	/** Workspace-scoped tables this build knows, each with the schema its records must pass. */
	tables: TableSchemas;
};

export function buildEnvelope(
	tables: BackupTables,
	schemaVersion: number,
	app?: { name: string; version: string },
	now = new Date()
): BackupEnvelope {
	const encoded: Record<string, unknown[]> = {};
	for (const [name, rows] of Object.entries(tables)) encoded[name] = rows.map((r) => encodeValue(r));
	return {
		formatName: BACKUP_FORMAT_NAME,
		formatVersion: BACKUP_FORMAT_VERSION,
		schemaVersion,
		exportedAt: now.toISOString(),
		...(app ? { app } : {}),
		tables: encoded
	};
}

/** A JSON text that fails to parse because it stops early (open string, object or array at the end). */
export function looksTruncated(text: string): boolean {
	const s = text.trimEnd();
	if (!s || !/^[[{]/.test(s.trimStart())) return false;
	let depth = 0;
	let inString = false;
	for (let i = 0; i < s.length; i++) {
		const c = s[i];
		if (inString) {
			if (c === '\\') i++;
			else if (c === '"') inString = false;
		} else if (c === '"') inString = true;
		else if (c === '{' || c === '[') depth++;
		else if (c === '}' || c === ']') depth--;
	}
	return inString || depth > 0;
}

function issuePath(issue: v.BaseIssue<unknown>): string {
	return (issue.path ?? []).map((p) => String(p.key)).join('.') || '(record)';
}

export type ParsedBackup = { schemaVersion: number; exportedAt: string; tables: BackupTables };

export function parseBackup(text: string, opts: ParseOptions): Result<ParsedBackup, BackupErrorCode> {
	let raw: unknown;
	try {
		raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
	} catch {
		return looksTruncated(text) ? err('truncated') : err('not-json');
	}
	if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return err('wrong-format');
	const env = raw as Partial<BackupEnvelope>;
	if (env.formatName !== BACKUP_FORMAT_NAME) return err('wrong-format');
	if (typeof env.formatVersion !== 'number' || !Number.isInteger(env.formatVersion) || env.formatVersion < 1) return err('wrong-format');
	if (env.formatVersion > BACKUP_FORMAT_VERSION) return err('newer-format', { found: env.formatVersion, supported: BACKUP_FORMAT_VERSION });
	if (typeof env.schemaVersion !== 'number' || !Number.isInteger(env.schemaVersion) || env.schemaVersion < 1) return err('wrong-format');
	if (env.schemaVersion > opts.schemaVersion) return err('newer-schema', { found: env.schemaVersion, supported: opts.schemaVersion });
	if (!env.tables || typeof env.tables !== 'object' || Array.isArray(env.tables)) return err('wrong-format');

	const tables: Record<string, Record<string, unknown>[]> = {};
	for (const [name, rows] of Object.entries(env.tables)) {
		if (name !== 'workspaces' && !(name in opts.tables)) return err('unknown-table', { table: name });
		if (!Array.isArray(rows)) return err('invalid-record', { table: name, index: 0, path: '(table)', message: 'not a list' });
		const schema = name === 'workspaces' ? WorkspaceSchema : opts.tables[name];
		const seen = new Set<string>();
		const out: Record<string, unknown>[] = [];
		for (let i = 0; i < rows.length; i++) {
			let decoded: unknown;
			try {
				decoded = decodeValue(rows[i]);
			} catch (e) {
				return err('invalid-record', { table: name, index: i + 1, path: '(binary)', message: String((e as Error).message) });
			}
			const base = v.safeParse(name === 'workspaces' ? WorkspaceSchema : ScopedRecordSchema, decoded);
			const res = base.success ? v.safeParse(schema, decoded) : base;
			if (!res.success) {
				const issue = res.issues[0];
				return err('invalid-record', { table: name, index: i + 1, path: issuePath(issue), message: issue.message });
			}
			const rec = res.output as Record<string, unknown> & { id: string };
			if (seen.has(rec.id)) return err('duplicate-id', { table: name, id: rec.id });
			seen.add(rec.id);
			out.push(rec);
		}
		tables[name] = out;
	}
	const workspaces = (tables.workspaces ?? []) as Workspace[];
	if (workspaces.length === 0) return err('empty');
	const wsIds = new Set(workspaces.map((w) => w.id));
	for (const [name, rows] of Object.entries(tables)) {
		if (name === 'workspaces') continue;
		for (let i = 0; i < rows.length; i++) {
			if (!wsIds.has(rows[i].workspaceId as string))
				return err('invalid-record', { table: name, index: i + 1, path: 'workspaceId', message: 'no such workspace in this backup' });
		}
	}
	return ok({
		schemaVersion: env.schemaVersion,
		exportedAt: typeof env.exportedAt === 'string' ? env.exportedAt : '',
		tables: { ...tables, workspaces }
	});
}

/** Replace every string equal to an old id (values and object keys) with its new id. */
function remapDeep(value: unknown, map: Map<string, string>): unknown {
	if (typeof value === 'string') return map.get(value) ?? value;
	if (Array.isArray(value)) return value.map((x) => remapDeep(x, map));
	if (ArrayBuffer.isView(value)) return value;
	if (value && typeof value === 'object') {
		const out: Record<string, unknown> = {};
		for (const [k, x] of Object.entries(value)) out[map.get(k) ?? k] = remapDeep(x, map);
		return out;
	}
	return value;
}

/**
 * Fresh ids for every record so a restore never collides with what is stored, references kept.
 * Workspaces come back live (out of the trash) and stamped `updatedAt = now`.
 */
export function remapForRestore(
	tables: BackupTables,
	now = Date.now(),
	makeId: () => string = newId
): { tables: BackupTables; workspaceIds: string[] } {
	const map = new Map<string, string>();
	for (const rows of Object.values(tables)) for (const r of rows) map.set(r.id as string, makeId());
	const out: Record<string, Record<string, unknown>[]> = {};
	for (const [name, rows] of Object.entries(tables)) {
		out[name] = rows.map((r) => remapDeep(r, map) as Record<string, unknown>);
	}
	const workspaces = (out.workspaces as Workspace[]).map((w) => ({ ...w, deletedAt: null, updatedAt: now }));
	return { tables: { ...out, workspaces }, workspaceIds: workspaces.map((w) => w.id) };
}
