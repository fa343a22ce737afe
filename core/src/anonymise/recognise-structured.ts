/**
 * Identifiers with a shape: emails, URLs, phone numbers, reference numbers and calendar dates.
 * Every pattern is linear: bounded repetitions, no nested quantifiers over the same characters,
 * so a megabyte of adversarial input costs ten times what 100 kB does (see bench-anonymise).
 */
import type { Span } from './span';

const LOCAL_CHAR = /[\p{L}\p{N}._%+-]/u;
const DOMAIN_CHAR = /[\p{L}\p{N}.-]/u;
const EMAIL_WHOLE = /^[\p{L}\p{N}._%+-]{1,64}@[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){1,8}/u;

const TLDS =
  'com|org|net|edu|gov|io|ai|co|uk|us|ca|au|nz|ie|de|fr|es|it|nl|be|ch|at|se|no|dk|fi|pl|pt|in|sg|hk|jp|cn|za|ng|gh|ke|br|mx|ar|tr|il|ae|info|biz|me|app|dev|tech|health|law|global|ly|tv|eu';
const URL_WITH_SCHEME = /\b(?:https?:\/\/|www\.)[^\s<>"'()[\]]{1,2000}/giu;
// Bare domains are found from a known TLD backwards, so "e.g." or "3.5" never look like web addresses.

// A run of digits and separators starting with +, ( or a digit; checked for digit count afterwards.
const PHONE = /(?<![\p{L}\p{N}/.-])(?:\+\d{1,3}[ .-]?)?(?:\(\d{1,5}\)[ .-]?)?\d{1,5}(?:[ .-]\d{2,6}){1,4}(?![\p{L}\p{N}/-])/gu;

const SOLID_PHONE = /(?<![\p{L}\p{N}/.-])(?:\+\d{10,14}|0\d{9,10})(?![\p{L}\p{N}/-])/gu;
// Letters then digit groups joined by - or /: WA-0419, IR-25-0718, SUSD-IR-24-0091, CMP/COMP/117.
const CODE_ID = /(?<![\p{L}\p{N}-])[A-Z]{1,6}\d{0,3}(?:[-/][A-Z0-9]{1,8}){0,4}[-/]?\d{3,12}[A-Z]?(?![\p{L}\p{N}])/gu;
// Numbers introduced by the words people use for them: "ref 48213", "ticket #4821", "employee no. 7731".
const CONTEXT_ID =
  /\b(?:ref(?:erence)?|case|ticket|claim|incident|employee|staff|payroll|policy|invoice|account|acct|file|id|no|po|order)\.?(?:\s+(?:no\.?|number|id|#))?(?:\s+(?:is|was))?[\s:#.]{0,3}(\d[\d-]{3,14}\d)\b/gi;
const HASH_ID = /#(\d{4,12})\b/gu;
// A UK postcode ("SA1 8PN", "EC2A 4NE") or an Irish Eircode ("D02 X576") on its own.
const POSTCODE = /(?<![\p{L}\p{N}])(?:[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[ABD-HJLNP-UW-Z]{2}|[AC-FHKNPRTV-Y]\d{2}[ \t]?[AC-FHKNPRTV-Y\d]{4})(?![\p{L}\p{N}])/gu;
// "ANC25LA041", "LHR24XB7": letters and digits mixed in one code, two groups of each at least.
const MIXED_CODE = /(?<![\p{L}\p{N}])(?=[A-Z0-9]{7,14}(?![\p{L}\p{N}]))[A-Z]{1,5}\d{1,6}[A-Z]{1,5}\d{1,6}[A-Z0-9]{0,4}(?![\p{L}\p{N}])/gu;
// "37/88214/25": a crime or case reference in slashed parts, too long in the middle for a date.
const SLASHED_ID = /(?<![\p{L}\p{N}/])\d{1,4}\/\d{4,8}\/\d{2,4}(?![\p{L}\p{N}/])/gu;
// "her staff number at me, 204917": the number a few words after what it is called.
const CALLED_NUMBER = /\b(?:staff|employee|payroll|badge|warrant|collar|case|ticket|reference|ref|crime)[ \t]+(?:number|no\.?|id)\b(?:[ \t]+[a-z]{1,8}){0,3}[ \t]*[:,#]?[ \t]*(\d[\d-]{3,14}\d)\b/gi;
// A solid run of seven or more digits is a reference (PO 4500123456, account 00482131), never a count.
const LONG_NUMBER = /(?<![\p{L}\p{N}£$€¥₹.,:/+-])\d{7,14}(?![\p{L}\p{N}]|[.,]\d)/gu;
// "collar number 4471", "badge no. 20391", "emp ID 448812": any number that is called a number.
const NUMBER_ID = /\b(?:number|no\.|nr\.?|num\.?|ID)[ \t]*[:#]?[ \t]*(\d[\d-]{2,14}\d)(?![A-Za-z0-9\u00c0-\u024f])/g;

// English, and the French and Spanish names coaches working in those countries write.
const MONTHS =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?' +
  '|janvier|f[ée]vrier|mars|avril|juillet|ao[ûu]t|septembre|octobre|novembre|d[ée]cembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre';
const DAYS =
  'mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?' +
  '|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo';
const ORD = String.raw`\d{1,2}(?:st|nd|rd|th)?`;
const YEAR = String.raw`(?:,?\s+(?:19|20)\d{2})`;
// "Thursday 13th November 2025", "Tue 17th June", "Fri 7 Feb", "14 March 2026", "5 March"
const DAY_MONTH = new RegExp(
  String.raw`\b(?:(?:${DAYS})\.?,?\s+)?(?:the\s+)?${ORD}(?:\s+(?:of|de))?\s+(?:${MONTHS})\b\.?${YEAR}?`,
  'giu',
);
// "Thu, Jul 10, 2025", "Friday, February 7", "June 3", "oct 2", "Jan 23rd"
const MONTH_DAY = new RegExp(String.raw`\b(?:(?:${DAYS})\.?,?\s+)?(?:${MONTHS})\.?\s+${ORD}\b${YEAR}?`, 'giu');
// "Tuesday 12th", "Wed 3rd": a weekday with a day number and no month.
const THE_ORDINAL = /\b(?:on|by|until|till|from|before|after|since|next|last)\s+(the\s+\d{1,2}(?:st|nd|rd|th))\b/gi;
const WEEKDAY_ORD = new RegExp(String.raw`\b(?:${DAYS})\.?,?\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th)\b`, 'gi');
// "Easter Monday 2025", "Christmas 2024": a holiday of a given year is one day or a few.
const HOLIDAY_YEAR =
  /\b(?:Easter(?:[ \t]+(?:Sunday|Monday|weekend))?|Good[ \t]+Friday|Christmas(?:[ \t]+(?:Day|Eve))?|Boxing[ \t]+Day|New[ \t]+Year(?:['’]s)?(?:[ \t]+(?:Day|Eve))?|Whit[ \t]+Monday|May[ \t]+Day|Bank[ \t]+Holiday(?:[ \t]+Monday)?|Thanksgiving|Memorial[ \t]+Day|Labou?r[ \t]+Day|Independence[ \t]+Day|Diwali|Eid(?:[ \t]+al-(?:Fitr|Adha))?|Hanukkah|Yom[ \t]+Kippur|(?:Lunar|Chinese)[ \t]+New[ \t]+Year|Passover|Halloween|Bonfire[ \t]+Night)[ \t]+(?:19|20)\d{2}\b/g;
// "March 2026", "Nov 2025"
const MONTH_YEAR = new RegExp(String.raw`\b(?:${MONTHS})\.?,?\s+(?:19|20)\d{2}\b`, 'giu');
// 3/4/26, 07/11/2025, 22/10, 11.3.24, 2026-03-14
// 02-11-2025: with dashes only when a four-digit year makes it a date, not a code or a score.
const NUMERIC_DATE = /(?<![\p{L}\p{N}/.:-])(?:\d{4}-\d{1,2}-\d{1,2}|\d{4}(?<ysep>[./])\d{1,2}\k<ysep>\d{1,2}|\d{1,2}-\d{1,2}-(?:19|20)\d{2}|\d{1,2}(?<sep>[/.])\d{1,2}(?:\k<sep>(?:\d{4}|\d{2}))?)(?![\p{L}\p{N}]|[/.:-]\d)/gu;

const TLD_ANCHOR = new RegExp(String.raw`\.(?:${TLDS})(?![\p{L}\p{N}-])`, 'giu');
const MONTH_ANCHOR = new RegExp(String.raw`(?<![\p{L}])(?:${MONTHS})(?![\p{L}])`, 'giu');

/** Matches of a global regex inside text[from, to), with offsets into the whole text. */
function inWindow(text: string, re: RegExp, from: number, to: number): { start: number; end: number }[] {
  const slice = text.slice(from, Math.min(text.length, to));
  return [...slice.matchAll(re)].map((m) => ({ start: from + m.index, end: from + m.index + m[0].length }));
}

const MONTH_WORD = new RegExp(`\\b(${MONTHS})\\b`, 'iu');
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The month a date mentions by name, for a coarse pseudonym like "[date, March]". */
export function monthOfDate(words: string): string | undefined {
  const m = MONTH_WORD.exec(words);
  if (!m) return undefined;
  const prefix = m[1]!.slice(0, 3).toLowerCase();
  return MONTH_NAMES.find((name) => name.slice(0, 3).toLowerCase() === prefix);
}

export function recogniseStructured(text: string): Span[] {
  const spans: Span[] = [];
  const add = (start: number, end: number, type: Span['type']) => {
    // Trailing sentence punctuation belongs to the sentence, not the identifier.
    while (end > start && /[.,;:!?)\]*]/.test(text[end - 1]!)) end--;
    if (end > start) spans.push({ start, end, type, source: 'structured' });
  };
  // The costlier patterns run only in windows around their anchor ("@", ".com", a month name),
  // which keeps a note of plain prose close to one cheap pass.
  // Emails and bare domains are found from their anchor ("@", ".com") outwards, each character
  // looked at a bounded number of times, instead of trying a long pattern at every position.
  let emailEnd = 0;
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    if (at < emailEnd) continue;
    let start = at;
    while (start > 0 && at - start < 64 && LOCAL_CHAR.test(text[start - 1]!)) start--;
    let end = at + 1;
    while (end < text.length && end - at < 256 && DOMAIN_CHAR.test(text[end]!)) end++;
    const candidate = text.slice(start, end).replace(/[.-]+$/, '');
    const m = EMAIL_WHOLE.exec(candidate);
    if (m && start < at) {
      add(start, start + m[0].length, 'email');
      emailEnd = start + m[0].length;
    }
  }
  if (/https?:\/\/|www\./i.test(text)) for (const m of text.matchAll(URL_WITH_SCHEME)) add(m.index, m.index + m[0].length, 'url');
  let domainEnd = 0;
  for (const tld of text.matchAll(TLD_ANCHOR)) {
    if (tld.index < domainEnd) continue;
    let start = tld.index;
    while (start > 0 && tld.index - start < 253 && DOMAIN_CHAR.test(text[start - 1]!)) start--;
    while (start < tld.index && !/[\p{L}\p{N}]/u.test(text[start]!)) start++;
    if (tld.index - start < 2 || (start > 0 && /[@/]/.test(text[start - 1]!))) continue;
    let end = tld.index + tld[0].length;
    if (text[end] === '/') while (end < text.length && end - tld.index < 2000 && !/[\s<>"'()[\]]/.test(text[end]!)) end++;
    add(start, end, 'url');
    domainEnd = end;
  }
  for (const m of text.matchAll(PHONE)) {
    const digits = m[0].replace(/\D/g, '').length;
    const looksLikePhone = /^[+(0]/.test(m[0]) || /^\d{3}[ .-]\d{3}[ .-]\d{4}$/.test(m[0]);
    if (digits >= 9 && digits <= 15 && looksLikePhone) add(m.index, m.index + m[0].length, 'phone');
  }
  // Written solid: 07700900123, +447700900123.
  for (const m of text.matchAll(SOLID_PHONE)) add(m.index, m.index + m[0].length, 'phone');
  for (const m of text.matchAll(CODE_ID)) {
    if (!/[-/]/.test(m[0]) && !/^[A-Z]{2,}\d{4,}$/.test(m[0])) continue;
    add(m.index, m.index + m[0].length, 'id-number');
  }
  for (const m of text.matchAll(CONTEXT_ID)) {
    const value = m[1]!;
    const start = m.index + m[0].length - value.length;
    add(start, start + value.length, 'id-number');
  }
  for (const m of text.matchAll(HASH_ID)) add(m.index, m.index + m[0].length, 'id-number');
  for (const m of text.matchAll(SLASHED_ID)) add(m.index, m.index + m[0].length, 'id-number');
  for (const m of text.matchAll(MIXED_CODE)) add(m.index, m.index + m[0].length, 'id-number');
  for (const m of text.matchAll(CALLED_NUMBER)) add(m.index + m[0].length - m[1]!.length, m.index + m[0].length, 'id-number');
  for (const m of text.matchAll(LONG_NUMBER)) add(m.index, m.index + m[0].length, 'id-number');
  for (const m of text.matchAll(NUMBER_ID)) add(m.index + m[0].length - m[1]!.length, m.index + m[0].length, 'id-number');
  let lastWindowEnd = -1;
  for (const month of text.matchAll(MONTH_ANCHOR)) {
    // A month inside the last window was seen there, unless the window cut it off at its end.
    if (month.index + month[0].length + 16 <= lastWindowEnd) continue;
    // Back up to a line start or 24 characters, so "Thursday 13th November" is seen whole.
    let from = Math.max(0, month.index - 24);
    while (from > 0 && /[\p{L}\p{N}]/u.test(text[from - 1]!)) from--;
    const to = Math.min(text.length, month.index + month[0].length + 16);
    lastWindowEnd = to;
    for (const re of [DAY_MONTH, MONTH_DAY, MONTH_YEAR]) {
      for (const m of inWindow(text, re, from, to)) {
        // "may 5" is only a date when written as one: lower-case "may" is usually the verb.
        if (/^may\b/.test(text.slice(m.start, m.end))) continue;
        // "4 Feb. 6 sessions": a month with its day before it takes no second day after it.
        if (re === MONTH_DAY && /\d(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?$/i.test(text.slice(Math.max(0, m.start - 8), m.start))) continue;
        add(m.start, m.end, 'date');
      }
    }
  }
  for (const m of text.matchAll(WEEKDAY_ORD)) add(m.index, m.index + m[0].length, 'date');
  for (const m of text.matchAll(HOLIDAY_YEAR)) add(m.index, m.index + m[0].length, 'date');
  // "on the 14th", "by the 3rd": a day of the month without the month.
  for (const m of text.matchAll(THE_ORDINAL)) add(m.index + m[0].length - m[1]!.length, m.index + m[0].length, 'date');
  for (const m of text.matchAll(NUMERIC_DATE)) {
    // "session 6/6", "3/6 sessions" are counts, not dates.
    const before = text.slice(Math.max(0, m.index - 12), m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 10);
    // Only on the same line, and never for a date with a year: "Date: 2025-11-27\nSession: 3".
    const counted = /\b(?:sessions?|meetings?|mtgs?|calls?)[ \t]*#?[ \t]*$/i.test(before) || /^[ \t]*\(?(?:sessions?|meetings?|final|last|done|complete|used|left|remaining)\b/i.test(after);
    // A count is "3/6" or "6/6"; "session 12/2" is a date.
    const [a, b] = m[0].split(/[/.]/).map(Number);
    if (counted && !/^\d{4}[-./]|[/.]\d{2,4}$/.test(m[0]) && a! <= b!) continue;
    // "- 16.09 — session 1": a day.month with no year reads as a date where a timeline puts it.
    const dotted =
      /^\d{1,2}\.\d{1,2}$/.test(m[0]) &&
      (/(?:^|\n)[ \t]*(?:[-*•#>]+[ \t]*)?$/.test(before) ||
        /[—–|][ \t]*$/.test(before) ||
        /\b(?:on|from|until|till|by|since|mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)(?:day)?\.?[ \t]+$/i.test(before) ||
        /\|[ \t]*$/.test(before) ||
        /\b(?:next|date|due|when)[ \t]*:[ \t]*$/i.test(before)) &&
      /^[ \t]*(?:[—–:,|-]|\.(?:\s|$)|\(|\*\*|$|\n)/.test(after);
    const [day, month] = m[0].split('.').map(Number);
    if (isPlausibleNumericDate(m[0]) || (dotted && day! >= 1 && day! <= 31 && month! >= 1 && month! <= 12)) add(m.index, m.index + m[0].length, 'date');
  }
  return spans;
}

/**
 * Postcodes standing alone ("SA1 8PN", "D02 X576"). Kept apart from `recogniseStructured`: a
 * postcode that ends a street address belongs to that address (see recognise-names), so these
 * come last and give way to any longer span.
 */
export function recognisePostcodes(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(POSTCODE)) {
    if (/[A-Z]/.test(m[0].slice(-4))) spans.push({ start: m.index, end: m.index + m[0].length, type: 'place', source: 'rules' });
  }
  return spans;
}

function isPlausibleNumericDate(s: string): boolean {
  if (/^\d{4}[-./]/.test(s)) {
    const [, mo, d] = s.split(/[-./]/).map(Number);
    return mo! >= 1 && mo! <= 12 && d! >= 1 && d! <= 31;
  }
  const parts = s.split(/[/.-]/).map(Number);
  const [a, b] = parts as [number, number];
  if (s === '24/7') return false;
  // Either day/month or month/day must make sense; "3.5" alone (a decimal) does not count.
  if (parts.length === 2 && s.includes('.')) return false;
  const dm = a >= 1 && a <= 31 && b >= 1 && b <= 12;
  const md = a >= 1 && a <= 12 && b >= 1 && b <= 31;
  return dm || md;
}
