// The import wizard's state machine (File → Read → Map columns → Check → Save) over the CSV worker, plus dataset export.
import CsvWorker from '$lib/workers/csv.worker?worker';
import { LatestOnly, WorkerClient } from '$lib/workers/client';
import type { CsvDone, CsvProgress, CsvRequestBody, ParseProgress } from '$lib/workers/csv.protocol';
import type { BuildSummary, ParseOverrides, ParseSummary, SniffSummary } from '$lib/domain/csv/session';
import type { ImportIssue } from '$lib/domain/csv/issues';
import type { CsvEncoding } from '$lib/domain/csv/decode';
import type { Delimiter } from '$lib/domain/csv/sniff';
import { fromChunks, toChunks, type ChunkPayload, type Column } from '$lib/domain/csv/columnar';
import { appendColumns, columnRange } from '$lib/domain/csv/append';
import { toChunkRecords, toDatasetRecord } from '$lib/domain/csv/session';
import { KIND_FIELDS, type ContactInterval, type DatasetKind } from '$lib/domain/dataset/fields';
import { findSavedMapping, headerSignature, type ColumnMapping, type SavedMappingRecord } from '$lib/domain/dataset/saved-mapping';
import type { DatasetRecord } from '$lib/domain/dataset/dataset';
import { newId } from '$lib/domain/record';
import type { CxDatabase } from '$lib/db/db';
import { liveQuery, type Subscription } from 'dexie';
import { listDatasets, listMappings, loadColumns, putMapping, saveDataset } from '$lib/db/repositories/datasets';

export const WIZARD_STEPS = ['file', 'read', 'map', 'check', 'save'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];
export type ReimportMode = 'append' | 'replace';

/** A failure the wizard shows: an engine code (translated as `import.error.<code>`) or a UI one (`import.ui.error.<code>`). */
export interface WizardError {
	code: string;
	issues: ImportIssue[];
	/** The code belongs to the UI catalogue (storage-full, save-failed, kind-mismatch). */
	ui?: boolean;
}

type Result<K extends 'sniff' | 'parse' | 'build' | 'export'> = CsvDone<K>;

let shared: WorkerClient<CsvRequestBody> | null = null;
/** One CSV worker for the page (created on first use). */
export function csvClient(): WorkerClient<CsvRequestBody> {
	shared ??= new WorkerClient<CsvRequestBody>(() => new CsvWorker());
	return shared;
}

let warmRequested = false;
/**
 * Start the CSV worker and let it warm its JIT up on synthetic files (about 0.1–0.3 s of worker
 * time, once per page load), so the user's first import does not run cold code. It gives way to
 * any real request.
 */
export function warmCsvWorker(): void {
	if (warmRequested) return;
	warmRequested = true;
	csvClient().request({ type: 'warm' });
}

/** Storage failures arrive as the error itself or wrapped (`inner`) in an AbortError. */
export function isQuotaError(e: unknown): boolean {
	const x = e as { name?: string; inner?: { name?: string }; message?: string } | null;
	return !!x && (x.name === 'QuotaExceededError' || x.inner?.name === 'QuotaExceededError' || /quota/i.test(x.message ?? ''));
}

/** Required fields of `kind` with no column in `m` (amount is derived when quantity and unit price are mapped). */
export function missingFields(kind: DatasetKind, m: ColumnMapping | null): string[] {
	if (!m) return [];
	const has = (k: string) => !!m.fields[k];
	return KIND_FIELDS[kind]
		.filter((f) => f.required && !has(f.key))
		.filter((f) => !(f.key === 'amount' && has('quantity') && has('unitPrice')))
		.map((f) => f.key);
}

function baseName(file: string): string {
	return file.replace(/\.(csv|tsv|txt)$/i, '').trim() || file;
}

/** Run `fn` once the next frame has been painted (a task after the animation frame). */
function afterPaint(fn: () => void): void {
	if (typeof requestAnimationFrame === 'undefined') setTimeout(fn, 0);
	else requestAnimationFrame(() => setTimeout(fn, 0));
}

/** A build started on the Map step with the mapping on screen (see `ImportWizard.prebuild`). */
interface BuildAhead {
	/** The parse it builds from and the mapping (JSON): only Check with both unchanged takes it over. */
	key: string;
	done: Promise<Result<'build'>>;
	chunks: ChunkPayload[];
	ready?: boolean;
}

