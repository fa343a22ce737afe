// Bundles the coach-guard CLI into one ESM file that Node runs without a TypeScript step.
import { build } from 'esbuild';

await build({
  entryPoints: ['core/src/cli/bin.ts'],
  outfile: 'core/dist/cli.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  // Some dependencies are CommonJS and call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __cgCreateRequire } from 'node:module'; const require = __cgCreateRequire(import.meta.url);" },
});
console.log('built core/dist/cli.mjs');
