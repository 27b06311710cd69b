import { describe, expect, it } from 'vitest';
import { err, ok } from './errors';

describe('coded results', () => {
	it('carries a value or a code with detail', () => {
		expect(ok(3)).toEqual({ ok: true, value: 3 });
		expect(err('not-json', { at: 2 })).toEqual({ ok: false, code: 'not-json', detail: { at: 2 } });
		expect(err('x')).toEqual({ ok: false, code: 'x' });
	});
});
