// Lane hues, card colours and need-type colours of the editor: mid-tone hues mixed into the theme's surface, so light and dark both stay calm.
import type { LaneType, NeedType } from '$lib/domain/journey';

export const LANE_HUE: Record<LaneType, string> = {
	actions: '#3b6fb6',
	touchpoints: '#2f8f8a',
	thoughts: '#8a6bbf',
	emotion: '#c0622e',
	needs: '#3d8b4f',
	painPoints: '#c2413b',
	opportunities: '#c98a12',
	owner: '#5f6c7b',
	kpis: '#4d6fa8',
	evidence: '#8c7355',
	frontstage: '#2d6aa3',
	backstage: '#55708f',
	support: '#6b7a8f',
	custom: '#7a6f9b'
};

/** Card colours a user can pick; null = the lane's hue. Stored as these names. */
export const CARD_COLOURS = ['yellow', 'orange', 'green', 'blue', 'purple', 'pink', 'grey'] as const;
export type CardColour = (typeof CARD_COLOURS)[number];
export const CARD_HUE: Record<CardColour, string> = {
	yellow: '#d9a400',
	orange: '#e07b2e',
	green: '#3d9b5a',
	blue: '#3b7dd8',
	purple: '#8b62c7',
	pink: '#d0578f',
	grey: '#7b8794'
};

export const NEED_HUE: Record<NeedType, string> = {
	explicit: '#2d6aa3',
	expected: '#8a5c00',
	implicit: '#7d4fb8'
};

/** Curve colours for several personas on one map. */
export const CURVE_HUES = ['#c0622e', '#2d6aa3', '#3d8b4f', '#8a6bbf', '#c2413b'];

export function cardHue(colour: string | null, lane: LaneType): string {
	return colour && colour in CARD_HUE ? CARD_HUE[colour as CardColour] : LANE_HUE[lane];
}
