import fc from 'fast-check';

/**
 * Text shaped to break text processors: lone and paired surrogates, RTL and bidi controls,
 * zero-width characters, combining marks, CRLF, and ordinary coaching words mixed in so the
 * detectors' real paths run, not just their early exits.
 */
const pieces = [
  '\uD83D', '\uDE00', '😀', '👩🏽‍💼', 'مرحبا', 'שלום', '\u202E', '\u2066', '\u200B', '\u200D', '\uFEFF',
  'e\u0301', '\r\n', '\n\n', '\t', '"', '“', '”', "'", '’', '—', '…', '.', '?', '!', ' ',
  'She told me', 'he is anxious', 'PIP', 'Priya Shah', "Shah's", 'Ms Shah', 'I doubt', 'divorce',
  'sessions', 'Tuesday 12th', '3/4/26', 'priya@example.com', '+44 7700 900123', 'WA-0419',
  'Acme Ltd', 'London', 'doing really well', 'she said "I quit"', 'recruiters',
];

export const hostileText = (maxLength = 400) =>
  fc
    .array(fc.oneof(fc.constantFrom(...pieces), fc.string({ unit: 'binary', maxLength: 8 }), fc.string({ unit: 'grapheme', maxLength: 8 })), {
      maxLength,
    })
    .map((parts) => parts.join(''));

/** A roster whose names also appear among the pieces above, so roster paths are exercised. */
export const hostileRoster = {
  people: [
    { name: 'Priya Shah', role: 'coachee' as const, aliases: ['Pri'] },
    { name: 'Rachel Green', role: 'sponsor' as const },
  ],
  organisations: ['Acme Ltd'],
  sponsorDomains: ['acme.example'],
};

/** Large inputs that stress linear-time behaviour: one long line, and many short lines. */
export function largeInputs(bytes = 1_000_000): Record<string, string> {
  return {
    'one repeated character': 'a'.repeat(bytes),
    'repeated spaces': ' '.repeat(bytes),
    'repeated dots': '.'.repeat(bytes),
    'repeated capitalised words': 'Aa '.repeat(bytes / 3),
    'nested quotes': '"\''.repeat(bytes / 2),
    'a sentence repeated': 'She told me she is anxious about the PIP. '.repeat(bytes / 42),
    'digits and separators': '1/2-3.'.repeat(bytes / 6),
    'emoji surrogate pairs': '😀'.repeat(bytes / 2),
  };
}
