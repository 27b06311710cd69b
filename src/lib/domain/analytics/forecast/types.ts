// Shared result types for the forecasting engine: every method returns the same shape so Auto, backtests and the UI can mix them.

export type MethodName = 'snaive' | 'naive' | 'naive2' | 'ses' | 'ets' | 'damped' | 'theta' | 'mseasonal' | 'auto';

/** Codes that explain a choice in plain words (i18n keys are `forecast.note.<code>`). */
export type NoteCode =
	| 'no-data'
	| 'too-short-for-model'
	| 'too-short-for-seasonality'
	| 'season-too-long-for-ets'
	| 'constant-series'
	| 'non-positive-data'
	| 'missing-interpolated'
	| 'outliers-detected'
	| 'outliers-replaced'
	| 'events-excluded'
	| 'events-estimated'
	| 'model-fallback';

export interface Note {
	code: NoteCode;
	values?: Record<string, string | number>;
}

export interface Forecast {
	method: MethodName;
	/** descriptive model label, e.g. "ETS(M,Ad,M)" or "Theta" */
	model: string;
	mean: Float64Array;
	lo80: Float64Array;
	hi80: Float64Array;
	lo95: Float64Array;
	hi95: Float64Array;
	notes: Note[];
	/** positions (0-based) of interpolated missing values and of detected outliers in the input */
	issues?: { missing: number[]; outliers: number[] };
}

export function emptyForecast(method: MethodName, model: string, h: number): Forecast {
	return {
		method,
		model,
		mean: new Float64Array(h),
		lo80: new Float64Array(h),
		hi80: new Float64Array(h),
		lo95: new Float64Array(h),
		hi95: new Float64Array(h),
		notes: []
	};
}
