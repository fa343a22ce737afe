// Lints the built Firefox package with Mozilla's addons-linter (what addons.mozilla.org runs on
// upload), offline. Fails on any error, and on any warning except preact's own innerHTML path
// (its dangerouslySetInnerHTML support), which our sources never use: that is checked here too.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import linter from 'addons-linter';

const zip = readdirSync('.output').find((f) => f.endsWith('-firefox.zip'));
if (!zip) {
  console.error('lint-firefox: no .output/*-firefox.zip; run `npm run build:extension` first');
  process.exit(2);
}
const instance = linter.createInstance({
  config: { _: [join('.output', zip)], logLevel: 'fatal', stack: false, pretty: false, warningsAsErrors: false, metadata: false, output: 'none', boring: true, selfHosted: false },
  runAsBinary: false,
});
const { summary, errors, warnings } = await instance.run();

function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}
const ownHtml = sources('extension').filter((f) => /dangerouslySetInnerHTML|innerHTML|outerHTML|insertAdjacentHTML/.test(readFileSync(f, 'utf8')));
const tolerated = (w) => w.code === 'UNSAFE_VAR_ASSIGNMENT' && ownHtml.length === 0;
const blocking = [...errors, ...warnings.filter((w) => !tolerated(w))];
for (const m of blocking) console.error(`${m.type} ${m.code} ${m.file ?? ''}${m.line ? `:${m.line}` : ''}: ${m.message}`);
if (ownHtml.length > 0) console.error(`extension sources set HTML directly: ${ownHtml.join(', ')}`);
console.log(`addons-linter on ${zip}: ${summary.errors} errors, ${summary.warnings} warnings (${warnings.length - warnings.filter((w) => !tolerated(w)).length} are preact's innerHTML path), ${summary.notices} notices`);
process.exit(blocking.length > 0 || ownHtml.length > 0 ? 1 : 0);
