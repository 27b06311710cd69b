// Channel taxonomy: built-in bilingual online/offline channels plus workspace custom channels (record type, schema, versions).
import * as v from 'valibot';
import { BaseRecordSchema, type Bilingual, type Locale } from '../record';

export const CHANNEL_GROUPS = ['online', 'offline'] as const;
export type ChannelGroup = (typeof CHANNEL_GROUPS)[number];

export const BUILT_IN_CHANNEL_IDS = [
	'website',
	'app',
	'miniProgram',
	'socialMedia',
	'email',
	'chat',
	'store',
	'phoneHotline',
	'fieldService',
	'delivery',
	'events'
] as const;
export type BuiltInChannelId = (typeof BUILT_IN_CHANNEL_IDS)[number];

export interface ChannelInfo {
	id: string;
	group: ChannelGroup;
	label: Bilingual | string;
	builtIn: boolean;
	/** Lower-case words that identify the channel in imported spreadsheets. */
	aliases: string[];
}

const c = (id: BuiltInChannelId, group: ChannelGroup, en: string, zh: string, aliases: string[]): ChannelInfo => ({
	id,
	group,
	label: { en, 'zh-CN': zh },
	builtIn: true,
	aliases
});

/** i18n keys `touchpoint.channel.<id>` hold the same labels for the UI. */
export const BUILT_IN_CHANNELS: readonly ChannelInfo[] = [
	c('website', 'online', 'Website', '官网', ['web', 'site', '网站', 'pc']),
	c('app', 'online', 'App', 'App', ['mobile app', '应用', '手机app']),
	c('miniProgram', 'online', 'Mini-program', '小程序', ['mini program', 'miniprogram', 'wechat mini program', '微信小程序']),
	c('socialMedia', 'online', 'Social media', '社交媒体', ['social', 'weibo', 'xiaohongshu', '小红书', '微博', '抖音', 'douyin', '公众号']),
	c('email', 'online', 'E-mail', '电子邮件', ['e-mail', 'mail', '邮件', '邮箱']),
	c('chat', 'online', 'Chat / IM', '在线客服 / 即时通讯', ['chat/im', 'im', 'live chat', 'wechat', '微信', '在线客服', '即时通讯']),
	c('store', 'offline', 'Store', '门店', ['shop', 'branch', '店铺', '实体店', '柜台']),
	c('phoneHotline', 'offline', 'Phone hotline', '客服热线', ['phone', 'hotline', 'call centre', 'call center', '电话', '热线', '400']),
	c('fieldService', 'offline', 'Field service', '上门服务', ['field', 'on-site', 'onsite', '上门']),
	c('delivery', 'offline', 'Delivery / installation', '配送 / 安装', [
		'delivery/installation',
		'installation',
		'logistics',
		'配送',
		'安装',
		'物流',
		'外卖'
	]),
	c('events', 'offline', 'Events', '活动', ['event', 'exhibition', '展会', '线下活动'])
];

export const ChannelVersions = { Initial: 1 } as const;

/** A workspace's own channel, e.g. "Kiosk" or "企业微信社群". */
export const CustomChannelSchema = v.looseObject({
	...BaseRecordSchema.entries,
	version: v.optional(v.number(), ChannelVersions.Initial),
	name: v.pipe(v.string(), v.minLength(1)),
	group: v.picklist(CHANNEL_GROUPS),
	order: v.optional(v.number(), 0),
	/** Optional name per language; `name` stands in for a missing one. */
	labels: v.optional(v.looseObject({ en: v.optional(v.string()), 'zh-CN': v.optional(v.string()) }))
});
export type CustomChannel = v.InferOutput<typeof CustomChannelSchema>;

/** Built-in channels then the workspace's custom ones, online before offline. */
export function channelList(custom: readonly CustomChannel[] = []): ChannelInfo[] {
	const own: ChannelInfo[] = [...custom]
		.sort((a, b) => a.order - b.order)
		.map((x) => ({
			id: x.id,
			group: x.group,
			label: x.labels ? { en: x.labels.en?.trim() || x.name, 'zh-CN': x.labels['zh-CN']?.trim() || x.name } : x.name,
			builtIn: false,
			aliases: x.labels ? [x.name] : []
		}));
	return CHANNEL_GROUPS.flatMap((g) => [...BUILT_IN_CHANNELS, ...own].filter((x) => x.group === g));
}

export function channelLabel(id: string, locale: Locale, custom: readonly CustomChannel[] = []): string {
	const ch = channelList(custom).find((x) => x.id === id);
	if (!ch) return id;
	return typeof ch.label === 'string' ? ch.label : ch.label[locale];
}

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** Finds a channel from free text (an imported cell): id, either label, or an alias. */
export function matchChannel(text: string, custom: readonly CustomChannel[] = []): ChannelInfo | null {
	const t = norm(text);
	if (!t) return null;
	for (const ch of channelList(custom)) {
		const labels = typeof ch.label === 'string' ? [ch.label] : [ch.label.en, ch.label['zh-CN']];
		if ([ch.id, ...labels, ...ch.aliases].some((x) => norm(x) === t)) return ch;
	}
	return null;
}

/** The journey stage keys every register starts with; touchpoints may also name their own stages. */
export const STANDARD_STAGES: readonly { key: string; label: Bilingual }[] = [
	{ key: 'before', label: { en: 'Before contact', 'zh-CN': '接触前' } },
	{ key: 'during', label: { en: 'During contact', 'zh-CN': '接触中' } },
	{ key: 'after', label: { en: 'After contact', 'zh-CN': '接触后' } }
];

/** Stage matching is by key or by label in either language, ignoring case and spaces. */
export function stageKey(text: string): string {
	const t = norm(text);
	const std = STANDARD_STAGES.find((s) => s.key === t || norm(s.label.en) === t || norm(s.label['zh-CN']) === t);
	return std ? std.key : t;
}
