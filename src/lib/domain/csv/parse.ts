// Streaming CSV parse: byte slices → incremental decode → papaparse chunks → dictionary-encoded raw columns.
import Papa from 'papaparse';
import { guessEncoding, screenBytes, StreamDecoder, type CsvEncoding, type EncodingGuess, detectBom } from './decode';
import { detectDelimiter, detectHeader, detectNewline, type Delimiter, type Dialect } from './sniff';
import { fatal, issue, type ImportIssue, type ImportResult } from './issues';
import { fastIso, fastIsoAt, formatIsoLayout } from './dates';

/** Where bytes come from: a File/Blob in the browser/worker, a Uint8Array in tests. */
export interface ByteSource {
	readonly size: number;
	readonly name?: string;
	read(start: number, end: number): Promise<Uint8Array>;
}

export function bytesSource(bytes: Uint8Array, name?: string): ByteSource {
	return {
		size: bytes.length,
		name,
		read: async (s, e) => bytes.subarray(s, e)
	};
}

/** Blob.slice + arrayBuffer exist in browsers, workers and Node ≥ 18 (and `fs.openAsBlob`). */
export function blobSource(blob: Blob, name?: string): ByteSource {
	return {
		size: blob.size,
		name: name ?? (blob as Blob & { name?: string }).name,
		read: async (s, e) => new Uint8Array(await blob.slice(s, e).arrayBuffer())
	};
}

/**
 * A file up to `limit` bytes is read in one go on its first read (one trip to the browser's file
 * reader instead of one per slice) and then sliced in memory; a larger one is read slice by slice.
 * (Reading the first slice apart, to start parsing sooner, measured slower in Chromium.)
 */
export function wholeBlobSource(blob: Blob, limit = 64 << 20, name?: string): ByteSource {
	if (blob.size > limit) return blobSource(blob, name);
	let all: Promise<Uint8Array> | null = null;
	return {
		size: blob.size,
		name: name ?? (blob as Blob & { name?: string }).name,
		read: async (s, e) => (await (all ??= blob.arrayBuffer().then((b) => new Uint8Array(b)))).subarray(s, e)
	};
}

/**
 * One column as read: every cell kept as text, dictionary-encoded. `dict[0]` is always `''`
 * (missing); `codes[i]` indexes `dict` for data row i.
 */
export interface RawColumn {
	name: string;
	codes: Int32Array;
	dict: string[];
	/**
	 * Dictionary entries are distinct. A column that turns out nearly all-distinct (order ids,
	 * timestamps, amounts) stops deduplicating after its first 65,536 rows — a hash map over a
	 * million unique strings costs more than it saves — and then `dict` may repeat values.
	 */
	unique: boolean;
	/**
	 * Near-unique columns whose text is canonical numbers (`12.5`, not `12.50`) or fixed-layout ISO
	 * timestamps keep those cells as values: `codes[i] === -1` means "see `lane.values[i]`", and the
	 * text is exactly `laneText(...)`. Spares a million strings and their garbage collection.
	 */
	lane?: Lane;
}

export interface Lane {
	kind: 'number' | 'iso';
	values: Float64Array;
	/** iso: text length (10, 16, 19) and the date/time separator (' ' or 'T'). */
	layout: number;
	sep: string;
}

/** Text of a lane cell (identical to what the file held). */
export function laneText(lane: Lane, i: number): string {
	return lane.kind === 'number' ? String(lane.values[i]) : formatIsoLayout(lane.values[i], lane.layout, lane.sep);
}

/**
 * `String(Number(s)) === s` without building the string: optional '-', no leading zeros, at most
 * one '.', no trailing fractional zeros, ≤ 15 digits (exact in a double), not "-0".
 */
export function isCanonicalNumber(s: string): boolean {
	return !Number.isNaN(canonicalNumberAt(s, 0, s.length));
}

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16];

/**
 * The value of `s.slice(a, b)` when that text is a canonical number (see `isCanonicalNumber`),
 * else NaN — read from char codes, no substring. With ≤ 15 digits the mantissa is an exact
 * integer and one division by an exact power of ten is correctly rounded, so the result is
 * bit-identical to `+text`.
 */
export function canonicalNumberAt(s: string, a: number, b: number): number {
	return copyShort(s, a, b) ? canonicalNumberBytes(SHORT, 0, b - a) : NaN;
}

/** Scratch for text cells read by the byte functions (a key never has more than 17 characters). */
const SHORT = new Uint8Array(17);

/** Copy s[a, b) into `SHORT` when it could hold a key: at most 17 characters (any non-ASCII one is copied as 0xFF, never a key character). */
function copyShort(s: string, a: number, b: number): boolean {
	if (b - a > 17) return false;
	for (let k = a; k < b; k++) {
		const c = s.charCodeAt(k);
		SHORT[k - a] = c < 128 ? c : 0xff;
	}
	return true;
}

/**
 * `canonicalNumberAt` over the bytes of ASCII text (byte = char code): the same value or NaN for
 * the same characters. The one implementation: text cells are copied into bytes first.
 */
export function canonicalNumberBytes(s: Uint8Array, a: number, b: number): number {
	const n = b - a;
	if (n <= 0 || n > 17) return NaN;
	const i = s[a] === 45 ? a + 1 : a;
	if (i === b) return NaN;
	let digits = 0;
	let dot = -1;
	let m = 0;
	for (let k = i; k < b; k++) {
		const c = s[k];
		if (c === 46) {
			if (dot !== -1 || k === i || k === b - 1) return NaN;
			dot = k;
		} else if (c >= 48 && c <= 57) {
			digits++;
			m = m * 10 + (c - 48);
		} else return NaN;
	}
	if (digits > 15) return NaN;
	const first = s[i];
	if (first === 48) {
		if (b - i > 1 && dot !== i + 1) return NaN;
		if (b - i === 1 && i === a + 1) return NaN;
	}
	if (dot !== -1 && s[b - 1] === 48) return NaN;
	if (
		first === 48 &&
		dot === i + 1 &&
		dot + 6 <= b &&
		s[dot + 1] === 48 &&
		s[dot + 2] === 48 &&
		s[dot + 3] === 48 &&
		s[dot + 4] === 48 &&
		s[dot + 5] === 48
	)
		return NaN;
	const v = dot === -1 ? m : m / POW10[b - 1 - dot];
	return i === a ? v : -v;
}

