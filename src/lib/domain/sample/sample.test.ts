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
