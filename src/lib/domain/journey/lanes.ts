// Lane types of a journey map / service blueprint, their default labels and the derived blueprint lines.
import * as v from 'valibot';
import type { Bilingual } from '../record';

export const LANE_TYPES = [
	'actions',
	'touchpoints',
	'thoughts',
	'emotion',
	'needs',
	'painPoints',
	'opportunities',
	'owner',
	'kpis',
	'evidence',
	'frontstage',
	'backstage',
	'support',
	'custom'
] as const;
export type LaneType = (typeof LANE_TYPES)[number];
export const LaneTypeSchema = v.picklist(LANE_TYPES);

/** Default lane names; the UI uses i18n keys `journey.lane.<type>`, the domain needs them for CSV/templates. */
export const LANE_LABELS: Record<LaneType, Bilingual> = {
	actions: { en: 'Customer actions', 'zh-CN': '顾客行为' },
	touchpoints: { en: 'Touchpoints & channels', 'zh-CN': '触点与渠道' },
	thoughts: { en: 'Thoughts', 'zh-CN': '想法' },
	emotion: { en: 'Emotion', 'zh-CN': '情绪' },
	needs: { en: 'Needs', 'zh-CN': '需求' },
	painPoints: { en: 'Pain points', 'zh-CN': '痛点' },
	opportunities: { en: 'Opportunities', 'zh-CN': '机会点' },
	owner: { en: 'Owner', 'zh-CN': '负责人' },
	kpis: { en: 'KPIs', 'zh-CN': '关键指标' },
	evidence: { en: 'Physical evidence', 'zh-CN': '有形展示' },
	frontstage: { en: 'Frontstage', 'zh-CN': '前台行为' },
	backstage: { en: 'Backstage', 'zh-CN': '后台行为' },
	support: { en: 'Support processes', 'zh-CN': '支持流程' },
	custom: { en: 'Custom lane', 'zh-CN': '自定义泳道' }
};

/** Lane sets a new map starts with, per map kind. */
export const JOURNEY_LANES: LaneType[] = ['actions', 'touchpoints', 'thoughts', 'emotion', 'needs', 'painPoints', 'opportunities'];
export const BLUEPRINT_LANES: LaneType[] = ['evidence', 'actions', 'touchpoints', 'frontstage', 'backstage', 'support'];
export const BOTH_LANES: LaneType[] = [
	'evidence',
	'actions',
	'touchpoints',
	'thoughts',
	'emotion',
	'needs',
	'painPoints',
	'opportunities',
	'frontstage',
	'backstage',
	'support',
	'owner',
	'kpis'
];

/**
 * Depth on the blueprint: 0 = customer side, 1 frontstage, 2 backstage, 3 support.
 * Lanes without a depth (owner, KPIs, custom) can sit anywhere without moving the lines.
 */
const LANE_DEPTH: Partial<Record<LaneType, number>> = {
	evidence: 0,
	actions: 0,
	touchpoints: 0,
	thoughts: 0,
	emotion: 0,
	needs: 0,
	painPoints: 0,
	opportunities: 0,
	frontstage: 1,
	backstage: 2,
	support: 3
};

export const BLUEPRINT_LINES = ['interaction', 'visibility', 'internalInteraction'] as const;
export type BlueprintLineKind = (typeof BLUEPRINT_LINES)[number];

export interface BlueprintLine {
	kind: BlueprintLineKind;
	/** The line is drawn just above this lane. */
	beforeLaneId: string;
}

/**
 * Lines of interaction / visibility / internal interaction, derived from the visible lane order
 * so a user never has to place them: a line is drawn wherever the blueprint depth steps down.
 * Jumping two levels (frontstage → support) draws both lines above the deeper lane.
 */
export function blueprintLines(lanes: readonly { id: string; type: LaneType; hidden: boolean }[]): BlueprintLine[] {
	const out: BlueprintLine[] = [];
	let depth: number | null = null;
	for (const lane of lanes) {
		if (lane.hidden) continue;
		const d = LANE_DEPTH[lane.type];
		if (d === undefined) continue;
		if (depth !== null && d > depth) {
			for (let k = depth; k < d; k++) out.push({ kind: BLUEPRINT_LINES[k], beforeLaneId: lane.id });
		}
		depth = depth === null ? d : Math.max(depth, d);
	}
	return out;
}
