/**
 * The one result shape: a value, or the failure that kept it from being had.
 * Reads (`Fact<T>`, a `FactGap`) and writes (`WriteResult<T>`, a
 * `WriteFailure`) differ only in what a failure carries.
 */
export type Result<T, F> = { ok: true; value: T } | { ok: false; failure: F };
