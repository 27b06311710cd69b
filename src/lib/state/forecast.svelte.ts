// Forecast screen state: saved forecast analyses and contact datasets (live), the open analysis's params (autosaved, undoable),
// the worker runs (forecast → backtest → staffing; newest only, progress, cancel) and the workspace holiday calendar.
import { liveQuery } from 'dexie';
import type { CxDatabase } from '$lib/db/db';
import { listAnalyses, putAnalysis, deleteAnalysis } from '$lib/db/repositories/analyses';
import { listDatasets, loadColumns } from '$lib/db/repositories/datasets';
import { getWorkspaceCalendar, ensureWorkspaceCalendar, putCalendar } from '$lib/db/repositories/calendars';
import type { AnalysisRecord } from '$lib/domain/analytics/analysis.schema';
import type { DatasetRecord } from '$lib/domain/dataset/dataset';
import { toEngineEvents, type CalendarEntry, type CalendarRecord } from '$lib/domain/analytics/calendar.schema';
import { newId } from '$lib/domain/record';
import type { Column } from '$lib/domain/csv/columnar';
import { WorkerClient, LatestOnly, type WorkerReply } from '$lib/workers/client';
import type { ForecastErrorCode, ForecastRequest, ForecastStage, ForecastView, SeriesSource } from '$lib/workers/forecast.protocol';
import type { BacktestSummary, StaffPlan } from '$lib/workers/forecast.core';
import { readParams, defaultParams, defaultHorizon, type ForecastParams } from '$lib/workers/forecast.params';
import ForecastWorker from '$lib/workers/forecast.worker?worker';
import { saver } from './saver.svelte';
import { UndoStack } from './undo.svelte';

type Cols = Record<string, Column>;
export type RunError = { code: ForecastErrorCode; detail: Record<string, string | number> };

const LAST_KEY = 'cx.forecast.last';
const DAY = 86_400_000;

function isView(x: unknown): x is ForecastView {
	const v = x as ForecastView | null;
	return !!v && typeof v === 'object' && !!v.forecast && v.forecast.mean instanceof Float64Array && v.history instanceof Float64Array;
}

export class ForecastStore {
	analyses = $state.raw<AnalysisRecord[]>([]);
	datasets = $state.raw<DatasetRecord[]>([]);
	calendar = $state.raw<CalendarRecord | null>(null);
	loaded = $state(false);
	currentId = $state<string | null>(null);
	name = $state('');
	params = $state<ForecastParams>(defaultParams());
	view = $state.raw<ForecastView | null>(null);
	backtest = $state.raw<BacktestSummary | null>(null);
	plan = $state.raw<StaffPlan | null>(null);
	stage = $state<ForecastStage | null>(null);
	fraction = $state(0);
	btFraction = $state<number | null>(null);
	error = $state.raw<RunError | null>(null);
	/** the dataset `updatedAt` the shown result was computed from */
	computedFrom = $state<number | null>(null);
	readonly undo = new UndoStack();

	#db: CxDatabase | null = null;
	#ws = '';
	#client: WorkerClient<ForecastRequest> | null = null;
	#runs = new LatestOnly();
	#staffRuns = new LatestOnly();
	// Plain Map on purpose: a cache, not UI state.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#cols = new Map<string, Promise<Cols>>();
	#runTimer: ReturnType<typeof setTimeout> | null = null;
	#readOnly = () => false;

	get current(): AnalysisRecord | null {
		return this.analyses.find((a) => a.id === this.currentId) ?? null;
	}
	get dataset(): DatasetRecord | null {
		return this.params.source === 'dataset' ? (this.datasets.find((d) => d.id === this.current?.datasetId) ?? null) : null;
	}
	get running(): boolean {
		return this.stage !== null;
	}
	/** The dataset changed after the result was computed. */
	get stale(): boolean {
		const d = this.dataset;
		return !!d && !!this.view && this.computedFrom !== null && d.updatedAt !== this.computedFrom;
	}

