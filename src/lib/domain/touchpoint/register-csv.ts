// Touchpoint register as CSV: Excel-safe export (one row per standard) and an importer with column mapping and row-numbered errors.
import Papa from 'papaparse';
import * as v from 'valibot';
import { FORMULA_CHARS } from '../journey/export';
import type { Locale } from '../record';
import { channelLabel, matchChannel, stageKey, STANDARD_STAGES, type CustomChannel } from './channels';
import { latestMeasurement } from './status';
import {
	CHECK_METHODS,
	DIMENSIONS,
	FREQUENCIES,
	TouchpointSchema,
	type CheckMethod,
	type Dimension,
	type Frequency,
	type Operator,
	type ProcessStep,
	type Standard,
	type Target,
	type Touchpoint,
	type Unit
} from './touchpoint.schema';

export const REGISTER_FIELDS = [
	'name',
	'channel',
	'stages',
	'owner',
	'side',
	'process',
	'dimension',
	'metric',
	'standard',
	'operator',
	'target',
	'targetMax',
	'unit',
	'checkMethod',
	'checkFrequency',
	'lastDate',
	'lastValue'
] as const;
export type RegisterField = (typeof REGISTER_FIELDS)[number];

const HEADERS: Record<Locale, Record<RegisterField, string>> = {
	en: {
		name: 'touchpoint',
		channel: 'channel',
		stages: 'stages',
		owner: 'owner',
		side: 'side',
		process: 'process',
		dimension: 'dimension',
		metric: 'metric',
		standard: 'standard',
		operator: 'operator',
		target: 'target',
		targetMax: 'target max',
		unit: 'unit',
		checkMethod: 'check method',
		checkFrequency: 'check frequency',
		lastDate: 'last measured',
		lastValue: 'last value'
	},
	'zh-CN': {
		name: '触点',
		channel: '渠道',
		stages: '阶段',
		owner: '负责人',
		side: '前台/后台',
		process: '服务流程',
		dimension: '维度',
		metric: '指标',
		standard: '服务标准',
		operator: '比较',
		target: '目标值',
		targetMax: '目标上限',
		unit: '单位',
		checkMethod: '检查方式',
		checkFrequency: '检查频率',
		lastDate: '最近测量日期',
		lastValue: '最近测量值'
	}
};

/** Extra header spellings seen in users' own spreadsheets. */
const HEADER_ALIASES: Record<RegisterField, string[]> = {
	name: ['name', 'touchpoint name', '触点名称', '名称', '接触点'],
	channel: ['channel type', '渠道类型', '渠道名称'],
	stages: ['stage', 'journey stage', '旅程阶段', '所属阶段'],
	owner: ['responsible', 'team', '责任人', '负责部门', '责任部门'],
	side: ['frontstage/backstage', 'front/back', '前后台'],
	process: ['service process', 'standard process', '标准服务流程', '流程'],
	dimension: ['standard dimension', '标准维度'],
	metric: ['measure', '衡量指标'],
	standard: ['service standard', 'description', '标准', '标准描述'],
	operator: ['op', 'comparison', '运算符'],
	target: ['target value', '目标'],
	targetMax: ['max', 'upper', '上限'],
	unit: ['units', '计量单位'],
	checkMethod: ['quality check', 'check', '质检方式', '检查方法'],
	checkFrequency: ['frequency', '频率', '质检频率'],
	lastDate: ['date', 'measured at', '测量日期', '日期'],
	lastValue: ['value', 'measured value', 'actual', '实际值', '测量值']
};

const norm = (s: string) =>
	s
		.replace(/^\uFEFF/, '')
		.trim()
		.toLowerCase()
		.replace(/[\s_]+/g, ' ');

export type ColumnMapping = Partial<Record<RegisterField, number>>;

/** Guesses which column holds which field from English/Chinese headers; the UI lets the user confirm. */
export function guessRegisterMapping(headers: readonly string[]): ColumnMapping {
	const out: ColumnMapping = {};
	const taken = new Set<number>();
	for (const f of REGISTER_FIELDS) {
		const names = [f, HEADERS.en[f], HEADERS['zh-CN'][f], ...HEADER_ALIASES[f]].map(norm);
		const i = headers.findIndex((h, k) => !taken.has(k) && names.includes(norm(h)));
		if (i >= 0) {
			out[f] = i;
			taken.add(i);
		}
	}
	return out;
}

