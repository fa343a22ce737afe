/**
 * Word lists the recognisers lean on. They describe English and the coaching world (roles,
 * themes, calendar words, nationalities), never particular people: names are found by their
 * shape and context, so a name nobody listed is still caught.
 */
import { COMMON, DEMONYMS, NAMES, OPENERS, PLACES, WORDS } from './lexicon-data';

const set = (words: string) => new Set(words.split(/\s+/).filter(Boolean));

/** Capitalised words that are never identifiers on their own (the calendar, pronouns, fillers). */
export const NEVER_NAMES = set(`
  i i'm i've i'd i'll ok okay yes no not and or but the a an this that these those it its he she they we you me my
  his her their our your him them us there here what when where why how who which whose if then so also
  january february march april may june july august september october november december
  jan feb mar apr jun jul aug sep sept oct nov dec
  monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
  today tomorrow yesterday tonight christmas easter ramadan eid diwali hanukkah passover lent advent thanksgiving
  halloween new year's eve bank holiday holidays
  god allah lord jesus
  internet web email zoom teams slack whatsapp linkedin google microsoft excel powerpoint word outlook
  ofsted ofcom ofgem ofwat hmrc dwp cqc fca pra gmc nmc acas sec irs osha eeoc fda ema who un eu
  sms pdf ceo cfo coo cto cio cpo chro cmo md vp svp evp hr l&d pip eap gp nhs hrt adhd ocd ptsd ms q1 q2 q3 q4
  dr mr mrs ms miss mx prof professor sir dame lady lord pak ibu bapak sri shri herr frau
  do does did is are was were have has had can could would should will shall might must let please thanks
  `);

/** Nationalities, languages, regions of culture and faiths: keep them, they are not a person. */
export const CULTURE_WORDS = set(`
  english british scottish welsh irish american canadian australian kiwi indian pakistani bangladeshi sri lankan
  nepali chinese japanese korean vietnamese thai filipino indonesian malaysian singaporean german french spanish
  italian portuguese dutch belgian swiss austrian swedish norwegian danish finnish icelandic polish czech slovak
  hungarian romanian bulgarian greek turkish russian ukrainian israeli palestinian lebanese syrian iraqi iranian
  persian arab arabic egyptian moroccan nigerian ghanaian kenyan ethiopian somali south african zimbabwean
  brazilian mexican argentine argentinian chilean colombian peruvian venezuelan cuban jamaican caribbean latino
  latina latinx hispanic black white asian european african western eastern northern southern middle asian
  catalan basque galician hindi urdu punjabi bengali tamil telugu gujarati marathi kannada malayalam mandarin
  cantonese hebrew yiddish farsi swahili yoruba igbo hausa twi tagalog bahasa malay
  christian catholic protestant anglican methodist baptist evangelical orthodox muslim islamic jewish hindu sikh
  buddhist jain atheist agnostic quaker mormon
  indigenous aboriginal maori first nations inuit metis métis gen z millennial boomer
  lgbt lgbtq lgbtqia queer gay lesbian trans nonbinary
  europe asia africa america americas oceania
  malayali tamilian kannadiga sindhi kashmiri parsi goan keralite
  setswana tswana sesotho sotho isizulu zulu isixhosa xhosa afrikaans shona ndebele amharic tigrinya oromo krio
  patois creole wolof lingala kinyarwanda luganda chichewa fante akan ewe ga welsh gaelic cymraeg scots
  pakeha pasifika aussie brit yank scouse geordie cockney tongan fijian samoan
  north south east west central midlands northeast northwest southeast southwest
  `);

/** A culture word, also when written with its diacritics ("Māori", "Pākehā", "Québécois"). */
export function isCultureWord(lower: string): boolean {
  if (CULTURE_WORDS.has(lower)) return true;
  return memo(cultureWords, lower, isCultureWordUncached);
}

