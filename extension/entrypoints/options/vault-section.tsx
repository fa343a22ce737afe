import type { TargetedSubmitEvent } from 'preact';
import { useState } from 'preact/hooks';
import type { VaultStatus } from '../../lib/vaulted-store';

export interface VaultSectionProps {
  status: VaultStatus;
  autoLockMinutes: number;
  onAction(action: 'enable' | 'unlock' | 'lock' | 'disable', passphrase?: string): Promise<void>;
  onAutoLock(minutes: number): Promise<void>;
}

/** Setting, using and removing the passphrase that locks coachees, sponsors, consent and ignores. */
export function VaultSection(props: VaultSectionProps) {
  const [mismatch, setMismatch] = useState(false);
  const submit = (action: 'enable' | 'unlock') => (e: TargetedSubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const passphrase = (form.elements.namedItem('passphrase') as HTMLInputElement).value;
    const again = (form.elements.namedItem('again') as HTMLInputElement | null)?.value;
    form.reset();
    setMismatch(again !== undefined && again !== passphrase);
    if (again !== undefined && again !== passphrase) return;
    void props.onAction(action, passphrase);
  };
  return (
    <section aria-labelledby="lock" data-cg-vault={props.status}>
      <h2 id="lock">Passphrase lock</h2>
      {props.status === 'off' && (
        <>
          <p class="note">Lock coachees, sponsors, consent and ignored wording with a passphrase. Locked, they are unreadable in this browser's storage; warnings go on without names.</p>
          <form onSubmit={submit('enable')}>
            <label>Passphrase<input name="passphrase" type="password" minLength={8} required autocomplete="new-password" /></label>
            <label>Again<input name="again" type="password" minLength={8} required autocomplete="new-password" /></label>
            <button type="submit">Lock with this passphrase</button>
          </form>
          {mismatch && <p class="error">The two passphrases differ; nothing was locked.</p>}
        </>
      )}
      {props.status === 'locked' && (
        <form onSubmit={submit('unlock')}>
          <label>Passphrase<input name="passphrase" type="password" required autocomplete="current-password" /></label>
          <button type="submit">Unlock</button>
        </form>
      )}
      {props.status === 'unlocked' && (
        <>
          <p class="note">Unlocked. It locks again after {props.autoLockMinutes} minutes without use, or when the browser stops Coach Guard's background.</p>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              const minutes = Number((e.currentTarget.elements.namedItem('minutes') as HTMLInputElement).value);
              void props.onAutoLock(minutes);
            }}
          >
            <label>Lock after (minutes)<input name="minutes" type="number" min={1} max={1440} value={props.autoLockMinutes} /></label>
            <button type="submit" class="secondary">Save</button>
          </form>
          <p>
            <button type="button" onClick={() => void props.onAction('lock')}>Lock now</button>{' '}
            <button type="button" class="secondary" onClick={() => void props.onAction('disable')}>Remove the passphrase</button>
          </p>
        </>
      )}
    </section>
  );
}
