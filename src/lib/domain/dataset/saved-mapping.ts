// Saved mapping record: a header signature → column mapping + parse options, reused for next month's file.
import * as v from 'valibot';
import { BaseRecordSchema } from '../record';
import { DATASET_KINDS, CONTACT_INTERVALS } from './fields';

export const ParseOptionsSchema = v.looseObject({
	encoding: v.optional(v.string()),
	delimiter: v.optional(v.picklist([',', '\t', ';', '|', 'whitespace'])),
	hasHeader: v.optional(v.boolean())
});

/** Field key → source column name, plus the choices the user confirmed. */
export const ColumnMappingSchema = v.looseObject({
	kind: v.picklist(DATASET_KINDS),
	fields: v.record(v.string(), v.string()),
	/** Per source column: the date format to use (`dmy`, `mdy`, `iso`…). */
	dateFormats: v.optional(v.record(v.string(), v.string())),
	decimal: v.optional(v.picklist(['.', ','])),
	/** Transactions: drop returns/cancellations or keep them to net against sales. */
	returns: v.optional(v.picklist(['exclude', 'net'])),
	/** Contacts from raw logs: aggregate to this interval. */
	interval: v.optional(v.picklist(CONTACT_INTERVALS)),
	skipRagged: v.optional(v.boolean())
});
export type ColumnMapping = v.InferOutput<typeof ColumnMappingSchema>;

export const SavedMappingSchemaV1 = v.looseObject({
	...BaseRecordSchema.entries,
	name: v.string(),
	/** `headerSignature(headers)`: same columns in the same order → same signature. */
	signature: v.pipe(v.string(), v.minLength(1)),
	headers: v.array(v.string()),
	mapping: ColumnMappingSchema,
	parse: ParseOptionsSchema,
	lastUsedAt: v.number()
});
export type SavedMappingRecord = v.InferOutput<typeof SavedMappingSchemaV1>;

/** Case/space/punctuation-insensitive header key, so `Customer ID` and `customer_id` match. */
export function normaliseHeader(h: string): string {
	return h
		.normalize('NFKC')
		.toLowerCase()
		.replace(/[\s_\-./()（）[\]【】:：#]+/g, '');
}

/** Stable signature of a header row: normalised names joined, plus an FNV-1a hash for short keys. */
export function headerSignature(headers: readonly string[]): string {
	const joined = headers.map(normaliseHeader).join('\u001f');
	let h = 0x811c9dc5;
	for (let i = 0; i < joined.length; i++) {
		h ^= joined.charCodeAt(i);
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	return `${headers.length}:${h.toString(16).padStart(8, '0')}`;
}

/** The saved mapping for these headers, newest first; null when none matches. */
export function findSavedMapping(saved: readonly SavedMappingRecord[], headers: readonly string[]): SavedMappingRecord | null {
	const sig = headerSignature(headers);
	let best: SavedMappingRecord | null = null;
	for (const s of saved) if (s.signature === sig && (!best || s.lastUsedAt > best.lastUsedAt)) best = s;
	return best;
}
