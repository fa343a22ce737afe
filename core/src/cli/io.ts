/** What a command may touch of the outside world, passed in so tests can run commands in-process. */
export interface Io {
  stdout: { write(chunk: string | Uint8Array): unknown };
  stderr: { write(chunk: string): unknown };
  /** Reads all of standard input. */
  readStdin(): Promise<Uint8Array>;
  /** Asks for a secret without echoing it; absent when there is no terminal to ask at. */
  promptSecret?: (question: string) => Promise<string>;
  env: Record<string, string | undefined>;
  cwd: string;
}

/** A refusal the user caused (bad input, a file that won't open): one line on stderr, exit code 2. */
export class CliError extends Error {
  override name = 'CliError';
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}
