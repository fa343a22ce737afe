import { formatFingerprint, type OpenedDocument } from '@coach-guard/core';

/**
 * The first page a supervisor (or, for a reply, the coach) sees of an opened file: who signed it,
 * verified, and what is asked. Taken from the verified signature, never from the payload.
 */
export function renderOpenedSummary({ document, signer }: OpenedDocument): string {
  const lines: string[] = [];
  if (document.kind === 'case') {
    lines.push(`# Supervision case ${document.caseId}`, '');
  } else {
    lines.push(`# Reply to case ${document.inReplyTo}`, '');
  }
  lines.push(
    `**Signature verified.** Signed by ${signer.userId}`,
    `Fingerprint: ${formatFingerprint(signer.fingerprint)}`,
    `Signed on: ${signer.date.toISOString().replace('T', ' ').slice(0, 16)} UTC`,
    '',
  );
  if (signer.keyExpiredSince) {
    lines.push(`_The signer's key has expired since (${signer.keyExpiredSince.toISOString().slice(0, 10)}); it was valid when this was signed. Ask them for their new key before you reply._`, '');
  }
  if (document.deleteAfter) lines.push(`Please delete this after ${document.deleteAfter}.`, '');
  if (document.kind === 'case') {
    lines.push('## Questions for supervision', '', ...document.questions.map((q) => `- ${q}`), '');
  }
  lines.push(`## Notes (${document.notes.length})`, '', ...document.notes.map((n, i) => `${i + 1}. ${n.title}`), '');
  lines.push('_Opened in memory only: nothing of it was written to disk._', '');
  return lines.join('\n');
}
