import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../core/src/index';
import { CoachDataError, emptyCoachData, parseCoachDataFile, rosterFromCoachData, toCoachDataFile } from '../../extension/lib/coach-data';

describe('rosterFromCoachData', () => {
  it('turns coachees and sponsors into the roster core reads', () => {
    const roster = rosterFromCoachData({
      coachees: [{ id: 'c', name: 'Priya Shah', aliases: ['Pri'], email: 'Priya@Example.org', organisation: 'Acme' }],
      sponsors: [{ id: 's', name: 'Dana Hill', emailDomains: ['@ACME.com'], organisation: 'Acme' }],
    });
    expect(roster).toEqual({
      people: [
        { name: 'Priya Shah', role: 'coachee', aliases: ['Pri'], email: 'priya@example.org', organisation: 'Acme' },
        { name: 'Dana Hill', role: 'sponsor', organisation: 'Acme' },
      ],
      organisations: ['Acme'],
      sponsorDomains: ['acme.com'],
    });
  });
});

describe('export file', () => {
  it('round-trips through JSON', () => {
    const data = { ...emptyCoachData(), consent: [{ id: 'k', coachee: 'Priya Shah', wording: 'Priya has set three goals.', recipients: ['sponsor' as const], until: '2027-03-01' }] };
    expect(parseCoachDataFile(JSON.parse(JSON.stringify(toCoachDataFile(data))))).toEqual(data);
  });

  it('defaults missing lists and settings', () => {
    expect(parseCoachDataFile({ format: 'coach-guard-extension-data', version: 1 })).toEqual({ ...emptyCoachData(), settings: { categories: [...CATEGORIES] } });
  });

  it.each([
    [{ version: 1 }, /format/],
    [{ format: 'coach-guard-extension-data', version: 2 }, /"version" 2 is not supported/],
    [{ format: 'coach-guard-extension-data', version: 1, extra: [] }, /unknown field "extra"/],
    [{ format: 'coach-guard-extension-data', version: 1, coachees: [{ id: 'c', name: '' }] }, /coachees\[0\]\.name/],
    [{ format: 'coach-guard-extension-data', version: 1, consent: [{ id: 'k', coachee: 'P', wording: 'w', recipients: ['everyone'] }] }, /consent\[0\]\.recipients: "everyone"/],
    [{ format: 'coach-guard-extension-data', version: 1, consent: [{ id: 'k', coachee: 'P', wording: 'w', until: 'next week' }] }, /until must be a date/],
    [{ format: 'coach-guard-extension-data', version: 1, sites: [{ id: 'a.com', enabled: 'yes', hrPortal: false }] }, /sites\[0\]\.enabled/],
    [{ format: 'coach-guard-extension-data', version: 1, settings: { categories: ['gossip'] } }, /settings\.categories\[0\]/],
  ])('refuses %j, naming what to fix', (file, message) => {
    expect(() => parseCoachDataFile(file)).toThrow(CoachDataError);
    expect(() => parseCoachDataFile(file)).toThrow(message);
  });
});