export interface RawTable {
	file?: string;
	encoding: EncodingGuess;
	dialect: Dialect;
	hasHeader: boolean;
	headers: string[];
	/** Header text as in the file (before blank/duplicate renaming). */
	originalHeaders: string[];
	columns: RawColumn[];
	rowCount: number;
	/** Spreadsheet row number (1-based, header = 1) of each data row. */
	rowNumbers: Int32Array;
	/** Data-row indices whose field count differed from the header (kept padded/truncated). */
	raggedRows: Int32Array;
	/** Data-row indices with a malformed quote (kept as papaparse read them). */
	malformedRows: Int32Array;
	/** Records skipped: blank lines and unterminated-quote lines. */
	blankLines: number;
	badLines: number;
	bytes: number;
	/** Full count per row-level issue code (the issue list itself is capped at `maxIssues`). */
	issueCounts: Record<string, number>;
}

export interface ParseOptions {
	encoding?: CsvEncoding;
	delimiter?: Delimiter;
	hasHeader?: boolean;
	/** Bytes read per slice (default 2 MiB). */
	chunkBytes?: number;
	/** Stop after this many data rows (previews). */
	maxRows?: number;
	/** How many row-level issues to list (counts are always complete). */
	maxIssues?: number;
	/** Split quote-free chunks ourselves (default true); false sends every chunk through papaparse (tests compare both). */
	fastPath?: boolean;
	/** Read plain-ASCII slices as bytes, undecoded (default true; tests compare both). */
	bytePath?: boolean;
}

export interface ParseProgress {
	bytesRead: number;
	totalBytes: number;
	rows: number;
	elapsedMs: number;
	/** Remaining time extrapolated from bytes/ms so far; null until there is a rate. */
	etaMs: number | null;
}

export interface ParseHooks {
	onProgress?: (p: ParseProgress) => void;
	isCancelled?: () => boolean;
	/** Let the host process messages (a worker passes a macrotask yield so `cancel` can arrive). */
	yieldControl?: () => Promise<void>;
	progressEveryMs?: number;
}

const SAMPLE_BYTES = 64 * 1024;
const GROW = 1 << 16;

class GrowInt32 {
	a = new Int32Array(GROW);
	n = 0;
	push(v: number): void {
		if (this.n === this.a.length) {
			const b = new Int32Array(this.a.length * 2);
			b.set(this.a);
			this.a = b;
		}
		this.a[this.n++] = v;
	}
	/** Room for `n` values in one step (a size estimated early spares the doublings and their copies). */
	reserve(n: number): void {
		if (n <= this.a.length) return;
		const b = new Int32Array(n);
		b.set(this.a.subarray(0, this.n));
		this.a = b;
	}
	/** The values: a view when the spare room is small (a reserved size fits), else a tight copy. */
	done(): Int32Array {
		return this.n >= this.a.length * 0.9 ? this.a.subarray(0, this.n) : this.a.slice(0, this.n);
	}
}

/** Rows after which a column with more than 80% distinct values stops deduplicating. */
const PLAIN_CHECK_ROWS = 1 << 16;

class GrowF64 {
	a: Float64Array;
	constructor(n: number) {
		this.a = new Float64Array(Math.max(GROW, n * 2)).fill(NaN, 0, n);
	}
	set(i: number, v: number): void {
		if (i >= this.a.length) {
			const b = new Float64Array(this.a.length * 2);
			b.set(this.a);
			this.a = b;
		}
		this.a[i] = v;
	}
}

/** FNV-1a over the char codes of s[a, b) as an int32: equal text → equal hash, for strings and ranges alike. */
export function hashRange(s: string, a: number, b: number): number {
	let h = 0x811c9dc5;
	for (let k = a; k < b; k++) h = Math.imul(h ^ s.charCodeAt(k), 0x01000193);
	return h | 0;
}

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);

/** Hash of a number's bits (equal numbers → equal hash). */
export function floatHash(v: number): number {
	F64[0] = v;
	return U32[0] ^ Math.imul(U32[1], 0x9e3779b1);
}

/** `hashRange` over bytes of ASCII text: the same hash as the text. */
export function hashBytes(s: Uint8Array, a: number, b: number): number {
	let h = 0x811c9dc5;
	for (let k = a; k < b; k++) h = Math.imul(h ^ s[k], 0x01000193);
	return h | 0;
}

function sameText(d: string, s: string, a: number, b: number): boolean {
	if (d.length !== b - a) return false;
	for (let k = 0; k < d.length; k++) if (d.charCodeAt(k) !== s.charCodeAt(a + k)) return false;
	return true;
}

function sameBytes(d: string, s: Uint8Array, a: number, b: number): boolean {
	if (d.length !== b - a) return false;
	for (let k = 0; k < d.length; k++) if (d.charCodeAt(k) !== s[a + k]) return false;
	return true;
}

const LATIN1 = typeof TextDecoder !== 'undefined' ? new TextDecoder('latin1') : null;

/**
 * The text of ASCII bytes s[a, b). Short cells (ids, amounts, dates: nearly every new dictionary
 * entry) become one string in one call, without intermediate strings to collect.
 */
export function asciiText(s: Uint8Array, a: number, b: number): string {
	const f = String.fromCharCode;
	switch (b - a) {
		case 0:
			return '';
		case 1:
			return f(s[a]);
		case 2:
			return f(s[a], s[a + 1]);
		case 3:
			return f(s[a], s[a + 1], s[a + 2]);
		case 4:
			return f(s[a], s[a + 1], s[a + 2], s[a + 3]);
		case 5:
			return f(s[a], s[a + 1], s[a + 2], s[a + 3], s[a + 4]);
		case 6:
			return f(s[a], s[a + 1], s[a + 2], s[a + 3], s[a + 4], s[a + 5]);
		case 7:
			return f(s[a], s[a + 1], s[a + 2], s[a + 3], s[a + 4], s[a + 5], s[a + 6]);
		case 8:
			return f(s[a], s[a + 1], s[a + 2], s[a + 3], s[a + 4], s[a + 5], s[a + 6], s[a + 7]);
		case 9:
			return f(s[a], s[a + 1], s[a + 2], s[a + 3], s[a + 4], s[a + 5], s[a + 6], s[a + 7], s[a + 8]);
		case 10:
			return f(s[a], s[a + 1], s[a + 2], s[a + 3], s[a + 4], s[a + 5], s[a + 6], s[a + 7], s[a + 8], s[a + 9]);
	}
	if (b - a <= 24 || LATIN1 === null) return asciiText(s, a, a + 10) + asciiText(s, a + 10, b);
	return LATIN1.decode(s.subarray(a, b));
}

