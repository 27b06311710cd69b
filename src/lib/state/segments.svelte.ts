// Segments runner: one worker, only the newest run's result shown (older runs cancelled), progress, coded errors, CSV export.
import { WorkerClient, LatestOnly, type ResultReply, type WorkerReply } from '$lib/workers/client';
import type { GroupFilter, RunStage, SegmentsErrorCode, SegmentsRequest, SegmentsView } from '$lib/workers/segments.protocol';
import type { SegmentsParams } from '$lib/domain/analytics/shared/segments-params';
import SegmentsWorker from '$lib/workers/segments.worker?worker';

export type RunStatus = 'idle' | 'running' | 'done' | 'error';

export class SegmentsRunner {
	status = $state<RunStatus>('idle');
	stage = $state<RunStage>('load');
	fraction = $state(0);
	view = $state.raw<SegmentsView | null>(null);
	error = $state<SegmentsErrorCode | null>(null);
	errorDetail = $state('');
	/** Identifies what the shown view was computed from (dataset + params JSON). */
	viewKey = $state('');
	#client: WorkerClient<SegmentsRequest> | null = null;
	#latest = new LatestOnly();
	#inFlight: number | null = null;

	#worker(): WorkerClient<SegmentsRequest> {
		this.#client ??= new WorkerClient<SegmentsRequest>(() => new SegmentsWorker({ name: 'segments' }));
		return this.#client;
	}

	/** Start a run; a previous unfinished run is cancelled and its result ignored. Resolves when this run settles. */
	async run(datasetId: string, params: SegmentsParams): Promise<boolean> {
		const key = runKey(datasetId, params);
		const token = this.#latest.start();
		const client = this.#worker();
		if (this.#inFlight !== null) client.cancel(this.#inFlight);
		this.status = 'running';
		this.stage = 'load';
		this.fraction = 0;
		const req = client.request(
			{ type: 'run', datasetId, params: $state.snapshot(params) as SegmentsParams },
			{
				onProgress: (p: WorkerReply) => {
					if (!this.#latest.isCurrent(token)) return;
					this.stage = p.stage as RunStage;
					this.fraction = p.fraction as number;
				}
			}
		);
		this.#inFlight = req.id;
		const res: ResultReply = await req.done;
		if (!this.#latest.isCurrent(token)) return false;
		this.#inFlight = null;
		if (res.ok) {
			this.view = res.value as SegmentsView;
			this.viewKey = key;
			this.error = null;
			this.status = 'done';
			return true;
		}
		if (res.code === 'cancelled') return false;
		this.error = res.code as SegmentsErrorCode;
		this.errorDetail = typeof res.message === 'string' ? res.message : '';
		this.status = 'error';
		return false;
	}

	async exportCsv(locale: 'en' | 'zh-CN', filter?: GroupFilter | null): Promise<string | null> {
		const res = await this.#worker().request({ type: 'export', locale, filter: filter ? $state.snapshot(filter) : null }).done;
		return res.ok ? (res.value as string) : null;
	}

	/** Stop the running computation (if any): its result is dropped and the previous view stays. */
	cancel(): void {
		this.#latest.start();
		if (this.#inFlight !== null) this.#client?.cancel(this.#inFlight);
		this.#inFlight = null;
		if (this.status === 'running') this.status = this.view ? 'done' : 'idle';
	}

	reset(): void {
		this.#latest.start();
		this.view = null;
		this.viewKey = '';
		this.status = 'idle';
		this.error = null;
	}

	dispose(): void {
		this.#client?.terminate();
		this.#client = null;
	}
}

export function runKey(datasetId: string, params: SegmentsParams): string {
	return datasetId + '|' + JSON.stringify(params);
}
