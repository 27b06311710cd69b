// JSON-safe encoding of binary values (typed arrays, raw bytes) inside backup records, and back.
const TYPED = {
	Float64Array,
	Float32Array,
	Int32Array,
	Uint32Array,
	Int16Array,
	Uint16Array,
	Int8Array,
	Uint8Array,
	Uint8ClampedArray
} as const;
type TypedName = keyof typeof TYPED;
export type EncodedTyped = { $typed: TypedName; base64: string };
/** Raw bytes with a MIME type: how the storage layer hands blobs (photos) to the domain. */
export type EncodedBytes = { $bytes: string; type: string };

export function bytesToBase64(bytes: Uint8Array): string {
	let bin = '';
	const step = 0x8000;
	for (let i = 0; i < bytes.length; i += step) {
		bin += String.fromCharCode.apply(null, Array.from(bytes.subarray(i, i + step)));
	}
	return btoa(bin);
}

export function base64ToBytes(b64: string): Uint8Array {
	const bin = atob(b64);
	const out = new Uint8Array(bin.length);
	for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
	return out;
}

function isTypedName(x: unknown): x is TypedName {
	return typeof x === 'string' && Object.prototype.hasOwnProperty.call(TYPED, x);
}

/** Deep-copy a stored record into plain JSON values. */
export function encodeValue(value: unknown): unknown {
	if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
		const name = value.constructor.name;
		if (!isTypedName(name)) throw new TypeError(`Unsupported typed array ${name}`);
		const bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
		return { $typed: name, base64: bytesToBase64(bytes) } satisfies EncodedTyped;
	}
	if (Array.isArray(value)) return value.map(encodeValue);
	if (value && typeof value === 'object') {
		const out: Record<string, unknown> = {};
		for (const [k, v] of Object.entries(value)) out[k] = encodeValue(v);
		return out;
	}
	return value;
}

/** Inverse of encodeValue; a malformed `$typed` marker throws (the validator reports it). */
export function decodeValue(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(decodeValue);
	if (value && typeof value === 'object') {
		const o = value as Record<string, unknown>;
		if ('$typed' in o && Object.keys(o).length === 2 && typeof o.base64 === 'string') {
			if (!isTypedName(o.$typed)) throw new TypeError(`Unknown typed array ${String(o.$typed)}`);
			const Ctor = TYPED[o.$typed];
			const bytes = base64ToBytes(o.base64);
			if (bytes.byteLength % Ctor.BYTES_PER_ELEMENT !== 0) throw new TypeError('Bad typed array length');
			const copy = new Uint8Array(bytes); // aligned buffer
			return new Ctor(copy.buffer, 0, bytes.byteLength / Ctor.BYTES_PER_ELEMENT);
		}
		const out: Record<string, unknown> = {};
		for (const [k, v] of Object.entries(o)) out[k] = decodeValue(v);
		return out;
	}
	return value;
}
