// @vitest-environment node
// The built-in holiday tables equal an independent lunisolar calendar (lunar-javascript, 6tail): Spring Festival (正月初一), Dragon Boat (五月初五), Mid-Autumn (八月十五) and the Qingming solar term, every year 2015–2030.
import { describe, expect, it } from 'vitest';
import { Lunar, Solar } from 'lunar-javascript';
import { DRAGON_BOAT, MID_AUTUMN, QINGMING, SPRING_FESTIVAL } from './events';

const YEARS = Array.from({ length: 16 }, (_, i) => 2015 + i);

describe('lunar holiday tables', () => {
	it('match lunar-javascript for 2015–2030', () => {
		expect(SPRING_FESTIVAL).toEqual(YEARS.map((y) => Lunar.fromYmd(y, 1, 1).getSolar().toYmd()));
		expect(DRAGON_BOAT).toEqual(YEARS.map((y) => Lunar.fromYmd(y, 5, 5).getSolar().toYmd()));
		expect(MID_AUTUMN).toEqual(YEARS.map((y) => Lunar.fromYmd(y, 8, 15).getSolar().toYmd()));
		expect(QINGMING).toEqual(YEARS.map((y) => Solar.fromYmd(y, 4, 1).getLunar().getJieQiTable()['清明'].toYmd()));
	});
});
