// Sample touchpoint register for "Harbour Tea House / 港湾茶舍": online and offline channels, standard processes, standards with green/amber/red measurements.
import type { Bilingual, Locale } from '../record';
import type { AreaSample } from './areas';
import type { CustomChannel } from '../touchpoint/channels';
import type { Dimension, Frequency, CheckMethod, Operator, ProcessStep, Standard, Touchpoint, Unit } from '../touchpoint/touchpoint.schema';

/** Stable ids so other samples (journey maps) can link to these touchpoints. */
export const SAMPLE_TOUCHPOINT_IDS = {
	hotline: 'sample-tp-hotline',
	miniProgram: 'sample-tp-mini-program',
	counter: 'sample-tp-counter',
	chat: 'sample-tp-chat',
	delivery: 'sample-tp-delivery',
	xiaohongshu: 'sample-tp-xiaohongshu',
	email: 'sample-tp-email',
	kiosk: 'sample-tp-kiosk',
	reviews: 'sample-tp-reviews',
	prep: 'sample-tp-prep',
	tasting: 'sample-tp-tasting'
} as const;
export const SAMPLE_KIOSK_CHANNEL_ID = 'sample-ch-kiosk';

type B = Bilingual;
const b = (en: string, zh: string): B => ({ en, 'zh-CN': zh });

interface StdSpec {
	dim: Dimension;
	metric: B;
	text: B;
	target: [Operator, number, Unit] | ['range', number, number, Unit] | null;
	check: [CheckMethod, Frequency] | null;
	/** Values from oldest to newest, measured every `every` days up to `ago` days before today. */
	values: number[];
	every?: number;
	ago?: number;
}
interface TpSpec {
	key: keyof typeof SAMPLE_TOUCHPOINT_IDS;
	name: B;
	channelId: string;
	stages: string[];
	owner: B | null;
	side?: 'frontstage' | 'backstage';
	process?: [B, B, number | null, Unit?][];
	standards?: StdSpec[];
	notes?: B;
}

const SERVICE = b('Service centre', '客服中心');
const STORES = b('Store managers', '各门店店长');
const MARKETING = b('Marketing', '市场部');
const DIGITAL = b('Digital team', '数字化小组');