const DIM_LABEL: Record<Locale, Record<Dimension, string>> = {
	en: { attitude: 'attitude', content: 'content', timeliness: 'timeliness', environment: 'environment' },
	'zh-CN': { attitude: '服务态度', content: '服务内容', timeliness: '服务时效', environment: '服务环境' }
};
const METHOD_LABEL: Record<Locale, Record<CheckMethod, string>> = {
	en: {
		mysteryShopping: 'mystery shopping',
		callRecordingReview: 'call recording review',
		customerFeedback: 'customer feedback',
		employeeFeedback: 'employee feedback'
	},
	'zh-CN': { mysteryShopping: '神秘顾客', callRecordingReview: '通话录音抽检', customerFeedback: '顾客反馈', employeeFeedback: '员工反馈' }
};
const FREQ_LABEL: Record<Locale, Record<Frequency, string>> = {
	en: { daily: 'daily', weekly: 'weekly', monthly: 'monthly', quarterly: 'quarterly', yearly: 'yearly', adHoc: 'ad hoc' },
	'zh-CN': { daily: '每天', weekly: '每周', monthly: '每月', quarterly: '每季度', yearly: '每年', adHoc: '不定期' }
};
const SIDE_LABEL: Record<Locale, Record<'frontstage' | 'backstage', string>> = {
	en: { frontstage: 'frontstage', backstage: 'backstage' },
	'zh-CN': { frontstage: '前台', backstage: '后台' }
};
const OP_SYMBOL: Record<Operator, string> = { gte: '≥', lte: '≤', eq: '=', range: 'range' };

function lookup<K extends string>(
	text: string,
	ids: readonly K[],
	tables: Record<Locale, Record<K, string>>,
	extra: Record<string, K> = {}
): K | null {
	const t = norm(text);
	for (const id of ids) if (norm(id) === t || norm(tables.en[id]) === t || norm(tables['zh-CN'][id]) === t) return id;
	return extra[t] ?? null;
}
const OP_ALIASES: Record<string, Operator> = {
	'>=': 'gte',
	'≥': 'gte',
	gte: 'gte',
	'at least': 'gte',
	min: 'gte',
	至少: 'gte',
	不低于: 'gte',
	'>': 'gte',
	'<=': 'lte',
	'≤': 'lte',
	lte: 'lte',
	'at most': 'lte',
	within: 'lte',
	max: 'lte',
	不超过: 'lte',
	以内: 'lte',
	'<': 'lte',
	'=': 'eq',
	'==': 'eq',
	eq: 'eq',
	等于: 'eq',
	range: 'range',
	between: 'range',
	区间: 'range',
	范围: 'range'
};
const UNIT_ALIASES: Record<string, Unit> = {
	s: 's',
	sec: 's',
	secs: 's',
	second: 's',
	seconds: 's',
	秒: 's',
	min: 'min',
	mins: 'min',
	minute: 'min',
	minutes: 'min',
	分钟: 'min',
	分: 'min',
	h: 'h',
	hr: 'h',
	hrs: 'h',
	hour: 'h',
	hours: 'h',
	小时: 'h',
	'%': '%',
	percent: '%',
	pct: '%',
	百分比: '%',
	count: 'count',
	times: 'count',
	次: 'count',
	个: 'count',
	件: 'count',
	score: 'score',
	points: 'score',
	pts: 'score',
	评分: 'score'
};
const EXTRA_DIM: Record<string, Dimension> = {
	态度: 'attitude',
	内容: 'content',
	时效: 'timeliness',
	time: 'timeliness',
	speed: 'timeliness',
	环境: 'environment'
};
const EXTRA_METHOD: Record<string, CheckMethod> = {
	'mystery shopper': 'mysteryShopping',
	暗访: 'mysteryShopping',
	神秘顾客检查: 'mysteryShopping',
	'call review': 'callRecordingReview',
	录音抽检: 'callRecordingReview',
	通话录音: 'callRecordingReview',
	'customer survey': 'customerFeedback',
	客户反馈: 'customerFeedback',
	顾客调查: 'customerFeedback',
	'staff feedback': 'employeeFeedback',
	员工调查: 'employeeFeedback'
};
const EXTRA_FREQ: Record<string, Frequency> = {
	每日: 'daily',
	annually: 'yearly',
	annual: 'yearly',
	每年度: 'yearly',
	'ad-hoc': 'adHoc',
	adhoc: 'adHoc',
	'as needed': 'adHoc'
};
const EXTRA_SIDE: Record<string, 'frontstage' | 'backstage'> = {
	front: 'frontstage',
	back: 'backstage',
	前台行为: 'frontstage',
	后台行为: 'backstage'
};