/** Scratch for `typedKey` (no allocation per cell). */
/** The key; typed-array scratch, so writing a double allocates no heap number per cell. */
const KEYS = new Float64Array(1);
/** [0]: which direct cache the key fits (0 none, 1 an int32 integer, 2 a day); [1]: its value there (the integer, or YYYYMMDD). */
const DIRECT = new Int32Array(2);

interface DirectCache {
	/** code + 1 per value − base; 0 = not cached. */
	codes: Int32Array;
	base: number;
	/** Slots (0: no cache yet). */
	size: number;
	/** Smallest and largest value seen when the cache was spanned. */
	lo: number;
	hi: number;
}

function emptyCache(): DirectCache {
	return { codes: new Int32Array(0), base: 0, size: 0, lo: 0, hi: 0 };
}

/** The direct-cache value of a typed key for cache `slot` (see `DIRECT`), NaN when it has none. */
function directValue(key: number, slot: number): number {
	if (slot === 2) return key >= DAY_KEY ? key / DAY_KEY - 1 : NaN;
	return key < DAY_KEY && (key | 0) === key ? key : NaN;
}
/** ISO day keys live above every canonical number (those have ≤ 17 characters, so |x| < 1e17 < 2^70). */
const DAY_KEY = 2 ** 70;

/** The key of day YYYYMMDD `v` (see `typedKey`). */
function dayKey(v: number): true {
	KEYS[0] = (v + 1) * DAY_KEY;
	DIRECT[0] = 2;
	DIRECT[1] = v;
	return true;
}

/** The key of a canonical number `v`, or false for NaN (no key). */
function numberKey(v: number): boolean {
	if (v !== v) return false;
	KEYS[0] = v;
	if ((v | 0) === v) {
		DIRECT[0] = 1;
		DIRECT[1] = v;
	} else DIRECT[0] = 0;
	return true;
}

/**
 * A number that stands for the cell's text exactly, when there is one: a canonical number is its
 * value (`String(value) === text`, see `canonicalNumberAt`); `DDDD-DD-DD` is (DDDDDDDD + 1) × 2^70.
 * Both readings are one-to-one and never overlap, so equal keys mean equal text and a lookup
 * compares one number instead of the characters. Returns false when the text has no key.
 */
function typedKey(s: string, a: number, b: number): boolean {
	return copyShort(s, a, b) && typedKeyBytes(SHORT, 0, b - a);
}

/** `typedKey` over the bytes of ASCII text (the same key for the same characters). */
function typedKeyBytes(s: Uint8Array, a: number, b: number): boolean {
	if (b - a === 10 && s[a + 4] === 45 && s[a + 7] === 45) {
		let v = 0;
		for (let k = a; k < b; k++) {
			if (k === a + 4 || k === a + 7) continue;
			const d = s[k] - 48;
			if (d < 0 || d > 9) return false;
			v = v * 10 + d;
		}
		return dayKey(v);
	}
	return numberKey(canonicalNumberBytes(s, a, b));
}

function mix(h: number): number {
	h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
	h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
	return h ^ (h >>> 16);
}

function keyHash(k: number): number {
	if (k >= DAY_KEY) return mix(((k / DAY_KEY - 1) | 0) ^ 0x5bd1e995);
	return mix((k | 0) === k ? k : floatHash(k));
}

class ColumnBuilder {
	/**
	 * Deduplicating: an open-addressing table of (dictionary code + 1, hash) pairs (code 0 = empty
	 * slot) keyed by `hashRange`, so a cell is looked up from the chunk text without slicing a string
	 * first, and a probe compares hashes without touching the dictionary. null once the column went plain.
	 */
	map: Int32Array | null = new Int32Array(2048);
	/** Cells with a `typedKey`: open-addressing slots of (dictionary code + 1, key), one probe reads both. */
	tcode: Int32Array = new Int32Array(1024);
	tkey: Float64Array = new Float64Array(1024);
	tcount = 0;
	/** Dictionary entries with a typed key, in the key table or a direct cache. */
	typedCount = 0;
	/** Direct caches beside the key table: integers, and days (YYYYMMDD). */
	ints: DirectCache = emptyCache();
	days: DirectCache = emptyCache();
	dict: string[] = [];
	codes = new GrowInt32();
	lane: Lane | null = null;
	laneValues: GrowF64 | null = null;
	last = '';
	lastCode = 0;

	constructor() {
		this.#insert('', hashRange('', 0, 0));
	}