const SPECS: TpSpec[] = [
	{
		key: 'hotline',
		name: b('400 hotline', '400 客服热线'),
		channelId: 'phoneHotline',
		stages: ['during', 'after'],
		owner: SERVICE,
		process: [
			[b('Agent', '客服专员'), b('Answer and greet with the brand and own name', '接听并报品牌与工号问候'), 5, 's'],
			[b('Agent', '客服专员'), b('Note the issue and the order number', '记录问题与订单号'), 2, 'min'],
			[
				b('Agent', '客服专员'),
				b('Solve, or hand over to the store manager with a callback time', '当场解决，或转门店店长并约定回电时间'),
				5,
				'min'
			],
			[b('Agent', '客服专员'), b('Confirm the outcome and send a follow-up SMS', '确认处理结果并发送跟进短信'), 1, 'min']
		],
		standards: [
			{
				dim: 'timeliness',
				metric: b('answer time', '接通时长'),
				text: b('Answer every call within 20 seconds', '所有来电 20 秒内接通'),
				target: ['lte', 20, 's'],
				check: ['callRecordingReview', 'weekly'],
				values: [31, 27, 24, 22],
				every: 7
			},
			{
				dim: 'content',
				metric: b('first-contact resolution', '首次解决率'),
				text: b('At least 80% of issues solved in the first call', '首次来电解决率不低于 80%'),
				target: ['gte', 80, '%'],
				check: ['customerFeedback', 'monthly'],
				values: [74, 77, 83],
				every: 30
			},
			{
				dim: 'attitude',
				metric: b('courtesy score', '礼貌评分'),
				text: b('Courteous, calm and uses the customer’s name', '礼貌、耐心，称呼顾客姓氏'),
				target: ['gte', 4.5, 'score'],
				check: ['mysteryShopping', 'monthly'],
				values: [4.4, 4.6, 4.7],
				every: 30
			}
		]
	},
	{
		key: 'miniProgram',
		name: b('WeChat mini-program ordering', '微信小程序点单'),
		channelId: 'miniProgram',
		stages: ['before', 'during'],
		owner: DIGITAL,
		process: [
			[b('Customer', '顾客'), b('Choose drinks and pick-up store', '选择饮品与取餐门店'), 2, 'min'],
			[b('System', '系统'), b('Send the order to the store printer', '订单推送至门店打印机'), 5, 's'],
			[b('Barista', '茶饮师'), b('Prepare the drink', '制作饮品'), 4, 'min'],
			[b('System', '系统'), b('Notify the customer that the order is ready', '通知顾客取餐'), 5, 's']
		],
		standards: [
			{
				dim: 'timeliness',
				metric: b('order ready time', '出餐时长'),
				text: b('Order ready within 8 minutes of payment', '付款后 8 分钟内出餐'),
				target: ['lte', 8, 'min'],
				check: ['employeeFeedback', 'weekly'],
				values: [8.5, 9.5, 11],
				every: 7
			},
			{
				dim: 'content',
				metric: b('order accuracy', '订单准确率'),
				text: b('At least 98% of orders exactly as ordered', '订单准确率不低于 98%'),
				target: ['gte', 98, '%'],
				check: ['customerFeedback', 'monthly'],
				values: [98.6, 99.1],
				every: 30
			}
		]
	},
	{
		key: 'counter',
		name: b('Store counter', '门店点单柜台'),
		channelId: 'store',
		stages: ['during'],
		owner: STORES,
		process: [
			[b('Cashier', '收银员'), b('Greet the guest within 5 seconds', '顾客进门 5 秒内问候'), 5, 's'],
			[b('Cashier', '收银员'), b('Take the order and suggest the seasonal tea', '点单并推荐当季茶饮'), 1, 'min'],
			[b('Cashier', '收银员'), b('Take payment and hand over the number', '收款并给出取餐号'), 30, 's']
		],
		standards: [
			{
				dim: 'attitude',
				metric: b('greeting time', '问候时长'),
				text: b('Every guest greeted within 5 seconds of entering', '顾客进门 5 秒内问候'),
				target: ['lte', 5, 's'],
				check: ['mysteryShopping', 'monthly'],
				values: [7, 4],
				every: 30
			},
			{
				dim: 'timeliness',
				metric: b('order ready time', '出餐时长'),
				text: b('Drink handed over within 5 minutes of ordering', '点单后 5 分钟内交付饮品'),
				target: ['lte', 5, 'min'],
				check: ['mysteryShopping', 'monthly'],
				values: [5.5, 6.5],
				every: 30
			},
			{
				dim: 'environment',
				metric: b('table clearing time', '清台时长'),
				text: b('Tables cleared within 2 minutes after guests leave', '顾客离座后 2 分钟内清台'),
				target: ['lte', 2, 'min'],
				check: ['employeeFeedback', 'daily'],
				values: [2.5, 2.1],
				every: 1
			}
		]
	},
	{
		key: 'chat',
		name: b('WeChat customer service chat', '微信在线客服'),
		channelId: 'chat',
		stages: ['during', 'after'],
		owner: SERVICE,
		standards: [
			{
				dim: 'timeliness',
				metric: b('answer time', '接通时长'),
				text: b('First reply within 60 seconds', '60 秒内首次回复'),
				target: ['lte', 60, 's'],
				check: ['mysteryShopping', 'monthly'],
				values: [75, 45],
				every: 30
			},
			{
				dim: 'content',
				metric: b('first-contact resolution', '首次解决率'),
				text: b('At least 70% of chats solved without a hand-over', '不转接即解决的会话不低于 70%'),
				target: ['gte', 70, '%'],
				check: ['customerFeedback', 'monthly'],
				values: [72],
				every: 30
			}
		]
	},
	{
		key: 'delivery',
		name: b('Delivery (Meituan / Ele.me)', '外卖配送（美团 / 饿了么）'),
		channelId: 'delivery',
		stages: ['during'],
		owner: b('Delivery operations', '外卖运营'),
		process: [
			[b('Store', '门店'), b('Accept the order in the platform app', '在平台接单'), 1, 'min'],
			[b('Barista', '茶饮师'), b('Prepare and seal the drinks with the spill-proof lid', '制作并加防洒封口'), 6, 'min'],
			[b('Rider', '骑手'), b('Deliver to the door', '送达顾客'), 25, 'min']
		],
		standards: [
			{
				dim: 'timeliness',
				metric: b('delivery time', '送达时长'),
				text: b('Delivered within 30 minutes of ordering', '下单后 30 分钟内送达'),
				target: ['lte', 30, 'min'],
				check: ['customerFeedback', 'weekly'],
				values: [36, 34, 32],
				every: 7
			},
			{
				dim: 'content',
				metric: b('intact delivery rate', '完好送达率'),
				text: b('At least 97% of orders arrive without spills', '无洒漏送达率不低于 97%'),
				target: ['gte', 97, '%'],
				check: ['customerFeedback', 'monthly'],
				values: [88, 84],
				every: 30
			}
		]
	},
	{
		key: 'xiaohongshu',
		name: b('Xiaohongshu notes', '小红书笔记'),
		channelId: 'socialMedia',
		stages: ['before'],
		owner: MARKETING,
		standards: [
			{
				dim: 'timeliness',
				metric: b('reply time', '回复时长'),
				text: b('Reply to questions in comments within 24 hours', '24 小时内回复评论中的提问'),
				target: ['lte', 24, 'h'],
				check: null,
				values: []
			}
		]
	},
	{
		key: 'email',
		name: b('Member newsletter', '会员电子邮件'),
		channelId: 'email',
		stages: ['after'],
		owner: MARKETING,
		standards: [
			{
				dim: 'content',
				metric: b('unsubscribe rate', '退订率'),
				text: b('Fewer than 0.5% unsubscribe per issue', '每期退订率低于 0.5%'),
				target: ['lte', 0.5, '%'],
				check: ['customerFeedback', 'monthly'],
				values: [0.6, 0.4],
				every: 30
			},
			{
				dim: 'timeliness',
				metric: b('reply time', '回复时长'),
				text: b('Answer replies to the newsletter within 48 hours', '48 小时内回复会员来信'),
				target: ['lte', 48, 'h'],
				check: ['employeeFeedback', 'quarterly'],
				values: [30],
				every: 30
			}
		]
	},
	{
		key: 'kiosk',
		name: b('Self-order kiosk (pilot)', '自助点单机（试点）'),
		channelId: SAMPLE_KIOSK_CHANNEL_ID,
		stages: ['during'],
		owner: null,
		notes: b('Pilot in the Harbour Road store since spring; no owner assigned yet.', '春季起在港湾路店试点，尚未指定负责人。')
	},
	{
		key: 'reviews',
		name: b('Dianping review replies', '大众点评评价回复'),
		channelId: 'socialMedia',
		stages: ['after'],
		owner: STORES,
		standards: [
			{
				dim: 'attitude',
				metric: b('reply time', '回复时长'),
				text: b('Reply to every review below 4 stars within 24 hours, with a concrete fix', '4 星以下评价 24 小时内回复并给出具体改进'),
				target: ['lte', 24, 'h'],
				check: ['customerFeedback', 'weekly'],
				values: [40, 30],
				every: 7
			}
		]
	},
	{
		key: 'prep',
		name: b('Tea preparation (back counter)', '后场制茶'),
		channelId: 'store',
		stages: ['during'],
		owner: STORES,
		side: 'backstage',
		process: [
			[b('Barista', '茶饮师'), b('Read the ticket and check the tea batch time', '读单并核对茶汤批次时间'), 15, 's'],
			[b('Barista', '茶饮师'), b('Brew, shake and seal', '冲泡、摇制、封口'), 3, 'min'],
			[b('Barista', '茶饮师'), b('Call the number at the pick-up shelf', '在取餐台叫号'), 10, 's']
		],
		standards: [
			{
				dim: 'environment',
				metric: b('hygiene checklist', '卫生检查表'),
				text: b('Daily hygiene checklist scores at least 95', '每日卫生检查得分不低于 95'),
				target: ['gte', 95, 'score'],
				check: ['employeeFeedback', 'daily'],
				values: [93, 96, 97],
				every: 1
			},
			{
				dim: 'content',
				metric: b('preparation time', '制作时长'),
				text: b('Each drink takes 2–4 minutes: not rushed, not waiting', '每杯 2–4 分钟：不赶工也不积压'),
				target: ['range', 2, 4, 'min'],
				check: ['mysteryShopping', 'monthly'],
				values: [4.6, 3.5],
				every: 30
			}
		]
	},
	{
		key: 'tasting',
		name: b('Weekend tea tasting', '周末品茶会'),
		channelId: 'events',
		stages: ['after'],
		owner: MARKETING
	}
];

