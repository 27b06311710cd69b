// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { teaHouseRegister } from '../../../../tests/fixtures/touchpoint/tea-house';
import { instantiateTemplate, BEFORE_DURING_AFTER } from '../journey/templates';
import { updateCards } from '../journey/edits';
import { channelStageMatrix, stageInfoFromJourneys, standardStageInfo, touchpointUsage } from './matrix';
import { consistencyByDimension } from './consistency';
import { channelLabel, channelList, matchChannel } from './channels';

describe('channel taxonomy', () => {
	it('lists online then offline, with custom channels, and matches free text in either language', () => {
		const custom = [
			{ id: 'c1', workspaceId: 'ws', createdAt: 0, updatedAt: 0, version: 1, name: 'Kiosk', group: 'offline' as const, order: 0 }
		];
		const list = channelList(custom);
		expect(list.slice(0, 6).every((c) => c.group === 'online')).toBe(true);
		expect(list.at(-1)!.id).toBe('c1');
		expect(channelLabel('miniProgram', 'zh-CN')).toBe('小程序');
		expect(channelLabel('c1', 'zh-CN', custom)).toBe('Kiosk');
		expect(matchChannel('  热线 ')!.id).toBe('phoneHotline');
		expect(matchChannel('kiosk', custom)!.id).toBe('c1');
		expect(matchChannel('fax')).toBeNull();
	});
});

describe('channel × stage matrix', () => {
	it('counts touchpoints per cell with what they lack, matching stage keys and labels', () => {
		const m = channelStageMatrix(teaHouseRegister(), standardStageInfo('en'));
		expect(m.channels.map((c) => c.id)).toEqual(['socialMedia', 'chat', 'store', 'phoneHotline', 'events']);
		const cell = (ch: string, st: string) => m.cells[m.channels.findIndex((c) => c.id === ch)][m.stages.findIndex((s) => s.key === st)];
		expect(cell('phoneHotline', 'during')).toMatchObject({ count: 1, lackingOwner: 0, lackingStandard: 0, lackingCheck: 1 });
		expect(cell('store', 'during')).toMatchObject({ count: 1, lackingOwner: 1, lackingCheck: 1 });
		expect(cell('socialMedia', 'before')).toMatchObject({ count: 1, lackingStandard: 1, lackingCheck: 1 });
		expect(m.unplaced).toHaveLength(1); // the "Festival" stage is not a column
		expect(m.max).toBe(1);
		expect(m.cells.flat().some((c) => c.flagged)).toBe(false);
	});

	it('flags empty cells on stages where a journey has customer actions', () => {
		const map = instantiateTemplate(BEFORE_DURING_AFTER, 'zh-CN', 'ws');
		const stages = stageInfoFromJourneys([map]);
		expect(stages.map((s) => s.key)).toEqual(['before', 'during', 'after']);
		expect(stages.every((s) => s.hasCustomerActions)).toBe(true);
		const m = channelStageMatrix(teaHouseRegister(), stages);
		const flagged = m.cells
			.flat()
			.filter((c) => c.flagged)
			.map((c) => `${c.channelId}/${c.stageKey}`);
		expect(flagged).toContain('chat/before');
		expect(flagged).not.toContain('chat/during');
		expect(m.uncoveredStages).toEqual([]);
	});

	it('finds which maps and stages use a touchpoint', () => {
		let map = instantiateTemplate(BEFORE_DURING_AFTER, 'en', 'ws');
		const tpCard = map.cards.find((c) => c.text === 'Order-ready SMS')!;
		map = updateCards(map, [tpCard.id], { touchpointId: 'tp-sms' }).state;
		expect(touchpointUsage([map], 'tp-sms')).toMatchObject([{ stageName: 'During contact', stepName: 'Wait', cardId: tpCard.id }]);
	});
});

describe('consistency across channels', () => {
	it('lines up the same metric across channels and flags a wide spread', () => {
		const groups = consistencyByDimension(teaHouseRegister());
		const answer = groups[0];
		expect(answer).toMatchObject({ dimension: 'timeliness', metric: 'answer time', channels: ['phoneHotline', 'chat', 'store'] });
		expect(answer.entries.map((e) => e.base!.value)).toEqual([20, 120, 5]);
		expect(answer.spreadRatio).toBe(24);
		expect(answer.issues).toEqual(['spread']);
		expect(groups.find((g) => g.metric === 'fcr')!.issues).toEqual([]);
	});
});
