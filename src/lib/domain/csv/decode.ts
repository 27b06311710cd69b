// Byte-level decoding: BOM / zip / UTF-16 sniffing, strict UTF-8 with GB18030 fallback, streaming decoders.
import { fatal, issue, type ImportIssue, type ImportResult } from './issues';

/** Auto-detected: the first four. The rest are offered as manual overrides (Western Excel, Taiwan/HK). */
export const CSV_ENCODINGS = ['utf-8', 'gb18030', 'utf-16le', 'utf-16be', 'windows-1252', 'big5'] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

export type EncodingReason = 'bom' | 'utf8-valid' | 'gb18030-fallback' | 'utf16-nul-pattern' | 'override';

export interface EncodingGuess {
	encoding: CsvEncoding;
	/** A byte-order mark was present (the decoder drops it). */
	bom: boolean;
	reason: EncodingReason;
}

/** Recognises the BOMs we support; GB18030's own BOM (84 31 95 33) is also accepted. */
export function detectBom(b: Uint8Array): { encoding: CsvEncoding; length: number } | null {
	if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
	if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
	if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
	if (b.length >= 4 && b[0] === 0x84 && b[1] === 0x31 && b[2] === 0x95 && b[3] === 0x33) return { encoding: 'gb18030', length: 4 };
	return null;
}

/** `.xlsx`/`.docx` are zip files (PK\3\4); legacy `.xls` is an OLE compound file (D0 CF 11 E0). */
export function looksLikeSpreadsheet(b: Uint8Array): boolean {
	if (b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 0x03 || b[2] === 0x05) && (b[3] === 0x04 || b[3] === 0x06)) return true;
	return b.length >= 4 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;
}

/** UTF-16 without a BOM shows as NUL in every other byte for ASCII-heavy text. */
function utf16ByNulPattern(b: Uint8Array): CsvEncoding | null {
	const n = Math.min(b.length, 4096) & ~1;
	if (n < 8) return null;
	let evenNul = 0;
	let oddNul = 0;
	for (let i = 0; i < n; i += 2) {
		if (b[i] === 0) evenNul++;
		if (b[i + 1] === 0) oddNul++;
	}
	const pairs = n / 2;
	if (oddNul > pairs * 0.4 && evenNul < pairs * 0.05) return 'utf-16le';
	if (evenNul > pairs * 0.4 && oddNul < pairs * 0.05) return 'utf-16be';
	return null;
}

/** True when the bytes are valid UTF-8; `partial` lets a sample end inside a multi-byte character. */
export function isValidUtf8(b: Uint8Array, partial: boolean): boolean {
	try {
		new TextDecoder('utf-8', { fatal: true }).decode(b, { stream: partial });
		return true;
	} catch {
		return false;
	}
}

/**
 * Guess the encoding of a file from its first bytes (`sample`); `whole` says the sample is the
 * entire file. Order: BOM → UTF-16 NUL pattern → strict UTF-8 → GB18030.
 */
export function guessEncoding(sample: Uint8Array, whole: boolean): EncodingGuess {
	const bom = detectBom(sample);
	if (bom) return { encoding: bom.encoding, bom: true, reason: 'bom' };
	const u16 = utf16ByNulPattern(sample);
	if (u16) return { encoding: u16, bom: false, reason: 'utf16-nul-pattern' };
	if (isValidUtf8(sample, !whole)) return { encoding: 'utf-8', bom: false, reason: 'utf8-valid' };
	return { encoding: 'gb18030', bom: false, reason: 'gb18030-fallback' };
}

/**
 * Text never holds C0 controls other than tab/CR/LF/FF/ESC; more than 5% of them (or over half NUL,
 * when not UTF-16) means a binary file. Scattered NULs alone are an export oddity we strip.
 */
const BINARY_CONTROL_SHARE = 0.05;

/** Screens the first bytes: empty, spreadsheet, binary. Returns the fatal issue or null. */
export function screenBytes(sample: Uint8Array, file?: string): ImportIssue | null {
	if (sample.length === 0) return issue('empty-file', 'fatal', { file });
	if (looksLikeSpreadsheet(sample)) return issue('xlsx-not-csv', 'fatal', { file });
	const bom = detectBom(sample);
	if (!bom && !utf16ByNulPattern(sample)) {
		let nul = 0;
		let ctrl = 0;
		const n = Math.min(sample.length, 65536);
		for (let i = 0; i < n; i++) {
			const b = sample[i];
			if (b === 0) nul++;
			else if (b < 32 && b !== 9 && b !== 10 && b !== 12 && b !== 13 && b !== 27) ctrl++;
		}
		if (ctrl > n * BINARY_CONTROL_SHARE || nul > n * 0.5) return issue('binary-file', 'fatal', { file });
	}
	return null;
}

/**
 * Streaming decoder. UTF-8 is strict (`fatal`) so a wrong guess surfaces as `{ok:false}` rather
 * than replacement characters; NUL characters are removed and counted (Excel/ERP exports sometimes
 * pad with them and they break every later step).
 */
export class StreamDecoder {
	readonly encoding: CsvEncoding;
	nulCount = 0;
	#decoder: TextDecoder;

	/** `keepBom`: a U+FEFF at the start is text like anywhere else (the caller dropped the file's BOM itself). */
	constructor(encoding: CsvEncoding, opts: { keepBom?: boolean } = {}) {
		this.encoding = encoding;
		this.#decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8', ignoreBOM: opts.keepBom ?? false });
	}

	/** Decode the next slice; `last` flushes. Returns null when strict UTF-8 decoding fails. */
	decode(bytes: Uint8Array, last: boolean): string | null {
		let text: string;
		try {
			text = this.#decoder.decode(bytes, { stream: !last });
		} catch {
			return null;
		}
		if (text.indexOf('\u0000') !== -1) {
			const before = text.length;
			text = text.replace(/\u0000/g, '');
			this.nulCount += before - text.length;
		}
		return text;
	}
}

export interface DecodedText {
	text: string;
	encoding: EncodingGuess;
	nulCount: number;
}

/** Decode a whole in-memory file (small files, tests). Big files go through `parseSource`. */
export function decodeBytes(bytes: Uint8Array, override?: CsvEncoding, file?: string): ImportResult<DecodedText> {
	const bad = screenBytes(bytes, file);
	if (bad && !(override && bad.code === 'binary-file')) return { errors: [bad], data: null };
	const errors: ImportIssue[] = [];
	let guess: EncodingGuess = override
		? {
				encoding: override,
				bom: detectBom(bytes)?.encoding === override,
				reason: 'override'
			}
		: guessEncoding(bytes, true);
	let dec = new StreamDecoder(guess.encoding);
	let text = dec.decode(bytes, true);
	if (text === null && !override) {
		guess = { encoding: 'gb18030', bom: false, reason: 'gb18030-fallback' };
		errors.push(
			issue('encoding-fallback', 'warning', {
				file,
				detail: { from: 'utf-8', to: 'gb18030' }
			})
		);
		dec = new StreamDecoder('gb18030');
		text = dec.decode(bytes, true);
	}
	if (text === null)
		return fatal('decode-failed', {
			file,
			detail: { encoding: guess.encoding }
		});
	if (dec.nulCount > 0)
		errors.push(
			issue('nul-bytes-removed', 'warning', {
				file,
				detail: { count: dec.nulCount }
			})
		);
	return { errors, data: { text, encoding: guess, nulCount: dec.nulCount } };
}
