import type { Io } from '../../core/src/cli/io';

/** An in-memory Io: what a command printed, and what it read from stdin. */
export function memoryIo(stdin = '', cwd = process.cwd()) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    stdout: { write: (c) => out.push(typeof c === 'string' ? c : new TextDecoder().decode(c)) },
    stderr: { write: (c) => err.push(c) },
    readStdin: async () => new TextEncoder().encode(stdin),
    env: {},
    cwd,
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}