	#insert(s: string, h: number): number {
		const c = this.dict.length;
		this.dict.push(s);
		let t = this.map!;
		if ((c + 1) * 4 > t.length) {
			const old = t;
			t = new Int32Array(old.length * 2);
			const mask = (t.length >> 1) - 1;
			for (let k = 0; k < old.length; k += 2) {
				if (old[k] === 0) continue;
				let i = old[k + 1] & mask;
				while (t[i * 2] !== 0) i = (i + 1) & mask;
				t[i * 2] = old[k];
				t[i * 2 + 1] = old[k + 1];
			}
			this.map = t;
		}
		const mask = (t.length >> 1) - 1;
		let i = h & mask;
		while (t[i * 2] !== 0) i = (i + 1) & mask;
		t[i * 2] = c + 1;
		t[i * 2 + 1] = h;
		return c;
	}

	/** A new dictionary entry found by its typed key. */
	#insertTyped(s: string, key: number): number {
		const c = this.dict.length;
		this.dict.push(s);
		if (++this.tcount * 2 > this.tcode.length) {
			const oc = this.tcode;
			const ok = this.tkey;
			const codes = new Int32Array(oc.length * 2);
			const keys = new Float64Array(oc.length * 2);
			const mask = codes.length - 1;
			for (let j = 0; j < oc.length; j++) {
				if (oc[j] === 0) continue;
				let i = keyHash(ok[j]) & mask;
				while (codes[i] !== 0) i = (i + 1) & mask;
				codes[i] = oc[j];
				keys[i] = ok[j];
			}
			this.tcode = codes;
			this.tkey = keys;
		}
		const codes = this.tcode;
		const mask = codes.length - 1;
		let i = keyHash(key) & mask;
		while (codes[i] !== 0) i = (i + 1) & mask;
		codes[i] = c + 1;
		this.tkey[i] = key;
		return c;
	}

	/** Dictionary code of `text[a, b)`, added when new (deduplicating mode). */
	#lookup(text: string, a: number, b: number): number {
		if (typedKey(text, a, b)) {
			const c = this.#findTyped();
			return c >= 0 ? c : this.#addTyped(text.slice(a, b));
		}
		const map = this.map!;
		const h = hashRange(text, a, b);
		const mask = (map.length >> 1) - 1;
		for (let i = h & mask, e = map[i * 2]; e !== 0; i = (i + 1) & mask, e = map[i * 2])
			if (map[i * 2 + 1] === h && sameText(this.dict[e - 1], text, a, b)) return e - 1;
		return this.#insert(text.slice(a, b), h);
	}

	/** `#lookup` for the bytes of ASCII text (same hashes and keys, so both paths share one dictionary). */
	#lookupBytes(bytes: Uint8Array, a: number, b: number): number {
		if (typedKeyBytes(bytes, a, b)) {
			const c = this.#findTyped();
			return c >= 0 ? c : this.#addTyped(asciiText(bytes, a, b));
		}
		const map = this.map!;
		const h = hashBytes(bytes, a, b);
		const mask = (map.length >> 1) - 1;
		for (let i = h & mask, e = map[i * 2]; e !== 0; i = (i + 1) & mask, e = map[i * 2])
			if (map[i * 2 + 1] === h && sameBytes(this.dict[e - 1], bytes, a, b)) return e - 1;
		return this.#insert(asciiText(bytes, a, b), h);
	}

	/** Code of the cell whose typed key was just read (KEYS, DIRECT), or −1 when it is new. */
	#findTyped(): number {
		// small-range integers (numeric ids, counts) and days: one array read, no hashing
		const slot = DIRECT[0];
		if (slot !== 0) {
			const cache = slot === 1 ? this.ints : this.days;
			const at = DIRECT[1] - cache.base;
			if (at >= 0 && at < cache.size) {
				const e = cache.codes[at];
				// a cache spans every key of its sort seen so far: a miss inside it is a new value
				return e - 1;
			}
		}
		const key = KEYS[0];
		const codes = this.tcode;
		const keys = this.tkey;
		const mask = codes.length - 1;
		for (let i = keyHash(key) & mask, e = codes[i]; e !== 0; i = (i + 1) & mask, e = codes[i]) if (keys[i] === key) return e - 1;
		return -1;
	}

	/**
	 * Add the cell `#findTyped` did not find, with its text. A key that fits its direct cache (or
	 * fits once the cache re-spans) lives only there; any other goes to the key table.
	 */
	#addTyped(text: string): number {
		const slot = DIRECT[0];
		if (slot !== 0) {
			const value = DIRECT[1];
			const cache = slot === 1 ? this.ints : this.days;
			if ((value - cache.base >= 0 && value - cache.base < cache.size) || this.#widen(cache, value, slot)) {
				const c = this.dict.length;
				this.dict.push(text);
				this.typedCount++;
				cache.codes[value - cache.base] = c + 1;
				if (value < cache.lo) cache.lo = value;
				if (value > cache.hi) cache.hi = value;
				return c;
			}
		}
		this.typedCount++;
		return this.#insertTyped(text, KEYS[0]);
	}

	/**
	 * Re-span a direct cache over every key of its sort seen so far plus `value`, when that span
	 * stays small (≤ 8 slots per entry, ≤ 4M slots); false (nothing changed) otherwise. A cache
	 * holds every key of its sort within its range: the old cache's keys (all within its lo–hi,
	 * which the new range covers) and the key table's keys that now fall in range move over.
	 */
	#widen(cache: DirectCache, value: number, slot: number): boolean {
		let lo = value;
		let hi = value;
		if (cache.size > 0) {
			lo = Math.min(lo, cache.lo);
			hi = Math.max(hi, cache.hi);
		}
		const span = hi - lo + 1;
		// too sparse for now: try again when there are more entries (numeric ids fill their range)
		if (span > Math.max(1 << 16, this.typedCount * 8) || span > 1 << 22) return false;
		// leave room on both sides so a growing range re-spans O(log) times
		const size = Math.min(1 << 22, Math.max(1024, span * 2));
		const base = Math.max(lo - Math.floor((size - span) / 2), slot === 2 ? 0 : -(2 ** 31));
		const codes = new Int32Array(size);
		const old = cache.codes;
		for (let at = 0; at < cache.size; at++) if (old[at] !== 0) codes[cache.base + at - base] = old[at];
		const oc = this.tcode;
		const ok = this.tkey;
		for (let j = 0; j < oc.length; j++) {
			if (oc[j] === 0) continue;
			const v = directValue(ok[j], slot);
			if (v === v && v - base >= 0 && v - base < size) codes[v - base] = oc[j];
		}
		cache.codes = codes;
		cache.base = base;
		cache.size = size;
		cache.lo = lo;
		cache.hi = hi;
		return value - base >= 0 && value - base < size;
	}

	add(s: string): void {
		if (this.map === null) {
			if (s === '') this.codes.push(0);
			else if (this.laneValues && this.#laneAdd(s)) this.codes.push(-1);
			else {
				this.codes.push(this.dict.length);
				this.dict.push(s);
			}
			return;
		}
		// sorted exports repeat the cell above (same invoice, customer, day): skip the hash lookup
		if (s === this.last) {
			this.#push(this.lastCode);
			return;
		}
		const c = this.#lookup(s, 0, s.length);
		this.last = s;
		this.lastCode = c;
		this.#push(c);
	}

	/** `add(text.slice(a, b))` without making the string unless it is new. */
	addRange(text: string, a: number, b: number): void {
		if (this.map === null) {
			if (a === b) this.codes.push(0);
			else if (this.laneValues && this.#laneAddRange(text, a, b)) this.codes.push(-1);
			else {
				this.codes.push(this.dict.length);
				this.dict.push(text.slice(a, b));
			}
			return;
		}
		this.#push(this.#lookup(text, a, b));
	}

	/** `addRange` for the bytes of ASCII text. */
	addBytes(bytes: Uint8Array, a: number, b: number): void {
		if (this.map === null) {
			if (a === b) this.codes.push(0);
			else {
				const text = asciiText(bytes, a, b);
				if (this.laneValues && this.#laneAdd(text)) this.codes.push(-1);
				else {
					this.codes.push(this.dict.length);
					this.dict.push(text);
				}
			}
			return;
		}
		this.#push(this.#lookupBytes(bytes, a, b));
	}

	#push(c: number): void {
		this.codes.push(c);
		if (this.codes.n === PLAIN_CHECK_ROWS && this.dict.length > PLAIN_CHECK_ROWS * 0.8) this.#goPlain();
	}

	#laneAddRange(text: string, a: number, b: number): boolean {
		const lane = this.lane!;
		if (lane.kind === 'number') {
			const v = canonicalNumberAt(text, a, b);
			if (Number.isNaN(v)) return false;
			this.laneValues!.set(this.codes.n, v);
			return true;
		}
		if (b - a !== lane.layout) return false;
		const v = fastIsoAt(text, a, b);
		if (v === undefined || (lane.layout > 10 && text[a + 10] !== lane.sep)) return false;
		this.laneValues!.set(this.codes.n, v);
		return true;
	}

	#laneAdd(s: string): boolean {
		const lane = this.lane!;
		if (lane.kind === 'number') {
			if (!isCanonicalNumber(s)) return false;
			this.laneValues!.set(this.codes.n, +s);
			return true;
		}
		if (s.length !== lane.layout) return false;
		const v = fastIso(s);
		if (v === undefined || (lane.layout > 10 && s[10] !== lane.sep)) return false;
		this.laneValues!.set(this.codes.n, v);
		return true;
	}

	/** Stop deduplicating; if the values so far are (nearly all) canonical numbers or one ISO layout, open a lane. */
	#goPlain(): void {
		this.map = null;
		const d = this.dict;
		let num = 0;
		const layouts = new Map<string, number>();
		for (let k = 1; k < d.length; k++) {
			const v = d[k];
			if (isCanonicalNumber(v)) num++;
			else if (fastIso(v) !== undefined) {
				const key = v.length > 10 ? `${v.length}${v[10]}` : '10';
				layouts.set(key, (layouts.get(key) ?? 0) + 1);
			}
		}
		const n = d.length - 1;
		let lane: Lane | null = null;
		if (num >= n * 0.5) lane = { kind: 'number', values: new Float64Array(0), layout: 0, sep: '' };
		else
			for (const [key, c] of layouts)
				if (c >= n * 0.5)
					lane = {
						kind: 'iso',
						values: new Float64Array(0),
						layout: parseInt(key, 10),
						sep: key.length > 2 ? key.slice(2) : ' '
					};
		if (lane) {
			this.lane = lane;
			this.laneValues = new GrowF64(this.codes.n);
		}
	}

	finish(): { codes: Int32Array; dict: string[]; unique: boolean; lane?: Lane } {
		const codes = this.codes.done();
		if (this.lane && this.laneValues) {
			const values = new Float64Array(codes.length);
			values.set(this.laneValues.a.subarray(0, codes.length));
			return { codes, dict: this.dict, unique: false, lane: { ...this.lane, values } };
		}
		return { codes, dict: this.dict, unique: this.map !== null };
	}
}

