import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Saver } from './saver.svelte';
import { UndoStack } from './undo.svelte';
import { freshDb, quotaState } from '$lib/db/test-helpers';
import { createWorkspace, updateWorkspace } from '$lib/db/repositories/workspaces';

describe('debounced saver', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('refuses to save before the first load finished', () => {
		const s = new Saver();
		expect(() => s.schedule('k', async () => {})).toThrow();
	});

	it('coalesces edits of one key into the last write after 300 ms', async () => {
		const s = new Saver(300);
		s.markReady();
		const writes: number[] = [];
		for (let i = 0; i < 5; i++) s.schedule('k', async () => void writes.push(i));
		expect(s.status).toBe('pending');
		await vi.advanceTimersByTimeAsync(299);
		expect(writes).toEqual([]);
		await vi.advanceTimersByTimeAsync(1);
		expect(writes).toEqual([4]);
		expect(s.status).toBe('saved');
	});

	it('flushes at once when the page is hidden', async () => {
		const s = new Saver(300);
		s.markReady();
		const detach = s.attach(window);
		let saved = false;
		s.schedule('k', async () => void (saved = true));
		Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
		document.dispatchEvent(new Event('visibilitychange'));
		await vi.advanceTimersByTimeAsync(0);
		expect(saved).toBe(true);
		detach();
		Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
	});
});

describe('a full disk', () => {
	it('keeps the edit in memory, keeps earlier data intact, and the retry saves it', async () => {
		vi.useRealTimers();
		const db = await freshDb({ failTable: 'workspaces' });
		quotaState.fail = false;
		const ws = await createWorkspace(db, 'Before');
		quotaState.fail = true;
		const s = new Saver(10);
		s.markReady();
		s.schedule('ws', () => updateWorkspace(db, ws.id, { name: 'After' }));
		const ok = await s.flush();
		expect(ok).toBe(false);
		expect(s.status).toBe('error');
		expect(s.lastError).toBe('quota');
		expect(s.hasPending).toBe(true);
		expect((await db.workspaces.get(ws.id))?.name).toBe('Before');
		quotaState.fail = false;
		expect(await s.retry()).toBe(true);
		expect(s.status).toBe('saved');
		expect((await db.workspaces.get(ws.id))?.name).toBe('After');
	});
});

describe('undo stack', () => {
	it('undoes and redoes, merging quick edits of one field', async () => {
		const u = new UndoStack();
		let value = 'a';
		const set = (v: string) => () => void (value = v);
		value = 'ab';
		u.push({ label: 'type', undo: set('a'), redo: set('ab'), mergeKey: 'name' }, 1000);
		value = 'abc';
		u.push({ label: 'type', undo: set('ab'), redo: set('abc'), mergeKey: 'name' }, 1500);
		value = 'abc!';
		u.push({ label: 'other', undo: set('abc'), redo: set('abc!') }, 1600);
		await u.undo();
		expect(value).toBe('abc');
		await u.undo();
		expect(value).toBe('a');
		expect(u.canUndo).toBe(false);
		await u.redo();
		expect(value).toBe('abc');
		await u.redo();
		expect(value).toBe('abc!');
		expect(u.canRedo).toBe(false);
	});

	it('a new edit clears the redo branch', async () => {
		const u = new UndoStack();
		u.push({ label: 'x', undo: () => {}, redo: () => {} });
		await u.undo();
		expect(u.canRedo).toBe(true);
		u.push({ label: 'y', undo: () => {}, redo: () => {} });
		expect(u.canRedo).toBe(false);
	});
});
