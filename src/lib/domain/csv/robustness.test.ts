// @vitest-environment node
// Importers never throw: any bytes and any CSV-ish text come back as {errors, data}, and building any mapping too.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bytesSource, parseSource } from './parse';
import { profileTable } from './inference';
import { guessKind, guessMapping, toColumnMapping } from './mapping';
import { buildDataset } from './validate';
import { DATASET_KINDS } from '../dataset/fields';

const csvish = fc.string({
	unit: fc.constantFrom('a', '1', '2', '.', ',', ';', '\t', '|', ' ', '"', '\n', '\r', '-', '/', ':', '客', '¥', '(', ')', '%', '\u0000'),
	maxLength: 300
});

describe('never throws', () => {
	it('property: any bytes', async () => {
		await fc.assert(
			fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), fc.integer({ min: 1024, max: 2048 }), async (bytes, chunkBytes) => {
				const r = await parseSource(bytesSource(bytes), { chunkBytes });
				expect(Array.isArray(r.errors)).toBe(true);
				if (r.data === null) expect(r.errors.some((e) => e.severity === 'fatal')).toBe(true);
			}),
			{ numRuns: 200 }
		);
	});
	it('property: any CSV-ish text, profiled, mapped and built under every kind', async () => {
		await fc.assert(
			fc.asyncProperty(csvish, async (text) => {
				const r = await parseSource(bytesSource(new TextEncoder().encode(text)));
				if (!r.data) return;
				const t = r.data;
				for (let i = 0; i < t.rowCount; i++) expect(t.rowNumbers[i]).toBeGreaterThan(t.hasHeader ? 1 : 0);
				const prof = profileTable(t);
				expect(DATASET_KINDS).toContain(guessKind(t.headers, prof));
				for (const kind of DATASET_KINDS) {
					const m = toColumnMapping(guessMapping(kind, t.headers, prof), prof);
					const b = buildDataset(t, m);
					if (b.data) {
						const rep = b.data.report;
						expect(rep.rowsAccepted + rep.rowsRejected + rep.rowsExcluded).toBe(rep.rowsRead);
					} else expect(b.errors.length).toBeGreaterThan(0);
				}
			}),
			{ numRuns: 300 }
		);
	});
});
