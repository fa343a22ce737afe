// Bundles the plugin and the core it adapts into one CommonJS file, then packages a .vsix.
// `vscode` is provided by the extension host; everything else (core, openpgp) is bundled.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const { version } = require('./package.json');

await build({
  entryPoints: [join(here, 'src/extension.ts')],
  outfile: join(here, 'dist/extension.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  // openpgp's Node build calls createRequire(import.meta.url); a CommonJS bundle has no import.meta.
  define: { 'import.meta.url': '__cgImportMetaUrl' },
  banner: { js: "const __cgImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  sourcemap: false,
  minify: false,
  logLevel: 'warning',
});

const vsix = join(here, 'dist', `coach-guard-supervision-${version}.vsix`);
const vsce = join(here, '..', 'node_modules', '.bin', 'vsce');
// --no-dependencies: the bundle already holds everything; --skip-license: the licence is the repo's.
execFileSync(vsce, ['package', '--no-dependencies', '--skip-license', '--allow-missing-repository', '--out', vsix], {
  cwd: here,
  stdio: ['ignore', 'inherit', 'inherit'],
});
console.log(`built ${vsix}`);