export const parseUnit = (text: string): Unit | null => UNIT_ALIASES[norm(text)] ?? null;
export const parseOperator = (text: string): Operator | null => OP_ALIASES[norm(text)] ?? null;

/** Number from a cell: accepts `1,234.5`, a trailing `%`, full-width digits. */
function parseNumber(text: string): number | null {
	const t = text
		.trim()
		.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
		.replace(/[,，\s]/g, '')
		.replace(/%$/, '');
	if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return null;
	return Number(t);
}

/** Reads a target written in one cell: "≥ 80%", "≤20 s", "2-5 min", "2–5 分钟", "80". */
export function parseTarget(text: string, fallbackUnit: Unit | null = null): Target | null {
	const t = text.trim().replace(/\s+/g, ' ');
	const range = /^([+-]?[\d.,]+)\s*(?:-|–|—|~|～|至|to)\s*([+-]?[\d.,]+)\s*(.*)$/.exec(t);
	if (range) {
		const a = parseNumber(range[1]);
		const b = parseNumber(range[2]);
		const unit = range[3] ? parseUnit(range[3]) : fallbackUnit;
		if (a === null || b === null || !unit || b < a) return null;
		return { op: 'range', value: a, max: b, unit };
	}
	const m = /^(>=|<=|≥|≤|=|==|>|<|至少|不低于|不超过|以内)?\s*([+-]?[\d.,]+)\s*(.*)$/.exec(t);
	if (!m) return null;
	const value = parseNumber(m[2]);
	const unit = m[3] ? parseUnit(m[3]) : fallbackUnit;
	if (value === null || !unit) return null;
	return { op: m[1] ? OP_ALIASES[m[1]] : 'gte', value, max: null, unit };
}

function processToText(steps: readonly ProcessStep[]): string {
	return steps.map((s) => [s.who, s.what, s.expectedTime ? `${s.expectedTime.value} ${s.expectedTime.unit}` : ''].join(' | ')).join('\n');
}
function processFromText(text: string, newId: () => string): ProcessStep[] | null {
	const lines = text
		.split(/\r?\n/)
		.map((l) => l.trim())
		.filter(Boolean);
	const out: ProcessStep[] = [];
	for (const line of lines) {
		const [who = '', what = '', time = ''] = line.split('|').map((x) => x.trim());
		let expectedTime: ProcessStep['expectedTime'] = null;
		if (time) {
			const m = /^([\d.,]+)\s*(.+)$/.exec(time);
			const value = m ? parseNumber(m[1]) : null;
			const unit = m ? parseUnit(m[2]) : null;
			if (value === null || !unit) return null;
			expectedTime = { value, unit };
		}
		out.push({ id: newId(), who, what, expectedTime });
	}
	return out;
}

function stageLabel(key: string, locale: Locale): string {
	return STANDARD_STAGES.find((s) => s.key === key)?.label[locale] ?? key;
}

/** One row per standard (a touchpoint without standards still gets a row); UTF-8 BOM; formula-safe. */
export function exportRegisterCsv(
	touchpoints: readonly Touchpoint[],
	locale: Locale = 'en',
	custom: readonly CustomChannel[] = []
): string {
	const rows: string[][] = [];
	for (const tp of touchpoints) {
		const common = [
			tp.name,
			channelLabel(tp.channelId, locale, custom),
			tp.stages.map((s) => stageLabel(s, locale)).join('; '),
			tp.owner,
			SIDE_LABEL[locale][tp.side],
			processToText(tp.process)
		];
		const standards: (Standard | null)[] = tp.standards.length ? tp.standards : [null];
		for (const st of standards) {
			const last = st ? latestMeasurement(st.measurements) : null;
			rows.push([
				...common,
				st ? DIM_LABEL[locale][st.dimension] : '',
				st?.metric ?? '',
				st?.text ?? '',
				st?.target ? OP_SYMBOL[st.target.op] : '',
				st?.target ? String(st.target.value) : '',
				st?.target?.op === 'range' ? String(st.target.max) : '',
				st?.target?.unit ?? '',
				st?.check ? METHOD_LABEL[locale][st.check.method] : '',
				st?.check ? FREQ_LABEL[locale][st.check.frequency] : '',
				last?.date ?? '',
				last ? String(last.value) : ''
			]);
		}
	}
	const fields = REGISTER_FIELDS.map((f) => HEADERS[locale][f]);
	return '\uFEFF' + Papa.unparse({ fields, data: rows }, { escapeFormulae: FORMULA_CHARS, newline: '\r\n' });
}

