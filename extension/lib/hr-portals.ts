/**
 * Sites where whatever the coach types becomes an HR record that managers and HR can read.
 * A host matches an entry when it is the entry or a subdomain of it.
 */
export const BUILT_IN_HR_PORTALS: readonly string[] = [
  'workday.com',
  'myworkday.com',
  'successfactors.com',
  'successfactors.eu',
  'sapsf.com',
  'sapsf.eu',
  'bamboohr.com',
  'personio.de',
  'personio.com',
  'hibob.com',
  'lattice.com',
  'latticehq.com',
  '15five.com',
  'cultureamp.com',
  'betterworks.com',
  'leapsome.com',
  'peoplehr.net',
  'cornerstoneondemand.com',
  'csod.com',
  'workforcenow.adp.com',
  'ultipro.com',
  'ukg.com',
  'rippling.com',
  'namely.com',
  'factorialhr.com',
  'breathehr.com',
  'charliehr.com',
  'darwinbox.com',
  'people.zoho.com',
  'engagedly.com',
  'small-improvements.com',
  'peoplegoal.com',
];

/** True when `host` is `domain` or one of its subdomains. */
export function hostMatches(host: string, domain: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  const d = domain.toLowerCase().replace(/^\*?\./, '').replace(/\.$/, '');
  return d !== '' && (h === d || h.endsWith(`.${d}`));
}
