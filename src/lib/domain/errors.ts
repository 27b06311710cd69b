// Coded results shared by the domain layer: importers and validators return these instead of throwing.
export type Ok<T> = { ok: true; value: T };
export type Err<C extends string = string> = { ok: false; code: C; detail?: Record<string, unknown> };
export type Result<T, C extends string = string> = Ok<T> | Err<C>;

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });
export const err = <C extends string>(code: C, detail?: Record<string, unknown>): Err<C> =>
	detail ? { ok: false, code, detail } : { ok: false, code };