export type RegisterErrorCode =
	| 'parse-error'
	| 'empty-file'
	| 'missing-column'
	| 'ragged-row'
	| 'missing-name'
	| 'unknown-channel'
	| 'bad-side'
	| 'bad-dimension'
	| 'bad-target'
	| 'bad-unit'
	| 'bad-operator'
	| 'bad-check-method'
	| 'bad-frequency'
	| 'bad-date'
	| 'bad-number'
	| 'bad-process'
	| 'conflicting-touchpoint';

export interface RegisterRowError {
	/** Spreadsheet row number: the header is row 1, the first data row is row 2. */
	row: number;
	field?: RegisterField;
	code: RegisterErrorCode;
	value?: string;
}

export interface RegisterRow {
	row: number;
	values: Partial<Record<RegisterField, string>>;
}

export interface RegisterImport {
	/** Rows that read cleanly (a row with any error is left out whole). */
	rows: RegisterRow[];
	/** Good rows grouped into touchpoints (same name + channel = one touchpoint). */
	touchpoints: Touchpoint[];
	errors: RegisterRowError[];
	headers: string[];
	mapping: ColumnMapping;
}

export interface RegisterImportOptions {
	mapping?: ColumnMapping;
	custom?: readonly CustomChannel[];
	now?: number;
	newId?: () => string;
}

