// What a grid cell and its cards call back into: one object per grid so cells take a single prop.
import type { Card, EvidenceLevel, NeedType } from '$lib/domain/journey';
import { EVIDENCE_LEVELS, NEED_TYPES } from '$lib/domain/journey';
import type { Translate } from '$lib/i18n';
import type { Cell, EditorUi } from './editor-ui.svelte';

/**
 * Card and cell wording, translated once per locale for the whole grid: hundreds of cards then build their
 * labels by joining strings instead of each formatting ICU messages (and subscribing to the locale) itself.
 */
export interface GridLabels {
	colon: string;
	sep: string;
	emptyCard: string;
	evidence: Record<EvidenceLevel, string>;
	needType: Record<NeedType, string>;
	needShort: Record<NeedType, string>;
	cardStep: (step: string) => string;
	cardText: (lane: string, step: string) => string;
	cell: (lane: string, step: string, count: number) => string;
	addCard: (lane: string, step: string) => string;
	linkedTouchpoint: (name: string) => string;
	linkCount: (count: number) => string;
	votes: (count: number) => string;
}

export function gridLabels(t: Translate): GridLabels {
	const per = <K extends string>(keys: readonly K[], f: (k: K) => string) =>
		Object.fromEntries(keys.map((k) => [k, f(k)])) as Record<K, string>;
	return {
		colon: t('journey.editor.labelColon'),
		sep: t('journey.editor.labelSep'),
		emptyCard: t('journey.editor.emptyCard'),
		evidence: per(EVIDENCE_LEVELS, (k) => t(`journey.evidence.${k}`)),
		needType: per(NEED_TYPES, (k) => t(`journey.needType.${k}`)),
		needShort: per(NEED_TYPES, (k) => t(`journey.needShort.${k}`)),
		cardStep: (step) => t('journey.editor.cardStep', { step }),
		cardText: (lane, step) => t('journey.editor.cardTextLabel', { lane, step }),
		cell: (lane, step, count) => t('journey.editor.cellLabel', { lane, step, count }),
		addCard: (lane, step) => t('journey.editor.addCardIn', { lane, step }),
		linkedTouchpoint: (name) => t('journey.editor.linkedTouchpoint', { name }),
		linkCount: (count) => t('journey.editor.linkCount', { count }),
		votes: (count) => t('journey.card.votes', { count })
	};
}

export interface GridController {
	ui: EditorUi;
	labels: GridLabels;
	readOnly: () => boolean;
	touchpointName: (id: string | null) => string | null;
	linkCount: (card: Card) => number;
	text: (id: string, text: string) => void;
	stopEdit: (id: string, how: 'escape' | 'blur' | 'enter') => void;
	cardPointerDown: (e: PointerEvent, card: Card) => void;
	cardClick: (e: MouseEvent, card: Card) => void;
	cardDblClick: (e: MouseEvent, card: Card) => void;
	cardKey: (e: KeyboardEvent, card: Card) => void;
	cellKey: (e: KeyboardEvent, cell: Cell) => void;
	cellClick: (e: MouseEvent, cell: Cell) => void;
	cellFocus: (cell: Cell) => void;
}
