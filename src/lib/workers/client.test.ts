import { describe, expect, it } from 'vitest';
import { LatestOnly, WorkerClient } from './client';

/** A fake Worker that answers in the protocol's shape. */
class FakeWorker {
	onmessage: ((e: MessageEvent) => void) | null = null;
	onerror: ((e: ErrorEvent) => void) | null = null;
	posted: unknown[] = [];
	postMessage(msg: { id: number; type: string; n?: number; target?: number }) {
		this.posted.push(msg);
		if (msg.type === 'square') {
			setTimeout(() => {
				this.onmessage?.({ data: { id: msg.id, type: 'progress', done: 1 } } as MessageEvent);
				this.onmessage?.({ data: { id: msg.id, type: 'result', ok: true, value: (msg.n ?? 0) ** 2 } } as MessageEvent);
			});
		}
		if (msg.type === 'crash') setTimeout(() => this.onerror?.({ message: 'boom' } as ErrorEvent));
	}
	terminate() {}
}

describe('worker client', () => {
	it('matches replies to requests by id and reports progress', async () => {
		const client = new WorkerClient<{ type: 'square'; n: number } | { type: 'crash' }>(() => new FakeWorker() as unknown as Worker);
		const progress: unknown[] = [];
		const a = client.request({ type: 'square', n: 3 }, { onProgress: (p) => progress.push(p) });
		const b = client.request({ type: 'square', n: 4 });
		expect(await a.done).toMatchObject({ ok: true, value: 9 });
		expect(await b.done).toMatchObject({ ok: true, value: 16 });
		expect(progress).toHaveLength(1);
	});

	it('a crashed worker answers open requests with a coded failure', async () => {
		const client = new WorkerClient<{ type: 'crash' }>(() => new FakeWorker() as unknown as Worker);
		expect(await client.request({ type: 'crash' }).done).toMatchObject({ ok: false, code: 'worker-crashed' });
	});

	it('drops stale results', () => {
		const l = new LatestOnly();
		const first = l.start();
		const second = l.start();
		expect(l.isCurrent(first)).toBe(false);
		expect(l.isCurrent(second)).toBe(true);
	});
});
