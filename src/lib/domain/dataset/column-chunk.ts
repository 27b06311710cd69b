// Column chunk record: one column's values for up to 65,536 rows of a dataset (typed array or local string table).
import * as v from 'valibot';

export const COLUMN_CHUNK_ROWS = 65_536;

export const ColumnChunkSchemaV1 = v.looseObject({
	id: v.pipe(v.string(), v.minLength(1)),
	datasetId: v.pipe(v.string(), v.minLength(1)),
	workspaceId: v.pipe(v.string(), v.minLength(1)),
	/** Field key (`amount`, `attr:City`…). */
	column: v.pipe(v.string(), v.minLength(1)),
	/** 0-based chunk number; rows [rowStart, rowStart + rowCount). */
	index: v.pipe(v.number(), v.integer(), v.minValue(0)),
	rowStart: v.pipe(v.number(), v.integer(), v.minValue(0)),
	rowCount: v.pipe(v.number(), v.integer(), v.minValue(0)),
	/** number/date: `values` (dates as epoch ms UTC; NaN = missing); string: `codes` into this chunk's `dict` (-1 = missing). */
	type: v.picklist(['number', 'date', 'string']),
	values: v.optional(v.instance(Float64Array)),
	codes: v.optional(v.instance(Int32Array)),
	dict: v.optional(v.array(v.string()))
});
export const ColumnChunkSchema = v.pipe(
	ColumnChunkSchemaV1,
	v.check(
		(c) =>
			c.type === 'string'
				? c.codes !== undefined && c.dict !== undefined && c.codes.length === c.rowCount
				: c.values !== undefined && c.values.length === c.rowCount,
		'chunk payload does not match its type'
	)
);
export type ColumnChunkRecord = v.InferOutput<typeof ColumnChunkSchemaV1>;
