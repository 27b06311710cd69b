// Public surface of the forecasting engine (pure TypeScript: runs in Node, vitest and web workers).
export { forecastSeries, combineForecasts, type ForecastOptions } from './auto';
export { snaive, naive, naive2, ses, theta, seasonalMean, seasonalAdjust } from './methods';
export { autoEts, fitEtsModel, etsForecast, etsName, candidateSpecs, type EtsFit, type EtsSpec } from './ets';
export { multiSeasonal, msDecompose, topDown } from './mseasonal';
export {
	backtest,
	explainBacktest,
	accuracy,
	maseScale,
	AccuracyAccumulator,
	type Accuracy,
	type BacktestResult,
	type Explanation
} from './backtest';
export { presetEvents, applyEvents, applyEventsDetailed, parseEventsCsv, type CalendarEvent, type EventEffect } from './events';
export { cleanSeries, detectOutliers, interpolateMissing } from './outliers';
export type { Forecast, MethodName, Note, NoteCode } from './types';