const cultureWords = new Map<string, boolean>();
function isCultureWordUncached(lower: string): boolean {
  const bare = lower.normalize('NFD').replace(/\p{M}/gu, '');
  if (bare !== lower && CULTURE_WORDS.has(bare)) return true;
  // compromise knows most nationalities ("Ghanaian", "Kenyan") as demonyms.
  return lex().demonyms.has(lower);
}

/** Cities people write as capitals: "in NYC", "moved to KL". Countries (UK, USA) are coarse enough to keep. */
export const PLACE_ACRONYMS = set(`nyc la sf dc kl hk bkk nola`);

/** Words in a job title: a sequence holding one is a title (a suspect), not a name. */
export const TITLE_WORDS = set(`
  head director directors vp svp evp president vice chief officer manager managers lead leader principal dean
  chair chairman chairwoman chairperson superintendent supervisor coordinator controller treasurer secretary
  counsel partner associate assoc assistant deputy executive founder co-founder cofounder analyst engineer
  specialist consultant editor professor prof lecturer registrar matron sister consultant surgeon nurse
  md ceo cfo coo cto cio cpo chro cmo cso gm avp officer trustee governor commissioner minister
`);

/** Departments and functions: "from Treasury", "in Finance". Not identifiers by themselves. */
export const FUNCTION_WORDS = set(`
  finance treasury sales marketing operations engineering legal compliance risk audit procurement hr
  it product design research strategy communications comms people talent learning development facilities
  ops customer success support service services quality claims underwriting actuarial tax payroll logistics
  manufacturing regulatory affairs sustainability partnerships community revenue credit corporate retail
  commercial investment investments trading markets technology data security safety health wellbeing
  board trust council committee team department division group unit school faculty office
`);

/** Last words that make a capitalised sequence an organisation. */
export const ORG_SUFFIXES = set(`
  ltd limited llp llc lp inc inc. incorporated co co. corp corp. corporation plc gmbh ag sa sas bv nv pty
  group partners partnership holdings capital ventures consulting consultancy solutions systems technologies
  technology tech labs lab software analytics media studios studio agency associates advisors advisory
  bank banking insurance assurance finance financial investments fund trust foundation charity society association
  union federation council authority agency commission ministry department district institute institution
  university college school academy polytechnic hospital hospitals clinic practice surgery healthcare health
  pharma pharmaceuticals lifesciences biosciences therapeutics network networks services stores store retail
  foods food freight logistics transport airlines airways resorts hotels hotel robotics motors energy power
  utilities water telecom communications publishing press playhouse theatre theater museum gallery orchestra
  church mosque temple synagogue cathedral nation tribe club fc chambers firm company industries manufacturing
  timber mining construction builders properties estates realty homes
`);

/** Last words that make a capitalised sequence a place. */
export const PLACE_SUFFIXES = set(`
  street st road rd avenue ave lane ln drive boulevard blvd way place square sq court ct crescent terrace
  close gardens parkway highway hwy row mews hill park green walk quay wharf bridge gate estate village
  valley city town county province state region district heights grove lake bay island islands beach river falls
  springs harbour harbor point hills fields
`);

