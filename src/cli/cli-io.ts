/** What a command produced: the process writes `stdout` and `stderr` and exits with `exitCode`. */
export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Where a command reads its input from; tests pass text, the process passes the real stdin and files. */
export interface CliIo {
  /** All of standard input (called only when the command was given `-`). */
  readStdin: () => string;
  /** A file's text; throws the Node error (`ENOENT`, `EISDIR`, ...) when it cannot. */
  readFile: (path: string) => string;
}

export const EXIT = {
  ok: 0,
  /** Something went wrong inside the tool: a bug, not the input. */
  failure: 1,
  /** The command line or the input was wrong; the message says how. */
  badInput: 2,
} as const;

export const PROGRAM = 'career-conversations';

export function succeeded(stdout: string, stderr = ''): CliResult {
  return { exitCode: EXIT.ok, stdout, stderr };
}

export function badInput(message: string, hint?: string): CliResult {
  const lines = [`${PROGRAM}: ${message}`];
  if (hint) lines.push(hint);
  return { exitCode: EXIT.badInput, stdout: '', stderr: `${lines.join('\n')}\n` };
}

/** An error's message, also for errors from another realm (where `instanceof Error` is false). */
export function messageOf(error: unknown): string {
  if (
    typeof error === 'object' &&
    error !== null &&
    'message' in error &&
    typeof error.message === 'string'
  ) {
    return error.message;
  }
  return String(error);
}
