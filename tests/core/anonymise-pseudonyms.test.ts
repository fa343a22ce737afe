import { describe, expect, it } from 'vitest';
import {
  anonymise,
  createPseudonymMapping,
  findIdentifiers,
  isAnonymisedNote,
  parsePseudonymMapping,
  parseRoster,
  shareableNote,
  MappingError,
} from '../../core/src/index';

const roster = parseRoster({
  people: [
    { name: 'Megan Thursfield', role: 'coachee' },
    { name: 'Alistair Crombie', role: 'sponsor' },
  ],
  organisations: ['Wensum Assurance'],
});

describe('anonymise: pseudonyms keep roles and stay consistent', () => {
  it('the coachee and the sponsor keep their roles; others are numbered', () => {
    const out = anonymise('Megan and Alistair Crombie disagree. Bev Stannard from Wensum Assurance took sides.', { roster }).text;
    expect(out).toBe('The coachee and the sponsor disagree. Colleague 1 from Organisation 1 took sides.');
  });

  it('different people get different pseudonyms', () => {
    const { replacements } = anonymise('Declan Farrelly argued with Oisin Keane, and Declan won.');
    const byOriginal = new Map(replacements.map((r) => [r.original, r.replacement]));
    expect(byOriginal.get('Declan Farrelly')).not.toBe(byOriginal.get('Oisin Keane'));
    expect(byOriginal.get('Declan')).toBe(byOriginal.get('Declan Farrelly'));
  });

  it('a partner stays "Partner", a second partner is numbered', () => {
    const out = anonymise('Her husband, Lewis, drives her. His wife, Adaeze, is a nurse.').text;
    expect(out).toBe('Her husband, Partner, drives her. His wife, Partner 2, is a nurse.');
  });

  it('the mapping carries pseudonyms to the next note of the case, and is not mutated', () => {
    const first = anonymise('Megan clashed with Tyler Osgood at Halvard Freight.', { roster });
    const before = JSON.stringify(first.mapping);
    const second = anonymise('Tyler apologised. Osgood’s team at Halvard Freight was relieved; Megan too.', { roster, mapping: first.mapping });
    expect(JSON.stringify(first.mapping)).toBe(before);
    const pseudonym = (r: typeof first, original: string) => r.replacements.find((x) => x.original === original)?.replacement;
    expect(pseudonym(second, 'Tyler')).toBe(pseudonym(first, 'Tyler Osgood'));
    expect(pseudonym(second, 'Osgood')).toBe(pseudonym(first, 'Tyler Osgood'));
    expect(pseudonym(second, 'Halvard Freight')).toBe(pseudonym(first, 'Halvard Freight'));
    expect(second.mapping.entries.length).toBe(first.mapping.entries.length);
  });

  it('a new person in a later note gets a number not used before', () => {
    const first = anonymise('Tyler Osgood again.', { roster });
    const second = anonymise('Then Priscilla Onuoha joined.', { roster, mapping: first.mapping });
    expect(second.text).toBe('Then Colleague 2 joined.');
  });

  it('a mapping survives JSON and is validated when read back', () => {
    const first = anonymise('Tyler Osgood again.', { roster });
    const restored = parsePseudonymMapping(JSON.parse(JSON.stringify(first.mapping)));
    expect(anonymise('Tyler left.', { roster, mapping: restored }).text).toBe('Colleague 1 left.');
    expect(() => parsePseudonymMapping({ version: 2, entries: [] })).toThrow(MappingError);
    expect(() => parsePseudonymMapping({ version: 1, entries: [{ pseudonym: 'X', type: 'robot', forms: [] }] })).toThrow(/type must be one of/);
    expect(() =>
      parsePseudonymMapping({
        version: 1,
        entries: [
          { pseudonym: 'Colleague 1', type: 'person', forms: ['A'] },
          { pseudonym: 'Colleague 1', type: 'person', forms: ['B'] },
        ],
      }),
    ).toThrow(/two people would be merged/);
    expect(createPseudonymMapping()).toEqual({ version: 1, entries: [] });
  });

  it('a roster edited in place is honoured on the next call (no stale cache)', () => {
    const r = parseRoster({ people: [{ name: 'Megan Thursfield', role: 'coachee' }] });
    expect(anonymise('Megan met bev.', { roster: r }).text).toBe('The coachee met bev.');
    r.people.push({ name: 'bev', role: 'colleague' });
    expect(anonymise('Megan met bev.', { roster: r }).text).toBe('The coachee met Colleague 1.');
  });

  it('replacements point at the original words', () => {
    const text = 'Megan emailed m.t@wensum.co.uk on 3 March.';
    for (const r of anonymise(text, { roster }).replacements) expect(text.slice(r.start, r.end)).toBe(r.original);
  });
});

