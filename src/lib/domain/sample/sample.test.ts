import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { sampleTables } from './sample';
import { WorkspaceSchema } from '../workspace/workspace';

describe('sample workspace', () => {
	it('exists in both languages and passes the workspace schema', () => {
		for (const loc of ['en', 'zh-CN'] as const) {
			const t = sampleTables(loc);
			expect(t.workspaces).toHaveLength(1);
			expect(v.safeParse(WorkspaceSchema, t.workspaces[0]).success).toBe(true);
		}
		expect(sampleTables('zh-CN').workspaces[0].name).toContain('港湾茶舍');
		expect(sampleTables('en').workspaces[0].name).toContain('Harbour Tea House');
	});
});

describe('sample workspace restores cleanly', () => {
	it('passes backup validation with every area sample included', async () => {
		const { parseBackup, buildEnvelope } = await import('../backup/backup');
		const { TABLE_SCHEMAS } = await import('$lib/db/tables');
		for (const loc of ['en', 'zh-CN'] as const) {
			const env = buildEnvelope(sampleTables(loc), 1);
			const res = parseBackup(JSON.stringify(env), { schemaVersion: 1, tables: TABLE_SCHEMAS });
			expect(res.ok, JSON.stringify(!res.ok && res)).toBe(true);
		}
	});
});
