// @vitest-environment node
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../i18n/messages/journey.en.json';
import zh from '../../i18n/messages/journey.zh-CN.json';
import { EVIDENCE_LEVELS, NEED_TYPES } from './card.schema';
import { COVERAGE_KINDS } from './coverage';
import { JOURNEY_KINDS, JOURNEY_STATUSES } from './journey.schema';
import { BLUEPRINT_LINES, LANE_LABELS, LANE_TYPES } from './lanes';

const keys = new Set(Object.keys(en));

describe('journey messages', () => {
	it('have the same keys in both languages, all under journey.', () => {
		expect(Object.keys(zh).sort()).toEqual([...keys].sort());
		expect([...keys].every((k) => k.startsWith('journey.'))).toBe(true);
	});

	it('cover every key the domain hands to the UI', () => {
		const needed = [
			...LANE_TYPES.map((t) => `journey.lane.${t}`),
			...BLUEPRINT_LINES.map((t) => `journey.line.${t}`),
			...JOURNEY_STATUSES.map((t) => `journey.status.${t}`),
			...JOURNEY_KINDS.map((t) => `journey.kind.${t}`),
			...NEED_TYPES.map((t) => `journey.needType.${t}`),
			...EVIDENCE_LEVELS.map((t) => `journey.evidence.${t}`),
			...COVERAGE_KINDS.map((t) => `journey.coverage.${t}`),
			...['not-json', 'wrong-format', 'newer-version', 'invalid-record', 'dangling-reference'].map((c) => `journey.error.${c}`)
		];
		const src = readFileSync(resolve(process.cwd(), 'src/lib/domain/journey/edits.ts'), 'utf8');
		needed.push(...[...src.matchAll(/'(journey\.edit\.\w+)'/g)].map((m) => m[1]));
		expect(needed.filter((k) => !keys.has(k))).toEqual([]);
	});

	it('lane labels in the domain match the UI messages', () => {
		for (const t of LANE_TYPES) {
			expect(LANE_LABELS[t].en).toBe((en as Record<string, string>)[`journey.lane.${t}`]);
			expect(LANE_LABELS[t]['zh-CN']).toBe((zh as Record<string, string>)[`journey.lane.${t}`]);
		}
	});
});