/** Blank → `column_N`; repeats → `name_2`, `name_3` (so every column has a unique, stable name). */
export function normaliseHeaders(raw: readonly string[], file?: string): { headers: string[]; issues: ImportIssue[] } {
	const issues: ImportIssue[] = [];
	const seen = new Set<string>();
	const headers = raw.map((h, j) => {
		let name = h.trim();
		if (name === '') {
			name = `column_${j + 1}`;
			issues.push(
				issue('blank-header', 'warning', {
					file,
					row: 1,
					column: name,
					detail: { index: j + 1 }
				})
			);
		}
		if (seen.has(name)) {
			let k = 2;
			while (seen.has(`${name}_${k}`)) k++;
			issues.push(
				issue('duplicate-header', 'warning', {
					file,
					row: 1,
					column: name,
					detail: { index: j + 1, renamed: `${name}_${k}` }
				})
			);
			name = `${name}_${k}`;
		}
		seen.add(name);
		return name;
	});
	return { headers, issues };
}

/** Accumulates records into columns; knows row numbers, header, ragged rows. */
class TableBuilder {
	cols: ColumnBuilder[] = [];
	headers: string[] = [];
	originalHeaders: string[] = [];
	width = -1;
	rows = 0;
	record = 0;
	blank = 0;
	bad = 0;
	rowNumbers = new GrowInt32();
	ragged = new GrowInt32();
	malformed = new GrowInt32();
	issues: ImportIssue[] = [];
	counts = new Map<string, number>();
	constructor(
		readonly hasHeader: boolean,
		readonly file: string | undefined,
		readonly maxIssues: number,
		readonly trimCr: boolean
	) {}

	note(i: ImportIssue): void {
		const n = (this.counts.get(i.code) ?? 0) + 1;
		this.counts.set(i.code, n);
		if (n <= this.maxIssues) this.issues.push(i);
	}

	#start(width: number, header: string[] | null): void {
		this.width = width;
		if (header) {
			const { headers, issues } = normaliseHeaders(header, this.file);
			this.originalHeaders = header.slice();
			this.headers = headers;
			for (const i of issues) this.issues.push(i);
		} else {
			this.headers = Array.from({ length: width }, (_, j) => `column_${j + 1}`);
			this.originalHeaders = this.headers.slice();
		}
		this.cols = this.headers.map(() => new ColumnBuilder());
	}

	add(row: string[], malformed = false): void {
		this.record++;
		if (row.length === 1 && (row[0] === '' || (this.trimCr && row[0] === '\r'))) {
			this.blank++;
			return;
		}
		if (this.trimCr) {
			const last = row[row.length - 1];
			if (last.charCodeAt(last.length - 1) === 13) row[row.length - 1] = last.slice(0, -1);
		}
		if (this.width < 0) {
			if (this.hasHeader) {
				this.#start(row.length, row);
				return;
			}
			this.#start(row.length, null);
		}
		const w = this.width;
		if (row.length !== w) {
			this.ragged.push(this.rows);
			this.note(
				issue('ragged-row', 'error', {
					file: this.file,
					row: this.record,
					detail: { expected: w, found: row.length }
				})
			);
		}
		if (malformed) {
			this.malformed.push(this.rows);
			this.note(
				issue('malformed-quote', 'warning', {
					file: this.file,
					row: this.record
				})
			);
		}
		const cols = this.cols;
		const n = row.length < w ? row.length : w;
		for (let j = 0; j < n; j++) cols[j].add(row[j]);
		for (let j = n; j < w; j++) cols[j].add('');
		this.rowNumbers.push(this.record);
		this.rows++;
	}

	/**
	 * Fast path for one well-formed record of an unquoted chunk: fields are `text[starts[j], ends[j])`.
	 * Returns false (nothing consumed) when the record needs the general path: header not read yet,
	 * a blank line, or a field count different from the header's.
	 */
	addRanges(text: string, starts: Int32Array, ends: Int32Array, count: number): boolean {
		const w = this.width;
		if (w < 0 || count !== w) return false;
		if (count === 1 && (starts[0] === ends[0] || (this.trimCr && ends[0] - starts[0] === 1 && text.charCodeAt(starts[0]) === 13)))
			return false;
		if (this.trimCr && text.charCodeAt(ends[count - 1] - 1) === 13 && ends[count - 1] > starts[count - 1]) ends[count - 1]--;
		this.record++;
		const cols = this.cols;
		for (let j = 0; j < w; j++) cols[j].addRange(text, starts[j], ends[j]);
		this.rowNumbers.push(this.record);
		this.rows++;
		return true;
	}

	/** Room for `rows` data rows in every column (see `GrowInt32.reserve`). */
	reserve(rows: number): void {
		this.rowNumbers.reserve(rows);
		for (const c of this.cols) c.codes.reserve(rows);
	}

	/** `addRanges` over the bytes of ASCII text. */
	addByteRanges(bytes: Uint8Array, starts: Int32Array, ends: Int32Array, count: number): boolean {
		const w = this.width;
		if (w < 0 || count !== w) return false;
		if (count === 1 && (starts[0] === ends[0] || (this.trimCr && ends[0] - starts[0] === 1 && bytes[starts[0]] === 13))) return false;
		if (this.trimCr && bytes[ends[count - 1] - 1] === 13 && ends[count - 1] > starts[count - 1]) ends[count - 1]--;
		this.record++;
		const cols = this.cols;
		for (let j = 0; j < w; j++) cols[j].addBytes(bytes, starts[j], ends[j]);
		this.rowNumbers.push(this.record);
		this.rows++;
		return true;
	}

	skipBadLine(text: string): void {
		this.record++;
		this.bad++;
		this.note(
			issue('unterminated-quote', 'error', {
				file: this.file,
				row: this.record,
				value: text.slice(0, 200)
			})
		);
	}
}

