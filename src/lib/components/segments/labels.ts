// Display names of segments, tiers and quadrants (built-in keys translated, user-defined segment names shown as typed).
import en from '$lib/i18n/messages/segments.en.json';
import { segmentMessageKey } from '$lib/domain/analytics/shared/customers-csv';
import type { MessageKey, MessageValues } from '$lib/i18n';
import type { GroupFilter } from '$lib/workers/segments.protocol';

type T = (key: MessageKey, values?: MessageValues) => string;
const known = en as Record<string, string>;

export function isBuiltinSegment(key: string): boolean {
	return segmentMessageKey(key) in known;
}

export function segmentName(t: T, key: string): string {
	const k = segmentMessageKey(key);
	return k in known ? t(k as MessageKey) : key;
}

/** One-line recommended action (built-in segments only). */
export function segmentAction(t: T, key: string): string | null {
	const k = segmentMessageKey(key).replace('segments.segment.', 'segments.action.');
	return k in known ? t(k as MessageKey) : null;
}

export function tierName(t: T, key: string): string {
	return t('segments.ui.tierName', { tier: key });
}

export function tierDescription(t: T, key: string): string | null {
	const k = `segments.tier.${key.toLowerCase()}.description`;
	return k in known ? t(k as MessageKey) : null;
}

export function quadrantName(t: T, key: string): string {
	const k = key in { core: 1, potential: 1, general: 1, low: 1 } ? `segments.quadrant.${key}` : `segments.marcus.${key}`;
	return k in known ? t(k as MessageKey) : key;
}

export function quadrantAction(t: T, key: string): string | null {
	const k = `segments.quadrant.${key}.action`;
	return k in known ? t(k as MessageKey) : null;
}

export function filterTitle(t: T, f: GroupFilter): string {
	switch (f.kind) {
		case 'segment':
			return segmentName(t, f.key);
		case 'tier':
			return tierName(t, f.key);
		case 'quadrant':
			return quadrantName(t, f.key);
		case 'cell':
			return t('segments.ui.cellName', { r: f.r, f: f.f });
		default:
			return t('segments.ui.allCustomers');
	}
}

export function filterAction(t: T, f: GroupFilter): string | null {
	if (f.kind === 'segment') return segmentAction(t, f.key);
	if (f.kind === 'tier') return tierDescription(t, f.key);
	if (f.kind === 'quadrant') return quadrantAction(t, f.key);
	return null;
}

/** Progress text per stage of a segments run. */
export const RUN_STAGES = {
	load: 'segments.ui.stage.load',
	rfm: 'segments.ui.stage.rfm',
	clv: 'segments.ui.stage.clv',
	holdout: 'segments.ui.stage.holdout',
	summary: 'segments.ui.stage.summary'
} as const satisfies Record<string, MessageKey>;

/** Why a segments run failed, in words. */
export const RUN_ERRORS = {
	'no-dataset': 'segments.error.noDataset',
	'missing-customer': 'segments.error.missingCustomer',
	'missing-date': 'segments.error.missingDate',
	'missing-amount': 'segments.error.missingAmount',
	'no-rows': 'segments.error.noRows',
	'no-result': 'segments.error.failed',
	cancelled: 'segments.error.failed',
	failed: 'segments.error.failed'
} as const satisfies Record<string, MessageKey>;

/** What is wrong with the analysis settings, in words. */
export const PARAM_PROBLEMS = {
	'bad-tiers': 'segments.error.badTiers',
	'no-custom-rules': 'segments.error.noCustomRules',
	'bad-date': 'segments.error.badDate'
} as const satisfies Record<string, MessageKey>;
