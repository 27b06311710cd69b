// Theme choice (system / light / dark), remembered per browser, applied as data-theme on <html>.
export type ThemeChoice = 'system' | 'light' | 'dark';
const KEY = 'cx.theme';

export class ThemeState {
	choice = $state<ThemeChoice>('system');

	load(): void {
		try {
			const v = localStorage.getItem(KEY);
			if (v === 'light' || v === 'dark' || v === 'system') this.choice = v;
		} catch {
			/* default */
		}
		this.apply();
	}

	set(choice: ThemeChoice): void {
		this.choice = choice;
		try {
			localStorage.setItem(KEY, choice);
		} catch {
			/* not remembered */
		}
		this.apply();
	}

	cycle(): void {
		this.set(this.choice === 'system' ? 'light' : this.choice === 'light' ? 'dark' : 'system');
	}

	#media: MediaQueryList | null = null;

	/** The theme in effect: the user's choice, or the system's for "system" (followed live). */
	apply(): void {
		if (typeof document === 'undefined') return;
		if (!this.#media && typeof matchMedia === 'function') {
			this.#media = matchMedia('(prefers-color-scheme: dark)');
			this.#media.addEventListener('change', () => this.apply());
		}
		const dark = this.choice === 'dark' || (this.choice === 'system' && !!this.#media?.matches);
		document.documentElement.dataset.theme = dark ? 'dark' : 'light';
	}
}

export const theme = new ThemeState();
