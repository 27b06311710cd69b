// Locale-aware labels for register values (channels, stages, units, targets) built from i18n messages.
import type { MessageKey, Translate } from '$lib/i18n';
import {
	BUILT_IN_CHANNEL_IDS,
	channelLabel,
	STANDARD_STAGES,
	UNIT_KEY,
	type CustomChannel,
	type Status,
	type Target,
	type Unit
} from '$lib/domain/touchpoint';

const BUILT_IN = new Set<string>(BUILT_IN_CHANNEL_IDS);
const STANDARD = new Set(STANDARD_STAGES.map((s) => s.key));

/** Built-in channels through i18n (so the pseudo-locale sees them); custom ones by their label for the locale. */
export function channelName(t: Translate, id: string, custom: readonly CustomChannel[], locale = 'en'): string {
	if (BUILT_IN.has(id)) return t(`touchpoint.channel.${id}` as MessageKey);
	return channelLabel(id, locale === 'zh-CN' ? 'zh-CN' : 'en', custom);
}

export const isStandardStage = (key: string): boolean => STANDARD.has(key);

export function stageName(t: Translate, key: string): string {
	return STANDARD.has(key) ? t(`touchpoint.stage.${key}` as MessageKey) : key;
}

export function unitName(t: Translate, unit: Unit): string {
	return t(`touchpoint.unit.${UNIT_KEY[unit]}` as MessageKey);
}

export function targetText(t: Translate, target: Target): string {
	return t(`touchpoint.target.${target.op}` as MessageKey, {
		value: target.value,
		max: target.max ?? target.value,
		unit: unitName(t, target.unit)
	});
}

export function valueText(t: Translate, value: number, unit: Unit): string {
	return t('touchpoint.valueWithUnit', { value, unit: unitName(t, unit) });
}

export function statusName(t: Translate, s: Status): string {
	return t(`touchpoint.status.${s}` as MessageKey);
}

/** "7 min 5 s", "1 h 20 min" from seconds. */
export function durationText(t: Translate, seconds: number): string {
	const h = Math.floor(seconds / 3600);
	const m = Math.floor((seconds % 3600) / 60);
	const s = Math.round(seconds % 60);
	return t('touchpoint.duration', { h, m, s });
}
