import { browser } from '@wxt-dev/webextension-polyfill/browser';
import { CATEGORIES, type Category } from '@coach-guard/core';
import { useEffect, useState } from 'preact/hooks';
import type { TargetedSubmitEvent } from 'preact';
import { CATEGORY_WORDS } from '../../lib/category-words';
import { emptyCoachData, parseCoachDataFile, toCoachDataFile, type CoachData, type Collection } from '../../lib/coach-data';
import type { CollectionItem } from '../../lib/coach-store';
import { createSender, type BackgroundProtocol } from '../../lib/messaging';
import type { VaultStatus } from '../../lib/vaulted-store';
import { VaultSection } from './vault-section';

// The background holds the vault key, so every read and write goes through it.
const toBackground = createSender<BackgroundProtocol>((m) => browser.runtime.sendMessage(m));
const list = (s: string) => s.split(',').map((x) => x.trim()).filter(Boolean);
const field = (form: HTMLFormElement, name: string) => ((form.elements.namedItem(name) as HTMLInputElement | null)?.value ?? '').trim();

export function Options() {
  const [data, setData] = useState<CoachData>(emptyCoachData());
  const [vault, setVault] = useState<VaultStatus>('off');
  const [message, setMessage] = useState('');

  const reload = async () => {
    const current = await toBackground('get-data', {});
    setData(current.data);
    setVault(current.vault);
  };
  useEffect(() => void reload(), []);

  /** Runs a change, then shows what happened: saved, or why not (e.g. the data is locked). */
  const attempt = async (change: () => Promise<unknown>, note: string) => {
    try {
      await change();
      setMessage(note);
    } catch (error) {
      setMessage(`Not saved: ${(error as Error).message}`);
    }
    await reload();
  };
  const put = <C extends Collection>(collection: C, item: CollectionItem<C>) => attempt(() => toBackground('put-item', { collection, item }), 'Saved.');
  const remove = (collection: Collection, id: string) => attempt(() => toBackground('delete-item', { collection, id }), 'Removed.');
  const onSubmit = (handler: (form: HTMLFormElement) => Promise<void>) => (e: TargetedSubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    // The handler reads the fields synchronously; clear them now, not after the save settles,
    // so a coach typing the next entry never has it wiped.
    void handler(form);
    form.reset();
  };

  const exportFile = async () => {
    if (vault === 'locked') return setMessage('Not exported: unlock your data first.');
    const blob = new Blob([JSON.stringify(toCoachDataFile((await toBackground('get-data', {})).data), null, 2)], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `coach-guard-data-${new Date().toISOString().slice(0, 10)}.json`;
    a.click();
    URL.revokeObjectURL(a.href);
  };
  const importFile = async (file: File) => {
    try {
      await toBackground('replace-all', parseCoachDataFile(JSON.parse(await file.text())));
      setMessage(`Imported ${file.name}.`);
    } catch (error) {
      setMessage(`Not imported: ${(error as Error).message}`);
    }
    await reload();
  };

  return (
    <main>
      <h1>Coach Guard — your data</h1>
      <p class="note">Kept only in this browser profile (IndexedDB), never synced. Export a file to move it.</p>
      <p role="status" class={message.startsWith('Not') ? 'error' : 'note'}>{message}</p>

      <VaultSection
        status={vault}
        autoLockMinutes={data.settings.autoLockMinutes ?? 15}
        onAction={(action, passphrase) =>
          attempt(() => toBackground('vault', passphrase === undefined ? { action } : { action, passphrase }), action === 'unlock' ? 'Unlocked.' : action === 'lock' ? 'Locked.' : action === 'enable' ? 'Your coaching data is now locked with your passphrase.' : 'Passphrase removed.')
        }
        onAutoLock={(minutes) => attempt(() => toBackground('set-settings', { ...data.settings, autoLockMinutes: minutes }), 'Saved.')}
      />

      <section aria-labelledby="coachees">
        <h2 id="coachees">Coachees</h2>
        <ul>
          {data.coachees.map((c) => (
            <li key={c.id} data-cg-coachee={c.name}>
              {c.name}
              {c.aliases.length > 0 && ` (${c.aliases.join(', ')})`}
              {c.email && ` · ${c.email}`}
              {c.organisation && ` · ${c.organisation}`}
              {c.sponsor && ` · sponsor ${c.sponsor}`}{' '}
              <button class="secondary" type="button" onClick={() => void remove('coachees', c.id)} aria-label={`Remove ${c.name}`}>Remove</button>
            </li>
          ))}
        </ul>
        <form onSubmit={onSubmit((f) => put('coachees', { id: crypto.randomUUID(), name: field(f, 'name'), aliases: list(field(f, 'aliases')), ...opt('email', field(f, 'email')), ...opt('organisation', field(f, 'organisation')), ...opt('sponsor', field(f, 'sponsor')) }))}>
          <label>Name<input name="name" required /></label>
          <label>Aliases<input name="aliases" placeholder="Pri, P. Shah" /></label>
          <label>Email<input name="email" type="email" /></label>
          <label>Organisation<input name="organisation" /></label>
          <label>Sponsor<input name="sponsor" /></label>
          <button type="submit">Add coachee</button>
        </form>
      </section>

      <section aria-labelledby="sponsors">
        <h2 id="sponsors">Sponsors</h2>
        <ul>
          {data.sponsors.map((s) => (
            <li key={s.id} data-cg-sponsor={s.name}>
              {s.name} · {s.emailDomains.join(', ')}{s.email && ` · ${s.email}`}{' '}
              <button class="secondary" type="button" onClick={() => void remove('sponsors', s.id)} aria-label={`Remove ${s.name}`}>Remove</button>
            </li>
          ))}
        </ul>
        <form onSubmit={onSubmit((f) => put('sponsors', { id: crypto.randomUUID(), name: field(f, 'name'), emailDomains: list(field(f, 'domains')).map((d) => d.replace(/^@/, '').toLowerCase()), ...opt('email', field(f, 'email')), ...opt('organisation', field(f, 'organisation')) }))}>
          <label>Name<input name="name" required /></label>
          <label>Email domains<input name="domains" placeholder="acme.com" /></label>
          <label>Email<input name="email" type="email" /></label>
          <label>Organisation<input name="organisation" /></label>
          <button type="submit">Add sponsor</button>
        </form>
      </section>

      <section aria-labelledby="consent">
        <h2 id="consent">Consent records</h2>
        <p class="note">The exact wording a coachee approved. Text that matches it is not flagged.</p>
        <ul>
          {data.consent.map((c) => (
            <li key={c.id} data-cg-consent={c.coachee}>
              {c.coachee}: “{c.wording}”{c.recipients?.length ? ` · to ${c.recipients.join(', ')}` : ''}{c.until && ` · until ${c.until}`}{' '}
              <button class="secondary" type="button" onClick={() => void remove('consent', c.id)} aria-label={`Remove consent from ${c.coachee}`}>Remove</button>
            </li>
          ))}
        </ul>
        <form onSubmit={onSubmit((f) => put('consent', { id: crypto.randomUUID(), coachee: field(f, 'coachee'), wording: field(f, 'wording'), ...(field(f, 'recipients') === '' ? {} : { recipients: [field(f, 'recipients') as 'sponsor'] }), ...opt('until', field(f, 'until')) }))}>
          <label>Coachee
            <select name="coachee" required>
              {data.coachees.map((c) => <option key={c.id} value={c.name}>{c.name}</option>)}
            </select>
          </label>
          <label>Approved wording<textarea name="wording" rows={2} required /></label>
          <label>For
            <select name="recipients">
              <option value="">any sponsor-side reader</option>
              <option value="sponsor">the sponsor</option>
              <option value="hr">HR</option>
              <option value="manager">the manager</option>
            </select>
          </label>
          <label>Until<input name="until" type="date" /></label>
          <button type="submit">Add consent</button>
        </form>
      </section>

      <section aria-labelledby="sites">
        <h2 id="sites">Sites</h2>
        <p class="note">Coach Guard is on everywhere unless you switch a site off. Mark your organisation's HR portals so text there is treated as an HR record.</p>
        <ul>
          {data.sites.map((s) => (
            <li key={s.id} data-cg-site={s.id}>
              {s.id} · {s.enabled ? 'on' : 'off'}{s.hrPortal ? ' · HR portal' : ''}{' '}
              <button class="secondary" type="button" onClick={() => void remove('sites', s.id)} aria-label={`Forget ${s.id}`}>Forget</button>
            </li>
          ))}
        </ul>
        <form onSubmit={onSubmit((f) => put('sites', { id: field(f, 'host').toLowerCase(), enabled: (f.elements.namedItem('enabled') as HTMLInputElement).checked, hrPortal: (f.elements.namedItem('hrPortal') as HTMLInputElement).checked }))}>
          <label>Site<input name="host" placeholder="hr.example.com" required /></label>
          <label class="inline"><input name="enabled" type="checkbox" checked />On</label>
          <label class="inline"><input name="hrPortal" type="checkbox" />HR portal</label>
          <button type="submit">Save site</button>
        </form>
      </section>

      <section aria-labelledby="sensitivity">
        <h2 id="sensitivity">What warns</h2>
        {CATEGORIES.map((category: Category) => (
          <label class="inline" key={category}>
            <input
              type="checkbox"
              name={category}
              checked={data.settings.categories.includes(category)}
              onChange={async (e) => {
                const on = e.currentTarget.checked;
                const categories = CATEGORIES.filter((c) => (c === category ? on : data.settings.categories.includes(c)));
                await attempt(() => toBackground('set-settings', { ...data.settings, categories }), 'Saved.');
              }}
            />
            {CATEGORY_WORDS[category]}
          </label>
        ))}
      </section>

      <section aria-labelledby="ignored">
        <h2 id="ignored">Ignored findings</h2>
        {data.ignored.length === 0 ? <p class="note">None.</p> : (
          <ul>
            {data.ignored.map((i) => (
              <li key={i.id}>
                {CATEGORY_WORDS[i.category]}: “{i.text}”{' '}
                <button class="secondary" type="button" onClick={() => void remove('ignored', i.id)}>Warn again</button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="file">
        <h2 id="file">Export and import</h2>
        <button type="button" onClick={() => void exportFile()}>Export to a file</button>{' '}
        <label class="inline">
          Import (replaces everything)
          <input type="file" accept="application/json,.json" onChange={(e) => { const f = e.currentTarget.files?.[0]; if (f) void importFile(f); }} />
        </label>
      </section>
    </main>
  );
}

function opt<K extends string>(key: K, value: string): { [P in K]?: string } {
  return (value === '' ? {} : { [key]: value }) as { [P in K]?: string };
}
