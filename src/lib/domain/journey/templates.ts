// Shipped bilingual journey templates (tea house / retail / service examples), instantiating them, and saving a map as a template.
import type { Bilingual, Locale } from '../record';
import type { EvidenceLevel, NeedType } from './card.schema';
import { newJourney } from './create';
import { makeCard } from './edits';
import { LANE_LABELS, type LaneType } from './lanes';
import { ctxId, ctxNow, type EditContext, type JourneyState } from './state';
import type { JourneyTemplate, JourneyTemplateRecord, TemplateCard, Text } from './template.schema';

const b = (en: string, zh: string): Bilingual => ({ en, 'zh-CN': zh });

export function textFor(t: Text | undefined | null, locale: Locale): string {
	if (t === undefined || t === null) return '';
	return typeof t === 'string' ? t : t[locale];
}

/** Card shorthand: [stage, step, lane, text, extra]. */
type C = [number, number, number, Bilingual, { needType?: NeedType; evidence?: EvidenceLevel; opportunities?: number[] }?];
const cards = (list: C[]): TemplateCard[] => list.map(([stage, step, lane, text, extra]) => ({ stage, step, lane, text, ...extra }));
const lanes = (types: LaneType[]) => types.map((type) => ({ type }));

// Lane indexes for the before/during/after map below.
const BDA_LANES: LaneType[] = ['actions', 'touchpoints', 'thoughts', 'emotion', 'needs', 'painPoints', 'opportunities', 'owner'];
const [A, T, TH, , N, P, O, OW] = BDA_LANES.map((_, i) => i);

export const BEFORE_DURING_AFTER: JourneyTemplate = {
	id: 'before-during-after',
	builtIn: true,
	name: b('Before / During / After contact', '接触前 / 接触中 / 接触后'),
	description: b(
		'A first visit to a tea house, from discovery to coming back. Replace the example cards with your own.',
		'新会员第一次到茶饮店：从发现到再次光顾。用你自己的内容替换示例卡片。'
	),
	kind: 'journey',
	personaText: b('New member', '新会员'),
	scenario: b('First visit to the store after seeing a post online', '在网上看到推荐后第一次到店'),
	goal: b('Get a good cup of tea without a long wait', '不用久等就喝到一杯好茶'),
	lanes: lanes(BDA_LANES),
	stages: [
		{ name: b('Before contact', '接触前'), steps: [b('Discover', '发现'), b('Plan the visit', '计划到店')] },
		{ name: b('During contact', '接触中'), steps: [b('Order', '点单'), b('Wait', '等待'), b('Enjoy', '品茶')] },
		{ name: b('After contact', '接触后'), steps: [b('Review', '评价'), b('Come back', '再次光顾')] }
	],
	cards: cards([
		[0, 0, A, b('Sees a friend’s post about the new seasonal tea', '看到朋友分享的新品季节茶')],
		[0, 0, T, b('Social media post', '社交媒体笔记')],
		[0, 0, TH, b('“Looks nice — is it worth the queue?”', '“看起来不错，值得排队吗？”')],
		[0, 0, N, b('Know the price and what is in it', '了解价格和配料'), { needType: 'explicit' }],
		[0, 1, A, b('Checks opening hours and the queue in the mini-program', '在小程序查看营业时间和排队情况')],
		[0, 1, T, b('Mini-program', '小程序')],
		[0, 1, N, b('Order ahead so there is no wait', '提前下单，不用等'), { needType: 'expected' }],
		[1, 0, A, b('Orders at the counter', '在柜台点单')],
		[1, 0, T, b('Store counter', '门店柜台')],
		[1, 0, N, b('Staff recommend a drink that suits me', '店员推荐适合我的饮品'), { needType: 'implicit' }],
		[1, 0, OW, b('Store manager', '店长')],
		[1, 1, A, b('Waits for the drink', '等待出杯')],
		[1, 1, T, b('Order-ready SMS', '取餐短信')],
		[1, 1, P, b('Waited 18 minutes with no update', '等了18分钟，没有任何进度提示'), { evidence: 'observed', opportunities: [15] }],
		[1, 1, N, b('Know how long the wait will be', '知道还要等多久'), { needType: 'explicit', evidence: 'observed' }],
		[1, 1, O, b('Show the queue position and estimated time on screen and in the mini-program', '在屏幕和小程序显示排队位置与预计时间')],
		[1, 2, A, b('Tastes the tea and takes a photo', '品尝并拍照')],
		[1, 2, TH, b('“Better than I expected.”', '“比想象中好喝。”')],
		[2, 0, A, b('Leaves a review', '发布评价')],
		[2, 0, T, b('App review page', 'App 评价页')],
		[2, 0, P, b('Review form asks for too much', '评价表填写项太多'), { opportunities: [21] }],
		[2, 0, O, b('One-tap rating, optional comment', '一键打分，评论可选')],
		[2, 1, A, b('Uses the member coupon on a second visit', '第二次到店使用会员券')],
		[2, 1, T, b('Member coupon in the app', 'App 会员券')],
		[2, 1, N, b('Feel recognised as a returning customer', '作为老顾客被认出来'), { needType: 'implicit' }]
	]),
	emotions: [1, 0, 1, -2, 2, 0, 1]
};

