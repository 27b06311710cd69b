// The i18n layer: svelte-i18n (ICU MessageFormat) with typed keys, zh-CN + en, a pseudo-locale, and locale-aware formatters.
import { addMessages, init, locale as rawLocale, _ as rawFormat, getLocaleFromNavigator } from 'svelte-i18n';
import { derived, get, type Readable } from 'svelte/store';
import en from './en.json';
import zh from './zh-CN.json';

export const LOCALES = ['zh-CN', 'en'] as const;
export type AppLocale = (typeof LOCALES)[number];
/** Pseudo-locale used by tests to find text that bypasses the i18n layer. */
export const PSEUDO_LOCALE = 'en-XA';
const STORAGE_KEY = 'cx.locale';

type CoreKey = keyof typeof en;
type AreaKey = `${'journey' | 'touchpoint' | 'persona' | 'import' | 'dataset' | 'segments' | 'forecast' | 'staffing'}.${string}`;
export type MessageKey = CoreKey | AreaKey;
export type MessageValues = Record<string, string | number | Date | boolean | null | undefined>;

/** Area message files (`messages/<area>.<locale>.json`) are merged into the core catalogue. */
const areaFiles = import.meta.glob<Record<string, string>>('./messages/*.json', {
	eager: true,
	import: 'default'
});

export function catalogue(loc: AppLocale): Record<string, string> {
	const merged: Record<string, string> = { ...(loc === 'en' ? en : zh) };
	for (const [path, messages] of Object.entries(areaFiles)) {
		if (path.endsWith(`.${loc}.json`)) Object.assign(merged, messages);
	}
	return merged;
}

/** Wrap each message in ⟦…⟧: ICU arguments stay intact, so plurals and values still format. */
export function pseudoCatalogue(): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [k, m] of Object.entries(catalogue('en'))) out[k] = `⟦${m}⟧`;
	return out;
}

let initialised = false;

export function isAppLocale(x: unknown): x is AppLocale {
	return x === 'en' || x === 'zh-CN';
}

/** Stored choice → browser languages → English. */
export function detectLocale(): string {
	try {
		const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
		if (stored === PSEUDO_LOCALE || isAppLocale(stored)) return stored;
	} catch {
		/* storage blocked: fall through */
	}
	const nav = typeof navigator !== 'undefined' ? getLocaleFromNavigator() : null;
	if (nav && /^zh\b/i.test(nav)) return 'zh-CN';
	return 'en';
}

export function setupI18n(initial: string = detectLocale()): void {
	if (!initialised) {
		addMessages('en', catalogue('en'));
		addMessages('zh-CN', catalogue('zh-CN'));
		addMessages(PSEUDO_LOCALE, pseudoCatalogue());
		initialised = true;
	}
	init({ fallbackLocale: 'en', initialLocale: initial });
	applyDocumentLocale(initial);
}

function applyDocumentLocale(loc: string): void {
	if (typeof document !== 'undefined') document.documentElement.lang = loc === PSEUDO_LOCALE ? 'en' : loc;
}

export function setLocale(loc: string): void {
	rawLocale.set(loc);
	applyDocumentLocale(loc);
	try {
		globalThis.localStorage?.setItem(STORAGE_KEY, loc);
	} catch {
		/* not remembered, still switched */
	}
}

/** Current locale as a store; formatters below follow it. */
export const locale: Readable<string> = derived(rawLocale, (l) => l ?? 'en');

/** Intl locale tag for number/date formatting (the pseudo-locale formats like English). */
export function intlLocale(loc: string): string {
	return loc === PSEUDO_LOCALE ? 'en' : loc;
}

export type Translate = (key: MessageKey, values?: MessageValues) => string;

/** `$t('key', {name})` — typed keys; values are ICU arguments. */
export const t: Readable<Translate> = derived(rawFormat, (fmt) => {
	return (key: MessageKey, values?: MessageValues) =>
		fmt(key, values ? { values: values as Record<string, string | number | boolean | Date | null | undefined> } : undefined);
});

/** Non-reactive lookup for code outside components (toasts, download names). */
export function translate(key: MessageKey, values?: MessageValues): string {
	return get(t)(key, values);
}

export type Formatters = {
	number: (n: number, opts?: Intl.NumberFormatOptions) => string;
	percent: (n: number, digits?: number) => string;
	date: (d: Date | number, opts?: Intl.DateTimeFormatOptions) => string;
	dateTime: (d: Date | number) => string;
	bytes: (n: number) => string;
	relative: (d: Date | number, now?: number) => string;
};

export function makeFormatters(loc: string): Formatters {
	const tag = intlLocale(loc);
	return {
		number: (n, opts) => new Intl.NumberFormat(tag, opts).format(n),
		percent: (n, digits = 1) => new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: digits }).format(n),
		date: (d, opts) => new Intl.DateTimeFormat(tag, opts ?? { dateStyle: 'medium' }).format(d),
		dateTime: (d) => new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' }).format(d),
		bytes: (n) => {
			const units = ['B', 'KB', 'MB', 'GB', 'TB'];
			let i = 0;
			let v = n;
			while (v >= 1024 && i < units.length - 1) {
				v /= 1024;
				i++;
			}
			return `${new Intl.NumberFormat(tag, { maximumFractionDigits: i === 0 ? 0 : 1 }).format(v)} ${units[i]}`;
		},
		relative: (d, now = Date.now()) => {
			const ms = (typeof d === 'number' ? d : d.getTime()) - now;
			const rtf = new Intl.RelativeTimeFormat(tag, { numeric: 'auto' });
			const abs = Math.abs(ms);
			if (abs < 60_000) return rtf.format(Math.round(ms / 1000), 'second');
			if (abs < 3_600_000) return rtf.format(Math.round(ms / 60_000), 'minute');
			if (abs < 86_400_000) return rtf.format(Math.round(ms / 3_600_000), 'hour');
			return rtf.format(Math.round(ms / 86_400_000), 'day');
		}
	};
}

export const fmt: Readable<Formatters> = derived(locale, (l) => makeFormatters(l));

/** Which language shipped bilingual content (templates, samples) shows in: the pseudo-locale reads English. */
export const contentLocale: Readable<'en' | 'zh-CN'> = derived(locale, (l) => (l === 'zh-CN' ? 'zh-CN' : 'en'));

/** Shipped content passes through here so the pseudo-locale marks it too (it is product text, not user data). */
export const shipped: Readable<(text: string) => string> = derived(
	locale,
	(l) => (text: string) => (l === PSEUDO_LOCALE && text ? `⟦${text}⟧` : text)
);