	#worker(): WorkerClient<ForecastRequest> {
		this.#client ??= new WorkerClient<ForecastRequest>(() => new ForecastWorker({ name: 'forecast' }));
		return this.#client;
	}

	/** Subscribe to the workspace's forecasts, contact datasets and calendar; returns the unsubscribe. */
	attach(db: CxDatabase, workspaceId: string, readOnly: () => boolean): () => void {
		this.#db = db;
		this.#ws = workspaceId;
		this.#readOnly = readOnly;
		this.loaded = false;
		this.currentId = null;
		this.view = null;
		this.backtest = null;
		this.plan = null;
		this.undo.clear();
		let datasetsKnown = false;
		let analysesKnown = false;
		const subs = [
			liveQuery(() => listAnalyses(db, workspaceId, 'forecast')).subscribe({
				next: (list) => {
					this.analyses = list;
					analysesKnown = true;
					// the first analysis opens (and may run) only once the datasets it reads are known
					if (datasetsKnown) this.#adopt();
				},
				error: () => {}
			}),
			liveQuery(() => listDatasets(db, workspaceId)).subscribe({
				next: (list) => {
					this.datasets = list.filter((d) => d.kind === 'contacts');
					if (!datasetsKnown) {
						datasetsKnown = true;
						if (analysesKnown) this.#adopt();
					}
				},
				error: () => {}
			}),
			liveQuery(() => getWorkspaceCalendar(db, workspaceId)).subscribe({
				next: (c) => {
					if (!this.calendar || !saver.isPending(this.#calKey(this.calendar.id))) this.calendar = c;
					// The presets apply from the first forecast on; the calendar is created once per workspace.
					if (!c && !readOnly()) void this.ensureCalendar();
				},
				error: () => {}
			})
		];
		return () => {
			for (const s of subs) s.unsubscribe();
			this.#client?.terminate();
			this.#client = null;
			this.#cols.clear();
		};
	}

	#key = (id: string) => `forecast:${id}`;
	#calKey = (id: string) => `calendar:${id}`;

	/** First load: open the last-used analysis; later loads: adopt edits made in other tabs (unless ours are pending). */
	#adopt(): void {
		if (!this.loaded) {
			this.loaded = true;
			let last: string | null = null;
			try {
				last = localStorage.getItem(LAST_KEY);
			} catch {
				/* ignore */
			}
			const pick = this.analyses.find((a) => a.id === last) ?? this.analyses[0];
			if (pick) this.open(pick.id);
			return;
		}
		const cur = this.current;
		if (!cur) {
			if (this.currentId) {
				// deleted (here or elsewhere)
				this.currentId = null;
				this.view = null;
				this.backtest = null;
				this.plan = null;
				const next = this.analyses[0];
				if (next) this.open(next.id);
			}
			return;
		}
		if (saver.isPending(this.#key(cur.id)) || this.running) return;
		const p = readParams(cur.params);
		if (JSON.stringify(p) !== JSON.stringify($state.snapshot(this.params))) this.params = p;
		if (cur.name !== this.name) this.name = cur.name;
		// A newer result saved by another tab replaces ours.
		const res = cur.result as { view?: unknown; backtest?: BacktestSummary | null } | null;
		if (res && isView(res.view) && (cur.computedAt ?? 0) > this.#computedAt) {
			this.#computedAt = cur.computedAt ?? 0;
			this.view = res.view;
			this.backtest = res.backtest ?? null;
			this.computedFrom = cur.datasetUpdatedAt;
			void this.restaff();
		}
	}
	#computedAt = 0;

	open(id: string): void {
		const rec = this.analyses.find((a) => a.id === id);
		if (!rec) return;
		this.#cancelRuns();
		this.currentId = id;
		this.name = rec.name;
		this.params = readParams(rec.params);
		this.undo.clear();
		this.error = null;
		const res = rec.result as { view?: unknown; backtest?: BacktestSummary | null } | null;
		if (res && isView(res.view)) {
			this.view = res.view;
			this.backtest = res.backtest ?? null;
			this.computedFrom = rec.datasetUpdatedAt;
			this.#computedAt = rec.computedAt ?? 0;
			void this.restaff();
		} else {
			this.view = null;
			this.backtest = null;
			this.plan = null;
			this.computedFrom = null;
			this.#computedAt = 0;
			if (rec.datasetId || readParams(rec.params).pasteText) this.scheduleRun(0);
		}
		try {
			localStorage.setItem(LAST_KEY, id);
		} catch {
			/* not remembered */
		}
	}

	/** A new forecast on the newest contact dataset (or on pasted numbers when there is none). */
	async create(name: string): Promise<string | null> {
		const db = this.#db;
		if (!db || this.#readOnly()) return null;
		const ds = this.datasets[0] ?? null;
		const params = defaultParams();
		if (!ds) params.source = 'paste';
		else if (ds.mapping.interval) {
			params.interval = ds.mapping.interval;
			params.horizon = defaultHorizon(ds.mapping.interval);
		}
		const now = Date.now();
		const rec: AnalysisRecord = {
			id: newId(),
			workspaceId: this.#ws,
			createdAt: now,
			updatedAt: now,
			kind: 'forecast',
			name,
			datasetId: ds?.id ?? null,
			datasetUpdatedAt: null,
			params: $state.snapshot(params) as Record<string, unknown>,
			result: null,
			computedAt: null,
			formatVersion: 1
		};
		await putAnalysis(db, rec);
		this.analyses = [rec, ...this.analyses.filter((a) => a.id !== rec.id)];
		this.open(rec.id);
		return rec.id;
	}

	async remove(id: string): Promise<AnalysisRecord | null> {
		const db = this.#db;
		const rec = this.analyses.find((a) => a.id === id);
		if (!db || !rec || this.#readOnly()) return null;
		await saver.flush();
		await deleteAnalysis(db, id);
		return rec;
	}

	async restore(rec: AnalysisRecord): Promise<void> {
		if (!this.#db || this.#readOnly()) return;
		await putAnalysis(this.#db, rec);
		this.analyses = [rec, ...this.analyses.filter((a) => a.id !== rec.id)];
		this.open(rec.id);
	}

	// ---------------------------------------------------------------- edits

	#persist(): void {
		const db = this.#db;
		const id = this.currentId;
		if (!db || !id || this.#readOnly() || !saver.ready) return;
		saver.schedule(this.#key(id), async () => {
			const rec = this.analyses.find((a) => a.id === id);
			if (!rec) return;
			const next: AnalysisRecord = {
				...rec,
				name: id === this.currentId ? this.name : rec.name,
				params: id === this.currentId ? ($state.snapshot(this.params) as Record<string, unknown>) : rec.params,
				updatedAt: Date.now()
			};
			if (id === this.currentId && this.view && this.#pendingResult) {
				next.result = { view: this.view, backtest: this.backtest };
				next.computedAt = this.#computedAt;
				next.datasetUpdatedAt = this.computedFrom;
				next.datasetId = this.params.source === 'dataset' ? next.datasetId : null;
				this.#pendingResult = false;
			}
			await putAnalysis(db, next);
		});
	}
	#pendingResult = false;

	rename(name: string): void {
		const before = this.name;
		const id = this.currentId;
		if (!id || before === name) return;
		this.name = name;
		this.undo.push({
			label: 'name',
			mergeKey: 'name',
			undo: () => this.#applyName(id, before),
			redo: () => this.#applyName(id, name)
		});
		this.#persist();
	}
	#applyName(id: string, name: string): void {
		if (this.currentId !== id) this.open(id);
		this.name = name;
		this.#persist();
	}

	/** Change params (one undo step per field, typing merged); re-runs the forecast or only the staffing as needed. */
	set(patch: Partial<ForecastParams>, opts: { mergeKey?: string; datasetId?: string | null } = {}): void {
		const id = this.currentId;
		if (!id) return;
		const before = $state.snapshot(this.params) as ForecastParams;
		const beforeDs = this.current?.datasetId ?? null;
		const after = { ...before, ...patch } as ForecastParams;
		const afterDs = opts.datasetId !== undefined ? opts.datasetId : beforeDs;
		this.#apply(id, after, afterDs);
		this.undo.push({
			label: Object.keys(patch).join(','),
			mergeKey: opts.mergeKey,
			undo: () => this.#apply(id, before, beforeDs),
			redo: () => this.#apply(id, after, afterDs)
		});
	}

	setStaffing(patch: Partial<ForecastParams['staffing']>, mergeKey?: string): void {
		this.set({ staffing: { ...($state.snapshot(this.params.staffing) as ForecastParams['staffing']), ...patch } }, { mergeKey });
	}

	#apply(id: string, p: ForecastParams, datasetId: string | null): void {
		if (this.currentId !== id) this.open(id);
		const prev = $state.snapshot(this.params) as ForecastParams;
		this.params = p;
		const rec = this.current;
		if (rec && rec.datasetId !== datasetId) {
			this.analyses = this.analyses.map((a) => (a.id === id ? { ...a, datasetId } : a));
		}
		this.#persist();
		const { staffing: s1, ...a } = prev;
		const { staffing: s2, ...b } = p;
		if (JSON.stringify(a) !== JSON.stringify(b) || (rec?.datasetId ?? null) !== datasetId) this.scheduleRun();
		else if (JSON.stringify(s1) !== JSON.stringify(s2)) void this.restaff();
	}

	// ---------------------------------------------------------------- calendar

	async ensureCalendar(): Promise<void> {
		if (this.calendar || !this.#db) return;
		if (this.#readOnly()) return;
		this.calendar = await ensureWorkspaceCalendar(this.#db, this.#ws);
	}

	/** Replace the calendar entries (undoable); the forecast re-runs when events are in use. */
	setEntries(entries: CalendarEntry[], mergeKey?: string): void {
		const cal = this.calendar;
		if (!cal) return;
		const before = cal.entries;
		this.#applyEntries(entries);
		this.undo.push({
			label: 'calendar',
			mergeKey,
			undo: () => this.#applyEntries(before),
			redo: () => this.#applyEntries(entries)
		});
	}
	#applyEntries(entries: CalendarEntry[]): void {
		const cal = this.calendar;
		const db = this.#db;
		if (!cal || !db) return;
		const next = { ...cal, entries };
		this.calendar = next;
		if (!this.#readOnly() && saver.ready) saver.schedule(this.#calKey(cal.id), () => putCalendar(db, this.calendar ?? next));
		if (this.params.useEvents) this.scheduleRun();
	}

	// ---------------------------------------------------------------- runs

	scheduleRun(delay = 350): void {
		if (this.#runTimer) clearTimeout(this.#runTimer);
		this.#runTimer = setTimeout(() => {
			this.#runTimer = null;
			void this.run();
		}, delay);
	}

	#cancelRuns(): void {
		if (this.#runTimer) clearTimeout(this.#runTimer);
		this.#runTimer = null;
		this.#runs.start();
		this.#staffRuns.start();
		if (this.running || this.btFraction !== null) {
			// A forecast is one synchronous computation in the worker: stopping the worker is the only instant cancel.
			this.#client?.terminate();
			this.#client = null;
		}
		this.stage = null;
		this.btFraction = null;
	}

	/** The Cancel button: stop whatever runs now; the last shown result stays. */
	cancel(): void {
		this.#cancelRuns();
	}

	async #columns(ds: DatasetRecord): Promise<Cols> {
		const key = `${ds.id}@${ds.updatedAt}`;
		let p = this.#cols.get(key);
		if (!p) {
			const keys = ds.columns.map((c) => c.key).filter((k) => ['timestamp', 'count', 'aht', 'channel', 'queue'].includes(k));
			p = loadColumns(this.#db!, ds.id, keys);
			this.#cols.clear();
			this.#cols.set(key, p);
		}
		return p;
	}

	/** Distinct channel / queue values of the chosen dataset (for the series picker). */
	async seriesOptions(): Promise<{ channel: string[]; queue: string[] }> {
		const ds = this.dataset;
		if (!ds || !this.#db) return { channel: [], queue: [] };
		const cols = await this.#columns(ds);
		const values = (k: string): string[] => {
			const c = cols[k];
			if (!c || c.type !== 'string') return [];
			// eslint-disable-next-line svelte/prefer-svelte-reactivity
			const used = new Set<number>();
			for (const x of c.codes) if (x >= 0) used.add(x);
			return [...used].map((i) => c.dict[i]).sort((a, b) => a.localeCompare(b));
		};
		return { channel: values('channel'), queue: values('queue') };
	}

	async #source(): Promise<SeriesSource | RunError> {
		const p = this.params;
		const from = p.from ? Date.parse(p.from + 'T00:00:00Z') : null;
		const to = p.to ? Date.parse(p.to + 'T00:00:00Z') + DAY - 1 : null;
		if (p.source === 'paste') {
			if (!p.pasteText.trim()) return { code: 'empty', detail: {} };
			return { kind: 'paste', text: p.pasteText, interval: p.interval, from, to };
		}
		const ds = this.dataset;
		if (!ds) return { code: 'no-rows', detail: {} };
		const cols = await this.#columns(ds);
		const ts = cols.timestamp;
		if (!ts || ts.type !== 'date') return { code: 'no-rows', detail: {} };
		const num = (k: string): Float64Array | null => {
			const c = cols[k];
			return c && c.type === 'number' ? c.values : null;
		};
		let group: { codes: Int32Array; code: number } | null = null;
		if (p.seriesField && p.seriesValue !== null) {
			const c = cols[p.seriesField];
			if (c && c.type === 'string') group = { codes: c.codes, code: c.dict.indexOf(p.seriesValue) };
		}
		return { kind: 'columns', timestamp: ts.values, count: num('count'), aht: num('aht'), group, interval: p.interval, from, to };
	}

	/** Forecast now (newest only), then backtest, then staff; the result is saved with the analysis. */
	async run(): Promise<void> {
		const id = this.currentId;
		if (!id || !this.#db) return;
		this.#cancelRuns();
		const token = this.#runs.start();
		this.stage = 'series';
		this.fraction = 0;
		const src = await this.#source();
		if (!this.#runs.isCurrent(token)) return;
		if (!('kind' in src)) {
			this.error = src;
			this.stage = null;
			return;
		}
		const p = $state.snapshot(this.params) as ForecastParams;
		const events = p.useEvents && this.calendar ? toEngineEvents(this.calendar.entries) : [];
		const runParams = { method: p.method, interval: p.interval, horizon: p.horizon, events, backtest: false };
		const onProgress = (m: WorkerReply) => {
			if (!this.#runs.isCurrent(token)) return;
			this.stage = m.stage as ForecastStage;
			this.fraction = m.fraction as number;
		};
		const dsUpdated = this.dataset?.updatedAt ?? null;
		const res = await this.#worker().request({ type: 'forecast', source: src, params: runParams }, { onProgress }).done;
		if (!this.#runs.isCurrent(token)) return;
		this.stage = null;
		if (!res.ok) {
			if (res.code !== 'cancelled')
				this.error = { code: res.code as ForecastErrorCode, detail: (res.detail as Record<string, string | number>) ?? {} };
			return;
		}
		this.error = null;
		this.view = res.value as ForecastView;
		this.backtest = null;
		this.computedFrom = dsUpdated;
		this.#computedAt = Date.now();
		this.#pendingResult = true;
		this.#persist();
		void this.restaff();
		// Backtest second: the forecast is on screen while the windows are refitted.
		this.btFraction = 0;
		const bt = await this.#worker().request(
			{ type: 'backtest', source: src, params: runParams },
			{
				onProgress: (m) => {
					if (this.#runs.isCurrent(token)) this.btFraction = m.fraction as number;
				}
			}
		).done;
		if (!this.#runs.isCurrent(token)) return;
		this.btFraction = null;
		if (bt.ok) {
			this.backtest = bt.value as BacktestSummary;
			this.#pendingResult = true;
			this.#persist();
		}
	}

	/** Recompute the staffing plan from the shown forecast (what-if sliders call this on every change). */
	async restaff(): Promise<void> {
		const v = this.view;
		if (!v) return;
		const iv = v.interval ?? this.params.interval;
		if (!(iv === 'day' || iv.endsWith('min'))) {
			this.plan = null;
			return;
		}
		const token = this.#staffRuns.start();
		const res = await this.#worker().request({
			type: 'staff',
			forecast: { starts: v.futureStarts, mean: v.forecast.mean, hi80: v.forecast.hi80 },
			interval: iv,
			params: $state.snapshot(this.params.staffing) as ForecastParams['staffing']
		}).done;
		if (!this.#staffRuns.isCurrent(token)) return;
		this.plan = res.ok ? (res.value as StaffPlan) : null;
	}
}

export const forecast = new ForecastStore();
