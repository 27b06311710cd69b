// Typed messages of the forecast worker: build a series (dataset columns or pasted numbers), forecast, backtest, staff; cancel.
import type { Interval, RunParams, RunResult, BacktestSummary, Series, SeriesError, StaffParams, StaffPlan } from './forecast.core';

/** Where the series comes from: dataset columns (sent by the page) or pasted text; `from`/`to` trim the history (ms). */
export type SeriesSource =
	| {
			kind: 'columns';
			timestamp: Float64Array;
			count: Float64Array | null;
			aht: Float64Array | null;
			/** keep only rows whose code is `code` (a channel or queue), or all rows */
			group: { codes: Int32Array; code: number } | null;
			interval: Interval;
			from: number | null;
			to: number | null;
	  }
	| { kind: 'paste'; text: string; interval: Interval; from: number | null; to: number | null };

export type ForecastRequest =
	| { type: 'forecast'; source: SeriesSource; params: RunParams }
	| { type: 'backtest'; source: SeriesSource; params: RunParams }
	| {
			type: 'staff';
			forecast: { starts: Float64Array | null; mean: Float64Array; hi80: Float64Array };
			interval: Interval;
			params: StaffParams;
	  }
	| { type: 'cancel'; target: number };

export type ForecastErrorCode = SeriesError['code'] | 'paste-errors' | 'empty' | 'cancelled' | 'failed' | 'worker-crashed';

export type ForecastStage = 'series' | 'forecast' | 'backtest' | 'staff';

export interface ForecastView extends RunResult {
	/** pasted lines that could not be read (1-based) */
	pasteErrors: { line: number; text: string }[];
	/** total worker time for the request, ms (series + forecast) */
	workerMs: number;
	aht: Float64Array | null;
	/** the interval the series was built at */
	interval: Interval;
	/** the method the user chose (the result's `method` may name the model Auto ended up using) */
	chosen: RunParams['method'];
}

export type ForecastReply =
	| { id: number; type: 'progress'; stage: ForecastStage; fraction: number }
	| { id: number; type: 'result'; ok: true; value: ForecastView | BacktestSummary | StaffPlan }
	| { id: number; type: 'result'; ok: false; code: ForecastErrorCode; detail?: Record<string, string | number>; message?: string };

export type { Series };
