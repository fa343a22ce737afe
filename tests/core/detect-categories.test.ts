import { describe, expect, it } from 'vitest';
import { analyse, type AnalyseContext, type Category, type Finding } from '../../core/src/index';

const toHr: AnalyseContext = { channel: 'email', recipientRole: 'hr' };

/** The words a finding underlines. */
const words = (text: string, f: Finding) => text.slice(f.start, f.end);

function expectFinding(text: string, category: Category, risky: string, context: AnalyseContext = toHr) {
  const findings = analyse(text, context);
  const start = text.indexOf(risky);
  expect(start, 'test text must contain the risky words').toBeGreaterThanOrEqual(0);
  const hit = findings.find((f) => f.category === category && f.start < start + risky.length && start < f.end);
  expect(hit, `${category} over "${risky}" in ${JSON.stringify(findings.map((f) => [f.category, words(text, f)]))}`).toBeDefined();
  expect(hit!.message).toMatch(/\.$/);
  expect(hit!.message.split(/[.!?](\s|$)/).filter((s) => s && s.trim()).length).toBe(1);
  return hit!;
}

describe('analyse: each category', () => {
  it('session-content: what the coachee brought to a session', () => {
    expectFinding('Hi Louise, we spent Thursday on how Marta handles pushback from the finance directors. Best, Alex', 'session-content', 'we spent Thursday on how Marta handles pushback');
  });

  it('wellbeing: health and feelings, reported or stated', () => {
    const text = 'She told me she has been anxious about the PIP.';
    const f = expectFinding(text, 'wellbeing', 'anxious');
    expect(f.severity).toBe('high');
    expect(f.suggestion).toBeTruthy();
    expectFinding('Hi Jo, Tariq is on antidepressants at the moment, so mornings are hard. Sam', 'wellbeing', 'antidepressants');
  });

  it('personal-life: family, bereavement, money, faith, addiction', () => {
    expectFinding("Hi Jo, Priya's dad passed away last month. Sam", 'personal-life', 'passed away');
    expectFinding('Hi Jo, Olu has got into debt and is doing extra shifts elsewhere. Sam', 'personal-life', 'debt');
    expectFinding('Hi Jo, Carmen is caring for her mother most evenings. Sam', 'personal-life', 'caring for her mother');
  });

  it('progress-judgement: positive summaries leak too', () => {
    const text = "Hi Rachel, Sam's doing really well and is very motivated. Alex";
    const f = expectFinding(text, 'progress-judgement', "Sam's doing really well");
    expect(f.suggestion).toMatch(/Sam is best placed to share how it's going/);
    expectFinding('Engagement level: High. Keen to learn.', 'progress-judgement', 'Engagement level: High', { channel: 'hr-portal', recipientRole: 'hr' });
    expectFinding('Hi Jo, the coaching is really working. Sam', 'progress-judgement', 'the coaching is really working');
  });

  it('outcome-prediction: hedged predictions and recommendations about employment', () => {
    expectFinding("Hi Jo, I doubt she'll meet the PIP targets. Sam", 'outcome-prediction', "I doubt she'll meet the PIP targets");
    expectFinding("Hi Jo, I think he'll get there. Sam", 'outcome-prediction', "I think he'll get there");
    expectFinding("Hi Jo, honestly Femi isn't ready for the team lead role. Sam", 'outcome-prediction', 'ready');
  });

  it('career-intent: leaving, job hunting, grievance, legal action', () => {
    expectFinding("Hi Jo, Nadia's been talking to recruiters. Sam", 'career-intent', 'recruiters');
    expectFinding('Hi Jo, he is thinking about raising a grievance. Sam', 'career-intent', 'grievance');
    expectFinding('Hi Jo, Ana has spoken to a lawyer about the restructure. Sam', 'career-intent', 'lawyer');
  });

  it("third-party: what the coachee said about a colleague", () => {
    expectFinding('Hi Jo, Ben told me his line manager takes credit for his work. Sam', 'third-party', 'Ben told me his line manager takes credit');
  });

  it("quotation: the coachee's own words", () => {
    const text = 'Hi Jo, she described the audit as "the worst month of my life". Sam';
    expectFinding(text, 'quotation', '"the worst month of my life"');
  });
});

describe('analyse: quiet cases stay quiet', () => {
  const quiet: [string, string, AnalyseContext?][] = [
    ['dates and times', 'Sessions are on Tuesday at 10:00.'],
    ['sessions used and left', 'Hi Jo, we have used four of the six sessions; two remain. Sam'],
    ['invoice', 'Hi Jo, invoice INV-204 for March is attached; payment within 30 days please. Sam'],
    ['rooms and rescheduling', "Hi Jo, could we move Priya's session to room 4 on Thursday at 2pm? Sam"],
    ["the coach's own childcare", "Hi Jo, my son's nursery is closed so I need to move Priya's session to Friday. Sam"],
    ["the coach's own illness", "Hi Jo, I've come down with a nasty flu so I'm cancelling today's session with Ben. Sam"],
    ['the coaching process in general', 'Hi Jo, as agreed at contracting, what Ben and I discuss stays confidential; I report dates and attendance only. Sam'],
    ['the coach talking about themself', "Hi Jo, I've really enjoyed working with your team this year. Sam"],
    ['stress about a booking mix-up', 'Hi Jo, sorry for the stress over the double-booked room yesterday. All sorted now. Sam'],
    ['declining to share', "I can't comment on progress — Sam is welcome to share his own reflections."],
    ['a message to the coachee about their own work', 'Hi Ben, great session today; good luck with the promotion interview, and look after yourself. Sam', { channel: 'email', recipientRole: 'coachee' }],
    ['a course title in quotes', "Hi Jo, the 'Leading Through Change' workshop is on 3 May. Sam"],
    ["the reader's own words quoted back", "Hi Jo, you said you wanted Ben 'to own the client calls'; that's for him to update you on. Sam"],
    ['a general wellbeing offer', 'Hi Jo, I can run a general workshop on stress and burnout for all managers in June. Sam'],
    ['a question', 'How is the coachee progressing? (coach to complete): Not answered by design.', { channel: 'hr-portal', recipientRole: 'hr' }],
    ['portal logistics', 'Sessions completed: 4 of 6. Next session: 12 March.', { channel: 'hr-portal', recipientRole: 'hr' }],
  ];
  for (const [name, text, context] of quiet) {
    it(name, () => {
      const findings = analyse(text, context ?? toHr);
      expect(findings.map((f) => [f.category, words(text, f)])).toEqual([]);
    });
  }
});

describe('analyse: sentence structure', () => {
  it('a bare answer to a question quoted from the reader says what the question asked', () => {
    const pip = 'Hi Mo,\n\n> Is Benedikt likely to get through the PIP?\n\nShort answer: yes, I would think so.\n\nOskar';
    expectFinding(pip, 'outcome-prediction', 'Short answer: yes');
    const how = "> How is she getting on? The Dean is asking.\nHonestly, really well.";
    expectFinding(how, 'progress-judgement', 'really well', { channel: 'email', recipientRole: 'manager' });
    // Thanks and a decline answer nothing; a question about the diary asks for no disclosure.
    expect(analyse("> How's Priya getting on?\n\nThanks for your note. I won't be commenting on how it's going.", toHr)).toEqual([]);
    expect(analyse('> Is Priya still OK with the Tuesday sessions?\n\nYes, Tuesdays are fine.', toHr)).toEqual([]);
    // Unquoted, the coach's own question and its answer are plain sentences.
    expect(analyse('Is the room free on Monday? Yes, I checked.', toHr)).toEqual([]);
  });

  it('an HR-portal field with a bracketed label or scale is read as one field; "N/A" and "not applicable" are empty', () => {
    const portal: AnalyseContext = { channel: 'hr-portal', recipientRole: 'hr' };
    expectFinding('Overall status (RAG): Amber', 'progress-judgement', 'Amber', portal);
    expectFinding('Readiness for next-level role (coach view): Ready now', 'outcome-prediction', 'Ready now', portal);
    expectFinding('Likelihood of PIP objectives being met: Low', 'outcome-prediction', 'Low', portal);
    expect(analyse('Progress rating (1–5): N/A — not assessed by coach, per coaching agreement', portal)).toEqual([]);
    expect(analyse('Wellbeing concerns flagged: Not applicable to coach role', portal)).toEqual([]);
  });

  it('a stage of the coaching named as a time is no decline; agreed goals in a portal are shareable', () => {
    expectFinding("She's turned a real corner — the defensiveness we talked about at contracting has largely gone.", 'session-content', 'largely gone', { channel: 'email', recipientRole: 'sponsor' });
    const portal: AnalyseContext = { channel: 'hr-portal', recipientRole: 'hr' };
    expect(analyse('Coaching objective: Build confidence presenting to the exec committee (agreed at contracting, 12 Feb).', portal)).toEqual([]);
    expectFinding('Goal 1 (delegation): Client reports delegating two projects to team; feels less overwhelmed.', 'wellbeing', 'less overwhelmed', portal);
  });

  it('the coachee’s words quoted after the speaker told the coach, or named as "his exact words"', () => {
    const told = 'She also told me the planning committee feels like "being marked by a panel of strangers" every month.';
    expectFinding(told, 'quotation', 'being marked', { channel: 'email', recipientRole: 'manager' });
    const exact = "Femi raised it last week, and 'he signs things he hasn't read' were his exact words.";
    expectFinding(exact, 'quotation', 'he signs things', { channel: 'email', recipientRole: 'manager' });
  });

  it('"I\'d rather not push it" declines nothing; "my 2 o\'clock was Efua" reveals another client', () => {
    expectFinding("Can we shift Efua's slot? She's just started on antidepressants, so I'd rather not push it.", 'wellbeing', 'antidepressants');
    const toCoachee: AnalyseContext = { channel: 'email', recipientRole: 'coachee' };
    expectFinding("Sorry I ran over today — my 2 o'clock was Efua and she's had a rough week.", 'third-party', "my 2 o'clock was Efua", toCoachee);
    expect(analyse("Forty minutes in the residents' lounge on the 9th would be ideal.", toHr)).toEqual([]);
  });

  it('"I wouldn\'t go ahead with the warning" advises, it does not decline; "we\'re going round in circles" judges the coaching', () => {
    expectFinding("i wouldn't go ahead with riaan's final warning.", 'outcome-prediction', 'final warning', { channel: 'chat', recipientRole: 'manager' });
    expectFinding("Yusuf's session has moved. Candidly, we're going round in circles.", 'progress-judgement', 'going round in circles', { channel: 'email', recipientRole: 'manager' });
    expect(analyse("I'd like us to agree the goals for the coaching, how we'll know it's been useful.", toHr)).toEqual([]);
    expect(analyse("I won't go into detail about the sessions.", toHr)).toEqual([]);
  });

  it('"as it\'s written" is no consent; a conditional "if he\'d find that useful" judges nobody; "Supportive in principle" names nobody', () => {
    expectFinding("Straight answer: she won't survive the PIP as it's written.", 'outcome-prediction', "won't survive", { channel: 'email', recipientRole: 'sponsor' });
    expect(analyse("I've suggested Callum might write you a short update himself, if he'd find that useful.", toHr)).toEqual([]);
    expect(analyse('Appreciate the ask. Supportive in principle, but I need every coachee\'s sign-off first.', toHr)).toEqual([]);
    expect(analyse('You will receive utilisation data (sessions delivered, remaining). Content stays in the room.', toHr)).toEqual([]);
  });

  it('a dash after a decline opens what follows; a ranking the coach will not give declines; the coachee\'s own family', () => {
    expectFinding("You asked how the PIP is looking — I'd be surprised if she doesn't meet it.", 'outcome-prediction', "I'd be surprised");
    expect(analyse("I'm not able to rank the managers I coach or say which of them would cope best with a bigger remit.", toHr)).toEqual([]);
    const toCoachee: AnalyseContext = { channel: 'email', recipientRole: 'coachee' };
    expect(analyse("I'm happy to switch to Thursday evenings when the children are with their dad.", toCoachee)).toEqual([]);
    expectFinding("you'd be mad not to make her permanent in the planner role", 'outcome-prediction', 'mad not to', { channel: 'chat', recipientRole: 'manager' });
    expect(analyse('Development goals: to be completed by the coachee.', { channel: 'hr-portal', recipientRole: 'manager' })).toEqual([]);
  });

  it('blind23: AA meetings, a winnable PIP, what the sessions were about, a chat name after "lol"; quiet process notes', () => {
    expectFinding("Caitlin would like her sessions moved. She's been going to AA on Sunday evenings since the summer.", 'personal-life', 'going to AA');
    expectFinding("Jolene — off the record, Dominika's PIP looks winnable to me.", 'outcome-prediction', 'winnable', { channel: 'email', recipientRole: 'manager' });
    expectFinding("Leona's sessions were largely about the stand-off with the head of rugby.", 'session-content', 'largely about');
    expectFinding('lol yusuf had the exact same rant about the rota last week, you two should start a club', 'third-party', 'yusuf had', { channel: 'chat', recipientRole: 'other-client' });
    expect(analyse('Same times as usual. Ahead of Anouk starting coaching, a quick word on how it works.', toHr)).toEqual([]);
  });

  it('blind24: a second-round interview, what a session went on, a colleague on a plan told to another client', () => {
    expectFinding("Svetlana's got a second-round interview with a studio in Montreal next week.", 'career-intent', 'second-round interview');
    expectFinding("Most of Florin's session on Thursday went on preparing for the handover.", 'session-content', 'went on preparing');
    expectFinding("Tobias is on a performance plan at the moment and the timing isn't right for him.", 'third-party', 'performance plan', { channel: 'email', recipientRole: 'other-client' });
  });

  it('blind25: "whom I also coach" after an if-clause, "someone from your floor", and a reader told to ask the client', () => {
    const toCoachee: AnalyseContext = { channel: 'email', recipientRole: 'coachee' };
    expectFinding('If you get stuck, Yusuf, whom I also coach, has been through the same fight.', 'third-party', 'whom I also coach', toCoachee);
    expectFinding("My next appointment was with someone from your floor who's going through a very rough patch.", 'third-party', 'someone from your floor', toCoachee);
    expect(analyse("I'd suggest asking her in your next one-to-one. After that, the sessions are between him and me.", toHr)).toEqual([]);
    expect(analyse('Mehmet and Isobel already have their replacement dates.', toHr)).toEqual([]);
  });

  it('blind26: a place after "travel to" or "in" is no client; "bought in April" is no buy-in; a question reported with "whether"', () => {
    const toSponsor: AnalyseContext = { channel: 'email', recipientRole: 'sponsor' };
    expect(analyse("I'm afraid I have to travel to Cork for a family funeral on Thursday, so I've moved Callum's session.", toSponsor)).toEqual([]);
    expect(analyse('Harrow & Vale has used 31 of the 48 coaching hours bought in April, across three coachees.', toSponsor)).toEqual([]);
    expect(analyse("I understand you'd like to know whether Tobias is 'coachable'. You could always ask him how he feels the coaching is going.", toHr)).toEqual([]);
  });

  it('whose words they are: the coach as the object, the coach’s own family, a topic’s name, chat without apostrophes', () => {
    expectFinding('Torvald asked me last week how notice periods and garden leave work here.', 'career-intent', 'notice periods');
    expect(analyse('Apologies: my father died on Sunday and his funeral is on Thursday, so I need to move the sessions.', toHr)).toEqual([]);
    expect(analyse("Happy to run two drop-ins during Quillon's Stress Awareness Week.", toHr)).toEqual([]);
    expectFinding('priyanka wants to keep the 8am slot. shes knocked the coffee on the head + is actually sleeping thru now', 'wellbeing', 'shes knocked', { channel: 'chat', recipientRole: 'hr' });
  });

  it('finds the client after an opening phrase', () => {
    expectFinding('Hi Jo, since the restructure, Ana has become much quieter in meetings. Sam', 'progress-judgement', 'Ana has become much quieter');
    expectFinding('Hi Jo, when we met on Tuesday, she was really flat. Sam', 'progress-judgement', 'she was really flat');
  });

  it('coach and client working on something together is session content, unless it is the diary', () => {
    expectFinding("Hi Jo, Kwame and I spent most of Thursday exploring why he clashes with the night shift. Sam", 'session-content', 'exploring why he clashes');
    expect(analyse('Hi Jo, we worked hard to find a date that suits everyone. Sam', toHr)).toEqual([]);
    expect(analyse('Hi Jo, Ana and I have covered the dates for next term. Sam', toHr)).toEqual([]);
  });

  it('a statement about the client needs no keyword; one about arrangements stays quiet', () => {
    expectFinding('Hi Jo, Ifeoma is an absolute star. Sam', 'progress-judgement', 'Ifeoma is an absolute star');
    expect(analyse('Hi Jo, Ifeoma has been to all four sessions. Sam', toHr)).toEqual([]);
    expect(analyse("Hi Jo, Ifeoma's next session is on the 4th. Sam", toHr)).toEqual([]);
  });

  it('a second predicate shares the subject: attendance, then a verdict', () => {
    expectFinding('Hi Jo, Tariq has attended every session and has been remarkably candid. Sam', 'progress-judgement', 'remarkably candid');
    expect(analyse('Hi Jo, Tariq has attended every session and has booked the last two. Sam', toHr)).toEqual([]);
  });

  it('"has started doing" is a change in the client; "has started her sessions" is the diary', () => {
    expectFinding("Hi Jo, he's started saying no to extra projects. Sam", 'progress-judgement', 'started saying no');
    expect(analyse('Hi Jo, Mira has started her sessions with me. Sam', toHr)).toEqual([]);
  });

  it('a portal field label that names content is content, even with a session word in it', () => {
    expectFinding('Session notes: Discussed friction with her deputy over rota changes.', 'session-content', 'Discussed friction', { channel: 'hr-portal', recipientRole: 'hr' });
    expect(analyse('Session length: 60 minutes.', { channel: 'hr-portal', recipientRole: 'hr' })).toEqual([]);
    expect(analyse('Engagement type: Team coaching.', { channel: 'hr-portal', recipientRole: 'hr' })).toEqual([]);
    expect(analyse('Risks/issues: None to report.', { channel: 'hr-portal', recipientRole: 'hr' })).toEqual([]);
  });

  it('in chat an emoji ends a clause', () => {
    expectFinding("sessions w/ Lee all done ✅ he's a changed man, way calmer", 'wellbeing', "he's a changed man", { channel: 'chat', recipientRole: 'hr' });
  });

  it('a portal entry that opens with a verb is about the coachee, unless the verb is the diary', () => {
    const portal = { channel: 'hr-portal', recipientRole: 'manager' } as const;
    expectFinding('Chaired the quarterly review without notes for the first time.', 'session-content', 'Chaired the quarterly review', portal);
    expect(analyse('Attended all sessions. Rescheduled session 4 to 12/05. Invoiced monthly as agreed.', portal)).toEqual([]);
  });

  it('a comparison with a month, or "all over the place", is no diary entry', () => {
    expectFinding("Hi Jo, he's in a much stronger place than in March. Sam", 'progress-judgement', 'much stronger place');
    expectFinding("Hi Jo, Emeka's been a bit all over the place since the office move. Sam", 'progress-judgement', 'all over the place');
    expect(analyse('Hi Jo, Emeka has been to all four sessions since March. Sam', toHr)).toEqual([]);
    expect(analyse('Hi Jo, coaching can be a useful support for new managers. Sam', toHr)).toEqual([]);
  });

  it('a process word used as a point in time is no decline', () => {
    expectFinding('Before the closing three-way, you should know Mo has been seeing a psychotherapist.', 'wellbeing', 'psychotherapist');
  });
});

describe('analyse: negation and declining', () => {
  it('a decline quiets its sentence but not what follows a "but"', () => {
    const text = "I can't comment on how Ben is doing, but between us he's been very anxious.";
    const findings = analyse(text, toHr);
    expect(findings.map((f) => f.category)).toEqual(['wellbeing']);
    expect(words(text, findings[0]!)).toMatch(/he's been very anxious/);
  });

  it('the coach declining in their own words quiets the sentence, up to a "but" or a colon', () => {
    expect(analyse("I'm not at liberty to go into detail about how Mia is getting on.", toHr)).toEqual([]);
    expect(analyse("I won't be sharing specifics about Tom's progress with anyone.", toHr)).toEqual([]);
    expect(analyse("I don't want to speak for Kim, but she has been really struggling.", toHr).map((f) => f.category)).toEqual(['wellbeing']);
    expect(analyse('Before the three-way, a word of warning: Hamza is furious about the bonus round.', toHr).length).toBeGreaterThan(0);
  });

  it('a negated judgement is still a judgement', () => {
    expectFinding("Hi Jo, Dario isn't really committed to the process. Sam", 'progress-judgement', 'committed');
  });

  it('"I doubt I\'ll make it" is the coach about themself, not a prediction', () => {
    expect(analyse("Hi Jo, I doubt I'll be able to make the workshop on the 3rd. Sam", toHr)).toEqual([]);
  });
});

describe('analyse: consent', () => {
  const wording = 'Priya would like you to know she is focusing on delegation this quarter.';
  const text = `Hi Jo, ${wording} Best, Sam`;
  const base: AnalyseContext = { channel: 'email', recipientRole: 'hr', today: '2026-06-01' };

  it('a forwarded update announced as "pasted below" is the coachee\'s own words', () => {
    const forwarded = 'Hi Jo,\n\nNoor has sent me her reflections and is happy for them to go to you unedited, pasted below.\n\n"Coaching has helped me say no more often. I feel calmer about the launch."\n\nSam';
    expect(analyse(forwarded, base)).toEqual([]);
  });

  it('"with Lowri\'s agreement" vouches for its sentence', () => {
    expect(analyse("I'd like to flag, with Lowri's agreement, that she would welcome a conversation about flexible working.", base)).toEqual([]);
  });

  it('approved wording, in date, for this reader is not flagged', () => {
    const context = { ...base, consent: [{ coachee: 'Priya', wording, recipients: ['hr' as const], until: '2026-12-31' }] };
    expect(analyse(text, context)).toEqual([]);
  });

  it('expired consent is flagged, saying so', () => {
    const context = { ...base, consent: [{ coachee: 'Priya', wording, recipients: ['hr' as const], until: '2026-01-31' }] };
    const findings = analyse(text, context);
    expect(findings.some((f) => /until 2026-01-31/.test(f.message))).toBe(true);
  });

  it('consent for another reader is flagged, naming who it was for', () => {
    const context = { ...base, consent: [{ coachee: 'Priya', wording, recipients: ['manager' as const] }] };
    const findings = analyse(text, context);
    expect(findings.some((f) => /approved this wording for manager, not for hr/.test(f.message))).toBe(true);
  });

  it('approved wording does not cover what the coach adds', () => {
    const context = { ...base, consent: [{ coachee: 'Priya', wording }] };
    const more = `${text.replace(' Best, Sam', '')} She's been really anxious about it though. Sam`;
    expect(analyse(more, context).map((f) => f.category)).toEqual(['wellbeing']);
  });

  it('a coachee-written update introduced as such is not flagged', () => {
    const update = 'Hi Jo,\n\nBen has written the paragraph below for you and asked me to forward it:\n\n"I have been working on my delegation and I would welcome a conversation about the PIP objectives."\n\nBest,\nSam';
    expect(analyse(update, toHr)).toEqual([]);
  });
});

describe('analyse: other clients', () => {
  it('content about another client to a client is third-party', () => {
    const text = 'Hi Chiara, funnily enough Obinna is dealing with exactly the same issue. Kieran';
    expectFinding(text, 'third-party', 'Obinna is dealing with exactly the same issue', { channel: 'email', recipientRole: 'other-client' });
  });

  it('a roster coachee mentioned to a different coachee is third-party', () => {
    const context: AnalyseContext = {
      channel: 'email',
      recipientRole: 'coachee',
      coachee: 'Henrik Dahl',
      roster: { people: [{ name: 'Henrik Dahl', role: 'coachee' }, { name: 'Beatriz Lima', role: 'coachee' }], organisations: [], sponsorDomains: [] },
    };
    const text = 'Hi Henrik, good session today. By the way, Beatriz is also struggling with the reorg. Ruth';
    expectFinding(text, 'third-party', 'Beatriz is also struggling', context);
    expect(analyse('Hi Henrik, good session today; you are clearly struggling with the reorg. Ruth', context)).toEqual([]);
  });

  it('to the coachee, a sentence naming them (and their own pronouns) is about the reader; naming another client is not', () => {
    const context: AnalyseContext = {
      channel: 'email',
      recipientRole: 'coachee',
      coachee: 'Priya Shah',
      roster: { people: [{ name: 'Priya Shah', role: 'coachee' }, { name: 'Dan Wu', role: 'coachee' }], organisations: [], sponsorDomains: [] },
    };
    expect(analyse('Priya is making real progress on her confidence.', context)).toEqual([]);
    expectFinding('Dan is making real progress on his confidence.', 'third-party', 'Dan is making real progress', context);
    // Who "her" is cannot be known without a reader: still flagged.
    expect(analyse('Priya is making real progress on her confidence.', { ...context, coachee: undefined }).map((f) => f.category)).toEqual(['third-party']);
  });

  it('"I coach him too" reveals another client', () => {
    expectFinding("Hi Kenji, you'll like Ifeanyi — I coach him too. Bayo", 'third-party', 'I coach him too', { channel: 'email', recipientRole: 'coachee' });
  });
});

describe('analyse: who reads it', () => {
  const text = "Hi, just so you know, she's been feeling very low recently. Ruth";
  it('an unknown recipient still warns, and says the reader is unknown', () => {
    const findings = analyse(text, { channel: 'email', recipientRole: 'unknown' });
    expect(findings.map((f) => f.category)).toContain('wellbeing');
    expect(findings[0]!.message).toMatch(/can't be sure who will read this/);
  });

  it('the reason names the reader', () => {
    expect(analyse(text, { channel: 'email', recipientRole: 'manager' })[0]!.message).toMatch(/their manager/);
    expect(analyse(text, { channel: 'email', recipientRole: 'hr' })[0]!.message).toMatch(/HR/);
  });
});
