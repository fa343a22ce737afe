import { describe, expect, it } from 'vitest';
import { parseRoster, RosterError } from '@coach-guard/core';

describe('parseRoster', () => {
  it('accepts the documented file format and normalises emails and domains', () => {
    const roster = parseRoster({
      people: [{ name: ' Priya Shah ', role: 'coachee', aliases: ['Pri'], email: 'Priya.Shah@Example.com' }],
      organisations: ['Acme Ltd'],
      sponsorDomains: ['@Acme.co.uk'],
    });
    expect(roster.people[0]).toEqual({ name: 'Priya Shah', role: 'coachee', aliases: ['Pri'], email: 'priya.shah@example.com' });
    expect(roster.sponsorDomains).toEqual(['acme.co.uk']);
  });

  it('defaults missing lists and roles', () => {
    expect(parseRoster({ people: [{ name: 'Bev' }] })).toEqual({ people: [{ name: 'Bev', role: 'other' }], organisations: [], sponsorDomains: [] });
  });

  it('reads roles as coaches write them', () => {
    const roles = parseRoster({
      people: ['Coachee', 'line manager', 'HRBP', 'Human  Resources', 'boss', 'client', 'peer'].map((role, i) => ({ name: `P${i}`, role })),
    }).people.map((p) => p.role);
    expect(roles).toEqual(['coachee', 'manager', 'hr', 'hr', 'manager', 'coachee', 'colleague']);
  });

  it.each([
    [null, /JSON object/],
    [{ people: 'Priya' }, /"people" must be a list/],
    [{ people: [{ role: 'coachee' }] }, /people\[0\]\.name/],
    [{ people: [{ name: 'A', role: 'coachy' }] }, /people\[0\]\.role must be one of/],
    [{ people: [{ name: 'A', role: 7 }] }, /people\[0\]\.role must be one of/],
    [{ people: [{ name: 'A', aliases: 'x' }] }, /aliases must be a list/],
    [{ clients: [] }, /unknown field "clients"/],
  ])('refuses %j with a message naming the field', (input, message) => {
    expect(() => parseRoster(input)).toThrow(RosterError);
    expect(() => parseRoster(input)).toThrow(message);
  });
});
