/**
 * Threat: crafted or corrupted bytes make openCase crash, hang, or return something. Whatever the
 * input — random bytes, or a real sealed case with bytes flipped, cut, inserted or removed —
 * openCase must refuse with a SealError carrying one of its known codes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openCase, SEAL_ERROR_CODES, SealError, sealCase } from '../../core/src/index';
import { loadPersona } from '../fixtures/keys/personas';

/** The refusal code, or the opened case as JSON when openCase accepted the bytes. */
async function refusalCode(bytes: Uint8Array): Promise<string> {
  const [coach, supervisor] = await Promise.all([loadPersona('coach'), loadPersona('supervisor')]);
  try {
    const opened = await openCase(bytes, { recipientKey: supervisor.privateKey, trustedSigners: [coach.publicKey] });
    return JSON.stringify(opened.case);
  } catch (error) {
    if (!(error instanceof SealError)) return `not a SealError: ${String(error)}`;
    return error.code;
  }
}

const OPEN_REFUSALS = SEAL_ERROR_CODES.filter((c) => !['invalid-input', 'key-locked', 'wrong-passphrase'].includes(c));

describe('threat: mutated and random bytes', () => {
  it('refuses random bytes with a known code', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), async (bytes) => {
        expect(OPEN_REFUSALS).toContain(await refusalCode(bytes));
      }),
      { numRuns: 200 },
    );
  });

  it('refuses every mutation of a real sealed case with a known code, or opens exactly the original', async () => {
    const [coach, supervisor] = await Promise.all([loadPersona('coach'), loadPersona('supervisor')]);
    for (const armor of [false, true]) {
      const { bytes, document } = await sealCase(
        { notes: [{ title: 'Session', markdown: 'The coachee felt stuck.\n'.repeat(20) }], questions: ['?'] },
        { supervisorKey: supervisor.publicKey, coachKey: coach.privateKey, armor },
      );
      const mutation = fc.oneof(
        fc.record({ kind: fc.constant('flip' as const), at: fc.nat(bytes.length - 1), mask: fc.integer({ min: 1, max: 255 }) }),
        fc.record({ kind: fc.constant('cut' as const), at: fc.nat(bytes.length - 1) }),
        fc.record({ kind: fc.constant('insert' as const), at: fc.nat(bytes.length), value: fc.uint8Array({ minLength: 1, maxLength: 16 }) }),
        fc.record({ kind: fc.constant('remove' as const), at: fc.nat(bytes.length - 1), count: fc.integer({ min: 1, max: 16 }) }),
      );
      await fc.assert(
        fc.asyncProperty(mutation, async (m) => {
          let mutated: Uint8Array;
          if (m.kind === 'flip') {
            mutated = bytes.slice();
            mutated[m.at]! ^= m.mask;
          } else if (m.kind === 'cut') mutated = bytes.subarray(0, m.at);
          else if (m.kind === 'insert') mutated = new Uint8Array([...bytes.subarray(0, m.at), ...m.value, ...bytes.subarray(m.at)]);
          else mutated = new Uint8Array([...bytes.subarray(0, m.at), ...bytes.subarray(m.at + m.count)]);
          const code = await refusalCode(mutated);
          // Some edits change nothing that is protected: armor whitespace, or a bit in the coach's own
          // key packet, which the supervisor does not use. Those may open — but only to the original.
          if (code.startsWith('{')) expect(JSON.parse(code)).toEqual(document);
          else expect(OPEN_REFUSALS).toContain(code);
        }),
        { numRuns: 300 },
      );
    }
  }, 120_000);
});
