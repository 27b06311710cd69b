// Register table rows: derived status, stage columns, filters, search and sorting (pure, so it is unit-tested).
import {
	channelList,
	stageInfoFromJourneys,
	stageKey,
	STANDARD_STAGES,
	STATUS_RANK,
	touchpointStatus,
	type CustomChannel,
	type StageInfo,
	type Status,
	type Touchpoint,
	type TouchpointStatus
} from '$lib/domain/touchpoint';
import type { JourneyState } from '$lib/domain/journey';

export interface RegisterRow {
	tp: Touchpoint;
	status: TouchpointStatus;
	channel: string;
	stageKeys: string[];
	stages: string[];
}

export const NO_OWNER = '\u0000none';

export interface RegisterFilter {
	q: string;
	channel: string;
	stage: string;
	owner: string;
	status: Status | '';
}
export const EMPTY_FILTER: RegisterFilter = { q: '', channel: '', stage: '', owner: '', status: '' };

export type SortKey = 'name' | 'channel' | 'stage' | 'owner' | 'side' | 'standards' | 'lastChecked' | 'status';

export function buildRows(
	tps: readonly Touchpoint[],
	channelName: (id: string) => string,
	stageName: (key: string) => string
): RegisterRow[] {
	return tps.map((tp) => {
		const stageKeys = [...new Set(tp.stages.map(stageKey))];
		return { tp, status: touchpointStatus(tp), channel: channelName(tp.channelId), stageKeys, stages: stageKeys.map(stageName) };
	});
}

const fold = (s: string) => s.normalize('NFKC').toLowerCase();

export function filterRows(rows: readonly RegisterRow[], f: RegisterFilter): RegisterRow[] {
	const words = fold(f.q).split(/\s+/).filter(Boolean);
	return rows.filter((r) => {
		if (f.channel && r.tp.channelId !== f.channel) return false;
		if (f.stage && !r.stageKeys.includes(f.stage)) return false;
		if (f.owner === NO_OWNER ? r.tp.owner.trim() !== '' : f.owner && r.tp.owner.trim() !== f.owner) return false;
		if (f.status && r.status.status !== f.status) return false;
		if (words.length) {
			const hay = fold(
				[r.tp.name, r.tp.owner, r.channel, ...r.stages, r.tp.notes, ...r.tp.standards.flatMap((s) => [s.text, s.metric])].join(' ')
			);
			if (!words.every((w) => hay.includes(w))) return false;
		}
		return true;
	});
}

export function sortRows(rows: readonly RegisterRow[], key: SortKey, dir: 1 | -1, collator: Intl.Collator): RegisterRow[] {
	const cmp: Record<SortKey, (a: RegisterRow, b: RegisterRow) => number> = {
		name: (a, b) => collator.compare(a.tp.name, b.tp.name),
		channel: (a, b) => collator.compare(a.channel, b.channel),
		stage: (a, b) => collator.compare(a.stages.join(' '), b.stages.join(' ')),
		owner: (a, b) => collator.compare(a.tp.owner, b.tp.owner),
		side: (a, b) => a.tp.side.localeCompare(b.tp.side),
		standards: (a, b) => a.status.counts.red - b.status.counts.red || a.tp.standards.length - b.tp.standards.length,
		lastChecked: (a, b) => (a.status.lastChecked ?? '').localeCompare(b.status.lastChecked ?? ''),
		status: (a, b) => STATUS_RANK[a.status.status] - STATUS_RANK[b.status.status] || a.status.counts.red - b.status.counts.red
	};
	// Ties fall back to the name so the order is stable and predictable.
	return [...rows].sort((a, b) => dir * cmp[key](a, b) || collator.compare(a.tp.name, b.tp.name));
}

/**
 * Stage columns for the matrix and filters: the standard Before/During/After, then stages from the
 * journey maps (merged by name), then any stage only touchpoints name — so no touchpoint is unplaced.
 */
export function registerStages(tps: readonly Touchpoint[], journeys: readonly JourneyState[]): StageInfo[] {
	const fromMaps = stageInfoFromJourneys(journeys);
	const out: StageInfo[] = STANDARD_STAGES.map((s) => ({ key: s.key, label: s.key, hasCustomerActions: false }));
	for (const s of fromMaps) {
		const i = out.findIndex((o) => o.key === s.key);
		if (i >= 0) out[i] = { ...out[i], hasCustomerActions: out[i].hasCustomerActions || s.hasCustomerActions };
		else out.push(s);
	}
	for (const tp of tps)
		for (const raw of tp.stages) {
			const key = stageKey(raw);
			if (!out.some((o) => o.key === key)) out.push({ key, label: raw.trim(), hasCustomerActions: false });
		}
	return out;
}

export function ownersOf(tps: readonly Touchpoint[], collator: Intl.Collator): string[] {
	return [...new Set(tps.map((t) => t.owner.trim()).filter(Boolean))].sort(collator.compare);
}

/** Channels for pickers: every channel in the taxonomy, grouped online / offline. */
export function channelOptions(custom: readonly CustomChannel[]) {
	return channelList(custom);
}