const BP_LANES: LaneType[] = ['evidence', 'actions', 'frontstage', 'backstage', 'support', 'painPoints', 'opportunities'];
export const SERVICE_BLUEPRINT: JourneyTemplate = {
	id: 'service-blueprint',
	builtIn: true,
	name: b('Service blueprint', '服务蓝图'),
	description: b(
		'Delivery order for a tea house: what the customer sees, what staff do in front and behind, and the systems that support them.',
		'茶饮外卖订单：顾客看到什么，员工在前台和后台做什么，以及支持它们的系统。'
	),
	kind: 'blueprint',
	scenario: b('Ordering tea for delivery to the office', '点茶饮外卖送到办公室'),
	lanes: lanes(BP_LANES),
	stages: [
		{ name: b('Order', '下单'), steps: [b('Browse menu', '浏览菜单'), b('Pay', '支付')] },
		{ name: b('Prepare', '制作'), steps: [b('Make the drink', '制作饮品')] },
		{ name: b('Deliver', '配送'), steps: [b('Hand over', '交付'), b('After delivery', '送达后')] }
	],
	cards: cards([
		[0, 0, 0, b('Menu photos and prices in the mini-program', '小程序里的菜单图片与价格')],
		[0, 0, 1, b('Chooses drinks and sweetness', '选择饮品和甜度')],
		[0, 0, 2, b('Chat support answers allergy questions', '在线客服回答过敏问题')],
		[0, 0, 4, b('Menu management system', '菜单管理系统')],
		[0, 1, 0, b('Payment confirmation page', '支付成功页面')],
		[0, 1, 1, b('Pays by mobile wallet', '移动支付')],
		[0, 1, 3, b('Order sent to the store’s kitchen display', '订单推送到门店出杯屏')],
		[0, 1, 4, b('Payment gateway', '支付网关')],
		[1, 0, 3, b('Barista makes the drink to the recipe card', '茶饮师按配方卡制作')],
		[1, 0, 4, b('Ingredient stock and recipe cards', '原料库存与配方卡')],
		[1, 0, 5, b('Peak-hour orders pile up', '高峰期订单积压'), { evidence: 'measured', opportunities: [11] }],
		[1, 0, 6, b('Limit delivery slots at peak and show the real ready time', '高峰期限制外卖时段并显示真实出杯时间')],
		[2, 0, 0, b('Sealed cup with a tamper sticker', '带封口贴的密封杯')],
		[2, 0, 1, b('Receives the order at reception', '在前台取餐')],
		[2, 0, 2, b('Courier calls on arrival', '骑手到达后来电')],
		[2, 0, 3, b('Courier dispatch and tracking', '骑手调度与跟踪')],
		[2, 0, 4, b('Delivery platform', '外卖平台')],
		[2, 1, 1, b('Rates the order', '为订单评分')],
		[2, 1, 3, b('Store reviews low ratings daily', '门店每日查看差评')]
	])
};

