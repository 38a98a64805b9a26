// Exit codes and the errors that carry them. Expected failures print one line, never a stack trace.
export const EXIT = { ok: 0, failed: 1, usage: 2, auth: 3 } as const;

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.failed,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export const usageError = (message: string) => new CliError(message, EXIT.usage);
export const authError = (message: string) => new CliError(message, EXIT.auth);
