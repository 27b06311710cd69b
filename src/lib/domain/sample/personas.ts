// Sample personas of the Harbour Tea House workspace: three bilingual cards (B-tier designer, A-tier retired regular, C-tier student) and two custom fields.
import type { Bilingual, Locale } from '../record';
import type { PersonaFieldDef } from '../persona/field-def.schema';
import { PERSONA_VERSION, type Persona, type PersonaNeed, type Trait } from '../persona/persona.schema';
import type { AreaSample } from './areas';

type B = Bilingual;
const pick = (locale: Locale) => (b: B) => b[locale];
const list = (locale: Locale, xs: B[]) => xs.map((x) => x[locale]);

const FIELD_TEA = 'sample-pf-tea';
const FIELD_SWEET = 'sample-pf-sweet';

function fieldDefs(locale: Locale, workspaceId: string, now: number): PersonaFieldDef[] {
	const L = pick(locale);
	return [
		{
			id: FIELD_TEA,
			workspaceId,
			createdAt: now,
			updatedAt: now,
			version: 1,
			name: L({ en: 'Favourite drink', 'zh-CN': '最爱茶品' }),
			kind: 'text',
			scaleLabels: [],
			options: [],
			unit: '',
			order: 0
		},
		{
			id: FIELD_SWEET,
			workspaceId,
			createdAt: now,
			updatedAt: now,
			version: 1,
			name: L({ en: 'Sweetness', 'zh-CN': '甜度偏好' }),
			kind: 'scale',
			scaleLabels: list(locale, [
				{ en: 'No sugar', 'zh-CN': '无糖' },
				{ en: 'Light', 'zh-CN': '微糖' },
				{ en: 'Half', 'zh-CN': '半糖' },
				{ en: 'Less than full', 'zh-CN': '少糖' },
				{ en: 'Full', 'zh-CN': '全糖' }
			]),
			options: [],
			unit: '',
			order: 1
		}
	];
}

interface Spec {
	id: string;
	seed: string;
	name: B;
	age: [number | null, number | null];
	gender: B;
	occupation: B;
	incomeBand: B;
	education: B;
	cityTier: B;
	location: B;
	familyStatus: B;
	quote: B;
	purchaseBehaviour: B;
	usageHabits: B;
	channels: string[];
	decisionStyle: B;
	frequency: B;
	spend: B;
	motivations: B[];
	values: B;
	lifestyle: B;
	interests: B[];
	priceAttitude: B;
	qualityAttitude: B;
	serviceAttitude: B;
	goals: B[];
	frustrations: B[];
	current: B;
	currentAmount: number;
	potential: B;
	potentialAmount: number;
	ratings: [number, number, number];
	tier: 'A' | 'B' | 'C' | 'D';
	serviceLevel: B;
	needs: [PersonaNeed['type'], B][];
	/** Values for the four default traits, 0 = left … 100 = right. */
	traits: [number, number, number, number];
	tags: B[];
	tea: B;
	sweet: number;
}

const TRAITS: [B, B][] = [
	[
		{ en: 'Price-sensitive', 'zh-CN': '价格敏感' },
		{ en: 'Quality-seeking', 'zh-CN': '品质优先' }
	],
	[
		{ en: 'Habitual', 'zh-CN': '习惯型' },
		{ en: 'Exploring', 'zh-CN': '尝鲜型' }
	],
	[
		{ en: 'Self-service', 'zh-CN': '自助服务' },
		{ en: 'Personal service', 'zh-CN': '人工服务' }
	],
	[
		{ en: 'Online', 'zh-CN': '线上' },
		{ en: 'In store', 'zh-CN': '线下门店' }
	]
];

