// The per-area sample builders the sample workspace is made of; each area appends its own entry here.
import type { Locale } from '../record';

export type AreaSample = (locale: Locale, workspaceId: string, now: number) => Record<string, Record<string, unknown>[]>;

export const AREA_SAMPLES: AreaSample[] = [];
