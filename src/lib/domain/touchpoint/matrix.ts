// Channel × stage coverage matrix, stage info taken from journey maps, and where a touchpoint is used on maps.
import type { Locale } from '../record';
import type { JourneyState } from '../journey/state';
import { channelList, stageKey, STANDARD_STAGES, type ChannelInfo, type CustomChannel } from './channels';
import type { Touchpoint } from './touchpoint.schema';

export interface StageInfo {
	key: string;
	label: string;
	/** A journey has customer-action cards in this stage, so a channel with nothing here is a gap. */
	hasCustomerActions: boolean;
}

/** Stage columns from one or more maps: stages with the same name (or standard key) merge. */
export function stageInfoFromJourneys(journeys: readonly JourneyState[]): StageInfo[] {
	const out = new Map<string, StageInfo>();
	for (const s of journeys) {
		const actionLanes = new Set(s.journey.lanes.filter((l) => l.type === 'actions').map((l) => l.id));
		for (const st of s.journey.stages) {
			const steps = new Set(st.steps.map((x) => x.id));
			const has = s.cards.some((c) => actionLanes.has(c.laneId) && steps.has(c.stepId) && c.text.trim() !== '');
			const key = stageKey(st.name);
			const prev = out.get(key);
			out.set(key, { key, label: prev?.label ?? st.name, hasCustomerActions: (prev?.hasCustomerActions ?? false) || has });
		}
	}
	return [...out.values()];
}

/** Before / During / After as stage columns when no map is given. */
export function standardStageInfo(locale: Locale): StageInfo[] {
	return STANDARD_STAGES.map((s) => ({ key: s.key, label: s.label[locale], hasCustomerActions: false }));
}

export interface MatrixCell {
	channelId: string;
	stageKey: string;
	touchpointIds: string[];
	count: number;
	lackingOwner: number;
	lackingStandard: number;
	lackingCheck: number;
	/** Empty, on a stage with customer actions, in a channel the register uses. */
	flagged: boolean;
}

export interface ChannelStageMatrix {
	channels: ChannelInfo[];
	stages: StageInfo[];
	/** cells[channel][stage] */
	cells: MatrixCell[][];
	/** Stages with customer actions but no touchpoint in any channel. */
	uncoveredStages: string[];
	/** Touchpoints whose stage matches no column (still listed, so nothing silently disappears). */
	unplaced: string[];
	max: number;
}

export interface MatrixOptions {
	custom?: readonly CustomChannel[];
	/** 'used' (default): only channels with touchpoints; 'all': every channel in the taxonomy. */
	rows?: 'used' | 'all';
}

export function channelStageMatrix(
	touchpoints: readonly Touchpoint[],
	stages: readonly StageInfo[],
	opts: MatrixOptions = {}
): ChannelStageMatrix {
	const all = channelList(opts.custom ?? []);
	const known = new Set(all.map((c) => c.id));
	// Touchpoints on channels no longer in the taxonomy still get a row, labelled by id.
	const orphans: ChannelInfo[] = [...new Set(touchpoints.map((t) => t.channelId).filter((id) => !known.has(id)))].map((id) => ({
		id,
		group: 'offline',
		label: id,
		builtIn: false,
		aliases: []
	}));
	const used = new Set(touchpoints.map((t) => t.channelId));
	const channels = [...all, ...orphans].filter((c) => (opts.rows ?? 'used') === 'all' || used.has(c.id));
	const col = new Map(stages.map((s, i) => [s.key, i]));
	const row = new Map(channels.map((c, i) => [c.id, i]));
	const cells: MatrixCell[][] = channels.map((c) =>
		stages.map((s) => ({
			channelId: c.id,
			stageKey: s.key,
			touchpointIds: [],
			count: 0,
			lackingOwner: 0,
			lackingStandard: 0,
			lackingCheck: 0,
			flagged: false
		}))
	);
	const unplaced: string[] = [];
	for (const tp of touchpoints) {
		const keys = [...new Set(tp.stages.map(stageKey))].filter((k) => col.has(k));
		if (keys.length === 0) unplaced.push(tp.id);
		for (const k of keys) {
			const cell = cells[row.get(tp.channelId)!][col.get(k)!];
			cell.touchpointIds.push(tp.id);
			cell.count++;
			if (!tp.owner.trim()) cell.lackingOwner++;
			if (tp.standards.length === 0) cell.lackingStandard++;
			if (tp.standards.length === 0 || tp.standards.some((s) => !s.check)) cell.lackingCheck++;
		}
	}
	for (const r of cells)
		for (const c of r) c.flagged = c.count === 0 && stages[col.get(c.stageKey)!].hasCustomerActions && used.has(c.channelId);
	const uncoveredStages = stages.filter((s, i) => s.hasCustomerActions && cells.every((r) => r[i].count === 0)).map((s) => s.key);
	const max = Math.max(0, ...cells.flat().map((c) => c.count));
	return { channels, stages: [...stages], cells, uncoveredStages, unplaced, max };
}

export interface TouchpointUse {
	journeyId: string;
	journeyTitle: string;
	stageId: string;
	stageName: string;
	stepId: string;
	stepName: string;
	cardId: string;
}

/** Which maps and stages link to a touchpoint (via touchpoint-lane cards). */
export function touchpointUsage(journeys: readonly JourneyState[], touchpointId: string): TouchpointUse[] {
	const out: TouchpointUse[] = [];
	for (const s of journeys)
		for (const st of s.journey.stages)
			for (const x of st.steps)
				for (const c of s.cards)
					if (c.stepId === x.id && c.touchpointId === touchpointId)
						out.push({
							journeyId: s.journey.id,
							journeyTitle: s.journey.title,
							stageId: st.id,
							stageName: st.name,
							stepId: x.id,
							stepName: x.name,
							cardId: c.id
						});
	return out;
}
