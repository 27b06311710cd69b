import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { CustomChannelSchema, type CustomChannel } from './channels';
import {
	channelFormProblems,
	channelUsage,
	editCustomChannel,
	hasProblems,
	isValidMoveTarget,
	newCustomChannel,
	replaceChannelPreference
} from './channel-edits';

const ch = (id: string, name: string, labels?: CustomChannel['labels'], order = 0) =>
	v.parse(CustomChannelSchema, {
		id,
		workspaceId: 'ws',
		createdAt: 1,
		updatedAt: 1,
		name,
		group: 'offline',
		order,
		labels
	}) as CustomChannel;
const kiosk = ch('c1', 'Kiosk', { 'zh-CN': '自助点单机' });
const community = ch('c2', '企业微信社群', undefined, 3);

describe('channel form', () => {
	it('needs a name', () => {
		expect(channelFormProblems({ name: '  ', group: 'online', labels: {} }, [])).toEqual({ name: 'required' });
	});
	it('refuses a name or label another channel answers to, built-in or custom, ignoring case and spaces', () => {
		expect(channelFormProblems({ name: ' kiosk ', group: 'online', labels: {} }, [kiosk]).name).toBe('duplicate');
		expect(channelFormProblems({ name: 'phone  HOTLINE', group: 'online', labels: {} }, []).name).toBe('duplicate');
		expect(channelFormProblems({ name: 'Tablet', group: 'online', labels: { 'zh-CN': '自助点单机', en: '门店' } }, [kiosk])).toEqual({
			zh: 'duplicate',
			en: 'duplicate'
		});
	});
	it('lets a channel keep its own name when edited', () => {
		const p = channelFormProblems({ name: 'Kiosk', group: 'offline', labels: { 'zh-CN': '自助点单机' } }, [kiosk, community], 'c1');
		expect(hasProblems(p)).toBe(false);
	});
});

describe('channel records', () => {
	it('a new channel comes after the others, with trimmed labels and no empty ones', () => {
		const c = newCustomChannel(
			'ws',
			{ name: ' Tablet ', group: 'online', labels: { en: ' Tablet menu ', 'zh-CN': ' ' } },
			[kiosk, community],
			{
				now: 5,
				newId: () => 'n1'
			}
		);
		expect(c).toMatchObject({ id: 'n1', workspaceId: 'ws', name: 'Tablet', order: 4, labels: { en: 'Tablet menu' }, createdAt: 5 });
		expect(v.safeParse(CustomChannelSchema, c).success).toBe(true);
	});
	it('an edit keeps id, order and unknown fields, and changes name, type and labels', () => {
		const old = { ...kiosk, extra: 'kept' } as CustomChannel;
		const e = editCustomChannel(old, { name: 'Self-order kiosk', group: 'online', labels: { en: 'Kiosk', 'zh-CN': '点单屏' } }, { now: 9 });
		expect(e).toMatchObject({ id: 'c1', order: 0, extra: 'kept', name: 'Self-order kiosk', group: 'online', updatedAt: 9 });
		expect(e.labels).toEqual({ en: 'Kiosk', 'zh-CN': '点单屏' });
	});
});

describe('moving a channel’s users', () => {
	it('counts touchpoints and personas per channel', () => {
		const u = channelUsage(
			[{ channelId: 'c1' }, { channelId: 'c1' }, { channelId: 'store' }],
			[{ behaviour: { channelPreferences: ['c1', 'c1', 'app'] } }]
		);
		expect(u.get('c1')).toEqual({ touchpoints: 2, personas: 1 });
		expect(u.get('app')).toEqual({ touchpoints: 0, personas: 1 });
		expect(u.get('c2')).toBeUndefined();
	});
	it('moves only to a channel that exists and is not the one deleted', () => {
		expect(isValidMoveTarget('c1', 'phoneHotline', [kiosk])).toBe(true);
		expect(isValidMoveTarget('c1', 'c2', [kiosk, community])).toBe(true);
		expect(isValidMoveTarget('c1', 'c1', [kiosk])).toBe(false);
		expect(isValidMoveTarget('c1', 'gone', [kiosk])).toBe(false);
		expect(isValidMoveTarget('c1', '', [kiosk])).toBe(false);
	});
	it('replaces a preference once, or drops it', () => {
		expect(replaceChannelPreference(['app', 'c1', 'store'], 'c1', 'store')).toEqual(['app', 'store']);
		expect(replaceChannelPreference(['c1', 'app'], 'c1', 'phoneHotline')).toEqual(['phoneHotline', 'app']);
		expect(replaceChannelPreference(['c1', 'app'], 'c1', null)).toEqual(['app']);
		expect(replaceChannelPreference(['app'], 'c1', null)).toEqual(['app']);
	});
});
