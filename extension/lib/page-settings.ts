/**
 * What a content script needs to guard one page, derived from the coach's data. Pure, so the
 * rules (per-site switch, ignored findings, sensitivity) are unit-tested without a browser.
 */
import type { Category, ConsentRecord, Finding, Roster } from '@coach-guard/core';
import { rosterFromCoachData, type CoachData, type IgnoredFinding } from './coach-data';
import { hostMatches } from './hr-portals';

export interface PageSettings {
  enabled: boolean;
  roster: Roster;
  consent: ConsentRecord[];
  ignored: Pick<IgnoredFinding, 'category' | 'text'>[];
  categories: Category[];
  /** The coach's own HR portals. */
  hrPortals: string[];
}

/** Active by default everywhere; the most specific site rule for the host wins. */
export function pageSettingsFor(host: string, data: CoachData): PageSettings {
  const rules = data.sites.filter((s) => hostMatches(host, s.id)).sort((a, b) => b.id.length - a.id.length);
  return {
    enabled: rules.find(() => true)?.enabled ?? true,
    roster: rosterFromCoachData(data),
    consent: data.consent.map(({ id: _id, ...c }) => c),
    ignored: data.ignored.map(({ category, text }) => ({ category, text })),
    categories: [...data.settings.categories],
    hrPortals: data.sites.filter((s) => s.hrPortal).map((s) => s.id),
  };
}

/** How ignored text is compared: case, spacing and curly quotes do not make it new. */
export function normaliseForMatch(text: string): string {
  return text.normalize('NFKC').replace(/[\u2018\u2019]/g, "'").replace(/[\u201C\u201D]/g, '"').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** The id under which an ignored finding is stored: one entry per category and wording. */
export function ignoredId(category: Category, text: string): string {
  return `${category}:${normaliseForMatch(text)}`;
}

/** Drops findings in categories the coach switched off and findings the coach ignored. */
export function applySuppressions(findings: readonly Finding[], text: string, settings: Pick<PageSettings, 'categories' | 'ignored'>): Finding[] {
  const categories = new Set(settings.categories);
  const ignored = new Set(settings.ignored.map((i) => ignoredId(i.category, i.text)));
  return findings.filter((f) => categories.has(f.category) && !ignored.has(ignoredId(f.category, text.slice(f.start, f.end))));
}
