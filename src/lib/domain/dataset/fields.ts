// Dataset kinds and their fields (key, value type, required), shared by mapping, validation and the UI.

export const DATASET_KINDS = ['transactions', 'customers', 'contacts'] as const;
export type DatasetKind = (typeof DATASET_KINDS)[number];

export type FieldType = 'id' | 'date' | 'number' | 'text';

export interface FieldDef {
	key: string;
	type: FieldType;
	/** Must be mapped and present on every accepted row. */
	required: boolean;
}

/** `amount` is required unless both `quantity` and `unitPrice` are mapped (amount = q × p). */
export const KIND_FIELDS: Record<DatasetKind, readonly FieldDef[]> = {
	transactions: [
		{ key: 'customerId', type: 'id', required: true },
		{ key: 'date', type: 'date', required: true },
		{ key: 'amount', type: 'number', required: true },
		{ key: 'orderId', type: 'id', required: false },
		{ key: 'quantity', type: 'number', required: false },
		{ key: 'unitPrice', type: 'number', required: false },
		{ key: 'channel', type: 'text', required: false },
		{ key: 'product', type: 'text', required: false },
		{ key: 'category', type: 'text', required: false },
		{ key: 'store', type: 'text', required: false }
	],
	customers: [
		{ key: 'customerId', type: 'id', required: true },
		{ key: 'name', type: 'text', required: false },
		{ key: 'signupDate', type: 'date', required: false },
		{ key: 'segment', type: 'text', required: false },
		{ key: 'region', type: 'text', required: false }
	],
	/** Either one row per period with `count`, or raw contact logs (no `count`) aggregated to an interval. */
	contacts: [
		{ key: 'timestamp', type: 'date', required: true },
		{ key: 'count', type: 'number', required: false },
		{ key: 'aht', type: 'number', required: false },
		{ key: 'abandoned', type: 'number', required: false },
		{ key: 'channel', type: 'text', required: false },
		{ key: 'queue', type: 'text', required: false }
	]
};

export const CONTACT_INTERVALS = ['month', 'week', 'day', '60min', '30min', '15min'] as const;
export type ContactInterval = (typeof CONTACT_INTERVALS)[number];

/** Customers keep every unmapped column as an attribute under this key prefix. */
export const ATTRIBUTE_PREFIX = 'attr:';

export function fieldDef(kind: DatasetKind, key: string): FieldDef | undefined {
	return KIND_FIELDS[kind].find((f) => f.key === key);
}
