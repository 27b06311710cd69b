// Saved analysis record (segmentation or forecast): its parameters and summarised results, tied to the dataset version it read.
import * as v from 'valibot';
import { BaseRecordSchema } from '../record';

export const ANALYSIS_KINDS = ['segmentation', 'forecast'] as const;
export type AnalysisKind = (typeof ANALYSIS_KINDS)[number];

export const AnalysisSchemaV1 = v.looseObject({
	...BaseRecordSchema.entries,
	kind: v.picklist(ANALYSIS_KINDS),
	name: v.string(),
	datasetId: v.nullable(v.string()),
	/** The dataset's `updatedAt` the result was computed from: a newer dataset marks the result stale. */
	datasetUpdatedAt: v.nullable(v.number()),
	/** Each kind validates its own params and result with its own schema. */
	params: v.looseObject({}),
	result: v.nullable(v.looseObject({})),
	computedAt: v.nullable(v.number()),
	formatVersion: v.literal(1)
});
export const AnalysisSchema = AnalysisSchemaV1;
export type AnalysisRecord = v.InferOutput<typeof AnalysisSchemaV1>;