/** Parses a register CSV (already decoded to a string). Never throws; nothing is written here. */
export function importRegisterCsv(text: string, workspaceId: string, opts: RegisterImportOptions = {}): RegisterImport {
	const newId = opts.newId ?? (() => crypto.randomUUID());
	const now = opts.now ?? Date.now();
	const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
	const errors: RegisterRowError[] = [];
	for (const e of parsed.errors)
		// Ragged rows are reported per row below; other parser errors (unterminated quote) stop here.
		if (e.type !== 'FieldMismatch') errors.push({ row: (e.row ?? 0) + 1, code: 'parse-error', value: e.message });
	const data = parsed.data;
	if (data.length === 0) return { rows: [], touchpoints: [], errors: [{ row: 1, code: 'empty-file' }], headers: [], mapping: {} };
	const headers = data[0];
	const mapping = opts.mapping ?? guessRegisterMapping(headers);
	if (mapping.name === undefined || mapping.channel === undefined) {
		for (const f of ['name', 'channel'] as const) if (mapping[f] === undefined) errors.push({ row: 1, field: f, code: 'missing-column' });
		return { rows: [], touchpoints: [], errors, headers, mapping };
	}
	if (errors.some((e) => e.code === 'parse-error')) return { rows: [], touchpoints: [], errors, headers, mapping };

	const rows: RegisterRow[] = [];
	const byKey = new Map<string, Touchpoint>();
	const order: Touchpoint[] = [];
	for (let i = 1; i < data.length; i++) {
		const rowNo = i + 1;
		const cells = data[i];
		if (cells.length !== headers.length) {
			errors.push({ row: rowNo, code: 'ragged-row', value: String(cells.length) });
			continue;
		}
		const values: Partial<Record<RegisterField, string>> = {};
		for (const f of REGISTER_FIELDS) if (mapping[f] !== undefined) values[f] = (cells[mapping[f]!] ?? '').trim();
		// Undo our own export's formula guard so values round-trip.
		for (const f of REGISTER_FIELDS)
			if (values[f]?.startsWith("'") && FORMULA_CHARS.test(values[f]!.slice(1))) values[f] = values[f]!.slice(1);
		const rowErrors: RegisterRowError[] = [];
		const bad = (field: RegisterField, code: RegisterErrorCode) => rowErrors.push({ row: rowNo, field, code, value: values[field] });

		if (!values.name) bad('name', 'missing-name');
		const channel = values.channel ? matchChannel(values.channel, opts.custom) : null;
		if (!channel) bad('channel', 'unknown-channel');
		const side = values.side ? lookup(values.side, ['frontstage', 'backstage'] as const, SIDE_LABEL, EXTRA_SIDE) : 'frontstage';
		if (!side) bad('side', 'bad-side');
		const process = values.process ? processFromText(values.process, newId) : [];
		if (!process) bad('process', 'bad-process');

		let standard: Standard | null = null;
		const hasStandard = !!(values.dimension || values.standard || values.target);
		if (hasStandard) {
			const dimension = values.dimension ? lookup(values.dimension, DIMENSIONS, DIM_LABEL, EXTRA_DIM) : null;
			if (!dimension) bad('dimension', 'bad-dimension');
			let target: Target | null = null;
			if (values.target) {
				const unit = values.unit ? parseUnit(values.unit) : null;
				if (values.unit && !unit) bad('unit', 'bad-unit');
				const op = values.operator ? parseOperator(values.operator) : null;
				if (values.operator && !op) bad('operator', 'bad-operator');
				if (op) {
					const value = parseNumber(values.target);
					const max = values.targetMax ? parseNumber(values.targetMax) : null;
					if (value === null) bad('target', 'bad-number');
					else if (op === 'range' && (max === null || max < value)) bad('targetMax', 'bad-target');
					else if (!unit) bad('unit', 'bad-unit');
					else target = { op, value, max: op === 'range' ? max : null, unit };
				} else if (!values.operator) {
					target = parseTarget(values.target, unit);
					if (!target) bad('target', 'bad-target');
				}
			}
			let check: Standard['check'] = null;
			if (values.checkMethod) {
				const method = lookup(values.checkMethod, CHECK_METHODS, METHOD_LABEL, EXTRA_METHOD);
				const frequency = values.checkFrequency ? lookup(values.checkFrequency, FREQUENCIES, FREQ_LABEL, EXTRA_FREQ) : 'adHoc';
				if (!method) bad('checkMethod', 'bad-check-method');
				if (!frequency) bad('checkFrequency', 'bad-frequency');
				if (method && frequency) check = { method, frequency };
			}
			const measurements: Standard['measurements'] = [];
			if (values.lastDate || values.lastValue) {
				const date = (values.lastDate ?? '').replace(/\//g, '-').replace(/-(\d)(?!\d)/g, '-0$1');
				const value = parseNumber(values.lastValue ?? '');
				if (!v.is(v.pipe(v.string(), v.isoDate()), date)) bad('lastDate', 'bad-date');
				if (value === null) bad('lastValue', 'bad-number');
				if (rowErrors.length === 0 && value !== null) measurements.push({ date, value, unit: null });
			}
			if (dimension)
				standard = { id: newId(), dimension, metric: values.metric ?? '', text: values.standard ?? '', target, check, measurements };
		}
		if (rowErrors.length > 0) {
			errors.push(...rowErrors);
			continue;
		}
		const key = `${values.name!.toLowerCase()}\u0000${channel!.id}`;
		let tp = byKey.get(key);
		// Later rows of the same touchpoint may leave shared columns empty, but must not contradict the first.
		if (tp && values.owner && tp.owner && values.owner !== tp.owner) {
			errors.push({ row: rowNo, field: 'owner', code: 'conflicting-touchpoint', value: values.owner });
			continue;
		}
		rows.push({ row: rowNo, values });
		if (!tp) {
			tp = {
				id: newId(),
				workspaceId,
				createdAt: now,
				updatedAt: now,
				version: 1,
				name: values.name!,
				channelId: channel!.id,
				stages: (values.stages ?? '')
					.split(/[;；,，、|]/)
					.map((s) => s.trim())
					.filter(Boolean)
					.map((s) => (STANDARD_STAGES.some((x) => x.key === stageKey(s)) ? stageKey(s) : s)),
				owner: values.owner ?? '',
				side: side!,
				process: process!,
				standards: [],
				notes: ''
			};
			byKey.set(key, tp);
			order.push(tp);
		}
		if (standard) tp.standards.push(standard);
	}
	// Final guard: everything handed back is a valid record.
	const touchpoints = order.filter((tp) => v.is(TouchpointSchema, tp));
	return { rows, touchpoints, errors: errors.sort((a, b) => a.row - b.row), headers, mapping };
}
