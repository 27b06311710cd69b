// Persona pre-filled from a segmentation result: behaviour and value figures with their citation, refreshable later.
import type { Locale } from '../record';
import { matchChannel } from '../touchpoint/channels';
import { newPersona, type PersonaContext } from './persona';
import type { Persona, SegmentSource, Tier } from './persona.schema';

/** What the segmentation screen passes in for one segment. */
export interface PersonaSegmentSummary {
	datasetId: string;
	analysisId?: string | null;
	segmentKey: string;
	/** Display name in the current locale (e.g. "Loyal Customers" / "忠诚客户"). */
	segmentName: string;
	customers: number;
	customerShare?: number | null;
	revenueShare?: number | null;
	medianRecencyDays?: number | null;
	medianFrequency?: number | null;
	medianMonetary?: number | null;
	currency?: string | null;
	preferredChannel?: string | null;
	tier?: Tier | null;
	computedAt: number;
}

export function sourceFromSummary(s: PersonaSegmentSummary): SegmentSource {
	return {
		datasetId: s.datasetId,
		analysisId: s.analysisId ?? null,
		segmentKey: s.segmentKey,
		segmentName: s.segmentName,
		customers: s.customers,
		customerShare: s.customerShare ?? null,
		revenueShare: s.revenueShare ?? null,
		medianRecencyDays: s.medianRecencyDays ?? null,
		medianFrequency: s.medianFrequency ?? null,
		medianMonetary: s.medianMonetary ?? null,
		currency: s.currency ?? null,
		preferredChannel: s.preferredChannel ?? null,
		computedAt: s.computedAt
	};
}

const num = (n: number, locale: Locale, digits = 1) => new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(n);
const pct = (n: number, locale: Locale) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(n);
const money = (n: number, locale: Locale, currency: string | null) =>
	currency ? new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 }).format(n) : num(n, locale, 0);

/** The texts a segment writes into a persona; also used to tell whether the user has edited them since. */
export function segmentTexts(
	src: SegmentSource,
	locale: Locale
): { frequency: string; spend: string; purchaseBehaviour: string; current: string } {
	const zh = locale === 'zh-CN';
	const f = src.medianFrequency;
	const m = src.medianMonetary;
	const r = src.medianRecencyDays;
	const parts: string[] = [zh ? `${num(src.customers, locale, 0)} 位顾客` : `${num(src.customers, locale, 0)} customers`];
	if (src.customerShare !== null)
		parts.push(zh ? `占顾客 ${pct(src.customerShare, locale)}` : `${pct(src.customerShare, locale)} of customers`);
	if (src.revenueShare !== null)
		parts.push(zh ? `贡献收入 ${pct(src.revenueShare, locale)}` : `${pct(src.revenueShare, locale)} of revenue`);
	return {
		frequency: f === null ? '' : zh ? `购买次数中位数 ${num(f, locale)} 次` : `Median ${num(f, locale)} purchases`,
		spend:
			m === null
				? ''
				: zh
					? `人均消费中位数 ${money(m, locale, src.currency)}`
					: `Median spend ${money(m, locale, src.currency)} per customer`,
		purchaseBehaviour:
			r === null ? '' : zh ? `最近一次购买的中位数为 ${num(r, locale, 0)} 天前` : `Last purchase a median ${num(r, locale, 0)} days ago`,
		current: parts.join(zh ? '，' : ' · ')
	};
}

/** One line for the card: 'from segment "Loyal" (n=689, 2024-06-30)'. */
export function segmentCitation(src: SegmentSource, locale: Locale): string {
	const day = new Date(src.computedAt).toISOString().slice(0, 10);
	return locale === 'zh-CN'
		? `来自客户分群“${src.segmentName}”（n=${src.customers}，${day}）`
		: `from segment “${src.segmentName}” (n=${src.customers}, ${day})`;
}

export function personaFromSegment(summary: PersonaSegmentSummary, locale: Locale, workspaceId: string, ctx?: PersonaContext): Persona {
	const src = sourceFromSummary(summary);
	const t = segmentTexts(src, locale);
	const channel = summary.preferredChannel ? (matchChannel(summary.preferredChannel)?.id ?? summary.preferredChannel) : null;
	return newPersona(
		workspaceId,
		{
			name: locale === 'zh-CN' ? `${summary.segmentName}顾客` : `${summary.segmentName} customer`,
			behaviour: {
				frequency: t.frequency,
				spend: t.spend,
				purchaseBehaviour: t.purchaseBehaviour,
				channelPreferences: channel ? [channel] : []
			},
			value: { current: t.current, currentAmount: summary.medianMonetary ?? null, tier: summary.tier ?? null, source: src },
			tags: [summary.segmentName]
		},
		locale,
		ctx
	);
}

/**
 * New figures for the same segment: the citation is replaced; a generated text is replaced only
 * if the user has not edited it since (it still equals what the old figures produced).
 */
export function refreshPersonaFromSegment(p: Persona, summary: PersonaSegmentSummary, locale: Locale, ctx?: PersonaContext): Persona {
	const old = p.value.source;
	const src = sourceFromSummary(summary);
	const next = segmentTexts(src, locale);
	const prev = old ? segmentTexts(old, locale) : null;
	const keep = (current: string, was: string | undefined, now: string) => (prev && current !== was && current !== '' ? current : now);
	return {
		...p,
		updatedAt: ctx?.now ?? Date.now(),
		behaviour: {
			...p.behaviour,
			frequency: keep(p.behaviour.frequency, prev?.frequency, next.frequency),
			spend: keep(p.behaviour.spend, prev?.spend, next.spend),
			purchaseBehaviour: keep(p.behaviour.purchaseBehaviour, prev?.purchaseBehaviour, next.purchaseBehaviour)
		},
		value: {
			...p.value,
			current: keep(p.value.current, prev?.current, next.current),
			currentAmount: old && p.value.currentAmount !== old.medianMonetary ? p.value.currentAmount : src.medianMonetary,
			source: src
		}
	};
}

/** True when a persona cites this dataset and the figures there are newer than the citation. */
export function isSourceStale(p: Persona, latest: { datasetId: string; computedAt: number }): boolean {
	return !!p.value.source && p.value.source.datasetId === latest.datasetId && latest.computedAt > p.value.source.computedAt;
}
