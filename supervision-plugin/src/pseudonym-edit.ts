import { anonymise, type AnonymiseOptions, type PseudonymMapping } from '@coach-guard/core';

export interface PseudonymEdit {
  start: number;
  end: number;
  replacement: string;
  /** The case mapping after this edit: keep it, so the same person keeps this pseudonym. */
  mapping: PseudonymMapping;
}

/**
 * The quick fix "replace with the case's pseudonym" for the identifier at `[start, end)`. Core
 * decides the pseudonym (by anonymising the whole note with the case's mapping); this only picks
 * the one replacement the coach asked for. `undefined` when nothing there is an identifier any more
 * (the text changed since the diagnostic was made).
 *
 * @example
 * const edit = pseudonymEdit(text, 40, 56, { mapping });
 * if (edit) apply(edit.start, edit.end, edit.replacement), saveMapping(edit.mapping);
 */
export function pseudonymEdit(text: string, start: number, end: number, options: AnonymiseOptions): PseudonymEdit | undefined {
  const result = anonymise(text, options);
  const replacement = result.replacements.find((r) => r.start < end && start < r.end);
  if (!replacement) return undefined;
  return { start: replacement.start, end: replacement.end, replacement: replacement.replacement, mapping: result.mapping };
}
