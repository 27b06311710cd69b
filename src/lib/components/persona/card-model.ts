// What a persona card shows, as plain display strings: shared by the on-screen/print card and the SVG/PNG export.
import type { MessageKey, MessageValues } from '$lib/i18n';
import type { Locale } from '$lib/domain/record';
import { BUILT_IN_CHANNEL_IDS, type CustomChannel } from '$lib/domain/touchpoint/channels';
import { formatAge, formatCustomValue, type Persona, type PersonaFieldDef, type Trait } from '$lib/domain/persona';
import type { NeedType } from '$lib/domain/journey/card.schema';

type T = (key: MessageKey, values?: MessageValues) => string;

/** Built-in channels through the i18n catalogue (touchpoint.channel.*), custom ones by their name, unknown ids as typed. */
export function channelName(id: string, channels: readonly CustomChannel[], t: T): string {
	if ((BUILT_IN_CHANNEL_IDS as readonly string[]).includes(id)) return t(`touchpoint.channel.${id}`);
	return channels.find((c) => c.id === id)?.name ?? id;
}

export interface CardLine {
	label: string;
	text: string;
}

export interface CardModel {
	name: string;
	subtitle: string;
	tier: string | null;
	tierLabel: string;
	quote: string;
	basic: CardLine[];
	channels: string[];
	behaviour: CardLine[];
	psychology: CardLine[];
	value: CardLine[];
	citation: string;
	needs: { type: NeedType; label: string; items: string[] }[];
	traits: Trait[];
	custom: CardLine[];
	tags: string[];
}

const NEED_ORDER: NeedType[] = ['explicit', 'expected', 'implicit'];

export function cardModel(
	p: Persona,
	defs: readonly PersonaFieldDef[],
	channels: readonly CustomChannel[],
	locale: Locale,
	t: T,
	fmtNumber: (n: number) => string,
	fmtDate: (n: number) => string
): CardModel {
	const b = p.basic;
	const age = formatAge(b);
	const subtitle = [age ? t('persona.card.age', { age }) : '', b.gender, b.occupation, b.location || b.cityTier]
		.filter(Boolean)
		.join(' · ');
	const line = (label: MessageKey, text: string): CardLine => ({ label: t(label), text });
	const joined = (xs: readonly string[]) => xs.filter(Boolean).join(locale === 'zh-CN' ? '、' : ', ');
	const fs = [p.behaviour.frequency, p.behaviour.spend].filter(Boolean).join(' · ');
	const behaviour = [
		line('persona.field.purchaseBehaviour', p.behaviour.purchaseBehaviour),
		line('persona.card.frequencySpend', fs),
		line('persona.field.usageHabits', p.behaviour.usageHabits),
		line('persona.field.decisionStyle', p.behaviour.decisionStyle)
	].filter((l) => l.text);
	const attitudes = [
		p.psychology.priceAttitude && t('persona.card.priceIs', { text: p.psychology.priceAttitude }),
		p.psychology.qualityAttitude && t('persona.card.qualityIs', { text: p.psychology.qualityAttitude }),
		p.psychology.serviceAttitude && t('persona.card.serviceIs', { text: p.psychology.serviceAttitude })
	].filter(Boolean) as string[];
	// Most telling first: a small card shows as many of these as fit.
	const psychology = [
		line('persona.field.values', p.psychology.values),
		line('persona.field.motivations', joined(p.psychology.motivations)),
		line('persona.field.goals', joined(p.psychology.goals)),
		line('persona.field.frustrations', joined(p.psychology.frustrations)),
		line('persona.card.attitudes', attitudes.join(locale === 'zh-CN' ? '；' : '; ')),
		line('persona.field.lifestyle', p.psychology.lifestyle),
		line('persona.field.interests', joined(p.psychology.interests))
	].filter((l) => l.text);
	const v = p.value;
	const money = (text: string, amount: number | null) => text || (amount !== null ? fmtNumber(amount) : '');
	const value = [
		line('persona.field.current', money(v.current, v.currentAmount)),
		line('persona.field.potential', money(v.potential, v.potentialAmount)),
		line('persona.field.serviceLevel', v.serviceLevel)
	].filter((l) => l.text);
	const ratings = (
		[
			['persona.field.spendCapacity', v.spendCapacity],
			['persona.field.loyalty', v.loyalty],
			['persona.field.influence', v.influence]
		] as const
	)
		.filter(([, r]) => r !== null)
		.map(([k, r]) => `${t(k)} ${'●'.repeat(r!)}${'○'.repeat(5 - r!)}`);
	if (ratings.length) value.push({ label: t('persona.card.ratings'), text: ratings.join('  ') });
	const src = v.source;
	const citation = src
		? t('persona.source.citation', { segment: src.segmentName, customers: src.customers, date: fmtDate(src.computedAt) })
		: '';
	const sortedDefs = [...defs].sort((a, c) => a.order - c.order);
	return {
		name: b.name || t('persona.untitled'),
		subtitle,
		tier: v.tier,
		tierLabel: v.tier ? t(`persona.tier.${v.tier}`) : '',
		quote: b.quote,
		basic: [
			line('persona.field.incomeBand', b.incomeBand),
			line('persona.field.education', b.education),
			line('persona.field.cityTier', b.cityTier),
			line('persona.field.location', b.location),
			line('persona.field.familyStatus', b.familyStatus)
		].filter((l) => l.text),
		channels: p.behaviour.channelPreferences.map((c) => channelName(c, channels, t)),
		behaviour,
		psychology,
		value,
		citation,
		needs: NEED_ORDER.map((type) => ({
			type,
			label: t(`persona.needShort.${type}`),
			items: p.needs.filter((n) => n.type === type && n.text.trim()).map((n) => n.text)
		})),
		traits: p.traits,
		custom: sortedDefs.map((d) => ({ label: d.name, text: formatCustomValue(d, p.custom[d.id]) })).filter((l) => l.text),
		tags: p.tags
	};
}
