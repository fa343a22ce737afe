/**
 * Every message between the content scripts, the background and the extension pages: one map of
 * request → response per receiver, so no caller casts what comes back.
 */
import type { Category, ConsentRecord } from '@coach-guard/core';
import type { CoachData, Collection, Settings } from './coach-data';
import type { PageSettings } from './page-settings';
import type { VaultStatus } from './vaulted-store';

/** Handled by the background. */
export interface BackgroundProtocol {
  'get-page-settings': { request: { host: string }; response: PageSettings };
  'set-site-enabled': { request: { host: string; enabled: boolean }; response: null };
  'add-ignored': { request: { category: Category; text: string }; response: null };
  'add-consent': { request: ConsentRecord; response: null };
  /** A content script's count of findings in the field the coach is in. */
  'report-field-state': { request: { findings: number }; response: null };
  'get-tab-state': { request: { tabId: number }; response: { findings: number | null } };
  /** An extension page changed the coach's data: every tab re-reads its settings. */
  'data-changed': { request: Record<string, never>; response: null };
  // The options page's access to the coach's data (the vault key lives in the background).
  // Only extension pages may send these; content scripts are refused.
  'get-data': { request: Record<string, never>; response: { vault: VaultStatus; data: CoachData } };
  'put-item': { request: { collection: Collection; item: CoachData[Collection][number] }; response: null };
  'delete-item': { request: { collection: Collection; id: string }; response: null };
  'set-settings': { request: Settings; response: null };
  'replace-all': { request: CoachData; response: null };
  vault: { request: { action: 'enable' | 'unlock' | 'lock' | 'disable'; passphrase?: string }; response: { vault: VaultStatus } };
}

/** Handled by content scripts (sent to a tab, optionally to one frame). */
export interface ContentProtocol {
  'get-frame-info': { request: Record<string, never>; response: { host: string; enabled: boolean } };
  'settings-changed': { request: Record<string, never>; response: null };
}

export interface Message<P, K extends keyof P = keyof P> {
  type: K;
  payload: P[K] extends { request: infer R } ? R : never;
}

export type Request<P, K extends keyof P> = P[K] extends { request: infer R } ? R : never;
export type Response<P, K extends keyof P> = P[K] extends { response: infer R } ? R : never;

export type Handlers<P, Sender> = { [K in keyof P]: (payload: Request<P, K>, sender: Sender) => Promise<Response<P, K>> | Response<P, K> };

/** Transport-agnostic sender: pass `browser.runtime.sendMessage` or a tab-bound function. */
export function createSender<P>(send: (message: unknown) => Promise<unknown>) {
  return <K extends keyof P & string>(type: K, payload: Request<P, K>): Promise<Response<P, K>> =>
    send({ type, payload }) as Promise<Response<P, K>>;
}

/**
 * A runtime.onMessage listener dispatching to typed handlers. Messages of unknown type are left
 * for other listeners (returns undefined), so pages and scripts can share one runtime.
 */
export function createDispatcher<P, Sender>(handlers: Handlers<P, Sender>) {
  return (message: unknown, sender: Sender): Promise<unknown> | undefined => {
    if (typeof message !== 'object' || message === null) return undefined;
    const { type, payload } = message as { type?: unknown; payload?: unknown };
    if (typeof type !== 'string' || !Object.hasOwn(handlers, type)) return undefined;
    const handler = handlers[type as keyof P] as (payload: unknown, sender: Sender) => unknown;
    return Promise.resolve(handler(payload, sender));
  };
}
