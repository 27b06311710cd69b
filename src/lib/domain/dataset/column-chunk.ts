// Column chunk record: one column's values for up to 65,536 rows of a dataset (typed array, int32s with a unit, or string codes with the column's packed dictionary on chunk 0).
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
	/** First format: this chunk's own dictionary. */
	dict: v.optional(v.array(v.string())),
	/** Current format: `codes` index the column's dictionary, packed on its chunk 0 (`dictText` + end offsets `dictEnds`). */
	pool: v.optional(v.literal('column')),
	dictText: v.optional(v.string()),
	dictEnds: v.optional(v.instance(Int32Array)),
	/** number/date stored as integers k = ints[i] + base: value = k × scale (scale > 0) or k ÷ −scale (scale < 0); missing = −2^31 (Int32Array) or 65,535 (Uint16Array). */
	ints: v.optional(v.union([v.instance(Int32Array), v.instance(Uint16Array)])),
	base: v.optional(v.pipe(v.number(), v.integer())),
	scale: v.optional(
		v.pipe(
			v.number(),
			v.integer(),
			v.check((x) => x !== 0, 'scale is 0')
		)
	)
});
/** End offsets rise and the last one is the text's length. */
function packedOk(text: string | undefined, ends: Int32Array | undefined): boolean {
	if (text === undefined || ends === undefined) return false;
	let prev = 0;
	for (let k = 0; k < ends.length; k++) {
		if (ends[k] < prev) return false;
		prev = ends[k];
	}
	return prev === text.length;
}

export const ColumnChunkSchema = v.pipe(
	ColumnChunkSchemaV1,
	v.check(
		(c) =>
			c.type === 'string'
				? c.codes !== undefined &&
					c.codes.length === c.rowCount &&
					(c.pool === 'column' ? c.index !== 0 || packedOk(c.dictText, c.dictEnds) : c.dict !== undefined)
				: (c.values !== undefined && c.values.length === c.rowCount) ||
					(c.ints !== undefined && c.ints.length === c.rowCount && c.scale !== undefined),
		'chunk payload does not match its type'
	)
);
export type ColumnChunkRecord = v.InferOutput<typeof ColumnChunkSchemaV1>;
