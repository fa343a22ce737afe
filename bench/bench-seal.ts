/**
 * Sealed cases: seal and open a 10 MB case with Coach Guard (openpgp.js), and the same operations
 * with GnuPG in the same run — same keys, same payload, both recipients, signed, no compression —
 * printed as a ratio (coach-guard time / gpg time; below 1 means Coach Guard is faster). gpg's figures
 * include starting the process, as a supervisor would.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCase, renderCaseDocument, sealCase, type CaseNote } from '../core/src/index';
import { loadPersona } from '../tests/fixtures/keys/personas';
import { createGpgHome } from '../tests/helpers/gpg';
import { heading, ms, percentile } from './stats';

const RUNS = 7;

async function timeOnce(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

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

  const ourSeal = async () => (sealed = await sealCase(draft, keys));
  const ourOpen = () => openCase(sealed.bytes, { recipientKey: supervisor.privateKey, trustedSigners: [coach.publicKey] });

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
      // To a file, as `gpg --decrypt case.gpg > case.md` does, not through a pipe into this process.
      const result = gpg.ok(['--yes', '--passphrase-file', supervisorPass, '--output', join(work, 'opened.md'), '--decrypt', cipher]);
      if (!result.status.some((l) => l.startsWith('GOODSIG'))) throw new Error('gpg did not verify the signature');
      return result;
    };
    // Alternate the two tools run by run, so load from other processes on a shared machine falls on both alike.
    const times = { sealOurs: [] as number[], sealGpg: [] as number[], openOurs: [] as number[], openGpg: [] as number[] };
    await ourSeal();
    gpgSeal();
    for (let i = 0; i < RUNS; i++) {
      times.sealOurs.push(await timeOnce(ourSeal));
      times.sealGpg.push(await timeOnce(async () => gpgSeal()));
      times.openOurs.push(await timeOnce(ourOpen));
      times.openGpg.push(await timeOnce(async () => gpgOpen()));
    }
    for (const list of Object.values(times)) list.sort((a, b) => a - b);

    const row = (label: string, ours: number[], theirs: number[]) => {
      const a = percentile(ours, 50);
      const b = percentile(theirs, 50);
      console.log(
        `${label.padEnd(6)} coach-guard ${ms(a).padStart(10)}   gpg ${ms(b).padStart(10)}   ratio ${(a / b).toFixed(2)}× (median of ${RUNS})` +
          `   best: ${ms(ours[0]!)} vs ${ms(theirs[0]!)}, ratio ${(ours[0]! / theirs[0]!).toFixed(2)}×`,
      );
    };
    console.log(`payload ${(payloadBytes / 1024 / 1024).toFixed(1)} MB markdown, sealed ${(sealed.bytes.length / 1024 / 1024).toFixed(1)} MB, ${gpg.ok(['--version']).stdout.toString().split('\n')[0]}`);
    row('seal', times.sealOurs, times.sealGpg);
    row('open', times.openOurs, times.openGpg);
  } finally {
    gpg.dispose();
  }
}
