// Queueing formulas for contact-centre staffing: Erlang B/C (M/M/N) and Erlang A (M/M/N+M, Palm) with exponential patience.
// Everything goes through the Erlang B recursion (values stay in [0,1]), so thousands of agents and contacts per
// interval never overflow the way the factorial textbook formula does.

export interface QueueInput {
	/** contacts arriving in the interval */
	contacts: number;
	/** interval length in seconds */
	intervalSeconds: number;
	/** average handle time in seconds */
	ahtSeconds: number;
	/** service-level threshold in seconds ("answered within T") */
	targetSeconds: number;
}

export interface QueueMetrics {
	agents: number;
	/** offered load in Erlangs */
	traffic: number;
	/** probability an arrival waits at all */
	pWait: number;
	/** share answered within targetSeconds (over all offered contacts) */
	serviceLevel: number;
	/** mean wait in seconds over all offered contacts */
	asa: number;
	occupancy: number;
	/** probability of abandoning (0 for Erlang C) */
	pAbandon: number;
}

/** Offered load A = λ·AHT in Erlangs. */
export const trafficIntensity = (q: Pick<QueueInput, 'contacts' | 'intervalSeconds' | 'ahtSeconds'>): number =>
	(q.contacts * q.ahtSeconds) / q.intervalSeconds;

/** Erlang B blocking probability by the stable recursion B(k) = A·B(k-1) / (k + A·B(k-1)). */
export function erlangB(agents: number, traffic: number): number {
	let b = 1;
	for (let k = 1; k <= agents; k++) b = (traffic * b) / (k + traffic * b);
	return b;
}

/** Erlang C probability of waiting; 1 when the queue is unstable (agents ≤ traffic). */
export function erlangC(agents: number, traffic: number): number {
	if (traffic <= 0) return 0;
	if (agents <= traffic) return 1;
	const b = erlangB(agents, traffic);
	return (agents * b) / (agents - traffic * (1 - b));
}

export function erlangCMetrics(agents: number, q: QueueInput): QueueMetrics {
	const a = trafficIntensity(q);
	const pw = erlangC(agents, a);
	const stable = agents > a;
	const sl = stable ? Math.max(0, 1 - pw * Math.exp((-(agents - a) * q.targetSeconds) / q.ahtSeconds)) : 0;
	const asa = stable ? (pw * q.ahtSeconds) / (agents - a) : Infinity;
	return {
		agents,
		traffic: a,
		pWait: pw,
		serviceLevel: sl,
		asa,
		occupancy: agents > 0 ? Math.min(1, a / agents) : 1,
		pAbandon: 0
	};
}

/**
 * Erlang A metrics. Patience is exponential with the given mean (seconds); Infinity means nobody abandons,
 * which reduces exactly to Erlang C when agents > traffic.
 * Service level counts contacts answered within T over all offered contacts (abandons count as misses);
 * it is computed by uniformising the tagged customer's pure-death chain, which stays stable for large queues.
 */
export function erlangAMetrics(agents: number, q: QueueInput, patienceSeconds: number): QueueMetrics {
	const a = trafficIntensity(q);
	const lambda = q.contacts / q.intervalSeconds;
	const mu = 1 / q.ahtSeconds;
	const theta = Number.isFinite(patienceSeconds) && patienceSeconds > 0 ? 1 / patienceSeconds : 0;
	const N = agents;
	if (theta === 0 && N <= a) {
		return {
			agents,
			traffic: a,
			pWait: 1,
			serviceLevel: 0,
			asa: Infinity,
			occupancy: 1,
			pAbandon: 0
		};
	}
	if (lambda <= 0)
		return {
			agents,
			traffic: 0,
			pWait: 0,
			serviceLevel: 1,
			asa: 0,
			occupancy: 0,
			pAbandon: 0
		};
	// Queue-state weights relative to π_N: t_k = Π_{i=1..k} λ / (Nμ + iθ); truncate when negligible.
	const t: number[] = [1];
	let tk = 1;
	let sumT = 1;
	let sumKT = 0;
	for (let k = 1; k < 1_000_000; k++) {
		tk *= lambda / (N * mu + k * theta);
		t.push(tk);
		sumT += tk;
		sumKT += k * tk;
		if (tk < 1e-16 * sumT && k > 5) break;
	}
	const b = N > 0 ? erlangB(N, a) : 1;
	// Σ_{j<N} π_j / π_N = 1/B − 1; the k = 0 term of the queue part is π_N itself.
	const total = 1 / b - 1 + sumT;
	const pWait = sumT / total;
	const eQueue = sumKT / total;
	const pAbandon = theta > 0 ? (theta * eQueue) / lambda : 0;
	// Occupancy = carried load / N = λ(1 − P(ab))·AHT / N.
	const occupancy = N > 0 ? Math.min(1, (a * (1 - pAbandon)) / N) : 1;
	const asa = eQueue / lambda;
	// Tagged customer who finds k ahead: phase j (j ahead) ends at rate Nμ + jθ (+ θ for own abandonment).
	const K = t.length - 1;
	const Lam = N * mu + (K + 1) * theta;
	let v = new Float64Array(K + 1);
	for (let k = 0; k <= K; k++) v[k] = t[k] / total;
	const T = q.targetSeconds;
	const lt = Lam * T;
	let served = 0;
	if (lt > 0) {
		// Poisson weights computed in log space; stop once the remaining mass is negligible.
		let logw = -lt;
		let cumPois = 0;
		let absorbed = 0;
		const maxSteps = Math.ceil(lt + 12 * Math.sqrt(lt) + 30);
		for (let n = 0; n <= maxSteps; n++) {
			const w = Math.exp(logw);
			// P(V_n ≤ n steps) = absorbed mass after n steps; P(served by T) = Σ_n Pois(n) · absorbed_n
			served += w * absorbed;
			cumPois += w;
			const nv = new Float64Array(K + 1);
			for (let j = 0; j <= K; j++) {
				const vj = v[j];
				if (vj === 0) continue;
				const r = N * mu + j * theta;
				if (j === 0) absorbed += (vj * r) / Lam;
				else nv[j - 1] += (vj * r) / Lam;
				nv[j] += vj * (1 - (r + theta) / Lam);
			}
			v = nv;
			logw += Math.log(lt) - Math.log(n + 1);
			if (1 - cumPois < 1e-12) break;
		}
	}
	const sl = 1 - pWait + served;
	return {
		agents,
		traffic: a,
		pWait,
		serviceLevel: Math.min(1, Math.max(0, sl)),
		asa,
		occupancy,
		pAbandon
	};
}

