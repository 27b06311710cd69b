// Custom channel edits: the add/edit form's rules, new and renamed records, usage counts, and moving users of a channel elsewhere.
import { newId } from '../record';
import { BUILT_IN_CHANNELS, BUILT_IN_CHANNEL_IDS, type ChannelGroup, type CustomChannel } from './channels';

/** What the add/edit channel form holds. Labels are optional; `name` stands in for a missing one. */
export interface ChannelFields {
	name: string;
	group: ChannelGroup;
	labels: { en?: string; 'zh-CN'?: string };
}

export type ChannelFormProblems = { name?: 'required' | 'duplicate'; en?: 'duplicate'; zh?: 'duplicate' };

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** Every name a channel answers to (id, name, labels), normalised. */
function namesOf(c: CustomChannel): string[] {
	return [c.name, c.labels?.en ?? '', c.labels?.['zh-CN'] ?? ''].map(norm).filter(Boolean);
}

const BUILT_IN_NAMES = new Set(
	BUILT_IN_CHANNELS.flatMap((c) => [c.id, ...(typeof c.label === 'string' ? [c.label] : [c.label.en, c.label['zh-CN']])]).map(norm)
);

/**
 * Problems with the form, per field: a name is required, and no name or label may be one another channel
 * (built-in or custom, other than `selfId`) already answers to — the register and the CSV import tell channels apart by them.
 */
export function channelFormProblems(f: ChannelFields, custom: readonly CustomChannel[], selfId?: string): ChannelFormProblems {
	const taken = new Set(BUILT_IN_NAMES);
	for (const c of custom) if (c.id !== selfId) for (const n of namesOf(c)) taken.add(n);
	const out: ChannelFormProblems = {};
	const name = norm(f.name);
	if (!name) out.name = 'required';
	else if (taken.has(name)) out.name = 'duplicate';
	if (f.labels.en && taken.has(norm(f.labels.en))) out.en = 'duplicate';
	if (f.labels['zh-CN'] && taken.has(norm(f.labels['zh-CN']))) out.zh = 'duplicate';
	return out;
}

export const hasProblems = (p: ChannelFormProblems): boolean => Object.keys(p).length > 0;

function cleanLabels(labels: ChannelFields['labels']): ChannelFields['labels'] {
	const out: ChannelFields['labels'] = {};
	if (labels.en?.trim()) out.en = labels.en.trim();
	if (labels['zh-CN']?.trim()) out['zh-CN'] = labels['zh-CN'].trim();
	return out;
}

export type ChannelContext = { now?: number; newId?: () => string };

/** A new custom channel placed after the workspace's others. */
export function newCustomChannel(
	workspaceId: string,
	f: ChannelFields,
	custom: readonly CustomChannel[],
	ctx: ChannelContext = {}
): CustomChannel {
	const now = ctx.now ?? Date.now();
	return {
		id: (ctx.newId ?? newId)(),
		workspaceId,
		createdAt: now,
		updatedAt: now,
		version: 1,
		name: f.name.trim(),
		group: f.group,
		order: custom.reduce((m, c) => Math.max(m, c.order + 1), 0),
		labels: cleanLabels(f.labels)
	};
}

/** The channel with new name, type and labels; id, order and anything else it holds are kept. */
export function editCustomChannel(c: CustomChannel, f: ChannelFields, ctx: ChannelContext = {}): CustomChannel {
	return { ...c, name: f.name.trim(), group: f.group, labels: cleanLabels(f.labels), updatedAt: ctx.now ?? Date.now() };
}

export const isBuiltInChannel = (id: string): boolean => (BUILT_IN_CHANNEL_IDS as readonly string[]).includes(id);

/** Where the users of `fromId` may go: a built-in channel or another custom channel that exists. */
export function isValidMoveTarget(fromId: string, toId: string, custom: readonly CustomChannel[]): boolean {
	if (!toId || toId === fromId) return false;
	return isBuiltInChannel(toId) || custom.some((c) => c.id === toId);
}

/** How many touchpoints sit on each channel, and how many personas prefer it. */
export function channelUsage(
	touchpoints: readonly { channelId: string }[],
	personas: readonly { behaviour: { channelPreferences: readonly string[] } }[] = []
): Map<string, { touchpoints: number; personas: number }> {
	const out = new Map<string, { touchpoints: number; personas: number }>();
	const get = (id: string) =>
		out.get(id) ?? (out.set(id, { touchpoints: 0, personas: 0 }).get(id) as { touchpoints: number; personas: number });
	for (const tp of touchpoints) get(tp.channelId).touchpoints++;
	for (const p of personas) for (const id of new Set(p.behaviour.channelPreferences)) get(id).personas++;
	return out;
}

/** A persona's channel preferences once `fromId` is gone: replaced by `toId` where given (once), else dropped. */
export function replaceChannelPreference(prefs: readonly string[], fromId: string, toId: string | null): string[] {
	if (!prefs.includes(fromId)) return [...prefs];
	const out: string[] = [];
	for (const p of prefs) {
		const next = p === fromId ? toId : p;
		if (next && !out.includes(next)) out.push(next);
	}
	return out;
}
