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

	apply(): void {
		if (typeof document === 'undefined') return;
		const root = document.documentElement;
		if (this.choice === 'system') root.removeAttribute('data-theme');
		else root.dataset.theme = this.choice;
	}
}

export const theme = new ThemeState();
