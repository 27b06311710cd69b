import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { exportBackup, restoreBackup, collectTables } from './backup';
import { freshDb, snapshot } from './test-helpers';
import { createWorkspace } from './repositories/workspaces';
import { newId } from '$lib/domain/record';
import { newJourney } from '$lib/domain/journey/create';

const fixture = (name: string) => readFileSync(`tests/fixtures/backups/${name}`, 'utf8');

describe('restore refuses every bad backup and changes nothing', () => {
	const cases: [string, string][] = [
		['not-json.json', 'not-json'],
		['truncated.json', 'truncated'],
		['wrong-format.json', 'wrong-format'],
		['newer-format.json', 'newer-format'],
		['newer-schema.json', 'newer-schema'],
		['invalid-record.json', 'invalid-record'],
		['duplicate-ids.json', 'duplicate-id'],
		['unknown-table.json', 'unknown-table'],
		['empty.json', 'empty'],
		['orphan-record.json', 'invalid-record']
	];
	it.each(cases)('%s → %s', async (file, code) => {
		const db = await freshDb();
		await createWorkspace(db, 'Existing');
		const before = await snapshot(db);
		const res = await restoreBackup(db, fixture(file));
		expect(res.ok).toBe(false);
		if (!res.ok) expect(res.code).toBe(code);
		expect(await snapshot(db)).toEqual(before);
	});

	it('says where an invalid record is', async () => {
		const db = await freshDb();
		const res = await restoreBackup(db, fixture('invalid-record.json'));
		expect(res).toMatchObject({ ok: false, code: 'invalid-record', detail: { table: 'workspaces', index: 1, path: 'name' } });
	});

	it('names a record whose workspace is missing from the file', async () => {
		const db = await freshDb();
		const res = await restoreBackup(db, fixture('orphan-record.json'));
		expect(res).toMatchObject({ ok: false, code: 'invalid-record', detail: { table: 'cards', index: 1, path: 'workspaceId' } });
	});

	it('restores a good backup as a new workspace, twice without collisions', async () => {
		const db = await freshDb();
		const a = await restoreBackup(db, fixture('good.json'));
		const b = await restoreBackup(db, fixture('good.json'));
		expect(a.ok && b.ok).toBe(true);
		expect(await db.workspaces.count()).toBe(2);
		expect(await db.journeys.count()).toBe(2);
		const journeys = await db.journeys.toArray();
		const wsIds = (await db.workspaces.toArray()).map((w) => w.id);
		for (const j of journeys) expect(wsIds).toContain(j.workspaceId);
	});

	it('a write failure inside the transaction leaves nothing half-written', async () => {
		const db = await freshDb({ failTable: 'blobs' });
		await createWorkspace(db, 'Existing');
		const before = await snapshot(db);
		const good = JSON.parse(fixture('good.json'));
		good.tables.blobs = [
			{ id: 'b1', workspaceId: 'ws-1' },
			{ id: 'b2', workspaceId: 'ws-1' }
		];
		const res = await restoreBackup(db, JSON.stringify(good));
		expect(res, JSON.stringify(res)).toMatchObject({ ok: false, code: 'quota' });
		expect(await snapshot(db)).toEqual(before);
	});
});

/** Replace ids by their owner's table+seq so two copies with different ids compare equal. */
function canonical(tables: Record<string, Record<string, unknown>[]>) {
	const map = new Map<string, string>();
	for (const [name, rows] of Object.entries(tables)) for (const r of rows) map.set(r.id as string, `${name}:${r.seq ?? r.name}`);
	const walk = (x: unknown): unknown => {
		if (typeof x === 'string') return map.get(x) ?? x;
		// JSON has no negative zero; a backup stores -0 as 0 (typed arrays keep it, byte for byte).
		if (typeof x === 'number' && Object.is(x, -0)) return 0;
		if (ArrayBuffer.isView(x)) return { typed: x.constructor.name, values: Array.from(x as unknown as ArrayLike<number>) };
		if (Array.isArray(x)) return x.map(walk);
		if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, v]) => [map.get(k) ?? k, walk(v)]));
		return x;
	};
	const out: Record<string, unknown[]> = {};
	for (const [name, rows] of Object.entries(tables)) {
		out[name] = rows
			.map((r) => {
				const { updatedAt: _u, deletedAt: _d, ...rest } = r;
				return walk(name === 'workspaces' ? rest : r);
			})
			.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
	}
	return out;
}

describe('backup → restore round trip', () => {
	const text = fc.string({ unit: 'grapheme', maxLength: 30 });
	const record = fc.record({
		seq: fc.integer(),
		title: text,
		score: fc.double({ noNaN: true, noDefaultInfinity: true }),
		tags: fc.array(text, { maxLength: 4 }),
		nested: fc.dictionary(fc.string({ minLength: 1, maxLength: 5 }), fc.oneof(text, fc.integer(), fc.boolean(), fc.constant(null)), {
			maxKeys: 3
		})
	});
	it('is equal for generated workspaces (fast-check)', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).filter((s) => s.trim().length > 0 && !/\s{2}|^\s|\s$/.test(s)),
				fc.array(record, { maxLength: 6 }),
				fc.array(record, { maxLength: 6 }),
				fc.array(fc.double({ noNaN: true }), { maxLength: 20 }),
				async (name, journeys, cards, numbers) => {
					const db = await freshDb();
					const ws = await createWorkspace(db, name);
					let seq = 0;
					const js = journeys.map((r) => ({ ...newJourney({ workspaceId: ws.id, title: r.title }).journey, seq: seq++, extra: r }));
					await db.journeys.bulkAdd(js);
					await db.cards.bulkAdd(
						cards.map((r, i) => {
							const j = js[i % Math.max(1, js.length)];
							return {
								id: newId(),
								workspaceId: ws.id,
								createdAt: 1,
								updatedAt: 1,
								journeyId: j?.id ?? 'none',
								laneId: j?.lanes[0].id ?? 'lane',
								stepId: j?.stages[0].steps[0].id ?? 'step',
								order: i,
								text: r.title,
								colour: null,
								evidence: 'assumption',
								needType: null,
								touchpointId: null,
								needIds: [],
								opportunityIds: [],
								votes: 0,
								version: 1,
								seq: seq++,
								extra: r
							};
						})
					);
					const datasetId = newId();
					await db.chunks.bulkAdd([
						{
							id: newId(),
							seq: seq++,
							workspaceId: ws.id,
							datasetId,
							column: 'amount',
							index: 0,
							rowStart: 0,
							rowCount: numbers.length,
							type: 'number',
							values: Float64Array.from(numbers)
						},
						{
							id: newId(),
							seq: seq++,
							workspaceId: ws.id,
							datasetId,
							column: 'channel',
							index: 0,
							rowStart: 0,
							rowCount: 3,
							type: 'string',
							codes: Int32Array.from([1, -1, 0]),
							dict: ['门店', 'app']
						}
					]);
					const original = await collectTables(db, [ws.id]);
					const file = await exportBackup(db, [ws.id]);
					const res = await restoreBackup(db, file);
					expect(res.ok).toBe(true);
					if (!res.ok) return;
					const restored = await collectTables(db, res.value.workspaceIds);
					expect(canonical(restored)).toEqual(canonical(original));
					db.close();
				}
			),
			{ numRuns: 25 }
		);
	});
});