/** A whole-file parse started before the user asked for it (see `ImportWizard.#ahead`). */
interface ReadAhead {
	/** The parse options it runs with (JSON): only a read with the same options takes it over. */
	key: string;
	id: number;
	done: Promise<Result<'parse'>>;
	progress: ParseProgress | null;
	onProgress: ((p: ParseProgress) => void) | null;
}

export class ImportWizard {
	step = $state<WizardStep>('file');
	file = $state.raw<File | null>(null);
	sniffed = $state.raw<SniffSummary | null>(null);
	sniffWarnings = $state.raw<ImportIssue[]>([]);
	encoding = $state<CsvEncoding | undefined>(undefined);
	delimiter = $state<Delimiter | undefined>(undefined);
	hasHeader = $state<boolean | undefined>(undefined);
	busy = $state<'sniff' | 'parse' | 'build' | 'save' | null>(null);
	progress = $state.raw<ParseProgress | null>(null);
	parsed = $state.raw<ParseSummary | null>(null);
	parseWarnings = $state.raw<ImportIssue[]>([]);
	kind = $state<DatasetKind>('transactions');
	mapping = $state<ColumnMapping | null>(null);
	/** Source columns whose D/M vs M/D reading the user confirmed. */
	confirmedDates = $state<Record<string, boolean>>({});
	built = $state.raw<BuildSummary | null>(null);
	buildWarnings = $state.raw<ImportIssue[]>([]);
	error = $state.raw<WizardError | null>(null);
	/** The saved mapping matching this file's header row, when one exists. */
	saved = $state.raw<SavedMappingRecord | null>(null);
	usingSaved = $state(false);
	name = $state('');
	/** Re-import into an existing dataset. */
	target = $state.raw<DatasetRecord | null>(null);
	mode = $state<ReimportMode>('append');
	savedRecord = $state.raw<DatasetRecord | null>(null);
	mappingRemembered = $state(false);

	#latest = new LatestOnly();
	#parseId: number | null = null;
	#cancelled = false;
	#mappings: SavedMappingRecord[] = [];
	/**
	 * Reading ahead: the whole-file parse starts as soon as the Read step shows (with its options),
	 * so "Read file" usually finds it done. Changing an option, another file, Cancel or leaving drops it.
	 */
	#ahead: ReadAhead | null = null;
	#buildAhead: BuildAhead | null = null;
	/** The build-ahead for the mapping on screen is ready (Check will only show it). */
	prebuilt = $state(false);
	/** What the read-ahead has done so far, for the Read step (null: none running). */
	aheadState = $state<{ done: boolean; rows: number; fraction: number } | null>(null);

	get overrides(): ParseOverrides {
		const o: ParseOverrides = {};
		if (this.encoding) o.encoding = this.encoding;
		if (this.delimiter) o.delimiter = this.delimiter;
		if (this.hasHeader !== undefined) o.hasHeader = this.hasHeader;
		return o;
	}

	/** Columns mapped to a date field whose day/month order the file cannot decide. */
	get ambiguousDates(): { column: string; samples: string[] }[] {
		const p = this.parsed;
		const m = this.mapping;
		if (!p || !m) return [];
		const dateKeys = KIND_FIELDS[this.kind].filter((f) => f.type === 'date').map((f) => f.key);
		const out: { column: string; samples: string[] }[] = [];
		for (const [key, col] of Object.entries(m.fields)) {
			if (!dateKeys.includes(key)) continue;
			const prof = p.profiles.find((q) => q.name === col);
			if (prof?.date?.ambiguous) out.push({ column: col, samples: prof.samples.slice(0, 3) });
		}
		return out;
	}

	get missing(): string[] {
		return missingFields(this.kind, this.mapping);
	}

	/** Contacts without a count column are a raw log: one row per contact, counted per interval. */
	get isContactLog(): boolean {
		return this.kind === 'contacts' && !!this.mapping && !this.mapping.fields.count;
	}

	get canCheck(): boolean {
		return (
			!!this.mapping &&
			this.missing.length === 0 &&
			this.ambiguousDates.every((d) => this.confirmedDates[d.column]) &&
			(!this.isContactLog || !!this.mapping.interval)
		);
	}

