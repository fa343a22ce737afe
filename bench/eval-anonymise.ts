/**
 * Quality figures for anonymise on a labelled corpus (JSON Lines: id, roster, text, identifiers
 * [{text, type}], keep [strings]). A surface form "leaks" when it is still in the output as a
 * whole word, case-insensitively. Job titles and quasi-identifiers count as handled when removed
 * or listed in the suspects. `--verbose` lists every leak and every lost keep string.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { anonymiseWith, type NameRecognisers } from '../core/src/anonymise/anonymise-note';
import { recogniseWithCompromise } from '../core/src/anonymise/recognise-compromise';
import { parseRoster, personRole, type Roster } from '../core/src/roster';
import type { AnonymiseResult } from '../core/src/anonymise/types';

interface Labelled {
  id: string;
  roster: Roster;
  text: string;
  identifiers: { text: string; type: string }[];
  keep: string[];
}

type Group = 'roster' | 'other' | 'structured' | 'title/quasi';
const STRUCTURED = new Set(['email', 'phone', 'url', 'id-number', 'date']);

function loadCorpus(path: string): Labelled[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((line, i) => {
      const r = JSON.parse(line) as Labelled;
      if (typeof r.text !== 'string' || !Array.isArray(r.identifiers)) throw new Error(`${path}:${i + 1}: not an anonymise record`);
      return { ...r, roster: parseRoster(withKnownRoles(r.roster ?? {})), keep: r.keep ?? [] };
    });
}

/**
 * A labelled set may give roles the product does not know ("chair of trustees"): they count as
 * "other" here, so scoring never stops at a roster the product itself would refuse with a message.
 */
