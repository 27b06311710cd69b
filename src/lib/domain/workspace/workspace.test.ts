import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { checkName, isTrashExpired, makeWorkspace, TRASH_TTL_MS, uniqueName, WorkspaceSchema } from './workspace';

describe('workspace rules', () => {
	it('rejects blank and over-long names, trims spaces', () => {
		expect(checkName('   ')).toEqual({ code: 'name-required' });
		expect(checkName('x'.repeat(81))).toEqual({ code: 'name-too-long', max: 80 });
		expect(checkName('港湾茶舍')).toBeNull();
		expect(makeWorkspace('  My   shop ').name).toBe('My shop');
	});

	it('keeps trashed workspaces for exactly 24 hours', () => {
		const ws = { deletedAt: 1000 };
		expect(isTrashExpired(ws, 1000 + TRASH_TTL_MS - 1)).toBe(false);
		expect(isTrashExpired(ws, 1000 + TRASH_TTL_MS)).toBe(true);
		expect(isTrashExpired({ deletedAt: null }, Number.MAX_SAFE_INTEGER)).toBe(false);
	});

	it('keeps unknown fields when validating (newer data survives)', () => {
		const ws = { ...makeWorkspace('A'), futureField: { x: 1 } };
		const parsed = v.parse(WorkspaceSchema, ws);
		expect(parsed.futureField).toEqual({ x: 1 });
	});

	it('finds a free name', () => {
		expect(uniqueName('A (copy)', ['A', 'A (copy)'])).toBe('A (copy) 2');
		expect(uniqueName('B', ['A'])).toBe('B');
	});
});