/** Everything decided before streaming: encoding, dialect, header. */
export interface Prepared {
	encoding: EncodingGuess;
	dialect: Dialect;
	hasHeader: boolean;
	warnings: ImportIssue[];
	sampleText: string;
}

/** Read the first 64 KiB, screen it, and settle encoding, delimiter, newline and header. */
export async function prepareSource(src: ByteSource, opts: ParseOptions = {}): Promise<ImportResult<Prepared>> {
	const file = src.name;
	let sample: Uint8Array;
	try {
		sample = await src.read(0, Math.min(src.size, SAMPLE_BYTES));
	} catch {
		return fatal('read-failed', { file });
	}
	const whole = sample.length >= src.size;
	const bad = screenBytes(sample, file);
	if (bad && !(opts.encoding && bad.code === 'binary-file')) return { errors: [bad], data: null };
	const warnings: ImportIssue[] = [];
	let encoding: EncodingGuess = opts.encoding
		? {
				encoding: opts.encoding,
				bom: detectBom(sample)?.encoding === opts.encoding,
				reason: 'override'
			}
		: guessEncoding(sample, whole);
	let sampleText = new StreamDecoder(encoding.encoding).decode(sample, whole);
	if (sampleText === null) {
		if (opts.encoding)
			return fatal('decode-failed', {
				file,
				detail: { encoding: opts.encoding }
			});
		encoding = { encoding: 'gb18030', bom: false, reason: 'gb18030-fallback' };
		sampleText = new StreamDecoder('gb18030').decode(sample, whole) ?? '';
	}
	if (sampleText.trim() === '') {
		if (whole) return fatal('empty-file', { file });
	}
	const newline = detectNewline(sampleText);
	const delimiter = opts.delimiter ?? detectDelimiter(sampleText, !whole);
	const dialect: Dialect = { delimiter, newline, quoteChar: '"' };
	let hasHeader = opts.hasHeader;
	if (hasHeader === undefined) {
		const rows = splitSample(sampleText, dialect, !whole, 51);
		hasHeader = detectHeader(rows);
	}
	return {
		errors: [],
		data: { encoding, dialect, hasHeader, warnings, sampleText }
	};
}

/** Parse a small decoded sample into rows (header detection, previews). */
export function splitSample(text: string, dialect: Dialect, partial: boolean, maxRows: number): string[][] {
	const rows: string[][] = [];
	const sink = (r: string[]): void => {
		if (rows.length < maxRows && !(r.length === 1 && r[0].trim() === '')) rows.push(r);
	};
	const feeder = makeFeeder(dialect, sink, () => {});
	feeder.feed(text, !partial);
	return rows;
}

interface Feeder {
	feed(text: string, last: boolean): void;
	/**
	 * Take a slice of whole lines as bytes, without decoding, when it is plain ASCII with no quote
	 * (and the dialect allows). Returns how many bytes it took: the caller decodes and `feed`s the
	 * rest (0: none taken).
	 */
	feedBytes?(bytes: Uint8Array, last: boolean): number;
}

/** Upper bound on text carried between slices: beyond it an open quote is declared unterminated. */
const MAX_CARRY = 4 * 1024 * 1024;

/**
 * Turns decoded text (any chunking) into records for `sink`. Quoted dialects go through
 * papaparse's Parser with the streamer's carry-over of the unfinished last record; an open quote
 * that never closes costs only its own line (`onBadLine`), not the rest of the file.
 */
