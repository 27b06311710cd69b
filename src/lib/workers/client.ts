// Generic client for our module workers: requests with ids, progress callbacks, cancel, and stale-result dropping.
// Convention every worker follows: requests `{id, type, …}`; replies `{id, type:'progress', …}` then one
// `{id, type:'result', ok:true, value} | {id, type:'result', ok:false, code, …}`; cancel is `{id, type:'cancel', target}`.

export type WorkerReply = { id: number; type: 'progress' | 'result' } & Record<string, unknown>;
export type ResultReply = WorkerReply & { type: 'result' };

type Pending = { resolve: (r: ResultReply) => void; onProgress?: (p: WorkerReply) => void };

export class WorkerClient<Req extends { type: string }> {
	#worker: Worker | null = null;
	#next = 1;
	#pending = new Map<number, Pending>();
	readonly #make: () => Worker;

	constructor(make: () => Worker) {
		this.#make = make;
	}

	#ensure(): Worker {
		if (this.#worker) return this.#worker;
		const w = this.#make();
		w.onmessage = (e: MessageEvent<WorkerReply>) => {
			const msg = e.data;
			const p = this.#pending.get(msg.id);
			if (!p) return;
			if (msg.type === 'progress') p.onProgress?.(msg);
			else {
				this.#pending.delete(msg.id);
				p.resolve(msg as ResultReply);
			}
		};
		w.onerror = (e) => {
			// A worker that crashed answers every open request with a coded failure instead of hanging.
			for (const [id, p] of this.#pending) p.resolve({ id, type: 'result', ok: false, code: 'worker-crashed', message: e.message });
			this.#pending.clear();
			this.#worker?.terminate();
			this.#worker = null;
		};
		this.#worker = w;
		return w;
	}

	/** Send a request; `id` lets the caller cancel it. */
	request<R extends ResultReply = ResultReply>(
		body: Req,
		opts: { onProgress?: (p: WorkerReply) => void; transfer?: Transferable[] } = {}
	): { id: number; done: Promise<R> } {
		const id = this.#next++;
		const done = new Promise<R>((resolve) => {
			this.#pending.set(id, { resolve: resolve as (r: ResultReply) => void, onProgress: opts.onProgress });
		});
		this.#ensure().postMessage({ ...body, id }, opts.transfer ?? []);
		return { id, done };
	}

	cancel(target: number): void {
		if (!this.#worker) return;
		this.#worker.postMessage({ id: this.#next++, type: 'cancel', target });
	}

	terminate(): void {
		this.#worker?.terminate();
		this.#worker = null;
		for (const [id, p] of this.#pending) p.resolve({ id, type: 'result', ok: false, code: 'cancelled' });
		this.#pending.clear();
	}
}

/** Only the newest run's result counts: start() returns a token; isCurrent(token) says whether to show it. */
export class LatestOnly {
	#current = 0;
	start(): number {
		return ++this.#current;
	}
	isCurrent(token: number): boolean {
		return token === this.#current;
	}
}
