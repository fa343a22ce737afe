import { describe, expect, it } from 'vitest';
import type { Roster } from '../../core/src/index';
import { decideRecipient } from '../../extension/lib/recipient-role';
import { hostMatches } from '../../extension/lib/hr-portals';

const roster: Roster = {
  people: [
    { name: 'Priya Shah', role: 'coachee', email: 'priya@example.org' },
    { name: 'Sam Okafor', role: 'coachee', email: 'sam@example.org' },
    { name: 'Dana Hill', role: 'hr', email: 'dana@people.example' },
    { name: 'Lee Park', role: 'manager', email: 'lee@example.org' },
  ],
  organisations: ['Acme'],
  sponsorDomains: ['acme.com'],
};
const at = (emails: string[], hostname = 'mail.example.net', hrPortals: string[] = []) => decideRecipient({ emails, hostname, roster, hrPortals });

describe('decideRecipient', () => {
  it('a sponsor domain means the sponsor reads it', () => {
    expect(at(['Jo.Bloggs@ACME.com'])).toMatchObject({ role: 'sponsor', channel: 'email' });
    expect(at(['jo@hr.acme.com']).role).toBe('sponsor');
    expect(at(['jo@notacme.com']).role).toBe('unknown');
  });

  it('a roster person is read by their role; HR outranks a manager and a coachee', () => {
    expect(at(['lee@example.org']).role).toBe('manager');
    expect(at(['lee@example.org', 'dana@people.example', 'priya@example.org'])).toMatchObject({ role: 'hr', coachee: 'Priya Shah' });
  });

  it('one coachee alone is the coachee, named for the analyser', () => {
    expect(at(['PRIYA@example.org'])).toEqual({ role: 'coachee', channel: 'email', coachee: 'Priya Shah', reason: 'priya@example.org is your coachee Priya Shah' });
  });

  it('two coachees on one message are other clients to each other', () => {
    expect(at(['priya@example.org', 'sam@example.org']).role).toBe('other-client');
  });

  it('a coachee copied to someone unknown is not a private message', () => {
    expect(at(['priya@example.org', 'friend@gmail.example'])).toMatchObject({ role: 'unknown', coachee: 'Priya Shah' });
  });

  it('without addresses, a known HR portal (built in or the coach’s own) means HR', () => {
    expect(at([], 'acme.wd3.myworkday.com')).toMatchObject({ role: 'hr', channel: 'hr-portal' });
    expect(at([], 'performance.intranet.example', ['intranet.example'])).toMatchObject({ role: 'hr', channel: 'hr-portal' });
    expect(at([], 'www.linkedin.com')).toMatchObject({ role: 'unknown', channel: 'other' });
  });

  it('addresses take precedence over the site', () => {
    expect(at(['priya@example.org'], 'app.bamboohr.com').role).toBe('coachee');
  });

  it('ignores things that are not addresses', () => {
    expect(at(['', 'not an address']).channel).toBe('other');
  });
});

describe('hostMatches', () => {
  it('matches the domain and its subdomains only', () => {
    expect(hostMatches('bamboohr.com', 'bamboohr.com')).toBe(true);
    expect(hostMatches('acme.bamboohr.com', '.bamboohr.com')).toBe(true);
    expect(hostMatches('evilbamboohr.com', 'bamboohr.com')).toBe(false);
    expect(hostMatches('x.com', '')).toBe(false);
  });
});
