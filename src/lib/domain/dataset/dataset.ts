// Dataset record: an imported table's metadata (kind, columns, source file, mapping, quality report); values live in column chunks.
import * as v from 'valibot';
import { BaseRecordSchema } from '../record';
import { DATASET_KINDS } from './fields';
import { ColumnMappingSchema } from './saved-mapping';

export const DatasetColumnSchema = v.looseObject({
	/** Field key: `customerId`, `date`, `amount`… or `attr:<header>` for kept customer attributes. */
	key: v.pipe(v.string(), v.minLength(1)),
	/** Source header it came from ('' for derived columns such as amount = quantity × unitPrice). */
	source: v.string(),
	type: v.picklist(['number', 'date', 'string'])
});
export type DatasetColumn = v.InferOutput<typeof DatasetColumnSchema>;

export const DatasetSourceSchema = v.looseObject({
	fileName: v.string(),
	size: v.number(),
	encoding: v.string(),
	delimiter: v.string(),
	hasHeader: v.boolean()
});

export const DatasetSchemaV1 = v.looseObject({
	...BaseRecordSchema.entries,
	name: v.string(),
	kind: v.picklist(DATASET_KINDS),
	rowCount: v.pipe(v.number(), v.integer(), v.minValue(0)),
	chunkRows: v.pipe(v.number(), v.integer(), v.minValue(1)),
	columns: v.array(DatasetColumnSchema),
	source: DatasetSourceSchema,
	mapping: ColumnMappingSchema,
	/** The quality report as shown after import (see csv/validate.ts `QualityReport`). */
	report: v.looseObject({
		rowsRead: v.number(),
		rowsAccepted: v.number(),
		rowsRejected: v.number()
	}),
	formatVersion: v.literal(1)
});
export const DatasetSchema = DatasetSchemaV1;
export type DatasetRecord = v.InferOutput<typeof DatasetSchemaV1>;