const pad = (n: number) => String(n).padStart(2, '0');
function isoDay(ms: number): string {
	const d = new Date(ms);
	return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function build(spec: TpSpec, locale: Locale, workspaceId: string, now: number, i: number): Touchpoint {
	const id = SAMPLE_TOUCHPOINT_IDS[spec.key];
	const day = 86_400_000;
	const process: ProcessStep[] = (spec.process ?? []).map(([who, what, value, unit], k) => ({
		id: `${id}-step-${k + 1}`,
		who: who[locale],
		what: what[locale],
		expectedTime: value === null ? null : { value, unit: unit ?? 'min' }
	}));
	const standards: Standard[] = (spec.standards ?? []).map((s, k) => {
		const every = s.every ?? 7;
		const ago = s.ago ?? 1 + ((i * 3 + k) % 9);
		const target =
			s.target === null
				? null
				: s.target[0] === 'range'
					? { op: 'range' as const, value: s.target[1], max: s.target[2] as number, unit: s.target[3] as Unit }
					: { op: s.target[0], value: s.target[1], max: null, unit: s.target[2] as Unit };
		return {
			id: `${id}-std-${k + 1}`,
			dimension: s.dim,
			metric: s.metric[locale],
			text: s.text[locale],
			target,
			check: s.check ? { method: s.check[0], frequency: s.check[1] } : null,
			measurements: s.values.map((value, j) => ({
				date: isoDay(now - (ago + (s.values.length - 1 - j) * every) * day),
				value,
				unit: null
			}))
		};
	});
	return {
		id,
		workspaceId,
		createdAt: now - (SPECS.length - i) * 60_000,
		updatedAt: now,
		version: 1,
		name: spec.name[locale],
		channelId: spec.channelId,
		stages: spec.stages,
		owner: spec.owner ? spec.owner[locale] : '',
		side: spec.side ?? 'frontstage',
		process,
		standards,
		notes: spec.notes ? spec.notes[locale] : ''
	};
}

export const touchpointSample: AreaSample = (locale, workspaceId, now) => {
	const kiosk: CustomChannel = {
		id: SAMPLE_KIOSK_CHANNEL_ID,
		workspaceId,
		createdAt: now,
		updatedAt: now,
		version: 1,
		name: locale === 'zh-CN' ? '自助点单机' : 'Self-order kiosk',
		group: 'offline',
		order: 0,
		labels: { en: 'Self-order kiosk', 'zh-CN': '自助点单机' }
	};
	return {
		touchpoints: SPECS.map((s, i) => build(s, locale, workspaceId, now, i)),
		channels: [kiosk]
	};
};
