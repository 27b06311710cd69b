// Customer lifetime value (BG/NBD × Gamma-Gamma with discrete discounting) and calibration/holdout tracking.
import type { TransactionColumns } from '../shared/transactions';
import { conditionalExpectedPurchases, expectedPurchases, fitBgNbd, probabilityAlive, type BgNbdFit, type BgNbdParams } from './bgnbd';
import { conditionalExpectedSpend, fitGammaGamma, type GammaGammaFit, type GammaGammaParams } from './gammagamma';
import { UNIT_DAYS, rfSummary, type RfSummary, type TimeUnit } from './summary';

export interface ClvOptions {
	/** Number of discounting periods (lifetimes: `time`, in months). */
	periods?: number;
	/** Length of one period in the model's time unit (lifetimes: 30 for days, 4.345 for weeks ⇒ a month). */
	periodLength?: number;
	/** Discount rate per period (lifetimes default 0.01 per month). */
	discountRate?: number;
	/** Profit margin applied to spend (1 = revenue CLV). */
	margin?: number;
}

/** A month in the model's unit, as lifetimes' `freq` factors (D: 30, W: 4.345). */
export function monthLength(unit: TimeUnit): number {
	return unit === 'days' ? 30 : 4.345;
}

/**
 * CLV_i = margin · Σ_{k=1..K} E[spend_i] · (E[Y(kL)] − E[Y((k−1)L)]) / (1 + d)^k, the same discrete
 * discounting as lifetimes' `customer_lifetime_value`, so results can be compared line by line.
 */
export function customerLifetimeValue(
	bg: BgNbdParams,
	gg: GammaGammaParams,
	x: number,
	tx: number,
	T: number,
	meanSpend: number,
	unit: TimeUnit,
	options: ClvOptions = {}
): number {
	const K = options.periods ?? 12;
	const L = options.periodLength ?? monthLength(unit);
	const d = options.discountRate ?? 0.01;
	const margin = options.margin ?? 1;
	const spend = conditionalExpectedSpend(gg, x, meanSpend);
	let clv = 0;
	let prev = 0;
	for (let k = 1; k <= K; k++) {
		const cum = conditionalExpectedPurchases(bg, k * L, x, tx, T);
		clv += (spend * (cum - prev)) / Math.pow(1 + d, k);
		prev = cum;
	}
	return margin * clv;
}

export interface ClvModel {
	summary: RfSummary;
	bgnbd: BgNbdFit;
	gammaGamma: GammaGammaFit;
}

/** Summarise + fit both models in one go (time unit default weeks, as FHL). */
export function fitClvModels(tx: TransactionColumns, options: { endDay?: number; unit?: TimeUnit } = {}): ClvModel {
	const summary = rfSummary(tx, options);
	const bgnbd = fitBgNbd(summary);
	const gammaGamma = fitGammaGamma(summary.x, summary.mean);
	return { summary, bgnbd, gammaGamma };
}

export interface CustomerPredictions {
	/** Per summary row (same order as `summary.code`). */
	pAlive: Float64Array;
	expectedPurchases: Float64Array;
	expectedSpend: Float64Array;
	clv: Float64Array;
}

/** P(alive), E[Y(horizon)] and CLV for every summarised customer. */
export function predictCustomers(model: ClvModel, horizon: number, clv: ClvOptions = {}): CustomerPredictions {
	const s = model.summary;
	const n = s.x.length;
	const bg = model.bgnbd.params;
	const gg = model.gammaGamma.params;
	const out: CustomerPredictions = {
		pAlive: new Float64Array(n),
		expectedPurchases: new Float64Array(n),
		expectedSpend: new Float64Array(n),
		clv: new Float64Array(n)
	};
	for (let i = 0; i < n; i++) {
		out.pAlive[i] = probabilityAlive(bg, s.x[i], s.tx[i], s.T[i]);
		out.expectedPurchases[i] = conditionalExpectedPurchases(bg, horizon, s.x[i], s.tx[i], s.T[i]);
		out.expectedSpend[i] = conditionalExpectedSpend(gg, s.x[i], s.mean[i]);
		out.clv[i] = customerLifetimeValue(bg, gg, s.x[i], s.tx[i], s.T[i], s.mean[i], s.unit, clv);
	}
	return out;
}

