import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyse, createIncrementalAnalyser, type AnalyseContext, type Finding } from '../../core/src/index';

const context: AnalyseContext = { channel: 'email', recipientRole: 'sponsor' };
const sample = readFileSync(new URL('../fixtures/sample-sponsor-email.txt', import.meta.url), 'utf8');

function expectWellFormed(text: string, findings: Finding[]) {
  for (const f of findings) {
    expect(Number.isInteger(f.start) && Number.isInteger(f.end)).toBe(true);
    expect(f.start).toBeGreaterThanOrEqual(0);
    expect(f.end).toBeLessThanOrEqual(text.length);
    expect(f.start).toBeLessThan(f.end);
    expect(f.message.length).toBeGreaterThan(0);
  }
}

describe('analyse: bad input never throws and stays inside the text', () => {
  it('empty and blank text', () => {
    expect(analyse('', context)).toEqual([]);
    expect(analyse('   \n\n\t ', context)).toEqual([]);
  });

  it('odd Unicode: emoji, combining marks, right-to-left, lone surrogates, NUL, curly quotes', () => {
    const odd = [
      "she's been so anxious 😟😟 about the PIP 🙈",
      'Zoë is re\u0301ally struggling since the divorce',
      '\u202eshe told me she is job hunting\u202c',
      'He said \u201cI can\u2019t do this any more\u201d \ud800 and left \udfff',
      'Sam\u0000 told me he is depressed',
      '\u2018\u2019\u201c\u201d\'\'""',
      'Ali\u2019s been seeing a therapist',
    ];
    for (const text of odd) expectWellFormed(text, analyse(text, context));
    expect(analyse('Ali\u2019s been seeing a therapist', context).map((f) => f.category)).toEqual(['wellbeing']);
  });

  it('any string at all (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        expectWellFormed(text, analyse(text, context));
      }),
      { numRuns: 300 },
    );
  });

  it('sentence-like noise built from the words the detector cares about (property)', () => {
    const word = fc.constantFrom('she', 'he', 'Sam', "she's", 'told', 'me', 'anxious', 'PIP', 'I', 'think', 'will', "can't", 'comment', '"', "'", ',', '.', '—', ':', '\n', 'session', 'Tuesday', 'really', 'well', 'recruiters', 'Hi', 'Best', 'not', 'but');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 60 }), (words) => {
        const text = words.join(' ');
        expectWellFormed(text, analyse(text, context));
      }),
      { numRuns: 300 },
    );
  });

  it('noise made of the lexicon itself, for every reader and channel, with a roster (property)', () => {
    const lexicon = readFileSync(new URL('../../core/src/detect/lexicon.ts', import.meta.url), 'utf8').match(/'[^'\n]+'/g)!.map((s) => s.slice(1, -1));
    const words = [...lexicon, 'Sam', 'Priya', "Sam's", 'she', 'he', 'I', 'you', ',', '.', '?', ':', ';', '—', '"', "'", '\n', '\n\n', 'Hi', 'Best,'];
    const roles = ['sponsor', 'hr', 'manager', 'coachee', 'other-client', 'unknown'] as const;
    const channels = ['email', 'hr-portal', 'chat', 'other'] as const;
    const roster = { people: [{ name: 'Priya Shah', role: 'coachee' as const }], organisations: [], sponsorDomains: [] };
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 80 }), fc.constantFrom(...roles), fc.constantFrom(...channels), (ws, recipientRole, channel) => {
        const text = ws.join(' ');
        const ctx: AnalyseContext = { channel, recipientRole, roster, coachee: 'Sam' };
        const findings = analyse(text, ctx);
        expectWellFormed(text, findings);
        const incremental = createIncrementalAnalyser();
        incremental.analyse(text.slice(0, text.length >> 1), ctx);
        expect(incremental.analyse(text, ctx)).toEqual(findings);
      }),
      { numRuns: 400 },
    );
  });

  it('a huge text is analysed and offsets stay valid', () => {
    const huge = `${sample}\n`.repeat(400);
    const findings = analyse(huge, context);
    expectWellFormed(huge, findings);
    expect(findings.length).toBeGreaterThan(400);
  });

  it('a context of the wrong shape is refused with a message saying what to fix', () => {
    expect(() => analyse('hi', { channel: 'fax', recipientRole: 'hr' } as unknown as AnalyseContext)).toThrow(/context.channel must be one of email, hr-portal, chat, other/);
    expect(() => analyse('hi', { channel: 'email', recipientRole: 'boss' } as unknown as AnalyseContext)).toThrow(/recipientRole must be one of/);
    expect(() => analyse('hi', { channel: 'email', recipientRole: 'hr', reader: 'x' } as unknown as AnalyseContext)).toThrow(/unknown context field "reader"/);
    expect(() => analyse('hi', null as unknown as AnalyseContext)).toThrow(/context must be an object/);
  });
});

describe('createIncrementalAnalyser: same results as analyse, edit after edit', () => {
  it('typing the sample email one character at a time', () => {
    const incremental = createIncrementalAnalyser();
    for (let i = 0; i <= sample.length; i += 7) {
      const text = sample.slice(0, i);
      expect(incremental.analyse(text, context)).toEqual(analyse(text, context));
    }
  });

  it('random edits anywhere in the text (property)', () => {
    const incremental = createIncrementalAnalyser();
    const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 12 }), insert: fc.constantFrom('', 'x', ' ', '.', '\n', 'She told me she is anxious. ', 'Sam', '"', 'I think he will', ', but') });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 25 }), (edits) => {
        let text = sample;
        for (const e of edits) {
          const at = e.at % (text.length + 1);
          text = text.slice(0, at) + e.insert + text.slice(at + e.remove);
          expect(incremental.analyse(text, context)).toEqual(analyse(text, context));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('whole-message facts still count: a new greeting name, a new recipient, consent', () => {
    const incremental = createIncrementalAnalyser();
    const body = 'Tariq is doing really well.';
    expect(incremental.analyse(`Hi Tariq, great news. ${body}`, { channel: 'email', recipientRole: 'coachee' })).toEqual([]);
    expect(incremental.analyse(`Hi Jo, great news. ${body}`, context).map((f) => f.category)).toEqual(['progress-judgement']);
    const consent = [{ coachee: 'Tariq', wording: body }];
    expect(incremental.analyse(`Hi Jo, great news. ${body}`, { ...context, consent })).toEqual([]);
  });
});
