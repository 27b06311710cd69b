import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { channelLabel, channelList, CustomChannelSchema, matchChannel, type CustomChannel } from './channels';

const kiosk = v.parse(CustomChannelSchema, {
	id: 'c1',
	workspaceId: 'ws',
	createdAt: 1,
	updatedAt: 1,
	name: 'Kiosk',
	group: 'offline',
	labels: { 'zh-CN': '自助点单机' }
}) as CustomChannel;
const plain = v.parse(CustomChannelSchema, {
	id: 'c2',
	workspaceId: 'ws',
	createdAt: 1,
	updatedAt: 1,
	name: '企业微信社群',
	group: 'online'
}) as CustomChannel;

describe('custom channels', () => {
	it('use their label per language, falling back to the name', () => {
		expect(channelLabel('c1', 'zh-CN', [kiosk])).toBe('自助点单机');
		expect(channelLabel('c1', 'en', [kiosk])).toBe('Kiosk');
		expect(channelLabel('c2', 'en', [plain])).toBe('企业微信社群');
	});
	it('are found from either label or the name in imported cells', () => {
		expect(matchChannel('自助点单机', [kiosk])?.id).toBe('c1');
		expect(matchChannel('kiosk', [kiosk])?.id).toBe('c1');
		expect(matchChannel('企业微信社群', [plain])?.id).toBe('c2');
	});
	it('sit in their group after the built-in channels', () => {
		const list = channelList([kiosk, plain]);
		expect(list.findIndex((c) => c.id === 'c2')).toBeLessThan(list.findIndex((c) => c.id === 'store'));
		expect(list.at(-1)!.id).toBe('c1');
	});
	it('older records without labels still validate', () => {
		expect(v.safeParse(CustomChannelSchema, { ...plain, labels: undefined }).success).toBe(true);
	});
});