function withKnownRoles(roster: unknown): unknown {
  const r = roster as { people?: { role?: unknown }[] };
  if (!Array.isArray(r.people)) return roster;
  return { ...r, people: r.people.map((p) => (typeof p?.role === 'string' && !personRole(p.role) ? { ...p, role: 'other' } : p)) };
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Whole-word, case-insensitive presence; "word" edges only where the form itself has a letter. */
export function stillPresent(output: string, form: string): boolean {
  const left = /^[\p{L}\p{N}]/u.test(form) ? '(?<![\\p{L}\\p{N}])' : '';
  const right = /[\p{L}\p{N}]$/u.test(form) ? '(?![\\p{L}\\p{N}])' : '';
  return new RegExp(left + escapeRe(form) + right, 'iu').test(output);
}

function groupOf(record: Labelled, id: { text: string; type: string }): Group {
  if (STRUCTURED.has(id.type)) return 'structured';
  if (id.type === 'job-title' || id.type === 'quasi') return 'title/quasi';
  if (id.type === 'person' || id.type === 'organisation') {
    const names = [...record.roster.people.flatMap((p) => [p.name, ...(p.aliases ?? [])]), ...record.roster.organisations];
    const rosterWords = new Set(names.flatMap((n) => n.toLowerCase().split(/[\s.,-]+/)));
    const initials = new Set([...rosterWords].map((w) => w[0]));
    // A form is the roster's when each of its words is a roster word or a roster initial ("M.T.", "C. H-D.").
    const words = id.text.toLowerCase().replace(/['’]s$/, '').split(/[\s.,-]+/).filter(Boolean);
    if (words.length > 0 && words.every((w) => rosterWords.has(w) || (w.length === 1 && initials.has(w)))) return 'roster';
  }
  return 'other';
}

interface Tally {
  total: Record<Group, number>;
  leaked: Record<Group, number>;
  keepTotal: number;
  keepKept: number;
  leaks: string[];
  lost: string[];
  suspects: number;
  ms: number;
}

function evaluate(corpus: Labelled[], recognisers: NameRecognisers): Tally {
  const zero = () => ({ roster: 0, other: 0, structured: 0, 'title/quasi': 0 });
  const t: Tally = { total: zero(), leaked: zero(), keepTotal: 0, keepKept: 0, leaks: [], lost: [], suspects: 0, ms: 0 };
  for (const record of corpus) {
    const t0 = performance.now();
    const result: AnonymiseResult = anonymiseWith(record.text, { roster: record.roster }, recognisers, recogniseWithCompromise);
    t.ms += performance.now() - t0;
    t.suspects += result.suspects.length;
    for (const id of record.identifiers) {
      const group = groupOf(record, id);
      t.total[group]++;
      let leaked = stillPresent(result.text, id.text);
      if (leaked && group === 'title/quasi') {
        const form = id.text.toLowerCase();
        leaked = !result.suspects.some((s) => {
          const words = s.text.toLowerCase();
          return words.includes(form) || (form.includes(words) && words.length >= form.length / 2);
        });
      }
      if (leaked) {
        t.leaked[group]++;
        t.leaks.push(`${record.id}  ${group.padEnd(11)} ${id.type.padEnd(12)} "${id.text}"`);
      }
    }
    for (const k of record.keep) {
      t.keepTotal++;
      if (result.text.toLowerCase().includes(k.toLowerCase())) t.keepKept++;
      else t.lost.push(`${record.id}  keep lost: "${k}"`);
    }
  }
  return t;
}

/** The default recognisers' figures on a corpus, as the eval prints them: shares left, handled, kept. */
export function anonymiseQuality(path: string): { roster: number; other: number; structured: number; titleHandled: number; keep: number } {
  const t = evaluate(loadCorpus(path), 'rules');
  const left = (g: Group) => (t.total[g] === 0 ? 0 : t.leaked[g] / t.total[g]);
  return {
    roster: left('roster'),
    other: left('other'),
    structured: left('structured'),
    titleHandled: 1 - left('title/quasi'),
    keep: t.keepTotal === 0 ? 1 : t.keepKept / t.keepTotal,
  };
}

const share = (n: number, d: number) => (d === 0 ? '   n/a' : (n / d).toFixed(3).padStart(6));

export function evalAnonymise(path: string): void {
  const verbose = process.argv.includes('--verbose');
  const corpus = loadCorpus(path);
  console.log(`\n== anonymise: ${basename(path)} (${corpus.length} notes) ==`);
  console.log('share of identifier surface forms still in the output (lower is better); keep = share of keep strings kept');
  console.log('recognisers         roster  other  struct  title/quasi handled  keep   suspects  ms/note');
  const results = (['rules', 'compromise', 'both'] as const).map((mode) => [mode, evaluate(corpus, mode)] as const);
  for (const [mode, t] of results) {
    console.log(
      `${(mode === 'rules' ? 'rules (default)' : mode === 'compromise' ? 'compromise NER' : 'rules + compromise').padEnd(19)}` +
        ` ${share(t.leaked.roster, t.total.roster)} ${share(t.leaked.other, t.total.other)} ${share(t.leaked.structured, t.total.structured)}` +
        `  ${share(t.total['title/quasi'] - t.leaked['title/quasi'], t.total['title/quasi'])}              ${share(t.keepKept, t.keepTotal)}` +
        `  ${String(t.suspects).padStart(8)}  ${(t.ms / corpus.length).toFixed(2).padStart(7)}`,
    );
  }
  const t = results[0]![1];
  console.log(
    `counts (default): roster ${t.leaked.roster}/${t.total.roster}, other ${t.leaked.other}/${t.total.other}, structured ${t.leaked.structured}/${t.total.structured}, ` +
      `title/quasi unhandled ${t.leaked['title/quasi']}/${t.total['title/quasi']}, keep ${t.keepKept}/${t.keepTotal}`,
  );
  console.log('targets: roster 0, structured 0, other <= 0.05, title/quasi handled >= 0.7, keep >= 0.95');
  if (verbose) for (const line of [...t.leaks, ...t.lost]) console.log(`  ${line}`);
  else if (t.leaks.length + t.lost.length > 0) console.log(`(${t.leaks.length} leaks, ${t.lost.length} keep strings lost: --verbose lists them)`);
}