const FIVE_LANES = [
	{ type: 'custom' as const, name: b('Key tasks', '关键任务') },
	{ type: 'custom' as const, name: b('Deliverables', '产出') },
	{ type: 'owner' as const },
	{ type: 'kpis' as const },
	{ type: 'opportunities' as const }
];
export const FIVE_SERVICE_PROCESSES: JourneyTemplate = {
	id: 'five-service-processes',
	builtIn: true,
	name: b('The five service processes', '服务体系五步法'),
	description: b(
		'Build a service system step by step: define the service content, set standards, build the team, inspect and improve, then add value.',
		'逐步搭建服务体系：明确服务内容、制定服务标准、建设服务团队、检查监督与改进、提供增值服务。'
	),
	kind: 'journey',
	lanes: FIVE_LANES,
	stages: [
		{ name: b('Define service content', '明确服务内容'), steps: [b('Service items', '服务项目')] },
		{ name: b('Set standards', '制定服务标准'), steps: [b('Standards per touchpoint', '各触点标准')] },
		{ name: b('Build the team', '建设服务团队'), steps: [b('Hire and train', '招聘与培训')] },
		{ name: b('Inspect, supervise, improve', '检查、监督与改进'), steps: [b('Quality checks', '质量检查')] },
		{ name: b('Value-added services', '增值服务'), steps: [b('Beyond expectations', '超越期望')] }
	],
	cards: cards([
		[
			0,
			0,
			0,
			b(
				'List what customers get at each touchpoint: tea, seating, Wi-Fi, delivery, membership',
				'列出顾客在每个触点得到的服务：茶饮、座位、Wi-Fi、外卖、会员'
			)
		],
		[0, 0, 1, b('Service menu per channel', '分渠道服务清单')],
		[0, 0, 2, b('Operations manager', '运营经理')],
		[
			1,
			0,
			0,
			b(
				'Write clear, observable standards in four dimensions: attitude, content, timeliness, environment',
				'从服务态度、服务内容、服务时效、服务环境四个维度写出清晰、可观察的标准'
			)
		],
		[
			1,
			0,
			1,
			b('“Greet within 5 s”, “drink ready within 8 min”, “tables wiped after each guest”', '“5秒内问候”“8分钟内出杯”“客人离开后立即擦桌”')
		],
		[1, 0, 3, b('Drink ready ≤ 8 min for 90% of orders', '90%订单出杯≤8分钟')],
		[2, 0, 0, b('Hire for attitude, train the standards with role play', '按态度招聘，用情景演练培训标准')],
		[2, 0, 1, b('Training plan and shift roster', '培训计划与排班表')],
		[2, 0, 2, b('Store manager', '店长')],
		[2, 0, 3, b('Every new hire certified in 2 weeks', '新员工2周内全部通过认证')],
		[3, 0, 0, b('Mystery shopping monthly, review customer feedback weekly', '每月神秘顾客检查，每周复盘顾客反馈')],
		[3, 0, 1, b('Checklist scores and action list', '检查评分与改进清单')],
		[3, 0, 3, b('Mystery shopping score ≥ 90', '神秘顾客得分≥90')],
		[3, 0, 4, b('Share the best store’s practices with the others', '将最佳门店的做法推广到其他门店')],
		[4, 0, 0, b('Birthday drink for members, free refill of hot water, umbrella lending', '会员生日饮品、免费续热水、借伞服务')],
		[4, 0, 3, b('Repeat-visit rate of members', '会员复购率')],
		[4, 0, 4, b('Personal tea recommendation from purchase history', '根据购买记录个性化推荐茶饮')]
	])
};

