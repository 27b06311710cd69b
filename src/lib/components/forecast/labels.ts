// Translated names for the forecast screen: methods, intervals, notes, events, error codes, backtest sentences.
import type { MessageKey, Translate } from '$lib/i18n';
import type { Note } from '$lib/domain/analytics/forecast';
import type { CalendarEntry } from '$lib/domain/analytics/calendar.schema';
import type { Interval, BacktestSummary } from '$lib/workers/forecast.core';
import type { RunError } from '$lib/state/forecast.svelte';

export const methodLabel = (t: Translate, m: string): string => t(`forecast.ui.method.${m}` as MessageKey);
export const methodLong = (t: Translate, m: string): string => t(`forecast.method.${m}` as MessageKey);
export const intervalLabel = (t: Translate, iv: Interval): string => t(`forecast.ui.interval.${iv}` as MessageKey);

/** Horizon unit shown after the number: days, weeks, months or intervals. */
export function horizonUnit(t: Translate, iv: Interval, count: number): string {
	const unit = iv === 'month' ? 'month' : iv === 'week' ? 'week' : iv === 'day' ? 'day' : 'interval';
	return t(`forecast.ui.unitWord.${unit}` as MessageKey, { count });
}

const DATED: Record<string, MessageKey> = {
	'missing-interpolated': 'forecast.ui.note.missing',
	'outliers-detected': 'forecast.ui.note.outliers',
	'outliers-replaced': 'forecast.ui.note.outliersReplaced'
};

// Notes carry positions (0-based) in the series: shown as the interval's date when there is one, else counted from 1.
export function noteText(t: Translate, n: Note, at?: (i: number) => string | null): string {
	const values: Record<string, string | number> = { ...(n.values ?? {}) };
	const when = typeof values.first === 'number' && at ? at(values.first) : null;
	if (when && DATED[n.code]) return t(DATED[n.code], { count: values.count, when });
	if (typeof values.first === 'number') values.first = values.first + 1;
	return t(`forecast.note.${n.code}` as MessageKey, values);
}

export function eventLabel(t: Translate, e: Pick<CalendarEntry, 'preset' | 'name'>): string {
	if (e.name.trim()) return e.name;
	if (e.preset) return t(`forecast.event.${e.preset}` as MessageKey);
	return t('forecast.ui.events.unnamed');
}

/** Engine event keys are the preset key or the entry id. */
export function eventKeyLabel(t: Translate, key: string, entries: readonly CalendarEntry[]): string {
	const e = entries.find((x) => x.id === key || (x.preset && x.preset === key));
	return e ? eventLabel(t, e) : key;
}

export function errorText(t: Translate, e: RunError): string {
	switch (e.code) {
		case 'finer-than-data':
			return t('forecast.ui.error.finer-than-data', { minutes: Number(e.detail.dataMinutes ?? 0) });
		case 'too-many-intervals':
			return t('forecast.ui.error.too-many-intervals', { count: Number(e.detail.count ?? 0), max: Number(e.detail.max ?? 0) });
		case 'paste-errors':
			return t('forecast.ui.error.paste-errors', { line: Number(e.detail.line ?? 0), text: String(e.detail.text ?? '') });
		case 'no-rows':
		case 'empty':
		case 'cancelled':
		case 'worker-crashed':
			return t(`forecast.ui.error.${e.code}`);
		default:
			return t('forecast.ui.error.failed');
	}
}

/** "Over the last 8 weeks Auto was off by 6.1% (WAPE); the 95% band held 94% of actuals." */
export function backtestSentence(t: Translate, pct: (x: number) => string, bt: BacktestSummary, method: string): string | null {
	const row = bt.rows.find((r) => r.method === method) ?? bt.rows[0];
	if (!row || bt.windows === 0 || row.accuracy.points === 0) return null;
	const span = t(`forecast.ui.unitWord.${bt.span.unit}` as MessageKey, { count: bt.span.count });
	return t('forecast.ui.backtest.sentence', {
		span,
		method: methodLabel(t, row.method),
		wape: pct(row.accuracy.wape / 100),
		coverage: pct(row.accuracy.coverage95 / 100)
	});
}
