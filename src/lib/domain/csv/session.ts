// Import session behind the CSV worker: sniff → parse (raw table kept) → build (chunks + report) → export; message dispatch that never throws.
import { CSV_ENCODINGS, type CsvEncoding, type EncodingGuess } from './decode';
import {
	rawCell,
	blobSource,
	wholeBlobSource,
	parseSource,
	type ByteSource,
	type ParseOptions,
	type ParseProgress,
	type RawTable
} from './parse';
import type { Delimiter, Dialect } from './sniff';
import { profileTable, type ColumnProfile } from './inference';
import { guessKind, guessMapping, toColumnMapping } from './mapping';
import { buildDataset, type BuildOptions, type QualityReport } from './validate';
import { toChunks, type ChunkPayload, type Column } from './columnar';
import { columnsToCsv, encodeUtf8 } from './export';
import { fatal, hasFatal, issue, type ImportErrorCode, type ImportIssue, type ImportResult } from './issues';
import { DATASET_KINDS, type DatasetKind } from '../dataset/fields';
import { headerSignature, type ColumnMapping } from '../dataset/saved-mapping';
import type { DatasetColumn, DatasetRecord } from '../dataset/dataset';
import type { ColumnChunkRecord } from '../dataset/column-chunk';
import { COLUMN_CHUNK_ROWS } from '../dataset/column-chunk';
import { newId } from '../record';
import { warmUp } from './warm';

/** User overrides on the confirm screen; anything absent is sniffed. */
export interface ParseOverrides {
	encoding?: CsvEncoding;
	delimiter?: Delimiter;
	hasHeader?: boolean;
}

export interface SniffSummary {
	file?: string;
	size: number;
	encoding: EncodingGuess;
	/** Encodings the user may pick instead. */
	encodings: readonly CsvEncoding[];
	dialect: Dialect;
	hasHeader: boolean;
	headers: string[];
	/** `headerSignature(headers)`: find a saved mapping (and its parse options) before parsing. */
	signature: string;
	/** First rows as text (≤ 20), for the preview table. */
	preview: string[][];
}

export interface ParseSummary {
	importId: string;
	file?: string;
	size: number;
	encoding: EncodingGuess;
	dialect: Dialect;
	hasHeader: boolean;
	headers: string[];
	/** `headerSignature(headers)`: look up a saved mapping with it. */
	signature: string;
	rowCount: number;
	profiles: ColumnProfile[];
	kind: DatasetKind;
	/** A pre-filled mapping per kind, so switching kind in the UI needs no round trip. */
	mappings: Record<DatasetKind, ColumnMapping>;
	/** Required fields with no column, per kind. */
	missing: Record<DatasetKind, string[]>;
	/** Full counts per row-level issue code (`errors` lists at most 100 of each). */
	issueCounts: Record<string, number>;
}

export interface BuildSummary {
	kind: DatasetKind;
	rowCount: number;
	columns: DatasetColumn[];
	chunks: ChunkPayload[];
	report: QualityReport;
	mapping: ColumnMapping;
	chunkRows: number;
}

export interface ExportInput {
	columns: { key: string; header: string; column: Column }[];
	rowCount: number;
}

function preview(t: RawTable): string[][] {
	return Array.from({ length: t.rowCount }, (_, i) => t.columns.map((_, j) => rawCell(t, j, i)));
}

/** Holds raw tables between `parse` and `build` (the wizard's mapping step happens in between). */
export class CsvImportSession {
	#tables = new Map<string, RawTable>();
	/** The JIT warm-up has run (or been cut short) in this worker. */
	warmed = false;
	/** The last sniffed file, being read whole for the parse that usually follows (see `source`). */
	#ahead: { key: string; src: ByteSource } | null = null;