const CH_LANES: LaneType[] = [
	'actions',
	'touchpoints',
	'thoughts',
	'emotion',
	'needs',
	'painPoints',
	'opportunities',
	'frontstage',
	'backstage'
];
export const COMPLAINT_HANDLING: JourneyTemplate = {
	id: 'complaint-handling',
	builtIn: true,
	name: b('Complaint handling', '投诉处理'),
	description: b(
		'A customer complains about a wrong delivery order: receive, listen and apologise, investigate, resolve, follow up.',
		'顾客投诉外卖送错：受理、倾听与致歉、调查核实、解决、回访。'
	),
	kind: 'both',
	personaText: b('Upset customer', '不满的顾客'),
	scenario: b('Delivery order arrived wrong and cold', '外卖送错且已经凉了'),
	goal: b('Get it put right quickly and feel taken seriously', '快速得到解决，并感到被重视'),
	lanes: lanes(CH_LANES),
	stages: [
		{ name: b('Receive', '受理投诉'), steps: [b('Contact us', '联系我们')] },
		{ name: b('Listen and apologise', '倾听与致歉'), steps: [b('Tell the story', '陈述问题')] },
		{ name: b('Investigate', '调查核实'), steps: [b('Check the order', '核对订单')] },
		{ name: b('Resolve', '解决问题'), steps: [b('Offer a remedy', '提出补救')] },
		{ name: b('Follow up', '回访跟进'), steps: [b('Follow-up call', '回访电话')] }
	],
	cards: cards([
		[0, 0, 0, b('Calls the hotline after the chat bot fails', '在线机器人解决不了，拨打热线')],
		[0, 0, 1, b('Phone hotline', '客服热线')],
		[0, 0, 5, b('Long IVR menu before reaching a person', '语音菜单太长，找不到人工'), { evidence: 'measured', opportunities: [4] }],
		[0, 0, 4, b('Reach a person quickly', '尽快找到人工客服'), { needType: 'explicit' }],
		[0, 0, 6, b('“Complaint” option first in the IVR; answer within 20 s', '语音菜单第一项设为“投诉”；20秒内接通')],
		[1, 0, 0, b('Explains what went wrong', '说明出了什么问题')],
		[1, 0, 2, b('“Do they even care?”', '“他们到底在不在乎？”')],
		[1, 0, 4, b('Be listened to without being interrupted', '被耐心倾听，不被打断'), { needType: 'implicit' }],
		[1, 0, 7, b('Agent listens, repeats the problem back, apologises', '客服倾听、复述问题并致歉')],
		[2, 0, 7, b('Agent puts the customer on hold', '客服请顾客稍候')],
		[2, 0, 8, b('Checks order log and courier record', '核对订单日志与配送记录')],
		[2, 0, 5, b('Asked to repeat the order number three times', '被要求重复报三次订单号'), { evidence: 'observed' }],
		[3, 0, 0, b('Accepts a remake and a coupon', '接受重做并获得优惠券')],
		[3, 0, 4, b('A fair remedy without arguing', '不用争执就得到公平的补偿'), { needType: 'expected' }],
		[3, 0, 7, b('Agent offers remake + coupon within their authority', '客服在授权范围内提供重做+优惠券')],
		[3, 0, 8, b('Store remakes with priority', '门店优先重做')],
		[4, 0, 0, b('Answers a short follow-up call', '接听简短回访电话')],
		[4, 0, 1, b('Phone / SMS', '电话 / 短信')],
		[4, 0, 6, b('Close the loop: tell the customer what was changed', '闭环：告诉顾客我们改进了什么')]
	]),
	emotions: [-2, -1, -2, 1, 2]
};

export const BLANK: JourneyTemplate = {
	id: 'blank',
	builtIn: true,
	name: b('Blank map', '空白地图'),
	description: b('Start from one empty stage.', '从一个空阶段开始。'),
	kind: 'journey',
	lanes: lanes(['actions', 'touchpoints', 'thoughts', 'emotion', 'needs', 'painPoints', 'opportunities']),
	stages: [{ name: b('Stage 1', '阶段 1'), steps: [b('Step 1', '步骤 1')] }],
	cards: []
};

export const BUILT_IN_TEMPLATES: readonly JourneyTemplate[] = [
	BEFORE_DURING_AFTER,
	SERVICE_BLUEPRINT,
	FIVE_SERVICE_PROCESSES,
	COMPLAINT_HANDLING,
	BLANK
];

