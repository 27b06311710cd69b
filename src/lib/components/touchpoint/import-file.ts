// Reading a register CSV the user picked: screen the bytes, guess the encoding (BOM → UTF-8 → GB18030), decode.
import { CSV_ENCODINGS, guessEncoding, screenBytes, StreamDecoder, type CsvEncoding } from '$lib/domain/csv/decode';

export type ReadFileResult =
	| { ok: true; text: string; encoding: CsvEncoding; guessed: CsvEncoding }
	| { ok: false; code: 'empty-file' | 'xlsx-not-csv' | 'binary-file' | 'decode-failed' };

export { CSV_ENCODINGS };

export function decodeRegisterBytes(bytes: Uint8Array, override?: CsvEncoding): ReadFileResult {
	const screened = screenBytes(bytes);
	if (screened) return { ok: false, code: screened.code as 'empty-file' | 'xlsx-not-csv' | 'binary-file' };
	const guess = guessEncoding(bytes, true);
	let encoding: CsvEncoding = override ?? guess.encoding;
	let text = new StreamDecoder(encoding).decode(bytes, true);
	if (text === null && !override) {
		// Strict UTF-8 failed past the sample: Excel on Chinese Windows writes GB18030.
		encoding = 'gb18030';
		text = new StreamDecoder(encoding).decode(bytes, true);
	}
	if (text === null) return { ok: false, code: 'decode-failed' };
	return { ok: true, text: text.replace(/^\uFEFF/, ''), encoding, guessed: guess.encoding };
}