	/**
	 * A source for a file the worker was sent: the one `sniff` already started reading when it is
	 * the same file (name, size, modification time), else a new one. `ahead` starts the read now.
	 */
	source(file: Blob, ahead = false): ByteSource {
		const f = file as Blob & { name?: string; lastModified?: number };
		const key = f.name !== undefined && f.lastModified !== undefined ? `${f.name}\n${f.size}\n${f.lastModified}` : null;
		if (key !== null && this.#ahead?.key === key) return this.#ahead.src;
		const src = wholeBlobSource(file);
		this.#ahead = null;
		if (ahead && key !== null) {
			this.#ahead = { key, src };
			// the first read loads the whole file (up to wholeBlobSource's limit); a failure shows when the parse reads
			src.read(0, 1).catch(() => {});
		}
		return src;
	}

	/** Stop holding the file read ahead (its parse is done, or the wizard moved on). */
	dropAhead(): void {
		this.#ahead = null;
	}

	async sniff(src: ByteSource, opts: ParseOverrides = {}): Promise<ImportResult<SniffSummary>> {
		const r = await parseSource(src, {
			...opts,
			maxRows: 20,
			chunkBytes: 64 * 1024
		});
		if (!r.data) return { errors: r.errors, data: null };
		const t = r.data;
		return {
			errors: r.errors,
			data: {
				file: src.name,
				size: src.size,
				encoding: t.encoding,
				encodings: CSV_ENCODINGS,
				dialect: t.dialect,
				hasHeader: t.hasHeader,
				headers: t.headers,
				signature: headerSignature(t.headers),
				preview: preview(t)
			}
		};
	}

	async parse(
		src: ByteSource,
		opts: ParseOverrides & Pick<ParseOptions, 'chunkBytes'> = {},
		hooks: {
			onProgress?: (p: ParseProgress) => void;
			isCancelled?: () => boolean;
			yieldControl?: () => Promise<void>;
		} = {}
	): Promise<ImportResult<ParseSummary>> {
		const r = await parseSource(src, opts, hooks);
		if (!r.data) return { errors: r.errors, data: null };
		const t = r.data;
		const profiles = profileTable(t);
		const kind = guessKind(t.headers, profiles);
		const mappings = {} as Record<DatasetKind, ColumnMapping>;
		const missing = {} as Record<DatasetKind, string[]>;
		for (const k of DATASET_KINDS) {
			const g = guessMapping(k, t.headers, profiles);
			mappings[k] = toColumnMapping(g, profiles);
			missing[k] = g.missing;
		}
		const importId = newId();
		this.#tables.set(importId, t);
		return {
			errors: r.errors,
			data: {
				importId,
				file: src.name,
				size: src.size,
				encoding: t.encoding,
				dialect: t.dialect,
				hasHeader: t.hasHeader,
				headers: t.headers,
				signature: headerSignature(t.headers),
				rowCount: t.rowCount,
				profiles,
				kind,
				mappings,
				missing,
				issueCounts: t.issueCounts
			}
		};
	}

	build(importId: string, mapping: ColumnMapping, opts: BuildOptions & { chunkRows?: number } = {}): ImportResult<BuildSummary> {
		const t = this.#tables.get(importId);
		if (!t) return fatal('no-session', { detail: { importId } });
		const r = buildDataset(t, mapping, opts);
		if (!r.data) return { errors: r.errors, data: null };
		const d = r.data;
		const chunkRows = opts.chunkRows ?? COLUMN_CHUNK_ROWS;
		return {
			errors: r.errors,
			data: {
				kind: d.kind,
				rowCount: d.rowCount,
				columns: d.columns,
				chunks: toChunks(d.data, chunkRows),
				report: d.report,
				mapping: d.mapping,
				chunkRows
			}
		};
	}

	discard(importId: string): void {
		this.#tables.delete(importId);
	}

	has(importId: string): boolean {
		return this.#tables.has(importId);
	}
}

/** The record the UI stores (with `toChunkRecords`) in one Dexie transaction. */
export function toDatasetRecord(
	b: BuildSummary,
	at: {
		id?: string;
		workspaceId: string;
		name: string;
		now: number;
		source: {
			fileName: string;
			size: number;
			encoding: string;
			delimiter: string;
			hasHeader: boolean;
		};
	}
): DatasetRecord {
	return {
		id: at.id ?? newId(),
		workspaceId: at.workspaceId,
		createdAt: at.now,
		updatedAt: at.now,
		name: at.name,
		kind: b.kind,
		rowCount: b.rowCount,
		chunkRows: b.chunkRows,
		columns: b.columns,
		source: at.source,
		mapping: b.mapping,
		report: b.report as unknown as DatasetRecord['report'],
		formatVersion: 1
	};
}

export function toChunkRecords(chunks: readonly ChunkPayload[], datasetId: string, workspaceId: string): ColumnChunkRecord[] {
	return chunks.map((c) => ({
		...c,
		id: `${datasetId}:${c.column}:${c.index}`,
		datasetId,
		workspaceId
	}));
}

// ---- messages (csv.protocol.ts re-exports these for the worker and its client) ----

export type CsvRequest =
	| { id: number; type: 'sniff'; file: Blob; options?: ParseOverrides }
	| { id: number; type: 'parse'; file: Blob; options?: ParseOverrides }
	| {
			id: number;
			type: 'build';
			importId: string;
			mapping: ColumnMapping;
			options?: BuildOptions;
			/** Send the chunks as progress messages before the result (whose `chunks` is then empty). */
			streamChunks?: boolean;
	  }
	| { id: number; type: 'export'; input: ExportInput }
	| { id: number; type: 'discard'; importId: string }
	/** Warm the JIT up on synthetic files (once per worker; any other request ends it early). */
	| { id: number; type: 'warm' }
	/** Stop request `target` (a parse in flight answers `{ok:false, code:'cancelled'}`). */
	| { id: number; type: 'cancel'; target: number };

export interface CsvResults {
	sniff: SniffSummary;
	parse: ParseSummary;
	build: BuildSummary;
	export: { bytes: Uint8Array; fileName?: string };
	discard: null;
	cancel: null;
	/** Passes completed (0 when it was cut short or had run before). */
	warm: number;
}

export type CsvProgress =
	| {
			id: number;
			type: 'progress';
			phase: 'parse';
			progress: ParseProgress;
	  }
	/** `build` with `streamChunks`: one message per chunk, so the page deserialises them in small tasks. */
	| { id: number; type: 'progress'; phase: 'chunk'; chunk: ChunkPayload };
export type CsvDone<K extends keyof CsvResults = keyof CsvResults> =
	| {
			id: number;
			type: 'result';
			request: K;
			ok: true;
			value: CsvResults[K];
			warnings: ImportIssue[];
	  }
	| {
			id: number;
			type: 'result';
			request: K;
			ok: false;
			code: ImportErrorCode;
			errors: ImportIssue[];
	  };
export type CsvResponse = CsvProgress | CsvDone;

export interface DispatchContext {
	post(msg: CsvResponse, transfer?: Transferable[]): void;
	isCancelled(id: number): boolean;
	/** A request other than `id` is running or waiting (a warm-up gives way to it). */
	othersRunning?(id: number): boolean;
	yieldControl?: () => Promise<void>;
}

function done<K extends keyof CsvResults>(id: number, request: K, r: ImportResult<CsvResults[K]>): CsvDone<K> {
	if (r.data !== null && !hasFatal(r.errors))
		return {
			id,
			type: 'result',
			request,
			ok: true,
			value: r.data,
			warnings: r.errors
		};
	const first = r.errors.find((e) => e.severity === 'fatal') ?? r.errors[0];
	return {
		id,
		type: 'result',
		request,
		ok: false,
		code: first?.code ?? 'internal-error',
		errors: r.errors
	};
}

/** Transfer (not copy) every typed-array buffer of the chunks. */
export function transferList(chunks: readonly ChunkPayload[]): ArrayBuffer[] {
	const out: ArrayBuffer[] = [];
	for (const c of chunks) {
		for (const a of [c.values, c.codes, c.dictEnds, c.ints]) if (a && a.buffer instanceof ArrayBuffer) out.push(a.buffer);
	}
	return out;
}

/** Handle one request; every outcome (including bugs) becomes a posted message, nothing is thrown. */
export async function dispatchCsvRequest(session: CsvImportSession, req: CsvRequest, ctx: DispatchContext): Promise<void> {
	try {
		switch (req.type) {
			case 'sniff':
				ctx.post(done(req.id, 'sniff', await session.sniff(blobSource(req.file), req.options)));
				// the parse that follows reads the whole file: start now, while the page shows the sniff
				session.source(req.file, true);
				return;
			case 'parse': {
				const r = await session.parse(session.source(req.file), req.options, {
					onProgress: (progress) =>
						ctx.post({
							id: req.id,
							type: 'progress',
							phase: 'parse',
							progress
						}),
					isCancelled: () => ctx.isCancelled(req.id),
					yieldControl: ctx.yieldControl
				});
				session.dropAhead();
				ctx.post(done(req.id, 'parse', r));
				return;
			}
			case 'build': {
				const r = session.build(req.importId, req.mapping, req.options);
				if (req.streamChunks && r.data && !hasFatal(r.errors)) {
					for (const chunk of r.data.chunks) ctx.post({ id: req.id, type: 'progress', phase: 'chunk', chunk }, transferList([chunk]));
					r.data = { ...r.data, chunks: [] };
				}
				ctx.post(done(req.id, 'build', r), r.data ? transferList(r.data.chunks) : []);
				return;
			}
			case 'export': {
				const bytes = encodeUtf8(columnsToCsv(req.input.columns, req.input.rowCount));
				ctx.post(done(req.id, 'export', { errors: [], data: { bytes } }), [bytes.buffer as ArrayBuffer]);
				return;
			}
			case 'warm': {
				const passes = session.warmed
					? 0
					: await warmUp(() => ctx.isCancelled(req.id) || (ctx.othersRunning?.(req.id) ?? false), ctx.yieldControl);
				session.warmed = true;
				ctx.post({ id: req.id, type: 'result', request: 'warm', ok: true, value: passes, warnings: [] });
				return;
			}
			case 'discard':
				session.discard(req.importId);
				session.dropAhead();
				ctx.post({
					id: req.id,
					type: 'result',
					request: 'discard',
					ok: true,
					value: null,
					warnings: []
				});
				return;
			case 'cancel':
				ctx.post({
					id: req.id,
					type: 'result',
					request: 'cancel',
					ok: true,
					value: null,
					warnings: []
				});
				return;
		}
	} catch (e) {
		const detail = { message: e instanceof Error ? e.message : String(e) };
		ctx.post({
			id: req.id,
			type: 'result',
			request: req.type,
			ok: false,
			code: 'internal-error',
			errors: [issue('internal-error', 'fatal', { detail })]
		});
	}
}

/**
 * Yield to the event loop (so a `cancel` message can arrive) without setTimeout's 4 ms clamp on
 * nested calls: a MessageChannel message is a macrotask that runs as soon as the queue allows.
 */
function macrotask(): Promise<void> {
	if (typeof MessageChannel === 'undefined') return new Promise((r) => setTimeout(r, 0));
	return new Promise((r) => {
		const ch = new MessageChannel();
		ch.port1.onmessage = () => {
			ch.port1.close();
			r();
		};
		ch.port2.postMessage(null);
	});
}

/**
 * Everything the worker does, minus `self`: keeps the session and the set of cancelled request
 * ids. `csv.worker.ts` only wires `onmessage` to `receive` and `post` to `postMessage`.
 */
export class CsvWorkerHost {
	readonly session = new CsvImportSession();
	#cancelled = new Set<number>();
	#running = new Set<number>();
	readonly #post: DispatchContext['post'];
	readonly #yield: () => Promise<void>;

	constructor(post: DispatchContext['post'], yieldControl: () => Promise<void> = macrotask) {
		this.#post = post;
		this.#yield = yieldControl;
	}

	async receive(req: CsvRequest): Promise<void> {
		if (req.type === 'cancel' && this.#running.has(req.target)) this.#cancelled.add(req.target);
		this.#running.add(req.id);
		try {
			await dispatchCsvRequest(this.session, req, {
				post: this.#post,
				isCancelled: (id) => this.#cancelled.has(id),
				othersRunning: (id) => this.#running.size > (this.#running.has(id) ? 1 : 0),
				yieldControl: this.#yield
			});
		} finally {
			this.#running.delete(req.id);
			this.#cancelled.delete(req.id);
		}
	}
}
