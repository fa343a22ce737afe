/**
 * The layout of a case folder on the coach's disk. The folder holds the coach's own notes (with
 * real names, as the coach wrote them), the anonymised versions to be sealed, and the sealed
 * files. The re-identification mapping is NOT here: it lives in the plugin's storage.
 */

/** Marks a folder as a supervision case and names it. Contains no client data. */
export const CASE_MARKER = 'coach-guard-case.json';
/** Optional roster of the case's people and organisations (coach-only, like the notes). */
export const CASE_ROSTER = 'roster.json';
export const ANONYMISED_SUFFIX = '.anonymised.md';
export const SEALED_FOLDER = 'sealed';

export interface CaseMarker {
  version: 1;
  caseId: string;
  title: string;
  createdAt: string;
}

export function createCaseMarker(title: string, createdAt: Date, randomHex: string): CaseMarker {
  const slug = slugify(title) || 'case';
  return { version: 1, caseId: `${slug}-${randomHex}`, title, createdAt: createdAt.toISOString() };
}

/** Reads a marker file; `undefined` for anything that is not one (the folder is then no case). */
export function parseCaseMarker(text: string): CaseMarker | undefined {
  try {
    const value = JSON.parse(text) as Partial<CaseMarker>;
    if (value.version === 1 && typeof value.caseId === 'string' && /^[A-Za-z0-9._-]+$/.test(value.caseId) && typeof value.title === 'string') {
      return { version: 1, caseId: value.caseId, title: value.title, createdAt: String(value.createdAt ?? '') };
    }
  } catch {
    // not JSON: not a case
  }
  return undefined;
}

/** Lower-case letters, digits and dashes: safe as a folder name and as a core case id. */
export function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48);
}

export function isAnonymisedName(fileName: string): boolean {
  return fileName.endsWith(ANONYMISED_SUFFIX);
}

/** `note-1.md` → `note-1.anonymised.md`. */
export function anonymisedNameFor(fileName: string): string {
  if (isAnonymisedName(fileName)) return fileName;
  return fileName.replace(/\.(md|markdown|txt)$/i, '') + ANONYMISED_SUFFIX;
}

/** A note's title: its first markdown heading, else the file name without extensions. */
export function noteTitle(markdown: string, fileName: string): string {
  const heading = /^#{1,6}\s+(.+?)\s*#*\s*$/m.exec(markdown);
  if (heading?.[1]) return heading[1].trim();
  return fileName.replace(ANONYMISED_SUFFIX, '').replace(/\.(md|markdown|txt)$/i, '');
}

/** Fingerprints in groups of four, as people read them aloud to each other. */
export function groupFingerprint(fingerprint: string): string {
  const hex = fingerprint.replace(/\s+/g, '').toUpperCase();
  return (hex.match(/.{1,4}/g) ?? []).join(' ');
}
