// Forecast module worker: builds the series, forecasts, backtests and staffs; replies with coded failures, never throws.
/// <reference lib="webworker" />
import { aggregateContacts, parsePasted, runForecast, runBacktestAsync, staffPlan, type Series } from './forecast.core';
import type { ForecastReply, ForecastRequest, SeriesSource } from './forecast.protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const cancelled = new Set<number>();
const post = (m: ForecastReply) => scope.postMessage(m);

type Built =
	| { ok: true; series: Series; pasteErrors: { line: number; text: string }[] }
	| { ok: false; reply: Omit<Extract<ForecastReply, { ok: false }>, 'id'> };

function build(src: SeriesSource): Built {
	let series: Series;
	let pasteErrors: { line: number; text: string }[] = [];
	if (src.kind === 'paste') {
		const p = parsePasted(src.text, src.interval);
		pasteErrors = p.errors;
		if (p.values.length === 0)
			return {
				ok: false,
				reply: { type: 'result', ok: false, code: p.errors.length ? 'paste-errors' : 'empty', detail: p.errors[0] ?? {} }
			};
		series = { values: p.values, starts: p.starts, aht: null };
	} else {
		const g = src.group;
		const r = aggregateContacts(
			{ timestamp: src.timestamp, count: src.count, aht: src.aht },
			src.interval,
			g ? (i) => g.codes[i] === g.code : undefined
		);
		if (!r.ok) {
			const { code, ...detail } = r.error;
			return { ok: false, reply: { type: 'result', ok: false, code, detail } };
		}
		series = r.series;
	}
	// History window: keep intervals starting inside [from, to].
	if (series.starts && (src.from !== null || src.to !== null)) {
		const s = series.starts;
		let a = 0;
		let b = s.length;
		while (a < b && src.from !== null && s[a] < src.from) a++;
		while (b > a && src.to !== null && s[b - 1] > src.to) b--;
		if (b - a === 0) return { ok: false, reply: { type: 'result', ok: false, code: 'empty' } };
		series = { values: series.values.slice(a, b), starts: s.slice(a, b), aht: series.aht?.slice(a, b) ?? null };
	}
	return { ok: true, series, pasteErrors };
}

async function handle(msg: ForecastRequest & { id: number }): Promise<void> {
	const { id } = msg;
	const progress = (stage: 'series' | 'forecast' | 'backtest' | 'staff', fraction: number) =>
		post({ id, type: 'progress', stage, fraction });
	try {
		if (msg.type === 'cancel') {
			cancelled.add(msg.target);
			return;
		}
		if (msg.type === 'staff') {
			const plan = staffPlan(msg.forecast, msg.interval, msg.params);
			if (!plan) post({ id, type: 'result', ok: false, code: 'failed', message: 'not staffable' });
			else post({ id, type: 'result', ok: true, value: plan });
			return;
		}
		const t0 = performance.now();
		progress('series', 0);
		const b = build(msg.source);
		if (!b.ok) {
			post({ id, ...b.reply });
			return;
		}
		if (msg.type === 'forecast') {
			const r = runForecast(b.series, { ...msg.params, backtest: false }, (stage, f) => progress(stage, f));
			if (!r) post({ id, type: 'result', ok: false, code: 'cancelled' });
			else
				post({
					id,
					type: 'result',
					ok: true,
					value: {
						...r,
						pasteErrors: b.pasteErrors,
						workerMs: performance.now() - t0,
						aht: b.series.aht,
						interval: msg.params.interval,
						chosen: msg.params.method
					}
				});
			return;
		}
		const bt = await runBacktestAsync(
			b.series.values,
			msg.params,
			(f) => progress('backtest', f),
			() => cancelled.has(id)
		);
		cancelled.delete(id);
		if (!bt) post({ id, type: 'result', ok: false, code: 'cancelled' });
		else post({ id, type: 'result', ok: true, value: bt });
	} catch (e) {
		post({ id, type: 'result', ok: false, code: 'failed', message: e instanceof Error ? e.message : String(e) });
	}
}

scope.onmessage = (e: MessageEvent<ForecastRequest & { id: number }>) => {
	void handle(e.data);
};
