/**
 * npm run eval [-- CORPUS.jsonl ...]
 * Prints quality figures for each corpus given (default: the development sets in ../shared/corpus).
 * A corpus is recognised by its records: `spans` → disclosure detection, `identifiers` → anonymisation.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const DEFAULTS = ['../shared/corpus/disclosure-dev.jsonl', '../shared/corpus/anonymise-dev.jsonl'];

async function main() {
  const files = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const corpora = files.length > 0 ? files : DEFAULTS.filter((f) => existsSync(f));
  if (corpora.length === 0) {
    console.error('eval: no corpus given and none found at ../shared/corpus');
    process.exit(2);
  }
  for (const file of corpora) {
    const path = resolve(file);
    let first: Record<string, unknown>;
    try {
      const line = readFileSync(path, 'utf8').split('\n').find((l) => l.trim() !== '');
      first = JSON.parse(line ?? '{}') as Record<string, unknown>;
    } catch (error) {
      console.error(`eval: cannot read ${file}: ${(error as Error).message}`);
      process.exit(2);
    }
    if ('spans' in first) {
      const { evalDisclosure } = await import('./eval-disclosure');
      evalDisclosure(path);
    } else if ('identifiers' in first) {
      const { evalAnonymise } = await import('./eval-anonymise');
      evalAnonymise(path);
    } else {
      console.error(`eval: ${file} is neither a disclosure corpus (spans) nor an anonymisation corpus (identifiers)`);
      process.exit(2);
    }
  }
}

await main();
