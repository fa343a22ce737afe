import { browser } from '@wxt-dev/webextension-polyfill/browser';
import { useEffect, useState } from 'preact/hooks';
import { createSender, type BackgroundProtocol, type ContentProtocol } from '../../lib/messaging';

const toBackground = createSender<BackgroundProtocol>((m) => browser.runtime.sendMessage(m));

type State =
  | { kind: 'loading' }
  | { kind: 'unavailable' }
  | { kind: 'ready'; tabId: number; host: string; enabled: boolean; findings: number | null };

/** The tab the popup describes: the one it was opened over (or `?tabId=` when opened as a page). */
async function targetTabId(): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tabId'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

export function Popup() {
  const [state, setState] = useState<State>({ kind: 'loading' });

  const load = async () => {
    const tabId = await targetTabId();
    if (tabId === undefined) return setState({ kind: 'unavailable' });
    try {
      const toTab = createSender<ContentProtocol>((m) => browser.tabs.sendMessage(tabId, m, { frameId: 0 }));
      const [info, tab] = await Promise.all([toTab('get-frame-info', {}), toBackground('get-tab-state', { tabId })]);
      setState({ kind: 'ready', tabId, host: info.host, enabled: info.enabled, findings: tab.findings });
    } catch {
      // No content script answers on browser pages, the web store, or pages opened before install.
      setState({ kind: 'unavailable' });
    }
  };

  useEffect(() => void load(), []);

  if (state.kind === 'loading') return <main aria-busy="true">Loading…</main>;
  if (state.kind === 'unavailable') {
    return (
      <main>
        <h1>Coach Guard</h1>
        <p>Coach Guard does not run on this page.</p>
        <OptionsLink />
      </main>
    );
  }
  const toggle = async (enabled: boolean) => {
    await toBackground('set-site-enabled', { host: state.host, enabled });
    await load();
  };
  return (
    <main>
      <h1>Coach Guard</h1>
      <p data-cg-site-state={state.enabled ? 'on' : 'off'}>
        {state.enabled ? 'Watching' : 'Off'} on <strong>{state.host || 'this page'}</strong>
      </p>
      <label class="switch">
        <input type="checkbox" checked={state.enabled} onChange={(e) => void toggle(e.currentTarget.checked)} />
        Warn me on this site
      </label>
      <p class="count" data-cg-findings={state.findings ?? ''}>
        {state.findings === null ? 'No field in use yet.' : state.findings === 1 ? '1 finding in the field you are in.' : `${state.findings} findings in the field you are in.`}
      </p>
      <OptionsLink />
    </main>
  );
}

function OptionsLink() {
  return (
    <p>
      <a href="#" onClick={(e) => (e.preventDefault(), void browser.runtime.openOptionsPage())}>
        Your coachees, sponsors and consent…
      </a>
    </p>
  );
}
