// Pure (no imports): used by the workflows and, for a workflow that closed without recording its result, by the API.

/** The innermost message of a failure chain (an activity failure wraps the real cause). */
export function failureMessage(err: unknown): string {
  let e = err as { message?: string; cause?: unknown } | undefined;
  let msg = e?.message ?? String(err);
  while (e?.cause) {
    e = e.cause as { message?: string; cause?: unknown };
    if (e?.message) msg = e.message;
  }
  return msg;
}
