// The per-area sample builders the sample workspace is made of; each area appends its own entry here.
import type { Locale } from '../record';
import { samplePersonas } from './personas';
import { sampleJourneys } from './journeys';
import { touchpointSample } from './touchpoints';
import { datasetSample } from './datasets';

export type AreaSample = (locale: Locale, workspaceId: string, now: number) => Record<string, Record<string, unknown>[]>;

export const AREA_SAMPLES: AreaSample[] = [sampleJourneys, samplePersonas, touchpointSample, datasetSample];
