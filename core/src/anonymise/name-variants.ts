/**
 * The other ways a coach writes a roster name: without its accents ("Malgorzata Wisniewska" for
 * Małgorzata Wiśniewska, "Siobhan" for Siobhán), without its hyphen ("Jiwoo" for Ji-woo), and by
 * the usual short form of a given name ("Will" or "Bill" for William, "Gosia" for Małgorzata).
 */

/** Letters that NFD does not take apart. */
const PLAIN: Record<string, string> = { ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', đ: 'd', Đ: 'D', ß: 'ss', æ: 'ae', Æ: 'Ae', œ: 'oe', Œ: 'Oe', ı: 'i', þ: 'th', ð: 'd' };

/** The name as typed on a keyboard without accents. */
export function withoutAccents(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[łŁøØđĐßæÆœŒıþð]/g, (c) => PLAIN[c]!);
}

/**
 * Short forms by formal given name (lower case, without accents). Only forms a person is commonly
 * called by; a prefix like "Alex" for Alexander is already matched as a shortened first name.
 */
const SHORT_FORMS: Record<string, string[]> = {
  william: ['will', 'bill', 'billy', 'liam', 'willy'],
  robert: ['rob', 'bob', 'bobby', 'robbie', 'bert'],
  richard: ['rich', 'rick', 'ricky', 'dick'],
  elizabeth: ['liz', 'lizzie', 'beth', 'betty', 'libby', 'eliza', 'bess'],
  margaret: ['maggie', 'meg', 'peggy', 'greta', 'margo', 'madge'],
  katherine: ['kate', 'kath', 'kathy', 'katie', 'kat', 'kitty'],
  catherine: ['kate', 'cath', 'cathy', 'katie', 'cat'],
  kathryn: ['kate', 'kath', 'kathy', 'katie'],
  alexander: ['alex', 'sasha', 'sandy', 'xander', 'al'],
  alexandra: ['alex', 'sasha', 'lexi', 'sandra', 'sandy'],
  aleksandra: ['ola', 'ala', 'sasha'],
  edward: ['ed', 'eddie', 'ted', 'teddy', 'ned'],
  james: ['jim', 'jimmy', 'jamie', 'jem'],
  john: ['jack', 'johnny', 'jon'],
  jonathan: ['jon', 'jonny', 'nathan'],
  michael: ['mike', 'mick', 'mikey', 'micky'],
  nicholas: ['nick', 'nicky', 'nico'],
  christopher: ['chris', 'kit', 'topher'],
  christine: ['chris', 'chrissie', 'tina'],
  christina: ['chris', 'tina', 'kristy'],
  patricia: ['pat', 'patty', 'trish', 'tricia'],
  patrick: ['pat', 'paddy'],
  anthony: ['tony', 'ant'],
  antonio: ['tony', 'toni'],
  andrew: ['andy', 'drew'],
  benjamin: ['ben', 'benny', 'benji'],
  daniel: ['dan', 'danny'],
  david: ['dave', 'davy'],
  joseph: ['joe', 'joey'],
  thomas: ['tom', 'tommy'],
  samuel: ['sam', 'sammy'],
  samantha: ['sam', 'sammy'],
  matthew: ['matt'],
  jennifer: ['jen', 'jenny', 'jenn'],
  rebecca: ['becky', 'becca', 'bex'],
  susan: ['sue', 'suzy', 'susie'],
  suzanne: ['sue', 'suzy', 'suze'],
  deborah: ['deb', 'debbie', 'debs'],
  victoria: ['vicky', 'vic', 'tori'],
  charlotte: ['lottie', 'charlie', 'lotte'],
  charles: ['charlie', 'chuck', 'chas'],
  frederick: ['fred', 'freddie'],
  henry: ['harry', 'hal', 'hank'],
  harold: ['harry', 'hal'],
  theodore: ['theo', 'ted', 'teddy'],
  josephine: ['jo', 'josie'],
  joanna: ['jo'],
  joanne: ['jo'],
  abigail: ['abby', 'abi', 'gail'],
  rosalind: ['rose', 'ros', 'roz', 'rosie'],
  rosemary: ['rose', 'rosie'],
  gregory: ['greg'],
  timothy: ['tim', 'timmy'],
  stephen: ['steve', 'stevie'],
  steven: ['steve', 'stevie'],
  peter: ['pete'],
  philip: ['phil'],
  phillip: ['phil'],
  lawrence: ['larry', 'laurie', 'loz'],
  laurence: ['larry', 'laurie', 'loz'],
  leonard: ['leo', 'len', 'lenny'],
  eleanor: ['ellie', 'nell', 'nora', 'elle'],
  helen: ['nell'],
  dorothy: ['dot', 'dottie', 'dolly'],
  gerald: ['gerry', 'jerry'],
  geraldine: ['gerry', 'geri'],
  jacqueline: ['jackie', 'jacqui'],
  penelope: ['penny', 'pen'],
  raymond: ['ray'],
  ronald: ['ron', 'ronnie'],
  donald: ['donny'],
  kenneth: ['ken', 'kenny'],
  terence: ['terry'],
  vincent: ['vince', 'vinny'],
  francis: ['frank', 'fran'],
  frances: ['fran', 'frankie'],
  gabriel: ['gabe'],
  gabrielle: ['gabby', 'gabi'],
  isabel: ['izzy', 'bel', 'isa'],
  isabella: ['izzy', 'bella', 'isa'],
  isobel: ['izzy', 'issy'],
  jessica: ['jess', 'jessie'],
  rachel: ['rach'],
  caroline: ['caro', 'carrie'],
  natalie: ['nat'],
  natasha: ['tasha', 'nat', 'tash'],
  nathaniel: ['nat', 'nate'],
  nathan: ['nate', 'nat'],
  oliver: ['olly', 'ollie'],
  olivia: ['liv', 'livvy', 'olly'],
  sebastian: ['seb', 'bastian'],
  zachary: ['zach', 'zack'],
  douglas: ['doug', 'dougie'],
  malcolm: ['mal'],
  barbara: ['barb', 'babs'],
  cynthia: ['cindy'],
  dominic: ['dom'],
  dominique: ['dom'],
  mohammed: ['mo'],
  muhammad: ['mo'],
  mohammad: ['mo'],
  abdullah: ['abdul'],
  ibrahim: ['ibby'],
  chukwuemeka: ['emeka'],
  oluwaseun: ['seun'],
  oluwatobi: ['tobi'],
  olufemi: ['femi'],
  babatunde: ['tunde'],
  adebayo: ['bayo'],
  chinonso: ['nonso'],
  chimamanda: ['ada'],
  malgorzata: ['gosia', 'goska', 'malgosia'],
  katarzyna: ['kasia', 'kaska'],
  agnieszka: ['aga', 'agnes'],
  aleksander: ['olek', 'alek'],
  tomasz: ['tomek'],
  wojciech: ['wojtek'],
  krzysztof: ['krzys'],
  magdalena: ['magda'],
  jozef: ['jozek'],
  ekaterina: ['katya', 'katia'],
  yekaterina: ['katya'],
  anastasia: ['nastya', 'stacy', 'ana'],
  dmitri: ['dima'],
  dmitry: ['dima'],
  vladimir: ['vova', 'vlad'],
  mikhail: ['misha'],
  yevgeny: ['zhenya'],
  evgeny: ['zhenya'],
  nikolai: ['kolya'],
  konstantin: ['kostya'],
  karthikeyan: ['karthik'],
  thenmozhi: ['mozhi'],
  venkatesh: ['venky'],
  subramaniam: ['subbu'],
  rajendra: ['raj'],
  rajesh: ['raj'],
  priyanka: ['priya'],
  siddharth: ['sid'],
  francesco: ['franco', 'cesco'],
  giuseppe: ['beppe', 'pino'],
  guillermo: ['memo', 'guille'],
  francisco: ['paco', 'pancho', 'cisco'],
  jose: ['pepe'],
  montserrat: ['montse'],
  enrique: ['kike'],
  ignacio: ['nacho'],
  concepcion: ['concha'],
  dolores: ['lola'],
  maximilian: ['max'],
  johannes: ['hans', 'jo'],
  wolfgang: ['wolf'],
  siobhan: ['shiv'],
  desmond: ['dez', 'des', 'desi'],
  jeremy: ['jez', 'jerry'],
  jeremiah: ['jerry'],
  gareth: ['gaz'],
  gary: ['gaz'],
  barry: ['baz'],
  sharon: ['shaz'],
  darren: ['daz'],
  lorraine: ['loz'],
  padraig: ['paddy'],
};

/**
 * Short forms and spellings of a given name that the text may use instead of it. Never the name
 * itself, and only forms of three letters or more (two-letter forms like "Jo" are too ambiguous
 * in running text unless the roster lists them as aliases).
 */
export function givenNameVariants(given: string): string[] {
  const plain = withoutAccents(given);
  const variants = new Set<string>();
  const capitalise = (w: string) => w[0]!.toUpperCase() + w.slice(1);
  for (const short of SHORT_FORMS[plain.toLowerCase()] ?? []) if (short.length >= 3) variants.add(capitalise(short));
  // "Ji-woo" → "Jiwoo", "Ji Woo"; "Anne-Marie" → "Annemarie".
  if (/\p{L}-\p{L}/u.test(given)) {
    const [head, ...rest] = given.split('-');
    variants.add(head + rest.map((p) => p.toLowerCase()).join(''));
    variants.add([head, ...rest.map((p) => (p ? p[0]!.toUpperCase() + p.slice(1) : p))].join(' '));
  }
  variants.delete(given);
  return [...variants];
}
