/**
 * @coach-guard/core — the one public surface of Coach Guard's pure core.
 * Runs anywhere: Node, a service worker, a content script, the VS Code extension host.
 */
export * from './roster';
export * from './detect/types';
export { analyse, createIncrementalAnalyser, type IncrementalAnalyser } from './detect/analyse-text';
// Sealed supervision cases (OpenPGP): keys, the key-store port, seal and open.
export * from './seal/seal-error';
export * from './seal/case-types';
export {
  generateKeyPair,
  readPublicKey,
  readPrivateKey,
  unlockPrivateKey,
  lockPrivateKey,
  exportPublicKey,
  describeKey,
  assertCanEncryptTo,
  assertCanSignWith,
  formatFingerprint,
  compactFingerprint,
  type GenerateKeyPairOptions,
  type GeneratedKeyPair,
  type KeyInfo,
  type PublicKey,
  type PrivateKey,
} from './seal/keys';
export { createMemoryKeyStore, importKey, findKey, readStoredPublicKeys, type KeyStore, type StoredKey } from './seal/key-store';
export { renderCaseDocument, parseCaseDocument } from './seal/case-document';
export { sealCase, sealReply, type SealCaseOptions, type SealReplyOptions } from './seal/seal-case';
export { openCase, openReply, openSealed, sealedForKeyIds, type OpenCaseOptions } from './seal/open-case';
export * from './anonymise/types';
export { anonymise, findIdentifiers } from './anonymise/anonymise-note';
export { createPseudonymMapping, parsePseudonymMapping, MappingError } from './anonymise/pseudonym-mapping';
export { shareableNote, isAnonymisedNote } from './anonymise/shareable-note';
export { caseNoteFromAnonymised } from './seal/case-note';
