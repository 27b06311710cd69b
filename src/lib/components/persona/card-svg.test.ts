import { describe, expect, it } from 'vitest';
import { generateAvatar } from '$lib/domain/persona';
import { xiaolin, xiaolinFieldDefs } from '../../../../tests/fixtures/persona/xiaolin';
import { cardModel } from './card-model';
import { cardSvg, esc, wrap, type Measure } from './card-svg';
import { parseAge } from './age';

// Every character is as wide as its font size × 0.6 (CJK × 1): enough to test line breaking.
const measure: Measure = (s, px) => [...s].reduce((w, ch) => w + (/[\u2e80-\u9fff]/.test(ch) ? px : px * 0.6), 0);
const t = (k: string, v?: Record<string, unknown>) => (v ? `${k}:${JSON.stringify(v)}` : k);

describe('card SVG', () => {
	it('escapes markup and drops characters XML forbids', () => {
		expect(esc('<img src=x onerror="alert(1)">&\u0001')).toBe('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;');
	});

	it('wraps Latin text by words and Chinese by characters, with an ellipsis past the last line', () => {
		expect(wrap('After work I want tea', 60, 10, 400, measure)).toEqual(['After work', 'I want tea']);
		expect(wrap('下班后想要一杯不用等的茶', 50, 10, 400, measure)).toEqual(['下班后想要', '一杯不用等', '的茶']);
		const two = wrap('one two three four five six', 40, 10, 400, measure, 2);
		expect(two).toHaveLength(2);
		expect(two[1].endsWith('…')).toBe(true);
	});

	it('renders user text as text only: a malicious name cannot become an element', () => {
		const p = xiaolin();
		const m = cardModel(p, xiaolinFieldDefs(), [], 'zh-CN', t as never, String, String);
		const svg = cardSvg(
			m,
			generateAvatar(p.basic.avatarSeed),
			'javascript:alert(1)',
			{ behaviour: 'B', psychology: 'P', value: 'V', needs: 'N' },
			measure
		);
		const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
		expect(doc.querySelector('parsererror')).toBeNull();
		expect(doc.querySelectorAll('img, script, foreignObject, image')).toHaveLength(0);
		const texts = Array.from(doc.querySelectorAll('text')).map((x) => x.textContent);
		expect(texts).toContain('小林 <img src=x');
		expect(texts).toContain('onerror=alert(1)>');
		expect(svg).toContain('茉莉奶绿');
	});
});

describe('age field', () => {
	it('reads an age, a range or an open range; refuses anything else', () => {
		expect(parseAge('28')).toEqual({ ok: true, ageMin: 28, ageMax: 28 });
		expect(parseAge('25–34')).toEqual({ ok: true, ageMin: 25, ageMax: 34 });
		expect(parseAge('25 - 34 岁')).toEqual({ ok: true, ageMin: 25, ageMax: 34 });
		expect(parseAge('35+')).toEqual({ ok: true, ageMin: 35, ageMax: null });
		expect(parseAge('')).toEqual({ ok: true, ageMin: null, ageMax: null });
		for (const bad of ['abc', '34-25', '200', '-3']) expect(parseAge(bad).ok).toBe(false);
	});
});
