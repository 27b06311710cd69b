// Small deterministic PRNG shared by everything that needs reproducible "random" data: samples, avatars, simulations, warm-up, benchmarks.

/** mulberry32: a uniform [0, 1) source that gives the same sequence for a seed on every machine. */
export function rng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
