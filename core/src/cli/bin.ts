import { runCli } from './main';
import { nodeIo } from './node-io';

runCli(process.argv.slice(2), nodeIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Only a bug gets here: user errors are CliErrors turned into one line by runCli.
    process.stderr.write(`coach-guard: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 70;
  },
);