	/** Start the whole-file parse with the current options (replacing any other read-ahead). */
	#startAhead(): void {
		const file = this.file;
		this.#dropAhead();
		if (!file) return;
		const req = csvClient().request<Result<'parse'>>(
			{ type: 'parse', file, options: this.overrides },
			{
				onProgress: (m) => {
					const p = (m as unknown as { progress: ParseProgress }).progress;
					ahead.progress = p;
					ahead.onProgress?.(p);
					if (this.#ahead === ahead)
						this.aheadState = { done: false, rows: p.rows, fraction: p.totalBytes ? p.bytesRead / p.totalBytes : 0 };
				}
			}
		);
		const ahead: ReadAhead = { key: JSON.stringify(this.overrides), id: req.id, done: req.done, progress: null, onProgress: null };
		this.#ahead = ahead;
		this.aheadState = { done: false, rows: 0, fraction: 0 };
		void req.done.then((r) => {
			if (this.#ahead !== ahead) return;
			this.aheadState = r.ok ? { done: true, rows: r.value.rowCount, fraction: 1 } : null;
		});
	}

	/** Stop a read-ahead nobody will use and free what it parsed. */
	#dropAhead(): void {
		const a = this.#ahead;
		this.aheadState = null;
		if (!a) return;
		this.#ahead = null;
		csvClient().cancel(a.id);
		void a.done.then((r) => {
			if (r.ok) csvClient().request({ type: 'discard', importId: r.value.importId });
		});
	}

	reset(): void {
		this.#dropAhead();
		this.#buildAhead = null;
		this.prebuilt = false;
		this.#latest.start();
		this.#discard();
		this.step = 'file';
		this.file = null;
		this.sniffed = null;
		this.sniffWarnings = [];
		this.encoding = undefined;
		this.delimiter = undefined;
		this.hasHeader = undefined;
		this.busy = null;
		this.progress = null;
		this.parsed = null;
		this.parseWarnings = [];
		this.mapping = null;
		this.confirmedDates = {};
		this.built = null;
		this.buildWarnings = [];
		this.error = null;
		this.saved = null;
		this.usingSaved = false;
		this.name = '';
		this.savedRecord = null;
		this.mappingRemembered = false;
	}

	setTarget(d: DatasetRecord | null, mode: ReimportMode): void {
		this.target = d;
		this.mode = mode;
	}

