// Workspace-level custom persona field definitions (text, number, scale 1–5 with labels, tag list); type, schema, versions.
import * as v from 'valibot';
import { BaseRecordSchema } from '../record';
import type { CustomValue } from './persona.schema';

export const FieldDefVersions = { Initial: 1 } as const;
export const FIELD_KINDS = ['text', 'number', 'scale', 'tags'] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

export const PersonaFieldDefSchema = v.looseObject({
	...BaseRecordSchema.entries,
	version: v.optional(v.number(), FieldDefVersions.Initial),
	name: v.pipe(v.string(), v.minLength(1)),
	kind: v.picklist(FIELD_KINDS),
	/** For `scale`: labels for 1..5 (may be shorter; missing labels show the number). */
	scaleLabels: v.optional(v.array(v.string()), []),
	/** For `tags`: suggestions offered while typing. */
	options: v.optional(v.array(v.string()), []),
	/** For `number`: unit shown after the value, e.g. "¥" or "min". */
	unit: v.optional(v.string(), ''),
	order: v.optional(v.number(), 0)
});
export type PersonaFieldDef = v.InferOutput<typeof PersonaFieldDefSchema>;

/** Coerces a stored value to what the field kind expects (kinds can change after values exist). */
export function coerceCustomValue(def: Pick<PersonaFieldDef, 'kind'>, value: CustomValue | undefined): CustomValue {
	if (value === undefined || value === null) return null;
	switch (def.kind) {
		case 'text':
			return Array.isArray(value) ? value.join(', ') : String(value);
		case 'number': {
			const n = typeof value === 'number' ? value : Number(String(value).replace(/[,，\s]/g, ''));
			return Number.isFinite(n) ? n : null;
		}
		case 'scale': {
			const n = typeof value === 'number' ? value : Number(value);
			return Number.isFinite(n) ? Math.max(1, Math.min(5, Math.round(n))) : null;
		}
		case 'tags':
			return Array.isArray(value)
				? value
				: String(value)
						.split(/[,，;；、]/)
						.map((s) => s.trim())
						.filter(Boolean);
	}
}

/** Display text of a custom value (scale shows its label when there is one). */
export function formatCustomValue(def: Pick<PersonaFieldDef, 'kind' | 'scaleLabels' | 'unit'>, value: CustomValue | undefined): string {
	const v2 = coerceCustomValue(def, value);
	if (v2 === null) return '';
	if (def.kind === 'scale' && typeof v2 === 'number') return def.scaleLabels[v2 - 1] ? `${v2} · ${def.scaleLabels[v2 - 1]}` : String(v2);
	if (def.kind === 'number' && typeof v2 === 'number') return def.unit ? `${v2} ${def.unit}` : String(v2);
	return Array.isArray(v2) ? v2.join(', ') : String(v2);
}
