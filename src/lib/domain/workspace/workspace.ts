// The Workspace record: type, valibot schema, versions, and the pure rules for names and the 24-hour trash.
import * as v from 'valibot';
import { newId } from '../record';

export const WORKSPACE_NAME_MAX = 80;
export const TRASH_TTL_MS = 24 * 60 * 60 * 1000;

/** v1: the first shipped shape. Unknown fields are kept (looseObject) so newer data survives a round trip. */
export const WorkspaceSchemaV1 = v.looseObject({
	id: v.pipe(v.string(), v.minLength(1)),
	name: v.pipe(v.string(), v.minLength(1), v.maxLength(WORKSPACE_NAME_MAX)),
	organisation: v.optional(v.string(), ''),
	description: v.optional(v.string(), ''),
	createdAt: v.number(),
	updatedAt: v.number(),
	/** Set when moved to the trash; the record is purged TRASH_TTL_MS later. */
	deletedAt: v.optional(v.nullable(v.number()), null),
	/** Marks the shipped sample, so the UI can label it. */
	sample: v.optional(v.boolean(), false)
});
export const WorkspaceSchema = WorkspaceSchemaV1;
export type Workspace = v.InferOutput<typeof WorkspaceSchema>;

export type NameProblem = { code: 'name-required' } | { code: 'name-too-long'; max: number };

export function normaliseName(raw: string): string {
	return raw.replace(/\s+/g, ' ').trim();
}

export function checkName(raw: string): NameProblem | null {
	const name = normaliseName(raw);
	if (!name) return { code: 'name-required' };
	if ([...name].length > WORKSPACE_NAME_MAX) return { code: 'name-too-long', max: WORKSPACE_NAME_MAX };
	return null;
}

export function makeWorkspace(name: string, now = Date.now(), extra: Partial<Workspace> = {}): Workspace {
	return {
		id: newId(),
		name: normaliseName(name),
		organisation: '',
		description: '',
		createdAt: now,
		updatedAt: now,
		deletedAt: null,
		sample: false,
		...extra
	};
}

export function isInTrash(ws: Pick<Workspace, 'deletedAt'>): boolean {
	return typeof ws.deletedAt === 'number';
}

export function trashExpiresAt(ws: Pick<Workspace, 'deletedAt'>): number | null {
	return typeof ws.deletedAt === 'number' ? ws.deletedAt + TRASH_TTL_MS : null;
}

export function isTrashExpired(ws: Pick<Workspace, 'deletedAt'>, now = Date.now()): boolean {
	const at = trashExpiresAt(ws);
	return at !== null && at <= now;
}

/** "Name (copy)", "Name (copy 2)"… computed by the caller's translated suffix; here we only avoid clashes. */
export function uniqueName(base: string, taken: Iterable<string>): string {
	const set = new Set(taken);
	if (!set.has(base)) return base;
	for (let i = 2; ; i++) {
		const candidate = `${base} ${i}`;
		if (!set.has(candidate)) return candidate;
	}
}