export interface StaffingTarget {
	/** e.g. 0.8 for 80% answered within targetSeconds */
	serviceLevel: number;
	/** cap on occupancy, e.g. 0.85; default 1 */
	maxOccupancy?: number;
	/** share of paid time not on the phones (breaks, training); scheduled = raw / (1 − shrinkage) */
	shrinkage?: number;
	/** optional cap on mean wait in seconds */
	maxAsaSeconds?: number;
	/** Erlang A only: cap on abandonment probability */
	maxAbandon?: number;
	/** Erlang A only: mean patience in seconds; omit for Erlang C */
	patienceSeconds?: number;
}

export interface StaffingResult extends QueueMetrics {
	/** agents on the phones needed */
	rawAgents: number;
	/** agents to schedule after shrinkage */
	scheduled: number;
	model: 'erlang-c' | 'erlang-a';
}

/** Written as "not (good)" so a NaN metric never counts as meeting a target. */
function meets(m: QueueMetrics, target: StaffingTarget): boolean {
	if (!(m.serviceLevel >= target.serviceLevel)) return false;
	if (!(m.occupancy <= (target.maxOccupancy ?? 1) + 1e-12)) return false;
	if (target.maxAsaSeconds !== undefined && !(m.asa <= target.maxAsaSeconds)) return false;
	if (target.maxAbandon !== undefined && !(m.pAbandon <= target.maxAbandon)) return false;
	return true;
}

/** Fewest agents meeting every target (all metrics improve monotonically in N, so a bisection suffices). */
export function requiredAgents(q: QueueInput, target: StaffingTarget): StaffingResult {
	const erlA = target.patienceSeconds !== undefined;
	const evalAt = (n: number): QueueMetrics => (erlA ? erlangAMetrics(n, q, target.patienceSeconds!) : erlangCMetrics(n, q));
	const a = trafficIntensity(q);
	const shrink = target.shrinkage ?? 0;
	const schedule = (raw: number): number => (raw === 0 ? 0 : Math.ceil(raw / (1 - shrink) - 1e-9));
	if (q.contacts <= 0) {
		const m = evalAt(0);
		return {
			...m,
			serviceLevel: 1,
			pWait: 0,
			asa: 0,
			occupancy: 0,
			rawAgents: 0,
			scheduled: 0,
			model: erlA ? 'erlang-a' : 'erlang-c'
		};
	}
	let lo = erlA ? 0 : Math.floor(a); // known to fail (Erlang C is unstable at N ≤ A)
	let hi = Math.max(lo + 1, Math.ceil(a + 5 * Math.sqrt(a) + 5));
	while (!meets(evalAt(hi), target)) {
		lo = hi;
		hi *= 2;
		if (hi > 1e7) break;
	}
	while (hi - lo > 1) {
		const mid = Math.floor((lo + hi) / 2);
		if (mid > 0 && meets(evalAt(mid), target)) hi = mid;
		else lo = mid;
	}
	const m = evalAt(hi);
	return {
		...m,
		rawAgents: hi,
		scheduled: schedule(hi),
		model: erlA ? 'erlang-a' : 'erlang-c'
	};
}
