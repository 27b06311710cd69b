// Segments module worker: reads the dataset's chunks from IndexedDB itself (no big copies through the page), runs the
// segmentation with progress and cancel between stages, keeps the last rows for CSV export, and never throws across the boundary.
/// <reference lib="webworker" />
import { openDatabase, type CxDatabase } from '$lib/db/db';
import { getDataset, loadColumns } from '$lib/db/repositories/datasets';
import { transactionsFromColumns } from '$lib/domain/analytics/shared/from-dataset';
import type { CustomerRow } from '$lib/domain/analytics/shared/segmentation';
import { computeSegments, exportCsv, Cancelled } from './segments.compute';
import type { SegmentsReply, SegmentsRequest, SegmentsView } from './segments.protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const cancelled = new Set<number>();
let last: { view: SegmentsView; rows: CustomerRow[] } | null = null;
let db: CxDatabase | null = null;
let dbFor = '';

const send = (msg: SegmentsReply, transfer: Transferable[] = []) => scope.postMessage(msg, transfer);
// Yield to the event loop so a cancel message that arrived meanwhile is seen.
const tick = () => new Promise<void>((r) => setTimeout(r, 0));

async function database(name?: string): Promise<CxDatabase | null> {
	const key = name ?? '';
	if (db && dbFor === key && db.isOpen()) return db;
	const res = await openDatabase(name);
	if (!res.ok) return null;
	// Never hold up another tab's schema upgrade: close, reopen on the next request.
	res.db.on('versionchange', () => {
		res.db.close();
		if (db === res.db) db = null;
		return false;
	});
	db = res.db;
	dbFor = key;
	return db;
}

function transferables(v: SegmentsView): Transferable[] {
	return [
		v.firstPurchase,
		v.lastPurchase,
		v.recency,
		v.frequency,
		v.monetary,
		v.revenue,
		v.r,
		v.f,
		v.m,
		v.segment,
		v.tier,
		v.quadrant,
		v.pAlive,
		v.expected,
		v.predicted,
		v.mx,
		v.my
	].map((a) => a.buffer as ArrayBuffer);
}

async function run(id: number, req: Extract<SegmentsRequest, { type: 'run' }>): Promise<void> {
	send({ id, type: 'progress', stage: 'load', fraction: 0 });
	const d = await database(req.dbName);
	if (!d) return send({ id, type: 'result', ok: false, code: 'failed', message: 'database' });
	const record = await getDataset(d, req.datasetId);
	if (!record) return send({ id, type: 'result', ok: false, code: 'no-dataset' });
	const cols = await loadColumns(d, req.datasetId, ['customerId', 'date', 'amount', 'channel']);
	if (cancelled.has(id)) return send({ id, type: 'result', ok: false, code: 'cancelled' });
	const tx = transactionsFromColumns(cols);
	if (!tx.ok) return send({ id, type: 'result', ok: false, code: tx.code });
	const out = await computeSegments({ tx: tx.value, skipped: tx.skipped, channel: tx.channel }, req.params, async (stage, fraction) => {
		send({ id, type: 'progress', stage, fraction });
		await tick();
		return !cancelled.has(id);
	});
	// Keep a copy of the rows for export; the view's arrays are transferred (moved) to the page.
	last = { view: structuredClone(out.view), rows: out.rows };
	send({ id, type: 'result', ok: true, value: out.view }, transferables(out.view));
}

scope.onmessage = async (e: MessageEvent<(SegmentsRequest & { id: number }) | { id: number; type: 'cancel'; target: number }>) => {
	const msg = e.data;
	if (msg.type === 'cancel') {
		cancelled.add(msg.target);
		return;
	}
	try {
		if (msg.type === 'run') await run(msg.id, msg);
		else if (msg.type === 'export') {
			if (!last) send({ id: msg.id, type: 'result', ok: false, code: 'no-result' });
			else send({ id: msg.id, type: 'result', ok: true, value: exportCsv(last.view, last.rows, msg.locale, msg.filter) });
		}
	} catch (err) {
		if (err instanceof Cancelled) send({ id: msg.id, type: 'result', ok: false, code: 'cancelled' });
		else send({ id: msg.id, type: 'result', ok: false, code: 'failed', message: err instanceof Error ? err.message : String(err) });
	} finally {
		cancelled.delete(msg.id);
	}
};
