/**
 * What the plugin keeps for the coach, in the extension's own storage (VS Code's global storage
 * folder), never in the case folder: the key store and, per case, the re-identification mapping
 * and what the coach marked as reviewed. Written over a tiny file port so that tests run it in
 * memory and the extension over `vscode.workspace.fs`.
 */
import { compactFingerprint, createPseudonymMapping, parsePseudonymMapping, type KeyStore, type PseudonymMapping, type StoredKey } from '@coach-guard/core';

export interface FilePort {
  /** `undefined` when the file does not exist. */
  read(name: string): Promise<string | undefined>;
  write(name: string, text: string): Promise<void>;
}

export function createMemoryFilePort(initial: Record<string, string> = {}): FilePort & { files: Map<string, string> } {
  const files = new Map(Object.entries(initial));
  return {
    files,
    async read(name) {
      return files.get(name);
    },
    async write(name, text) {
      files.set(name, text);
    },
  };
}

const KEYS_FILE = 'keys.json';

/**
 * Core's KeyStore port over one JSON file. Private keys arrive here only passphrase-encrypted
 * (core's `importKey` refuses anything else), so the file never holds a usable secret.
 */
export function createFileKeyStore(files: FilePort): KeyStore {
  const load = async (): Promise<StoredKey[]> => {
    const text = await files.read(KEYS_FILE);
    if (text === undefined) return [];
    const parsed = JSON.parse(text) as { version?: number; keys?: StoredKey[] };
    if (parsed.version !== 1 || !Array.isArray(parsed.keys)) throw new Error(`Coach Guard's key file ${KEYS_FILE} is not in a format this version reads`);
    return parsed.keys;
  };
  return {
    async list() {
      return load();
    },
    async get(fingerprint) {
      const wanted = compactFingerprint(fingerprint);
      return (await load()).find((k) => k.fingerprint === wanted);
    },
    async put(key) {
      const fingerprint = compactFingerprint(key.fingerprint);
      const keys = (await load()).filter((k) => k.fingerprint !== fingerprint);
      keys.push({ ...key, fingerprint });
      await files.write(KEYS_FILE, JSON.stringify({ version: 1, keys }, null, 2));
    },
  };
}

/** The coach-only state of one case. */
export interface CaseState {
  mapping: PseudonymMapping;
  /** Review keys (`reviewKey`) of findings the coach looked at and chose to keep. */
  reviewed: string[];
}

export interface CaseStateStore {
  get(caseId: string): Promise<CaseState>;
  save(caseId: string, state: CaseState): Promise<void>;
}

export function createCaseStateStore(files: FilePort): CaseStateStore {
  const name = (caseId: string) => {
    if (!/^[A-Za-z0-9._-]+$/.test(caseId)) throw new Error(`"${caseId}" is not a case id`);
    return `cases/${caseId}.json`;
  };
  return {
    async get(caseId) {
      const text = await files.read(name(caseId));
      if (text === undefined) return { mapping: createPseudonymMapping(), reviewed: [] };
      const parsed = JSON.parse(text) as { mapping?: unknown; reviewed?: unknown };
      // parsePseudonymMapping refuses a damaged mapping rather than silently starting afresh,
      // which would give the same person a new pseudonym in the next note.
      const mapping = parsePseudonymMapping(parsed.mapping);
      const reviewed = Array.isArray(parsed.reviewed) ? parsed.reviewed.filter((r): r is string => typeof r === 'string') : [];
      return { mapping, reviewed };
    },
    async save(caseId, state) {
      await files.write(name(caseId), JSON.stringify({ version: 1, mapping: state.mapping, reviewed: [...new Set(state.reviewed)] }, null, 2));
    },
  };
}