const SPECS: Spec[] = [
	{
		id: 'sample-persona-lin',
		seed: 'xiaolin-19',
		name: { en: 'Lin', 'zh-CN': '小林' },
		age: [28, 28],
		gender: { en: 'Female', 'zh-CN': '女' },
		occupation: { en: 'UI designer', 'zh-CN': '设计师' },
		incomeBand: { en: '¥15–25k / month', 'zh-CN': '月收入 1.5–2.5 万' },
		education: { en: "Bachelor's degree", 'zh-CN': '本科' },
		cityTier: { en: 'New tier-1', 'zh-CN': '新一线' },
		location: { en: 'Hangzhou, Binjiang', 'zh-CN': '杭州滨江' },
		familyStatus: { en: 'Single, lives with a flatmate', 'zh-CN': '单身，与室友合租' },
		quote: { en: 'After work I just want a tea I don’t have to queue for.', 'zh-CN': '下班后想要一杯不用等的茶。' },
		purchaseBehaviour: { en: 'Orders ahead in the mini-program, picks up on the way home', 'zh-CN': '小程序提前下单，下班路上自取' },
		usageHabits: { en: 'Weekday evenings 18:30–19:30; weekends with friends', 'zh-CN': '工作日 18:30–19:30；周末和朋友一起' },
		channels: ['miniProgram', 'socialMedia', 'store'],
		decisionStyle: { en: 'Follows friends’ posts on Xiaohongshu, then sticks to a favourite', 'zh-CN': '先看小红书朋友推荐，再固定一款' },
		frequency: { en: '2× a week', 'zh-CN': '每周 2 次' },
		spend: { en: '¥38 per visit', 'zh-CN': '每次约 ¥38' },
		motivations: [
			{ en: 'A small reward after work', 'zh-CN': '下班后犒劳自己' },
			{ en: 'Something nice to photograph', 'zh-CN': '好看、适合拍照' }
		],
		values: { en: 'Quality over price; design matters', 'zh-CN': '品质大于价格，重视设计感' },
		lifestyle: { en: 'Busy, often works late; gym twice a week', 'zh-CN': '工作忙、常加班；每周健身两次' },
		interests: [
			{ en: 'Photography', 'zh-CN': '摄影' },
			{ en: 'Exhibitions', 'zh-CN': '看展' },
			{ en: 'Fitness', 'zh-CN': '健身' }
		],
		priceAttitude: { en: 'Accepts a premium for quality', 'zh-CN': '愿意为品质多付一点' },
		qualityAttitude: { en: 'Notices when the tea tastes different', 'zh-CN': '口味变化马上能察觉' },
		serviceAttitude: { en: 'Hates queues; wants to be recognised', 'zh-CN': '讨厌排队，希望被记住' },
		goals: [
			{ en: 'Pick up without waiting', 'zh-CN': '到店即取，不用等' },
			{ en: 'Try the seasonal specials first', 'zh-CN': '第一时间尝到季节新品' }
		],
		frustrations: [
			{ en: 'Waited 18 minutes at peak time', 'zh-CN': '高峰期排队 18 分钟' },
			{ en: 'Order status not updated', 'zh-CN': '订单状态不更新' }
		],
		current: { en: '¥1,980 a year', 'zh-CN': '年消费约 ¥1,980' },
		currentAmount: 1980,
		potential: { en: '¥3,400 a year (CLV), brings friends', 'zh-CN': '年潜在 ¥3,400（CLV），会带朋友来' },
		potentialAmount: 3400,
		ratings: [4, 3, 5],
		tier: 'B',
		serviceLevel: { en: 'Priority pick-up, birthday voucher', 'zh-CN': '优先取餐、生日券' },
		needs: [
			['explicit', { en: 'Know how long the wait will be', 'zh-CN': '知道还要等多久' }],
			['expected', { en: 'Order ahead and pick up on time', 'zh-CN': '提前下单、准时取到' }],
			['implicit', { en: 'Be recognised as a regular', 'zh-CN': '被认出是老顾客' }]
		],
		traits: [78, 62, 30, 35],
		tags: [
			{ en: 'Member', 'zh-CN': '会员' },
			{ en: 'Office worker', 'zh-CN': '上班族' }
		],
		tea: { en: 'Jasmine milk tea', 'zh-CN': '茉莉奶绿' },
		sweet: 2
	},
	{
		id: 'sample-persona-chen',
		seed: 'uncle-chen-68',
		name: { en: 'Mr Chen', 'zh-CN': '陈伯' },
		age: [66, 66],
		gender: { en: 'Male', 'zh-CN': '男' },
		occupation: { en: 'Retired teacher', 'zh-CN': '退休教师' },
		incomeBand: { en: 'Pension ¥8–10k / month', 'zh-CN': '退休金 8 千–1 万/月' },
		education: { en: 'College', 'zh-CN': '大专' },
		cityTier: { en: 'New tier-1', 'zh-CN': '新一线' },
		location: { en: 'Hangzhou, old town', 'zh-CN': '杭州老城区' },
		familyStatus: { en: 'Married, grandchildren visit at weekends', 'zh-CN': '已婚，周末孙辈来访' },
		quote: { en: 'I come for the tea, and for a chat with the staff.', 'zh-CN': '我来喝茶，也来和店员聊聊天。' },
		purchaseBehaviour: {
			en: 'Buys loose-leaf tea and gift boxes; pays cash or with his member card',
			'zh-CN': '买散茶和礼盒；现金或会员卡支付'
		},
		usageHabits: { en: 'Every morning after his walk, sits for an hour', 'zh-CN': '每天晨练后到店，坐一小时' },
		channels: ['store', 'phoneHotline'],
		decisionStyle: { en: 'Loyal; asks the staff what is good this season', 'zh-CN': '忠诚；会问店员本季什么好' },
		frequency: { en: 'Almost daily', 'zh-CN': '几乎每天' },
		spend: { en: '¥25 a visit, ¥600 gift boxes at festivals', 'zh-CN': '每次 ¥25，节日礼盒 ¥600' },
		motivations: [
			{ en: 'Routine and company', 'zh-CN': '习惯和陪伴' },
			{ en: 'Gifts for family', 'zh-CN': '给家人送礼' }
		],
		values: { en: 'Trust, tradition, fair prices', 'zh-CN': '信任、传统、价格公道' },
		lifestyle: { en: 'Early riser, tai chi, reads the paper in store', 'zh-CN': '早起、打太极，在店里看报' },
		interests: [
			{ en: 'Tea culture', 'zh-CN': '茶文化' },
			{ en: 'Calligraphy', 'zh-CN': '书法' }
		],
		priceAttitude: { en: 'Notices price rises, but stays if treated well', 'zh-CN': '对涨价敏感，但被善待就会留下' },
		qualityAttitude: { en: 'Knows his teas; expects consistency', 'zh-CN': '懂茶，要求品质稳定' },
		serviceAttitude: { en: 'Wants a person, not a QR code', 'zh-CN': '要人工服务，不想扫码' },
		goals: [
			{ en: 'A quiet seat every morning', 'zh-CN': '每天早上有个安静座位' },
			{ en: 'Good gifts without hassle', 'zh-CN': '省心地买到好礼品' }
		],
		frustrations: [
			{ en: 'Ordering only by phone scan', 'zh-CN': '只能扫码点单' },
			{ en: 'Small print on the menu', 'zh-CN': '菜单字太小' }
		],
		current: { en: '¥9,600 a year, top 5% of members', 'zh-CN': '年消费约 ¥9,600，会员前 5%' },
		currentAmount: 9600,
		potential: { en: 'Stable; refers neighbours', 'zh-CN': '稳定；会介绍邻居' },
		potentialAmount: 10500,
		ratings: [3, 5, 4],
		tier: 'A',
		serviceLevel: { en: 'Named host, reserved seat, festival gift call', 'zh-CN': '专属店员、保留座位、节前电话问候' },
		needs: [
			['explicit', { en: 'Order at the counter with a person', 'zh-CN': '在柜台由店员点单' }],
			['expected', { en: 'His usual tea without asking', 'zh-CN': '不用开口就知道他要什么' }],
			['implicit', { en: 'Feel part of a community', 'zh-CN': '有归属感' }]
		],
		traits: [45, 15, 90, 95],
		tags: [
			{ en: 'Regular', 'zh-CN': '常客' },
			{ en: 'Gift buyer', 'zh-CN': '礼盒客' }
		],
		tea: { en: 'Longjing green tea', 'zh-CN': '西湖龙井' },
		sweet: 1
	},
	{
		id: 'sample-persona-zhou',
		seed: 'student-zhou-52',
		name: { en: 'Zhou', 'zh-CN': '小周' },
		age: [19, 22],
		gender: { en: 'Male', 'zh-CN': '男' },
		occupation: { en: 'University student', 'zh-CN': '大学生' },
		incomeBand: { en: 'Allowance ¥2k / month', 'zh-CN': '生活费 2 千/月' },
		education: { en: 'Undergraduate (in progress)', 'zh-CN': '本科在读' },
		cityTier: { en: 'New tier-1', 'zh-CN': '新一线' },
		location: { en: 'Hangzhou, university town', 'zh-CN': '杭州下沙大学城' },
		familyStatus: { en: 'Single, lives in a dorm', 'zh-CN': '单身，住宿舍' },
		quote: { en: 'Is there a coupon? Then I’m in.', 'zh-CN': '有券吗？有券就冲。' },
		purchaseBehaviour: { en: 'Group orders for the dorm via delivery apps; chases coupons', 'zh-CN': '外卖平台拼单，追着优惠券买' },
		usageHabits: { en: 'Late afternoon and exam weeks', 'zh-CN': '下午和考试周' },
		channels: ['delivery', 'socialMedia', 'app'],
		decisionStyle: { en: 'Compares prices; tries whatever is trending', 'zh-CN': '比价；什么火就试什么' },
		frequency: { en: '3–4× a month', 'zh-CN': '每月 3–4 次' },
		spend: { en: '¥16 with a coupon', 'zh-CN': '用券后约 ¥16' },
		motivations: [
			{ en: 'Fun with friends', 'zh-CN': '和朋友一起玩' },
			{ en: 'Energy while studying', 'zh-CN': '学习时提神' }
		],
		values: { en: 'Value for money, novelty', 'zh-CN': '性价比、新鲜感' },
		lifestyle: { en: 'Night owl, gamer, on social media daily', 'zh-CN': '夜猫子、爱打游戏、天天刷社交媒体' },
		interests: [
			{ en: 'Games', 'zh-CN': '游戏' },
			{ en: 'Short videos', 'zh-CN': '短视频' }
		],
		priceAttitude: { en: 'Very price-sensitive', 'zh-CN': '非常在意价格' },
		qualityAttitude: { en: 'Good enough is fine', 'zh-CN': '过得去就行' },
		serviceAttitude: { en: 'Self-service; fast delivery matters most', 'zh-CN': '自助为主，送得快最重要' },
		goals: [
			{ en: 'Cheap treats for the group', 'zh-CN': '花小钱请室友喝' },
			{ en: 'Be first to try new flavours', 'zh-CN': '第一个尝新口味' }
		],
		frustrations: [
			{ en: 'Coupons that expire too soon', 'zh-CN': '优惠券很快过期' },
			{ en: 'Melted ice after delivery', 'zh-CN': '送到时冰都化了' }
		],
		current: { en: '¥620 a year', 'zh-CN': '年消费约 ¥620' },
		currentAmount: 620,
		potential: { en: '¥2,400 after graduation; strong influence on peers', 'zh-CN': '毕业后约 ¥2,400；对同学影响大' },
		potentialAmount: 2400,
		ratings: [2, 2, 4],
		tier: 'C',
		serviceLevel: { en: 'Self-service, campus coupons', 'zh-CN': '自助服务、校园券' },
		needs: [
			['explicit', { en: 'Cheaper group deals', 'zh-CN': '更便宜的拼单套餐' }],
			['expected', { en: 'Delivery within 30 minutes', 'zh-CN': '30 分钟内送达' }],
			['implicit', { en: 'Something to share online', 'zh-CN': '有可以晒的话题' }]
		],
		traits: [12, 88, 15, 20],
		tags: [
			{ en: 'Student', 'zh-CN': '学生' },
			{ en: 'Delivery', 'zh-CN': '外卖' }
		],
		tea: { en: 'Brown sugar boba', 'zh-CN': '黑糖珍珠奶茶' },
		sweet: 5
	}
];

