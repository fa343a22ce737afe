// Runs a TypeScript entry point (bench, eval) through tsx, forwarding arguments and exit code.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const tsx = require.resolve('tsx/cli');
const result = spawnSync(process.execPath, [tsx, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
