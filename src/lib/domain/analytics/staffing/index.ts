// Public surface of the staffing engine: Erlang B/C/A queue metrics, required agents and per-interval plans.
export { erlangB, erlangC, erlangCMetrics, erlangAMetrics, requiredAgents, trafficIntensity } from './erlang';
export type { QueueInput, QueueMetrics, StaffingTarget, StaffingResult } from './erlang';
export { staffingPlan, planFromForecast, type PlanInterval, type PlanOptions, type PlanRow, type StaffingPlan } from './plan';
export { intervalsInFourWeeks, recentAht } from './recent-aht';