export const samplePersonas: AreaSample = (locale, workspaceId, now) => {
	const L = pick(locale);
	const personas: Persona[] = SPECS.map((s, i) => ({
		id: s.id,
		workspaceId,
		createdAt: now - (SPECS.length - i) * 60_000,
		updatedAt: now - (SPECS.length - i) * 60_000,
		version: PERSONA_VERSION,
		basic: {
			name: L(s.name),
			photoBlobId: null,
			avatarSeed: s.seed,
			ageMin: s.age[0],
			ageMax: s.age[1],
			gender: L(s.gender),
			occupation: L(s.occupation),
			incomeBand: L(s.incomeBand),
			education: L(s.education),
			cityTier: L(s.cityTier),
			location: L(s.location),
			familyStatus: L(s.familyStatus),
			quote: L(s.quote),
			notes: ''
		},
		behaviour: {
			purchaseBehaviour: L(s.purchaseBehaviour),
			usageHabits: L(s.usageHabits),
			channelPreferences: s.channels,
			decisionStyle: L(s.decisionStyle),
			frequency: L(s.frequency),
			spend: L(s.spend),
			notes: ''
		},
		psychology: {
			motivations: list(locale, s.motivations),
			values: L(s.values),
			lifestyle: L(s.lifestyle),
			interests: list(locale, s.interests),
			priceAttitude: L(s.priceAttitude),
			qualityAttitude: L(s.qualityAttitude),
			serviceAttitude: L(s.serviceAttitude),
			goals: list(locale, s.goals),
			frustrations: list(locale, s.frustrations),
			notes: ''
		},
		value: {
			current: L(s.current),
			currentAmount: s.currentAmount,
			potential: L(s.potential),
			potentialAmount: s.potentialAmount,
			spendCapacity: s.ratings[0],
			loyalty: s.ratings[1],
			influence: s.ratings[2],
			tier: s.tier,
			serviceLevel: L(s.serviceLevel),
			notes: '',
			source: null
		},
		needs: s.needs.map(([type, text], j) => ({ id: `${s.id}-need-${j}`, type, text: L(text) })),
		custom: { [FIELD_TEA]: L(s.tea), [FIELD_SWEET]: s.sweet },
		traits: TRAITS.map(([left, right], j): Trait => ({ id: `${s.id}-trait-${j}`, left: L(left), right: L(right), value: s.traits[j] })),
		tags: list(locale, s.tags)
	}));
	return { personas, personaFields: fieldDefs(locale, workspaceId, now) };
};
