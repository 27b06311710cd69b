// @vitest-environment node
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonical, journeyArb } from '../../../../tests/fixtures/journey/arbitrary';
import { makeLargeJourney } from '../../../../tests/fixtures/journey/large-journey';
import { exportJourneyFile, importJourneyFile, journeyFileName } from './file';

describe('journey JSON file', () => {
	it('round-trips equal modulo remapped ids, into another workspace', () => {
		fc.assert(
			fc.property(journeyArb, (s) => {
				const r = importJourneyFile(exportJourneyFile(s), 'other');
				if (!r.ok) throw new Error(r.code + JSON.stringify(r.detail));
				expect(r.journey.workspaceId).toBe('other');
				expect(r.cards.every((c) => c.workspaceId === 'other' && c.journeyId === r.journey.id)).toBe(true);
				expect(r.journey.id).not.toBe(s.journey.id);
				expect(canonical({ journey: r.journey, cards: r.cards })).toEqual(canonical(s));
			}),
			{ numRuns: 100 }
		);
	});

	it('imports the large benchmark map', () => {
		const s = makeLargeJourney(7);
		expect(s.cards).toHaveLength(500);
		expect(s.journey.stages).toHaveLength(12);
		expect(s.journey.lanes).toHaveLength(10);
		const r = importJourneyFile(exportJourneyFile(s), 'ws2');
		expect(r.ok && r.cards.length).toBe(500);
		expect(makeLargeJourney(7)).toEqual(s);
	});

	it('returns coded errors instead of throwing', () => {
		const good = JSON.parse(exportJourneyFile(makeLargeJourney(1, { cards: 3 })));
		const imp = (x: unknown) => importJourneyFile(typeof x === 'string' ? x : JSON.stringify(x), 'w');
		expect(imp('{oops')).toMatchObject({ ok: false, code: 'not-json' });
		expect(imp({ formatName: 'cx-studio.backup' })).toMatchObject({ ok: false, code: 'wrong-format' });
		expect(imp([1])).toMatchObject({ ok: false, code: 'wrong-format' });
		expect(imp({ ...good, formatVersion: 99 })).toMatchObject({ ok: false, code: 'newer-version', detail: { fileVersion: 99 } });
		expect(imp({ ...good, journey: { ...good.journey, status: 'maybe' } })).toMatchObject({
			ok: false,
			code: 'invalid-record',
			detail: { record: 'journey', path: 'status' }
		});
		const cards = structuredClone(good.cards);
		cards[1].evidence = 'rumour';
		expect(imp({ ...good, cards })).toMatchObject({
			ok: false,
			code: 'invalid-record',
			detail: { record: 'card', index: 1, path: 'evidence' }
		});
		const dangling = structuredClone(good.cards);
		dangling[0].laneId = 'ghost';
		expect(imp({ ...good, cards: dangling })).toMatchObject({
			ok: false,
			code: 'dangling-reference',
			detail: { index: 0, path: 'laneId' }
		});
		// A BOM (some editors add one) is fine; unknown fields survive.
		const extra = { ...good, journey: { ...good.journey, futureField: 42 } };
		const r = importJourneyFile('\uFEFF' + JSON.stringify(extra), 'w');
		expect(r.ok && (r.journey as Record<string, unknown>).futureField).toBe(42);
	});

	it('suggests a safe file name', () => {
		expect(journeyFileName({ title: 'a/b:c?' })).toBe('a b c.json');
		expect(journeyFileName({ title: '  ' })).toBe('journey.json');
	});
});

describe('journey file fixtures', () => {
	const read = (name: string) => readFileSync(resolve(process.cwd(), 'tests/fixtures/journey', name), 'utf8');
	it('imports the shipped sample map and rejects the odd ones with codes', () => {
		const r = importJourneyFile(read('tea-house-first-visit.journey.json'), 'w');
		expect(r.ok && [r.journey.title, r.cards.length]).toEqual(['接触前 / 接触中 / 接触后', 25]);
		expect(importJourneyFile(read('newer-version.journey.json'), 'w')).toMatchObject({ ok: false, code: 'newer-version' });
		expect(importJourneyFile(read('invalid-card.journey.json'), 'w')).toMatchObject({
			ok: false,
			code: 'invalid-record',
			detail: { index: 0, path: 'text' }
		});
	});
});
