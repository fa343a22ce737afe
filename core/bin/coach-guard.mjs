#!/usr/bin/env node
// The CLI is bundled by `npm run build` into core/dist/cli.mjs; this shim only finds it.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const bundle = fileURLToPath(new URL('../dist/cli.mjs', import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write('coach-guard: not built yet; run `npm run build` in the repository root first\n');
  process.exit(2);
}
await import(pathToFileURL(bundle).href);