/** A new journey (and its cards) from a template, with texts in `locale` and fresh ids. */
export function instantiateTemplate(
	template: Pick<JourneyTemplate, 'name' | 'kind' | 'lanes' | 'stages' | 'cards'> &
		Partial<Pick<JourneyTemplate, 'personaText' | 'scenario' | 'goal' | 'emotions'>>,
	locale: Locale,
	workspaceId: string,
	ctx?: EditContext
): JourneyState {
	const t = (x: Text | undefined | null) => textFor(x, locale);
	const base = newJourney(
		{
			workspaceId,
			title: t(template.name),
			kind: template.kind,
			personaText: t(template.personaText),
			lanes: template.lanes.map((l) => ({ type: l.type, name: l.name ? t(l.name) : null, hidden: l.hidden })),
			stages: template.stages.map((st) => ({
				name: t(st.name),
				phase: st.phase ? t(st.phase) : undefined,
				steps: st.steps.map(t)
			}))
		},
		ctx
	);
	const j = { ...base.journey, scenario: t(template.scenario), goal: t(template.goal) };
	const columns = j.stages.flatMap((st) => st.steps.map((x) => x.id));
	if (template.emotions && j.emotionCurves[0]) {
		const scores: Record<string, number> = {};
		template.emotions.forEach((score, i) => {
			if (score !== null && columns[i]) scores[columns[i]] = score;
		});
		j.emotionCurves = [{ ...j.emotionCurves[0], scores }];
	}
	const counts = new Map<string, number>();
	const made = template.cards.flatMap((tc) => {
		const stepId = j.stages[tc.stage]?.steps[tc.step]?.id;
		const lane = j.lanes[tc.lane];
		if (!stepId || !lane) return [];
		const key = `${lane.id}\u0000${stepId}`;
		const order = counts.get(key) ?? 0;
		counts.set(key, order + 1);
		return [
			makeCard(
				j,
				{ laneId: lane.id, stepId, order },
				{
					text: t(tc.text),
					needType: tc.needType ?? (lane.type === 'needs' ? 'explicit' : null),
					evidence: tc.evidence,
					colour: tc.colour ?? null
				},
				ctx
			)
		];
	});
	// Links are by index in the template's card list; skipped cards leave gaps, so map by position.
	const byTemplateIndex: (string | null)[] = [];
	let k = 0;
	template.cards.forEach((tc) => {
		const ok = !!j.stages[tc.stage]?.steps[tc.step] && !!j.lanes[tc.lane];
		byTemplateIndex.push(ok ? made[k++].id : null);
	});
	template.cards.forEach((tc, i) => {
		const id = byTemplateIndex[i];
		if (!id || !tc.opportunities) return;
		const card = made.find((m) => m.id === id)!;
		card.opportunityIds = tc.opportunities.map((o) => byTemplateIndex[o]).filter((x): x is string => !!x);
	});
	return { journey: j, cards: made };
}

/** Saves any map as a workspace template: structure, example cards and links, in the map's own words. */
export function saveAsTemplate(
	s: JourneyState,
	args: { name: string; description?: string; keepCards?: boolean; workspaceId?: string },
	ctx?: EditContext
): JourneyTemplateRecord {
	const now = ctxNow(ctx);
	const j = s.journey;
	const laneIndex = new Map(j.lanes.map((l, i) => [l.id, i]));
	const pos = new Map<string, { stage: number; step: number }>();
	j.stages.forEach((st, si) => st.steps.forEach((x, xi) => pos.set(x.id, { stage: si, step: xi })));
	const kept =
		(args.keepCards ?? true)
			? s.cards
					.filter((c) => pos.has(c.stepId) && laneIndex.has(c.laneId))
					.sort((a, b2) => {
						const pa = pos.get(a.stepId)!;
						const pb = pos.get(b2.stepId)!;
						return pa.stage - pb.stage || pa.step - pb.step || laneIndex.get(a.laneId)! - laneIndex.get(b2.laneId)! || a.order - b2.order;
					})
			: [];
	const idx = new Map(kept.map((c, i) => [c.id, i]));
	const columns = j.stages.flatMap((st) => st.steps.map((x) => x.id));
	const curve = j.emotionCurves[0];
	const phaseName = new Map(j.phases.map((p) => [p.id, p.name]));
	return {
		id: ctxId(ctx)(),
		workspaceId: args.workspaceId ?? j.workspaceId,
		createdAt: now,
		updatedAt: now,
		version: 1,
		builtIn: false,
		name: args.name,
		description: args.description ?? '',
		kind: j.kind,
		personaText: j.personaText,
		scenario: j.scenario,
		goal: j.goal,
		lanes: j.lanes.map((l) => ({ type: l.type, name: l.name, hidden: l.hidden })),
		stages: j.stages.map((st) => ({
			name: st.name,
			...(st.phaseId && phaseName.has(st.phaseId) ? { phase: phaseName.get(st.phaseId)! } : {}),
			steps: st.steps.map((x) => x.name)
		})),
		cards: kept.map((c) => ({
			...pos.get(c.stepId)!,
			lane: laneIndex.get(c.laneId)!,
			text: c.text,
			needType: c.needType,
			evidence: c.evidence,
			colour: c.colour,
			opportunities: c.opportunityIds.filter((o) => idx.has(o)).map((o) => idx.get(o)!)
		})),
		emotions: curve ? columns.map((id) => curve.scores[id] ?? null) : []
	};
}

/** Default lane label in a locale, honouring the lane's override. */
export function laneLabel(lane: { type: LaneType; name: string | null }, locale: Locale): string {
	return lane.name ?? LANE_LABELS[lane.type][locale];
}