/** Relation words before a name say what the person is to the coachee. */
export const RELATIONS: Record<string, 'partner' | 'child' | 'relative' | 'friend' | 'doctor' | 'colleague'> = {
  partner: 'partner', husband: 'partner', wife: 'partner', boyfriend: 'partner', girlfriend: 'partner', fiancé: 'partner',
  fiancée: 'partner', fiance: 'partner', fiancee: 'partner', spouse: 'partner', ex: 'partner',
  son: 'child', daughter: 'child', child: 'child', kid: 'child', baby: 'child', stepson: 'child', stepdaughter: 'child',
  mother: 'relative', father: 'relative', mum: 'relative', mom: 'relative', dad: 'relative', brother: 'relative',
  sister: 'relative', aunt: 'relative', uncle: 'relative', cousin: 'relative', grandmother: 'relative',
  grandfather: 'relative', gran: 'relative', grandma: 'relative', grandpa: 'relative', nephew: 'relative', niece: 'relative',
  'mother-in-law': 'relative', 'father-in-law': 'relative', 'sister-in-law': 'relative', 'brother-in-law': 'relative',
  friend: 'friend', neighbour: 'friend', neighbor: 'friend', flatmate: 'friend', roommate: 'friend',
  gp: 'doctor', doctor: 'doctor', therapist: 'doctor', counsellor: 'doctor', counselor: 'doctor', psychiatrist: 'doctor',
  psychologist: 'doctor', dr: 'doctor', 'dr.': 'doctor', consultant: 'doctor', nurse: 'doctor',
  boss: 'colleague', manager: 'colleague', colleague: 'colleague', deputy: 'colleague', assistant: 'colleague', mentor: 'colleague',
  report: 'colleague', peer: 'colleague', coworker: 'colleague', 'co-worker': 'colleague', lead: 'colleague', director: 'colleague',
};

/** Honorifics: the next capitalised words are a person. */
export const HONORIFICS = set(`mr mr. mrs mrs. ms ms. miss mx mx. dr dr. prof prof. professor sir dame lady lord pak ibu bapak sri shri chief rev rev. father sister brother judge justice`);

/** Common English words that often start a sentence or a heading in a case note. */
const EXTRA_COMMON = set(`
  headline context summary background notes note session sessions setting settings topics topic themes theme threads
  thread overlap underneath glimpses lots main agreed focus next previous last first second third fourth fifth sixth
  questions question question: issue issues material observations observation reflections reflection feelings
  feeling noticing noticed noting plan plans actions action goals goal outcome outcomes contract contracting
  supervision supervisor coaching coach coachee client clients sponsor sponsors me myself self-check check
  what where who why how when whether later earlier afterwards before after during since until also other others
  another family home work office anger rage grief guilt shame fear anxiety loneliness power body language culture
  humiliation frustration relief worry hope pressure loyalty decision fatigue conflict interest entry log mtg meeting
  meetings call calls email emails update updates date time place where things really today yesterday tonight
  overall generally honestly anyway still even though although because however meanwhile instead otherwise
  something someone somebody nothing everything everyone anyone nobody none both each every either neither
  mostly partly mainly especially particularly perhaps maybe probably certainly clearly obviously interesting
  interestingly sadly happily luckily unfortunately fortunately oddly strangely curiously apparently
  asked said told felt heard saw went came got took made gave thought wondered realised realized named stayed
  listened tried started ended offered explained described mentioned raised reflected explored discussed
  brought opened closed finished closing opening ending starting follow follow-up recap review reviews
  progress rating comments comment feedback report reports referral referrals ethics ethical dilemma dilemmas
  hypothesis hypotheses pattern patterns tension tensions parallel process risk risks safety support scope
  boundary boundaries confidentiality trust team teams staff people history future past present
`);

// Deliberately narrow: endings like -ed, -al or -ly also end names (Ahmed, Kamal, Kelly).
const COMMON_SUFFIX = /(?:tions?|sions?|ness|ments?|ity|ities|ances?|ences?|ings?|ous|ful|less|ism|ship|hood|able|ible|ical)$/;

// Notes repeat their words; answers are cached (bounded, so a huge odd input cannot grow them forever).
const knownNames = new Map<string, boolean>();
const knownPlaces = new Map<string, boolean>();
const commonWords = new Map<string, boolean>();
function memo(cache: Map<string, boolean>, word: string, compute: (word: string) => boolean): boolean {
  let answer = cache.get(word);
  if (answer === undefined) {
    answer = compute(word);
    if (cache.size > 50_000) cache.clear();
    cache.set(word, answer);
  }
  return answer;
}

