import { IDENTIFIER_TYPES, type IdentifierType, type MappingEntry, type PseudonymMapping } from './types';

/** Thrown for a mapping that is not of the documented shape; the message says what to fix. */
export class MappingError extends Error {
  override name = 'MappingError';
}

/**
 * A fresh, empty mapping for a new case.
 *
 * @example
 * const mapping = createPseudonymMapping();
 * const first = anonymise(note1, { roster, mapping });
 * const second = anonymise(note2, { roster, mapping: first.mapping }); // same people, same pseudonyms
 */
export function createPseudonymMapping(): PseudonymMapping {
  return { version: 1, entries: [] };
}

/**
 * Checks an untrusted value (a mapping file read back from disk) and returns a clean copy.
 * Refuses anything of the wrong shape rather than starting afresh, because silently losing a
 * mapping would hand the same person a new pseudonym in the next note.
 *
 * @example
 * const mapping = parsePseudonymMapping(JSON.parse(await readFile('case-7.mapping.json', 'utf8')));
 */
export function parsePseudonymMapping(value: unknown): PseudonymMapping {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new MappingError('mapping must be a JSON object with "version": 1 and "entries"');
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (key !== 'version' && key !== 'entries') throw new MappingError(`mapping has an unknown field "${key}" (expected version, entries)`);
  }
  if (record.version !== 1) throw new MappingError('mapping "version" must be 1');
  if (!Array.isArray(record.entries)) throw new MappingError('mapping "entries" must be a list');
  const seen = new Map<string, number>();
  const entries = record.entries.map((entry, i): MappingEntry => {
    const where = `mapping entries[${i}]`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw new MappingError(`${where} must be an object with pseudonym, type, forms`);
    const e = entry as Record<string, unknown>;
    if (typeof e.pseudonym !== 'string' || e.pseudonym.trim() === '') throw new MappingError(`${where}.pseudonym must be a non-empty string`);
    if (typeof e.type !== 'string' || !(IDENTIFIER_TYPES as readonly string[]).includes(e.type)) {
      throw new MappingError(`${where}.type must be one of ${IDENTIFIER_TYPES.join(', ')}`);
    }
    if (!Array.isArray(e.forms) || e.forms.some((f) => typeof f !== 'string' || f.trim() === '')) {
      throw new MappingError(`${where}.forms must be a list of non-empty strings`);
    }
    const key = `${e.type}\u0000${e.pseudonym}`;
    if (seen.has(key) && e.type !== 'place' && e.type !== 'date') {
      throw new MappingError(`${where} reuses pseudonym "${e.pseudonym}" of entries[${seen.get(key)}]: two people would be merged`);
    }
    seen.set(key, i);
    return { pseudonym: e.pseudonym, type: e.type as IdentifierType, forms: [...(e.forms as string[])] };
  });
  return { version: 1, entries };
}

/** A deep copy, so a caller's mapping is never changed behind its back. */
export function cloneMapping(mapping: PseudonymMapping): PseudonymMapping {
  return { version: 1, entries: mapping.entries.map((e) => ({ pseudonym: e.pseudonym, type: e.type, forms: [...e.forms] })) };
}
