// Translated words for the map drawings (SVG/PNG export, print): built from `$t` so the chart code stays i18n-free.
import type { JourneySvgLabels } from '$lib/charts/journey-svg';
import type { Journey, Lane } from '$lib/domain/journey';
import type { Translate } from '$lib/i18n';

/** "Journey map · As-is · Personas: 小林 · Scenario: … · Goal: … · Owner: …", skipping empty parts. */
export function journeySubtitle(j: Journey, t: Translate): string {
	const parts = [t(`journey.kind.${j.kind}`), t(`journey.status.${j.status}`)];
	const field = (key: 'personas' | 'scenario' | 'goal' | 'owner', value: string) => {
		const v = value.replace(/\s+/g, ' ').trim();
		if (v) parts.push(t('journey.export.field', { label: t(`journey.header.${key}`), value: v }));
	};
	field('personas', j.personaText);
	field('scenario', j.scenario);
	field('goal', j.goal);
	field('owner', j.owner);
	return parts.join(' · ');
}

export function laneName(lane: Pick<Lane, 'type' | 'name'>, t: Translate): string {
	return lane.name?.trim() || t(`journey.lane.${lane.type}`);
}

export function svgLabels(j: Journey, t: Translate, date: string): JourneySvgLabels {
	return {
		lane: (l) => laneName(l, t),
		line: {
			interaction: t('journey.line.interaction'),
			visibility: t('journey.line.visibility'),
			internalInteraction: t('journey.line.internalInteraction')
		},
		evidence: {
			assumption: t('journey.evidence.assumption'),
			observed: t('journey.evidence.observed'),
			measured: t('journey.evidence.measured')
		},
		needType: {
			explicit: t('journey.needType.explicit'),
			expected: t('journey.needType.expected'),
			implicit: t('journey.needType.implicit')
		},
		votes: (n) => t('journey.card.votes', { count: n }),
		legend: t('journey.export.legend'),
		subtitle: journeySubtitle(j, t),
		date,
		untitled: t('journey.export.untitled'),
		curve: (label) => t('journey.emotion.curve', { persona: label || t('journey.export.untitled') })
	};
}