	#discard(): void {
		const id = this.parsed?.importId;
		if (id) csvClient().request({ type: 'discard', importId: id });
	}

	/** Step 1: a file was picked or dropped. Sniffs it and looks up a saved mapping for its header row. */
	async chooseFile(file: File, db: CxDatabase | null, workspaceId: string | null): Promise<void> {
		const target = this.target;
		const mode = this.mode;
		this.reset();
		this.target = target;
		this.mode = mode;
		this.file = file;
		this.name = target?.name ?? baseName(file.name);
		if (db && workspaceId) this.#mappings = await listMappings(db, workspaceId).catch(() => []);
		const ok = await this.#sniff();
		if (!ok || !this.sniffed) return;
		const saved = findSavedMapping(this.#mappings, this.sniffed.headers);
		if (saved) {
			this.saved = saved;
			this.usingSaved = true;
			const p = saved.parse;
			const differs =
				(p.encoding && p.encoding !== this.sniffed.encoding.encoding) ||
				(p.delimiter && p.delimiter !== this.sniffed.dialect.delimiter) ||
				(p.hasHeader !== undefined && p.hasHeader !== this.sniffed.hasHeader);
			if (differs) {
				this.encoding = p.encoding as CsvEncoding | undefined;
				this.delimiter = p.delimiter;
				this.hasHeader = p.hasHeader;
				await this.#sniff();
			}
		}
		if (this.sniffed) {
			this.step = 'read';
			// after the Read step is on screen, so the preview is not slowed down by the read-ahead
			const file = this.file;
			afterPaint(() => {
				if (this.file === file && this.step === 'read' && !this.#ahead && !this.busy) this.#startAhead();
			});
		}
	}

	/** Re-read the first rows after the user changed encoding, delimiter or the header toggle. */
	async resniff(): Promise<void> {
		this.#dropAhead();
		if (await this.#sniff()) this.#startAhead();
	}

	async #sniff(): Promise<boolean> {
		const file = this.file;
		if (!file) return false;
		const token = this.#latest.start();
		this.busy = 'sniff';
		this.error = null;
		const { done } = csvClient().request<Result<'sniff'>>({ type: 'sniff', file, options: this.overrides });
		const r = await done;
		if (!this.#latest.isCurrent(token)) return false;
		this.busy = null;
		if (!r.ok) {
			this.error = { code: r.code, issues: r.errors ?? [] };
			this.sniffed = null;
			return false;
		}
		this.sniffed = r.value;
		this.sniffWarnings = r.warnings;
		return true;
	}

	/** Step 2 → 3: parse the whole file in the worker (progress, Cancel), then pre-fill the mapping. */
	async read(): Promise<void> {
		const file = this.file;
		if (!file || this.busy) return;
		this.#discard();
		this.#buildAhead = null;
		this.prebuilt = false;
		this.parsed = null;
		const token = this.#latest.start();
		this.busy = 'parse';
		this.error = null;
		this.#cancelled = false;
		this.progress = { bytesRead: 0, totalBytes: file.size, rows: 0, elapsedMs: 0, etaMs: null };
		// take over the read-ahead with these options (its progress so far, then the rest), or start one now
		if (this.#ahead?.key !== JSON.stringify(this.overrides)) this.#startAhead();
		const req = this.#ahead!;
		this.#ahead = null;
		this.aheadState = null;
		if (req.progress) this.progress = req.progress;
		req.onProgress = (p) => {
			if (this.#latest.isCurrent(token)) this.progress = p;
		};
		this.#parseId = req.id;
		const r = await req.done;
		this.#parseId = null;
		if (!this.#latest.isCurrent(token)) {
			if (r.ok) csvClient().request({ type: 'discard', importId: r.value.importId });
			return;
		}
		this.busy = null;
		this.progress = null;
		if (!r.ok) {
			if (r.code === 'cancelled' || this.#cancelled) return;
			this.error = { code: r.code, issues: r.errors ?? [] };
			return;
		}
		this.parsed = r.value;
		this.parseWarnings = r.warnings;
		this.#applyInitialMapping(r.value);
		this.step = 'map';
		// the first mapping is the likeliest to be kept: build it now, while the Map step is shown
		// (edits after this wait for the mapping to rest, see the page)
		this.prebuild();
	}

	/** Stop a running parse: nothing was stored, the wizard returns to the Read step. */
	cancel(): void {
		if (this.busy !== 'parse') return;
		this.#cancelled = true;
		if (this.#parseId !== null) csvClient().cancel(this.#parseId);
		this.#latest.start();
		this.busy = null;
		this.progress = null;
	}

	#applyInitialMapping(p: ParseSummary): void {
		const saved = this.usingSaved ? this.saved : null;
		const savedFits = saved && Object.values(saved.mapping.fields).every((c) => p.headers.includes(c));
		if (saved && savedFits) {
			this.kind = saved.mapping.kind;
			this.mapping = structuredClone(saved.mapping);
			// the user answered the date question when the mapping was saved
			for (const c of Object.keys(saved.mapping.dateFormats ?? {})) this.confirmedDates[c] = true;
		} else {
			this.usingSaved = false;
			this.kind = this.target?.kind ?? p.kind;
			this.mapping = structuredClone(p.mappings[this.kind]);
		}
	}

	setKind(kind: DatasetKind): void {
		if (!this.parsed) return;
		this.kind = kind;
		this.mapping = structuredClone(this.parsed.mappings[kind]);
		this.confirmedDates = {};
		this.usingSaved = false;
	}

	/** The field a source column is mapped to ('' = ignored). */
	fieldOf(column: string): string {
		if (!this.mapping) return '';
		for (const [k, c] of Object.entries(this.mapping.fields)) if (c === column) return k;
		return '';
	}

	/** Map `column` to `field` (or ignore it with ''); a field takes only one column. */
	setField(column: string, field: string): void {
		const m = this.mapping;
		if (!m) return;
		for (const [k, c] of Object.entries(m.fields)) if (c === column || (field && k === field)) delete m.fields[k];
		if (field) {
			m.fields[field] = column;
			const prof = this.parsed?.profiles.find((p) => p.name === column);
			m.dateFormats ??= {};
			if (prof?.date?.format && !m.dateFormats[column]) m.dateFormats[column] = prof.date.format;
		}
		if (m.kind === 'contacts' && !m.fields.count && !m.interval) m.interval = '30min';
	}

	setDateFormat(column: string, format: 'dmy' | 'mdy'): void {
		if (!this.mapping) return;
		this.mapping.dateFormats ??= {};
		this.mapping.dateFormats[column] = format;
		this.confirmedDates[column] = true;
	}

	setInterval(i: ContactInterval): void {
		if (this.mapping) this.mapping.interval = i;
	}

	/** The mapping Check would build with, and its key (the parse it reads + the mapping). */
	#buildInput(): { mapping: ColumnMapping; key: string } | null {
		if (!this.parsed || !this.mapping) return null;
		const mapping = $state.snapshot(this.mapping) as ColumnMapping;
		if (mapping.kind !== 'contacts' || mapping.fields.count) delete mapping.interval;
		return { mapping, key: this.parsed.importId + '\n' + JSON.stringify(mapping) };
	}

	#requestBuild(importId: string, mapping: ColumnMapping): { done: Promise<Result<'build'>>; chunks: ChunkPayload[] } {
		// chunks arrive one per message: the page deserialises them in small tasks, never one long one
		const chunks: ChunkPayload[] = [];
		const { done } = csvClient().request<Result<'build'>>(
			{ type: 'build', importId, mapping, streamChunks: true },
			{
				onProgress: (m) => {
					const c = m as unknown as CsvProgress;
					if (c.phase === 'chunk') chunks.push(c.chunk);
				}
			}
		);
		return { done, chunks };
	}

	/**
	 * Build ahead on the Map step: once the mapping on screen is complete (and has rested), build it in
	 * the worker, so Check usually finds the report ready. A different mapping replaces it.
	 */
	prebuild(): void {
		if (this.step !== 'map' || this.busy || !this.canCheck) return;
		const input = this.#buildInput();
		if (!input) return;
		if (this.#buildAhead?.key === input.key) {
			this.prebuilt = !!this.#buildAhead.ready;
			return;
		}
		const ahead: BuildAhead = { key: input.key, ...this.#requestBuild(this.parsed!.importId, input.mapping) };
		this.#buildAhead = ahead;
		this.prebuilt = false;
		void ahead.done.then((r) => {
			ahead.ready = r.ok;
			if (this.#buildAhead === ahead) this.prebuilt = r.ok;
		});
	}

	/** Step 3 → 4: build the typed dataset and its quality report in the worker. */
	async check(): Promise<void> {
		if (!this.parsed || !this.mapping || !this.canCheck || this.busy) return;
		const token = this.#latest.start();
		this.busy = 'build';
		this.error = null;
		const input = this.#buildInput()!;
		const ahead = this.#buildAhead;
		this.#buildAhead = null;
		this.prebuilt = false;
		const { done, chunks } = ahead && ahead.key === input.key ? ahead : this.#requestBuild(this.parsed.importId, input.mapping);
		const r = await done;
		if (!this.#latest.isCurrent(token)) return;
		this.busy = null;
		if (!r.ok) {
			this.error = { code: r.code, issues: r.errors ?? [] };
			return;
		}
		if (this.target && this.target.kind !== r.value.kind) {
			this.error = { code: 'kind-mismatch', issues: [], ui: true };
			return;
		}
		this.built = r.value.chunks.length ? r.value : { ...r.value, chunks };
		this.buildWarnings = r.warnings;
		this.step = 'check';
	}

	/** Returns found: exclude them or net them against sales (rebuilds the report). */
	async setReturns(policy: 'exclude' | 'net'): Promise<void> {
		if (!this.mapping) return;
		this.mapping.returns = policy;
		await this.check();
	}

	/** Step 5: store the dataset and its chunks in ONE transaction (append merges the stored rows first). */
	async save(db: CxDatabase, workspaceId: string): Promise<DatasetRecord | null> {
		const b = this.built;
		const file = this.file;
		const s = this.parsed;
		if (!b || !file || !s || this.busy) return null;
		this.busy = 'save';
		this.error = null;
		const now = Date.now();
		const target = this.target;
		try {
			let record = toDatasetRecord(b, {
				id: target?.id,
				workspaceId,
				name: this.name.trim() || baseName(file.name),
				now,
				source: {
					fileName: file.name,
					size: file.size,
					encoding: s.encoding.encoding,
					delimiter: s.dialect.delimiter,
					hasHeader: s.hasHeader
				}
			});
			let chunks = b.chunks;
			if (target) {
				record = { ...record, createdAt: target.createdAt };
				if (this.mode === 'append') {
					const old = await loadColumns(db, target.id);
					const merged = appendColumns(old, target.rowCount, fromChunks(b.chunks), b.rowCount);
					const rowCount = target.rowCount + b.rowCount;
					const dateKey = b.kind === 'transactions' ? 'date' : b.kind === 'contacts' ? 'timestamp' : 'signupDate';
					const range = columnRange(merged[dateKey] as Column | undefined);
					chunks = toChunks(merged, b.chunkRows);
					const columns = [...target.columns];
					for (const c of b.columns) if (!columns.some((o) => o.key === c.key)) columns.push(c);
					record = {
						...record,
						rowCount,
						columns,
						report: { ...record.report, dateRange: range, appendedTo: target.rowCount } as DatasetRecord['report']
					};
				}
			}
			await saveDataset(db, record, toChunkRecords(chunks, record.id, workspaceId));
			this.savedRecord = record;
			this.busy = null;
			this.step = 'save';
			this.#discard();
			this.built = { ...b, chunks: [] };
			return record;
		} catch (e) {
			this.busy = null;
			this.error = { code: isQuotaError(e) ? 'storage-full' : 'save-failed', issues: [], ui: true };
			return null;
		}
	}

	/** After a successful import: reuse this mapping for the next file with the same header row. */
	async rememberMapping(db: CxDatabase, workspaceId: string): Promise<void> {
		const s = this.parsed;
		const m = this.mapping;
		if (!s || !m) return;
		const now = Date.now();
		const existing = findSavedMapping(this.#mappings, s.headers);
		const record: SavedMappingRecord = {
			id: existing?.id ?? newId(),
			workspaceId,
			createdAt: existing?.createdAt ?? now,
			updatedAt: now,
			name: this.file?.name ?? '',
			signature: headerSignature(s.headers),
			headers: [...s.headers],
			mapping: $state.snapshot(m) as ColumnMapping,
			parse: { encoding: s.encoding.encoding, delimiter: s.dialect.delimiter, hasHeader: s.hasHeader },
			lastUsedAt: now
		};
		await putMapping(db, record);
		this.mappingRemembered = true;
	}

	/** Leaving the page: stop work and free the worker's copy of the file. */
	dispose(): void {
		this.cancel();
		this.#dropAhead();
		this.#buildAhead = null;
		this.#discard();
		this.#latest.start();
	}
}

/** Export a stored dataset back to CSV (UTF-8 with BOM, formula-safe) through the worker. */
export async function exportDataset(
	db: CxDatabase,
	d: DatasetRecord,
	header: (key: string, source: string) => string
): Promise<Uint8Array | null> {
	const cols = await loadColumns(db, d.id);
	const columns = d.columns.filter((c) => cols[c.key]).map((c) => ({ key: c.key, header: header(c.key, c.source), column: cols[c.key] }));
	const { done } = csvClient().request<Result<'export'>>({ type: 'export', input: { columns, rowCount: d.rowCount } });
	const r = await done;
	return r.ok ? r.value.bytes : null;
}

/** The open workspace's datasets, kept live across tabs. */
export class DatasetList {
	items = $state.raw<DatasetRecord[]>([]);
	loaded = $state(false);
	#sub: Subscription | null = null;

	connect(db: CxDatabase, workspaceId: string): () => void {
		this.#sub?.unsubscribe();
		this.loaded = false;
		this.#sub = liveQuery(() => listDatasets(db, workspaceId)).subscribe({
			next: (list) => {
				this.items = list;
				this.loaded = true;
			},
			error: () => (this.loaded = true)
		});
		return () => {
			this.#sub?.unsubscribe();
			this.#sub = null;
		};
	}
}

export const datasets = new DatasetList();
