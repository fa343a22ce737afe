/**
 * npm run bench — prints speed figures; it asserts nothing and fails only if a section crashes.
 * Each capability has its own section module exporting `run(): Promise<void>`.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SECTIONS = ['bench-detect', 'bench-anonymise', 'bench-seal', 'bench-extension', 'bench-security'];
const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));

for (const name of SECTIONS) {
  if (only.length > 0 && !only.some((o) => name.includes(o))) continue;
  if (!existsSync(fileURLToPath(new URL(`./${name}.ts`, import.meta.url)))) continue;
  const section = (await import(`./${name}.ts`)) as { run(): Promise<void> };
  await section.run();
}
