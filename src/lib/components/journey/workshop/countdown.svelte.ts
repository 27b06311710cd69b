// Workshop countdown: set minutes, start / pause / reset; counts from a wall-clock deadline so a busy tab never drifts.
export interface CountdownSnapshot {
	durationMs: number;
	/** Remaining time while paused/stopped; ignored while running. */
	remainingMs: number;
	/** Wall-clock deadline while running, else null. */
	endsAt: number | null;
}

export class Countdown {
	durationMs = $state(5 * 60_000);
	remainingMs = $state(5 * 60_000);
	endsAt = $state<number | null>(null);
	now = $state(Date.now());
	#timer: ReturnType<typeof setInterval> | null = null;

	get running(): boolean {
		return this.endsAt !== null;
	}
	get left(): number {
		return this.endsAt === null ? this.remainingMs : Math.max(0, this.endsAt - this.now);
	}
	get finished(): boolean {
		return this.left <= 0 && this.durationMs > 0;
	}
	/** "mm:ss" (minutes may exceed 59). */
	get display(): string {
		return formatClock(this.left);
	}

	setMinutes(min: number): void {
		const m = Math.min(180, Math.max(0.5, Number.isFinite(min) ? min : 5));
		this.durationMs = Math.round(m * 60_000);
		this.endsAt = null;
		this.remainingMs = this.durationMs;
		this.#stopTicking();
	}

	start(now = Date.now()): void {
		if (this.running) return;
		if (this.remainingMs <= 0) this.remainingMs = this.durationMs;
		this.now = now;
		this.endsAt = now + this.remainingMs;
		this.#tick();
	}

	pause(now = Date.now()): void {
		if (this.endsAt === null) return;
		this.remainingMs = Math.max(0, this.endsAt - now);
		this.endsAt = null;
		this.now = now;
		this.#stopTicking();
	}

	reset(): void {
		this.endsAt = null;
		this.remainingMs = this.durationMs;
		this.#stopTicking();
	}

	snapshot(): CountdownSnapshot {
		return { durationMs: this.durationMs, remainingMs: this.remainingMs, endsAt: this.endsAt };
	}

	restore(s: Partial<CountdownSnapshot>): void {
		if (typeof s.durationMs === 'number' && s.durationMs > 0) this.durationMs = s.durationMs;
		if (typeof s.remainingMs === 'number' && s.remainingMs >= 0) this.remainingMs = s.remainingMs;
		this.endsAt = typeof s.endsAt === 'number' ? s.endsAt : null;
		this.now = Date.now();
		if (this.endsAt !== null) this.#tick();
	}

	#tick(): void {
		this.#stopTicking();
		this.#timer = setInterval(() => {
			this.now = Date.now();
			if (this.endsAt !== null && this.now >= this.endsAt) {
				this.remainingMs = 0;
				this.endsAt = null;
				this.#stopTicking();
			}
		}, 250);
	}

	#stopTicking(): void {
		if (this.#timer) clearInterval(this.#timer);
		this.#timer = null;
	}

	dispose(): void {
		this.#stopTicking();
	}
}

export function formatClock(ms: number): string {
	const total = Math.ceil(Math.max(0, ms) / 1000);
	const m = Math.floor(total / 60);
	const s = total % 60;
	return `${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}