function makeFeeder(
	dialect: Dialect,
	sink: (row: string[], malformed: boolean) => void,
	onBadLine: (text: string) => void,
	fast?: (text: string, starts: Int32Array, ends: Int32Array, count: number) => boolean,
	fastBytes?: (bytes: Uint8Array, starts: Int32Array, ends: Int32Array, count: number) => boolean
): Feeder {
	let carry = '';
	if (dialect.delimiter === 'whitespace') {
		return {
			feed(text, last) {
				const all = carry + text;
				const lines = all.split(/\r\n|\n|\r/);
				carry = last ? '' : (lines.pop() ?? '');
				// a CR at the very end may be the first half of CRLF
				if (!last && all.endsWith('\r')) {
					lines.pop();
					carry = '\r';
				}
				for (const line of lines) {
					const t = line.trim();
					sink(t === '' ? [''] : t.split(/\s+/), false);
				}
			}
		};
	}
	const parser = new Papa.Parser({
		delimiter: dialect.delimiter,
		newline: dialect.newline,
		quoteChar: '"'
	});
	const nl = dialect.newline;
	type Res = {
		data: string[][];
		errors: { code: string; row: number }[];
		meta: { cursor: number };
	};
	const emit = (res: Res): void => {
		let malformed: Set<number> | null = null;
		for (const e of res.errors) if (e.code === 'InvalidQuotes') (malformed ??= new Set()).add(e.row);
		const data = res.data;
		for (let i = 0; i < data.length; i++) sink(data[i], malformed !== null && malformed.has(i));
	};
	/** Drop the first physical line of `text` as unterminated; return what follows it. */
	const cutBadLine = (text: string): string => {
		const at = text.indexOf(nl);
		onBadLine(at === -1 ? text : text.slice(0, at));
		return at === -1 ? '' : text.slice(at + nl.length);
	};
	const delim = dialect.delimiter.charCodeAt(0);
	let starts = new Int32Array(64);
	let ends = new Int32Array(64);
	/** Room for twice as many fields per line. */
	const growRanges = (): void => {
		const s2 = new Int32Array(starts.length * 2);
		s2.set(starts);
		starts = s2;
		const e2 = new Int32Array(ends.length * 2);
		e2.set(ends);
		ends = e2;
	};
	/**
	 * A chunk without any quote character is split here, field by field, straight into the column
	 * builders (no row arrays, no substrings for repeated values). Records the fast path cannot take
	 * (header, blank, ragged) go through `sink` exactly as papaparse would have delivered them.
	 */
	const fastFeed = (
		agg: string,
		last: boolean,
		take: (text: string, starts: Int32Array, ends: Int32Array, count: number) => boolean
	): string => {
		const nlLen = nl.length;
		let pos = 0;
		const n = agg.length;
		while (pos < n) {
			let end = agg.indexOf(nl, pos);
			if (end === -1) {
				if (!last) return agg.slice(pos);
				end = n;
			}
			let count = 0;
			let a = pos;
			for (let k = pos; k < end; k++) {
				if (agg.charCodeAt(k) === delim) {
					if (count === starts.length - 1) growRanges();
					starts[count] = a;
					ends[count++] = k;
					a = k + 1;
				}
			}
			starts[count] = a;
			ends[count++] = end;
			if (!take(agg, starts, ends, count)) {
				const row: string[] = new Array(count);
				for (let j = 0; j < count; j++) row[j] = agg.slice(starts[j], ends[j]);
				sink(row, false);
			}
			pos = end + nlLen;
		}
		return '';
	};
	const crlf = nl === '\r\n';
	/** Byte classes for `byteFeed`: 0 plain, 1 delimiter, 2 line feed, 3 stop (quote, NUL, non-ASCII). */
	const classes = new Uint8Array(256);
	classes.fill(3, 128);
	classes[34] = 3;
	classes[0] = 3;
	classes[10] = 2;
	classes[delim] = 1;
	/**
	 * `fastFeed` over the bytes of a slice, in one pass. Stops at the start of a line holding a quote,
	 * a NUL or a non-ASCII byte, or at a lone LF in a CRLF file (the text path takes those), and
	 * returns how far it got.
	 */
	const byteFeed = (
		bytes: Uint8Array,
		last: boolean,
		take: (bytes: Uint8Array, starts: Int32Array, ends: Int32Array, count: number) => boolean
	): number => {
		const n = bytes.length;
		let pos = 0;
		let count = 0;
		let a = 0;
		let st = starts;
		let en = ends;
		for (let k = 0; k <= n; k++) {
			let cls: number;
			if (k < n) {
				cls = classes[bytes[k]];
				if (cls === 0) continue;
			} else {
				if (!last || pos === n) break;
				cls = 4; // the file's last line, without a line feed
			}
			if (cls === 1) {
				if (count === st.length - 1) {
					growRanges();
					st = starts;
					en = ends;
				}
				st[count] = a;
				en[count++] = k;
				a = k + 1;
				continue;
			}
			if (cls === 3) return pos;
			let lineEnd = k;
			if (crlf && cls === 2) {
				if (k === a || bytes[k - 1] !== 13) return pos;
				lineEnd = k - 1;
			}
			st[count] = a;
			en[count++] = lineEnd;
			if (!take(bytes, st, en, count)) {
				const row: string[] = new Array(count);
				for (let j = 0; j < count; j++) row[j] = asciiText(bytes, st[j], en[j]);
				sink(row, false);
			}
			pos = a = k + 1;
			count = 0;
		}
		return last ? n : pos;
	};
	return {
		feedBytes:
			fastBytes && (nl === '\n' || crlf)
				? (bytes, last) => {
						if (carry !== '' || (!last && bytes[bytes.length - 1] !== 10)) return 0;
						return byteFeed(bytes, last, fastBytes);
					}
				: undefined,
		feed(text, last) {
			let agg = carry + text;
			carry = '';
			if (fast && agg.indexOf('"') === -1) {
				carry = fastFeed(agg, last, fast);
				return;
			}
			for (;;) {
				const res = parser.parse(agg, 0, true) as Res;
				emit(res);
				const rest = agg.slice(res.meta.cursor);
				if (!last) {
					if (rest.length > MAX_CARRY && rest.indexOf(nl) !== -1) {
						agg = cutBadLine(rest);
						continue;
					}
					carry = rest;
					return;
				}
				if (rest === '') return;
				const tail = parser.parse(rest, 0, false) as Res;
				if (!tail.errors.some((e) => e.code === 'MissingQuotes')) {
					emit(tail);
					return;
				}
				agg = cutBadLine(rest);
				if (agg === '') return;
			}
		}
	};
}