describe('anonymise: suspects', () => {
  it.each([
    ['a unique job title', 'She is the Head of Treasury there.', 'Head of Treasury', 'job-title'],
    ['a title with a department', 'Jordan is Director of Customer Success.', 'Director of Customer Success', 'job-title'],
    ['a lower-case title', 'I also coach the head of regulatory affairs.', 'head of regulatory affairs', 'job-title'],
    ['a rare event', 'He won the 2024 innovation award last year.', 'won the 2024 innovation award', 'rare-event'],
    ['a unique position', 'She is the only female VP of Engineering in the group.', 'the only female VP', 'rare-event'],
    ['a project name', 'He led the Falcon migration last year.', 'Falcon migration', 'product'],
    ['an age', "She's 51 and exhausted.", "She's 51", 'mosaic'],
  ] as const)('%s', (_label, text, words, kind) => {
    const { suspects, text: out } = anonymise(text);
    const hit = suspects.find((s) => s.kind === kind && s.text.includes(words));
    expect(hit, JSON.stringify(suspects)).toBeDefined();
    expect(hit!.reason.length).toBeGreaterThan(10);
    expect(out.slice(hit!.start, hit!.end)).toBe(hit!.text);
  });

  it('no suspects in plain coaching prose', () => {
    expect(anonymise('She felt stuck and angry; we explored what she wants from the next six weeks.').suspects).toEqual([]);
  });

  it('suspect offsets are into the anonymised text even after replacements', () => {
    const { suspects, text } = anonymise('Bartholomew Quayle is Head of Treasury at Larkfield Holdings.');
    const title = suspects.find((s) => s.kind === 'job-title');
    expect(title?.text).toBe('Head of Treasury');
    expect(text.slice(title!.start, title!.end)).toBe('Head of Treasury');
  });
});

describe('anonymise: the shareable note carries nothing that re-identifies', () => {
  it('note has only kind, text and suspects', () => {
    const result = anonymise('Megan met Tyler Osgood.', { roster });
    expect(Object.keys(result.note).sort()).toEqual(['kind', 'suspects', 'text']);
    expect(JSON.stringify(result.note)).not.toMatch(/Megan|Tyler|Osgood/);
  });

  it('shareableNote strips anything extra a JavaScript caller passed in', () => {
    const result = anonymise('Megan met Tyler Osgood.', { roster });
    const smuggled = { ...result.note, replacements: result.replacements, mapping: result.mapping };
    const clean = shareableNote(smuggled);
    expect(JSON.stringify(clean)).not.toMatch(/Megan|Tyler/);
    expect(isAnonymisedNote(clean)).toBe(true);
    expect(() => shareableNote(result as never)).toThrow(/not an anonymised note/);
  });
});

describe('anonymised text checked again', () => {
  it('finds nothing to replace in its own pseudonyms (numbered, lettered, bracketed)', () => {
    const first = anonymise('Megan Thursfield met Tom Reyes at Halvard Logistics in Leeds on 14 March 2026; her partner Lewis drove. tom@halvard.com', {});
    expect(first.text).toMatch(/Colleague 1 .*Organisation 1 .*\[city\].*\[date, March\].*Partner.*\[email\]/);
    expect(findIdentifiers(first.text, { mapping: first.mapping }).identifiers).toEqual([]);
    expect(anonymise(first.text, { mapping: first.mapping }).replacements).toEqual([]);
  });

  it('still finds a real name written next to a pseudonym', () => {
    const report = findIdentifiers('Colleague 1 said Bernadette Okafor would join.', {});
    expect(report.identifiers.map((i) => i.text)).toEqual(['Bernadette Okafor']);
  });
});
