// lunar-javascript ships no types: the calls the holiday-table test makes (a dev dependency, never in the app bundle)
declare module 'lunar-javascript' {
	interface SolarDay {
		toYmd(): string;
		getLunar(): LunarDay;
	}
	interface LunarDay {
		getSolar(): SolarDay;
		getJieQiTable(): Record<string, SolarDay>;
	}
	export const Lunar: { fromYmd(year: number, month: number, day: number): LunarDay };
	export const Solar: { fromYmd(year: number, month: number, day: number): SolarDay };
}
