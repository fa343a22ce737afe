/**
 * Sealed cases: seal and open a 10 MB case with Coach Guard (openpgp.js), and the same operations
 * with GnuPG in the same run — same keys, same payload, both recipients, signed, no compression —
 * printed as a ratio. gpg's figures include starting the process, as a supervisor would.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCase, renderCaseDocument, sealCase, type CaseNote } from '../core/src/index';
import { loadPersona } from '../tests/fixtures/keys/personas';
import { createGpgHome } from '../tests/helpers/gpg';
import { heading, ms, percentile, timeRunsAsync } from './stats';

const RUNS = 5;

function tenMegabyteNotes(): CaseNote[] {
  const paragraph =
    'In session the coachee (C) returned to the performance plan and to how the sponsor checks in. ' +
    'I noticed my wish to rescue C, and my irritation with the sponsor’s urgency. Dynamics: triangle, collusion risk.\n\n';
  const perNote = Math.ceil((1024 * 1024) / paragraph.length);
  return Array.from({ length: 10 }, (_, i) => ({ title: `Session ${i + 1}`, markdown: paragraph.repeat(perNote) }));
}

export async function run(): Promise<void> {
  heading('seal: 10 MB case, Coach Guard (openpgp.js) vs GnuPG');
  const [coach, supervisor] = await Promise.all([loadPersona('coach'), loadPersona('supervisor')]);
  const draft = { notes: tenMegabyteNotes(), questions: ['Where is my boundary with the sponsor?'] };
  const keys = { supervisorKey: supervisor.publicKey, coachKey: coach.privateKey };
  let sealed = await sealCase(draft, keys);
  const payloadBytes = new TextEncoder().encode(renderCaseDocument(sealed.document)).length;

  const sealTimes = await timeRunsAsync(async () => (sealed = await sealCase(draft, keys)), RUNS, 1);
  const openTimes = await timeRunsAsync(() => openCase(sealed.bytes, { recipientKey: supervisor.privateKey, trustedSigners: [coach.publicKey] }), RUNS, 1);

  const gpg = createGpgHome();
  try {
    const coachPass = gpg.passphraseFile(coach.passphrase);
    const supervisorPass = gpg.passphraseFile(supervisor.passphrase);
    gpg.ok(['--passphrase-file', coachPass, '--import'], { input: coach.privateArmored });
    gpg.ok(['--passphrase-file', supervisorPass, '--import'], { input: supervisor.privateArmored });
    const work = mkdtempSync(join(tmpdir(), 'cg-bench-seal-'));
    const plain = join(work, 'case.md');
    writeFileSync(plain, renderCaseDocument(sealed.document));
    const cipher = join(work, 'case.gpg');
    const gpgSeal = () =>
      gpg.ok(['--yes', '--trust-model', 'always', '--compress-algo', 'none', '--passphrase-file', coachPass, '--local-user', 'alex@coach.example',
        '--recipient', 'sam@supervision.example', '--recipient', 'alex@coach.example', '--sign', '--encrypt', '--output', cipher, plain]);
    const gpgOpen = () => {
      const result = gpg.ok(['--passphrase-file', supervisorPass, '--decrypt', cipher]);
      if (!result.status.some((l) => l.startsWith('GOODSIG'))) throw new Error('gpg did not verify the signature');
      return result;
    };
    const gpgSealTimes = await timeRunsAsync(async () => gpgSeal(), RUNS, 1);
    const gpgOpenTimes = await timeRunsAsync(async () => gpgOpen(), RUNS, 1);

    const row = (label: string, ours: number[], theirs: number[]) => {
      const a = percentile(ours, 50);
      const b = percentile(theirs, 50);
      console.log(`${label.padEnd(6)} coach-guard ${ms(a).padStart(10)}   gpg ${ms(b).padStart(10)}   ratio ${(a / b).toFixed(2)}× (coach-guard / gpg, median of ${RUNS})`);
    };
    console.log(`payload ${(payloadBytes / 1024 / 1024).toFixed(1)} MB markdown, sealed ${(sealed.bytes.length / 1024 / 1024).toFixed(1)} MB, ${gpg.ok(['--version']).stdout.toString().split('\n')[0]}`);
    row('seal', sealTimes, gpgSealTimes);
    row('open', openTimes, gpgOpenTimes);
  } finally {
    gpg.dispose();
  }
}
