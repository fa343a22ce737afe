import { describe, expect, it } from 'vitest';
import { createBackgroundHandlers } from '../../extension/lib/background-handlers';
import { createMemoryStore } from '../../extension/lib/coach-store';
import { createDispatcher, createSender, type BackgroundProtocol } from '../../extension/lib/messaging';

function setup() {
  const store = createMemoryStore();
  let broadcasts = 0;
  const handlers = createBackgroundHandlers({ store, broadcastSettingsChanged: async () => void broadcasts++ });
  const dispatch = createDispatcher(handlers);
  const from = (tabId?: number) => createSender<BackgroundProtocol>(async (m) => dispatch(m, tabId === undefined ? {} : { tab: { id: tabId } } as never));
  return { store, from, dispatch, broadcasts: () => broadcasts };
}

describe('background handlers', () => {
  it('switches a site off and tells every tab', async () => {
    const { from, broadcasts } = setup();
    expect((await from()('get-page-settings', { host: 'chat.example' })).enabled).toBe(true);
    await from()('set-site-enabled', { host: 'chat.example', enabled: false });
    expect((await from()('get-page-settings', { host: 'chat.example' })).enabled).toBe(false);
    expect(broadcasts()).toBe(1);
  });

  it('keeps an ignored finding once per wording and category', async () => {
    const { from, store } = setup();
    await from()('add-ignored', { category: 'wellbeing', text: 'She is anxious' });
    await from()('add-ignored', { category: 'wellbeing', text: 'she is  anxious' });
    expect(await store.list('ignored')).toHaveLength(1);
    expect((await from()('get-page-settings', { host: 'x' })).ignored).toEqual([{ category: 'wellbeing', text: 'she is  anxious' }]);
  });

  it('stores consent the coach marks from a card', async () => {
    const { from } = setup();
    await from()('add-consent', { coachee: 'Priya Shah', wording: 'Priya is working on delegation.' });
    expect((await from()('get-page-settings', { host: 'x' })).consent).toEqual([{ coachee: 'Priya Shah', wording: 'Priya is working on delegation.' }]);
  });

  it('remembers the focused field’s count per tab, in memory only', async () => {
    const { from } = setup();
    expect(await from()('get-tab-state', { tabId: 7 })).toEqual({ findings: null });
    await from(7)('report-field-state', { findings: 3 });
    await from(8)('report-field-state', { findings: 0 });
    expect(await from()('get-tab-state', { tabId: 7 })).toEqual({ findings: 3 });
    expect(await from()('get-tab-state', { tabId: 8 })).toEqual({ findings: 0 });
  });

  it('leaves messages it does not know to other listeners', () => {
    const { dispatch } = setup();
    expect(dispatch({ type: 'something-else', payload: {} }, {})).toBeUndefined();
    expect(dispatch('not a message', {})).toBeUndefined();
    expect(dispatch({ type: 'toString', payload: {} }, {})).toBeUndefined();
  });
});