/**
 * compromise's lexicon, as the few sets anonymise asks about (generated into lexicon-data.ts, so
 * core never loads compromise: its import costs about a second for what is a table look-up).
 * Built on first use.
 */
interface Lexicon {
  names: Set<string>;
  words: Set<string>;
  places: Set<string>;
  openers: Set<string>;
  demonyms: Set<string>;
  /** The commonest English words (SCOWL sizes 10-20): "class", "table", "progress". */
  common: Set<string>;
}
let lexicon: Lexicon | undefined;
function lex(): Lexicon {
  lexicon ??= { names: set(NAMES), words: set(WORDS), places: set(PLACES), openers: set(OPENERS), demonyms: set(DEMONYMS), common: set(COMMON) };
  return lexicon;
}

/** compromise's lexicon knows this word as a first name, surname, place or organisation. */
export function isKnownName(word: string): boolean {
  return memo(knownNames, word, isKnownNameUncached);
}

function isKnownNameUncached(word: string): boolean {
  return lex().names.has(word.toLowerCase());
}

/** compromise's lexicon knows this word at all (as anything). */
export function isKnownWord(word: string): boolean {
  const lower = word.toLowerCase();
  return lex().names.has(lower) || lex().words.has(lower);
}

/** compromise's lexicon knows this word as a place (city, country, region). */
export function isKnownPlace(word: string): boolean {
  return memo(knownPlaces, word, isKnownPlaceUncached);
}

function isKnownPlaceUncached(word: string): boolean {
  if (PLACE_ACRONYMS.has(word.toLowerCase())) return true;
  return lex().places.has(word.toLowerCase());
}

/**
 * An ordinary English word (not a name): known to compromise's lexicon as a non-name, on one of
 * our lists, or shaped like English morphology ("-tion", "-ness", "-ing"). Used for capitalised
 * words at the start of a sentence, where capitals say nothing.
 */
export function isCommonWord(word: string): boolean {
  return memo(commonWords, word, isCommonWordUncached);
}

function isCommonWordUncached(word: string): boolean {
  const lower = word.toLowerCase().replace(/['’]s$/, '');
  if (NEVER_NAMES.has(lower) || EXTRA_COMMON.has(lower) || FUNCTION_WORDS.has(lower) || TITLE_WORDS.has(lower)) return true;
  if (lex().words.has(lower)) return true;
  if (lex().names.has(lower)) return false;
  if (lower.includes('-')) return lower.split('-').every((part) => part === '' || isCommonWord(part));
  const stems = [lower.replace(/s$/, ''), lower.replace(/es$/, ''), lower.replace(/ed$/, ''), lower.replace(/ing$/, '')];
  if (lower.length > 5) stems.push(lower.replace(/ly$/, ''), lower.replace(/ly$/, 'le'), lower.replace(/ily$/, 'y'));
  for (const stem of stems) {
    if (stem !== lower && stem.length > 2 && lex().words.has(stem)) return true;
  }
  return lower.length > 5 && COMMON_SUFFIX.test(lower);
}


/**
 * One of the commonest English words, as a capitalised word opening a sentence usually is ("Class
 * came up", "Table 2 shows"). Only for sentence starts: mid-sentence, and for deciding whether a
 * roster name must be capitalised, `isCommonWord` (compromise's narrower lexicon) decides.
 */
export function isEverydayWord(word: string): boolean {
  const lower = word.toLowerCase().replace(/['’]s$/, '');
  return lex().common.has(lower) || (lower.endsWith('s') && lex().common.has(lower.slice(0, -1)));
}

/**
 * A word that opens a sentence without being part of a name after it ("Later Tyler said",
 * "Then Priscilla joined"). A modal or a noun is not one: "Will Ashworth" stays whole.
 */
export function isSentenceOpener(word: string): boolean {
  const lower = word.toLowerCase();
  if (NEVER_NAMES.has(lower) || EXTRA_COMMON.has(lower)) return true;
  return lex().openers.has(lower);
}