export interface TrackingRow {
	/** Period number since the origin (1 = first period). */
	period: number;
	actual: number;
	predicted: number;
	actualCumulative: number;
	predictedCumulative: number;
	/** true when the period ends after the calibration end (a holdout period). */
	holdout: boolean;
}

export interface TrackingOptions {
	/** First day of period 1 (default: the cohort's first purchase day). */
	originDay?: number;
	/** Inclusive last day of the calibration period: the fit uses only data up to here. */
	calibrationEndDay: number;
	/** Inclusive last day tracked (default: last transaction day). */
	endDay?: number;
	unit?: TimeUnit;
}

/**
 * Fits BG/NBD on the calibration period, then compares actual vs predicted repeat purchases per period
 * for the calibration cohort (customers whose first purchase is on or before the calibration end):
 * predicted cumulative at the end of period k = Σ_i E[X(t_k − t0_i)] (FHL 2005 fig. 2/3).
 * Same-day purchases count once, as in the fit.
 */
export function calibrationHoldout(
	tx: TransactionColumns,
	options: TrackingOptions
): { fit: BgNbdFit; rows: TrackingRow[]; summary: RfSummary } {
	const unit = options.unit ?? 'weeks';
	const u = UNIT_DAYS[unit];
	const summary = rfSummary(tx, { endDay: options.calibrationEndDay, unit });
	const fit = fitBgNbd(summary);
	const full = rfSummary(tx, { endDay: options.endDay, unit }); // all purchase days up to endDay
	let origin = options.originDay ?? Infinity;
	if (options.originDay === undefined) for (const d of summary.firstDay) origin = Math.min(origin, d);
	const endDay = options.endDay ?? full.endDay;
	const periods = Math.ceil((endDay - origin + 1) / u);
	// Cohort membership and repeat-day counting per period, from a (customer, day) scan of the data.
	const cohort = new Set<number>(summary.code);
	const firstOf = new Map<number, number>();
	for (let i = 0; i < summary.code.length; i++) firstOf.set(summary.code[i], summary.firstDay[i]);
	const actual = new Float64Array(periods);
	const seen = new Set<number>();
	const span = endDay - origin + 2;
	for (let i = 0; i < tx.customer.length; i++) {
		const c = tx.customer[i];
		if (!cohort.has(c)) continue;
		const d = Math.floor(tx.days[i]);
		if (d > endDay || d === firstOf.get(c)) continue;
		const key = c * span + (d - origin);
		if (seen.has(key)) continue;
		seen.add(key);
		const k = Math.floor((d - origin) / u);
		if (k >= 0 && k < periods) actual[k]++;
	}
	// Customers sharing a first-purchase day share E[X(t)]: evaluate once per distinct day.
	const byFirst = new Map<number, number>();
	for (const d of summary.firstDay) byFirst.set(d, (byFirst.get(d) ?? 0) + 1);
	const rows: TrackingRow[] = [];
	let actCum = 0;
	let prevPred = 0;
	for (let k = 1; k <= periods; k++) {
		let pred = 0;
		const periodEnd = origin + k * u; // exclusive day boundary
		for (const [first, count] of byFirst) {
			const t = (periodEnd - first) / u;
			if (t > 0) pred += count * expectedPurchases(fit.params, t);
		}
		actCum += actual[k - 1];
		rows.push({
			period: k,
			actual: actual[k - 1],
			predicted: pred - prevPred,
			actualCumulative: actCum,
			predictedCumulative: pred,
			holdout: periodEnd - 1 > options.calibrationEndDay
		});
		prevPred = pred;
	}
	return { fit, rows, summary };
}
