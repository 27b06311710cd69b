// Fields every stored record shares, and the id/time helpers the domain uses to make them.
import * as v from 'valibot';

/** Every workspace-scoped record carries these; `extra` fields are kept (valibot looseObject). */
export const BaseRecordSchema = v.looseObject({
	id: v.pipe(v.string(), v.minLength(1)),
	workspaceId: v.pipe(v.string(), v.minLength(1)),
	createdAt: v.number(),
	updatedAt: v.number()
});
export type BaseRecord = v.InferOutput<typeof BaseRecordSchema>;

/** Random, sortable-enough id; crypto.randomUUID exists in browsers, workers and Node ≥ 19. */
export function newId(): string {
	return crypto.randomUUID();
}

/** A bilingual text: content that ships with the product (templates, samples) in both languages. */
export type Bilingual = { en: string; 'zh-CN': string };
export type Locale = 'en' | 'zh-CN';
