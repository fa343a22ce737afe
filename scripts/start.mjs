// The README's first command ends here: after the build, scan the bundled sample sponsor email.
// Findings (exit 1) are the expected outcome for that sample; only bad input or a crash fails.
import { spawnSync } from 'node:child_process';

const result = spawnSync(
  process.execPath,
  ['core/bin/coach-guard.mjs', 'scan', 'tests/fixtures/sample-sponsor-email.txt', '--to', 'sponsor', '--channel', 'email'],
  { stdio: 'inherit' },
);
process.exit(result.status === 0 || result.status === 1 ? 0 : (result.status ?? 1));