function now(): number {
	return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

/**
 * Stream a whole source into a RawTable. Holds only the dictionary-encoded columns plus one slice
 * of text. Returns `{errors, data}`; never throws. A strict-UTF-8 failure past the sample restarts
 * once as GB18030 (unless the encoding was chosen by the user).
 */
export async function parseSource(src: ByteSource, opts: ParseOptions = {}, hooks: ParseHooks = {}): Promise<ImportResult<RawTable>> {
	const prep = await prepareSource(src, opts);
	if (!prep.data) return { errors: prep.errors, data: null };
	let encoding = prep.data.encoding;
	const warnings = [...prep.data.warnings];
	if (encoding.reason === 'gb18030-fallback')
		warnings.push(
			issue('encoding-fallback', 'warning', {
				file: src.name,
				detail: { from: 'utf-8', to: 'gb18030' }
			})
		);
	for (let attempt = 0; attempt < 2; attempt++) {
		const r = await streamOnce(src, opts, hooks, prep.data, encoding);
		if (r === 'decode-failed') {
			if (opts.encoding || encoding.encoding !== 'utf-8')
				return fatal('decode-failed', {
					file: src.name,
					detail: { encoding: encoding.encoding }
				});
			encoding = {
				encoding: 'gb18030',
				bom: false,
				reason: 'gb18030-fallback'
			};
			warnings.push(
				issue('encoding-fallback', 'warning', {
					file: src.name,
					detail: { from: 'utf-8', to: 'gb18030' }
				})
			);
			continue;
		}
		r.errors.unshift(...warnings);
		return r;
	}
	return fatal('decode-failed', { file: src.name });
}

async function streamOnce(
	src: ByteSource,
	opts: ParseOptions,
	hooks: ParseHooks,
	prep: Prepared,
	encoding: EncodingGuess
): Promise<ImportResult<RawTable> | 'decode-failed'> {
	const file = src.name;
	const chunk = Math.max(1024, opts.chunkBytes ?? 2 << 20);
	const maxRows = opts.maxRows ?? Infinity;
	const b = new TableBuilder(prep.hasHeader, file, opts.maxIssues ?? 100, prep.dialect.newline === '\n');
	const feeder = makeFeeder(
		prep.dialect,
		(row, malformed) => {
			if (b.rows < maxRows) b.add(row, malformed);
		},
		(line) => b.skipBadLine(line),
		opts.fastPath === false ? undefined : (text, starts, ends, count) => b.rows < maxRows && b.addRanges(text, starts, ends, count),
		opts.fastPath === false || opts.bytePath === false
			? undefined
			: (bytes, starts, ends, count) => b.rows < maxRows && b.addByteRanges(bytes, starts, ends, count)
	);
	// the BOM is dropped here, not by the decoder: plain-ASCII slices skip the decoder (see below), so
	// its first input may come from the middle of the file, where U+FEFF is text
	const decoder = new StreamDecoder(encoding.encoding, { keepBom: true });
	const bomEncodings: readonly string[] = ['utf-8', 'utf-16le', 'utf-16be'];
	const t0 = now();
	let lastReport = -Infinity;
	const every = hooks.progressEveryMs ?? 100;
	// read ahead: the next slice is fetched (file I/O, in a browser an IPC hop) while this one is parsed
	const fetch = (from: number): Promise<Uint8Array | null> =>
		src.read(from, Math.min(src.size, from + chunk)).then(
			(b) => b,
			() => null
		);
	let ahead = fetch(0);
	// ASCII-compatible encodings (every one but UTF-16) never use byte 0x0A inside a character: each
	// slice ends after its last line feed and the next one is read from there, so the decoded text
	// is one flat string of whole lines (no string concatenation, whose result reads slower char by
	// char) and no bytes are copied to join slices
	const byLine = !encoding.encoding.startsWith('utf-16');
	/** Where the decoder stands: after a line feed (or at the start), or possibly inside a character. */
	let decoderAt: 'line' | 'mid' = 'line';
	for (let pos = 0; ;) {
		const read = await ahead;
		if (read === null) return fatal('read-failed', { file });
		let bytes: Uint8Array = read;
		if (byLine && pos + bytes.length < src.size) {
			const cut = bytes.lastIndexOf(10) + 1;
			if (cut > 0 && bytes.length - cut < MAX_CARRY) bytes = bytes.subarray(0, cut);
		}
		const end = pos + bytes.length;
		const last = end >= src.size;
		ahead = !last && b.rows < maxRows ? fetch(end) : Promise.resolve(new Uint8Array(0));
		if (pos === 0 && bomEncodings.includes(encoding.encoding)) {
			const bom = detectBom(bytes);
			if (bom && bom.encoding === encoding.encoding) bytes = bytes.subarray(bom.length);
		}
		// plain ASCII slices of an ASCII-compatible encoding skip decoding while the decoder holds no
		// partial character (slices end at a line feed)
		const took: number = feeder.feedBytes && byLine && decoderAt === 'line' ? feeder.feedBytes(bytes, last) : 0;
		if (took < bytes.length || (last && took === 0)) {
			const rest: Uint8Array = took > 0 ? bytes.subarray(took) : bytes;
			const text = decoder.decode(rest, last);
			if (text === null) return 'decode-failed';
			feeder.feed(text, last);
			decoderAt = rest.length === 0 || rest[rest.length - 1] === 10 ? 'line' : 'mid';
		}
		// after the first slice, size the columns for the whole file (rows so far × bytes left, +5%)
		if (pos === 0 && !last && b.rows > 0) b.reserve(Math.min(maxRows, Math.ceil((b.rows * src.size * 1.05) / end) + 1024));
		const t = now();
		if (hooks.onProgress && (t - lastReport >= every || last)) {
			lastReport = t;
			const elapsed = t - t0;
			const rate = end / Math.max(elapsed, 1e-3);
			hooks.onProgress({
				bytesRead: end,
				totalBytes: src.size,
				rows: b.rows,
				elapsedMs: elapsed,
				etaMs: end > 0 && elapsed > 0 ? (src.size - end) / rate : null
			});
		}
		if (hooks.isCancelled?.()) return fatal('cancelled', { file });
		if (b.rows >= maxRows) break;
		if (hooks.yieldControl) await hooks.yieldControl();
		if (hooks.isCancelled?.()) return fatal('cancelled', { file });
		if (last) break;
		pos = end;
	}
	const errors: ImportIssue[] = [];
	if (decoder.nulCount > 0)
		errors.push(
			issue('nul-bytes-removed', 'warning', {
				file,
				detail: { count: decoder.nulCount }
			})
		);
	if (b.width < 0)
		return {
			errors: [...errors, issue('empty-file', 'fatal', { file })],
			data: null
		};
	if (b.rows === 0) errors.push(issue('header-only', 'warning', { file }));
	errors.push(...b.issues);
	const summary: Record<string, number> = {};
	for (const [code, n] of b.counts) summary[code] = n;
	const columns: RawColumn[] = b.headers.map((name, j) => ({ name, ...b.cols[j].finish() }));
	return {
		errors,
		data: {
			file,
			encoding,
			dialect: prep.dialect,
			hasHeader: prep.hasHeader,
			headers: b.headers,
			originalHeaders: b.originalHeaders,
			columns,
			rowCount: b.rows,
			rowNumbers: b.rowNumbers.done(),
			raggedRows: b.ragged.done(),
			malformedRows: b.malformed.done(),
			blankLines: b.blank,
			badLines: b.bad,
			bytes: src.size,
			issueCounts: summary
		}
	};
}

/** The text of one cell of a raw table. */
export function rawCell(t: RawTable, col: number, row: number): string {
	const c = t.columns[col];
	const k = c.codes[row];
	return k < 0 ? laneText(c.lane!, row) : c.dict[k];
}

/** Decode a small string directly (tests, pasted text): same engine as files. */
export function parseText(text: string, opts: ParseOptions = {}, name?: string): Promise<ImportResult<RawTable>> {
	return parseSource(bytesSource(new TextEncoder().encode(text), name), {
		encoding: 'utf-8',
		...opts
	});
}
