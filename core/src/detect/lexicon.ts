/**
 * The words and phrases the detector knows, grouped by what they signal. Phrases are written as a
 * coach would type them; they are tokenised with the same tokeniser as the text, so "she's" and
 * "she is" need no separate entries. `*` matches any one word.
 *
 * A phrase only signals: whether it becomes a finding depends on who it is about, whether the
 * clause declines to share, and who will read it (see read-clause.ts).
 */
import { tokenise } from './segment-text';

export type Signal =
  /** Health, emotions, medication, therapy, pregnancy. */
  | 'wellbeing'
  /** Words that are about wellbeing only when a client owns them ("struggling", "stressed"). */
  | 'wellbeing-weak'
  | 'personal'
  | 'personal-weak'
  | 'career'
  /** Evaluation of a person or of how the coaching is going. */
  | 'judgement'
  /** Promotion, PIP, dismissal: employment decisions a prediction would be about. */
  | 'employment'
  /** Verdicts that are predictions by themselves ("nearly there", "isn't ready"). */
  | 'prediction'
  /** The coach giving an opinion ("I think", "I doubt", "my sense is"). */
  | 'hedge'
  /** The coach advising the reader about the client ("I'd suggest", "you may want to"). */
  | 'recommend'
  /** Reporting what the client said or felt ("told me", "mentioned", "feels that"). */
  | 'speech'
  /** The coach and client working on something in a session ("we spent the session on"). */
  | 'session-work'
  /** Declining to share, or describing confidentiality ("I can't comment", "up to her"). */
  | 'decline'
  /** The client wrote or approved the words that follow ("has written the paragraph below"). */
  | 'consent'
  /** The text reveals another client ("I coach him too", "another client of mine"). */
  | 'other-client'
  /** Colleagues and bosses: what a client says about them is third-party content. */
  | 'colleague'
  /** Dates, rooms, sessions, invoices: the business of coaching. */
  | 'logistics'
  /** Turns a nearby word into a general topic rather than a person's state ("awareness week"). */
  | 'topic'
  /** Intensifiers that, after "she's", make almost any word an evaluation ("really", "far more"). */
  | 'intensifier'
  /** A client's situation ("dealing with", "going through"): content when told to another client. */
  | 'situation';

const PHRASES: Record<Signal, string[]> = {
  wellbeing: [
    'anxiety', 'anxious', 'panic attack', 'panic attacks', 'panicking', 'depressed', 'depression', 'low mood', 'feeling low', 'very low',
    'mental health', 'burnout', 'burnt out', 'burned out', 'burn out', 'burns out', 'burning out', 'close to burnout', 'exhausted', 'exhaustion', 'overwhelmed',
    'signed off', 'sick leave', 'sick note', 'off sick', 'stress leave', 'ill', 'illness', 'unwell', 'health issues', 'health problems',
    'health condition', 'medical', 'medication', 'medicated', 'tablets', 'pills', 'antidepressants', 'sleeping badly', 'not sleeping',
    'struggling to sleep', 'can not sleep', 'insomnia', 'sleeping tablets', 'therapist', 'therapy', 'counsellor', 'counselor',
    'counselling', 'counseling', 'psychiatrist', 'psychologist', 'gp', 'doctor', 'hospital', 'surgery', 'operation', 'recovering from',
    'injury', 'diagnosis', 'diagnosed', 'cancer', 'chemo', 'chemotherapy', 'pregnant', 'pregnancy', 'miscarriage', 'ivf', 'fertility',
    'menopause', 'adhd', 'autism', 'autistic', 'dyslexia', 'dyslexic', 'disability', 'chronic', 'migraines', 'tearful', 'in tears',
    'crying', 'cried', 'distressed', 'distress', 'breakdown', 'self-harm', 'suicidal', 'eating disorder', 'panic', 'fragile',
    'not coping', 'can not cope', 'impairment', 'hearing impairment', 'visual impairment', 'deaf', 'wheelchair', 'neurodivergent', 'dyspraxia', 'occupational health', 'medical condition', 'psychotherapist', 'psychotherapy', 'phased return', 'her treatment', 'his treatment', 'their treatment', 'course of treatment', 'radiotherapy', 'hospice', 'palliative', 'psychiatric', 'mental health support', 'employee assistance', 'health condition', 'chest pains', 'pains', 'waiting for tests', 'blood tests', 'scan results', 'lost weight', 'lost a lot of weight', 'weight loss', 'no sleep', 'maternity leave', 'paternity leave', 'sick', 'ptsd', 'trauma', 'traumatised', 'bipolar', 'ocd', 'long covid',
    'maternity unit', 'maternity ward', 'antenatal', 'midwife', 'baby scan', 'a scan at', 'scan at the',
    'she is expecting', 'is expecting in', 'expecting a baby', 'expecting their first', 'expecting her first',
  ],
  'wellbeing-weak': [
    'stress', 'stressed', 'struggling', 'worried', 'worrying', 'worries', 'scared', 'frightened', 'afraid', 'ashamed', 'lonely',
    'isolated', 'upset', 'angry', 'knocked', 'shaken', 'rattled', 'on edge', 'tired', 'low', 'hard for her', 'hard for him',
    'finds them hard', 'find them hard', 'finds it hard', 'finding it hard', 'emotional', 'vulnerable', 'not herself', 'not himself',
    'sleeping', 'health', 'can not sit', 'under pressure', 'a lot of pressure', 'frazzled', 'wobbly', 'fed up', 'annoyed', 'irritated', 'furious', 'livid', 'gutted', 'devastated', 'disappointed', 'hurt', 'resentful', 'bitter', 'jealous', 'embarrassed', 'humiliated', 'demoralised', 'demotivated', 'deflated', 'miserable', 'unhappy', 'sad', 'nervous', 'insecure', 'calmer', 'happier', 'out of her depth', 'out of his depth', 'out of their depth', 'a bit flat', 'quite flat', 'very flat', 'seemed flat', 'seems flat', 'bit flat', 'seem himself', 'seem herself', 'seem themselves', 'imposter syndrome', 'impostor syndrome', 'working till', 'working until', 'working late', 'working weekends', 'working every weekend', 'long hours', 'most nights', 'every night', 'unsustainable', 'not sustainable',
    'sleeping thru', 'sleeping through', 'finally sleeping', 'sleeping better', 'sleeping properly', 'running on empty',
    'dreading', 'dreads', 'dread', 'still raw', 'hijacking',
    'hard going', 'finding it tough', 'finding the pressure', 'taking it hard',
    'anger', 'a lot of anger', 'anger towards',
  ],
  personal: [
    'divorce', 'divorced', 'divorcing', 'father-in-law', 'mother-in-law', 'in-laws', 'stepson', 'stepdaughter', 'moved in with', 'chaotic at home', 'home has been', 'custody dispute', 'ex-partner', 'ex-husband', 'ex-wife', 'taking its toll', 'getting married', 'getting divorced', 'honeymoon', 'separation', 'separated', 'split up', 'break-up', 'breakup', 'marriage', 'custody',
    'dementia', 'bereavement', 'bereaved', 'passed away', 'died', 'funeral', 'grieving', 'grief', 'debt', 'debts', 'in debt',
    'financially', 'finances', 'financial difficulties', 'money worries', 'mortgage', 'bankrupt', 'bankruptcy', 'payday loan',
    'religion', 'religious', 'faith', 'church', 'mosque', 'synagogue', 'ramadan', 'fasting', 'prayer', 'drinking', 'alcohol', 'drink problem', 'drinking problem', 'drug problem', 'drugs', 'problem with alcohol',
    'alcoholic', 'addiction', 'addicted', 'gambling', 'rehab', 'sober', 'sobriety', 'caring for', 'carer', 'caring responsibilities',
    'looking after her', 'looking after his', 'looking after their', 'childcare', 'at home', 'home life', 'outside work',
    'on her plate', 'on his plate', 'on their plate', 'personal life', 'personal reasons', 'family reasons', 'housing', 'eviction',
    'evicted', 'homeless', 'visa', 'immigration', 'sexuality', 'coming out', 'came out', 'second job', 'family', 'wedding', 'affair', 'domestic',
    'catholic', 'muslim', 'jewish', 'hindu', 'sikh', 'buddhist', 'christian', 'atheist', 'born-again', 'gay', 'lesbian', 'bisexual', 'transgender', 'transitioning',
    'hardship', 'hardship fund', 'financial hardship', 'money troubles', 'struggling financially', 'cost of living', 'bailiffs', 'arrears', 'food bank',
    'home has not been', 'home has been difficult', 'things at home', 'home situation', 'situation at home', 'difficult at home', 'tough at home', 'hard at home',
    'gamblers anonymous', 'alcoholics anonymous', 'narcotics anonymous', 'aa meetings', 'in recovery',
    'since the split', 'after the split', 'every other weekend', 'her lad', 'his lad', 'court case', 'late father', 'late mother', 'late husband', 'late wife', 'his late', 'her late',
    'going to aa', 'goes to aa', 'at aa', 'family farm', 'family business', "uncle's farm", 'take over the family',
  ],
  'personal-weak': [
    'wife', 'husband', 'partner', 'spouse', 'boyfriend', 'girlfriend', 'kids', 'children', 'son', 'daughter', 'baby', 'mum', 'mom',
    'mother', 'dad', 'father', 'parents', 'sister', 'brother', 'money', 'rent', 'loan', 'relationship', 'heavy load', 'a lot going on',
  ],
  career: [
    'leave the company', 'leave the organisation', 'leave the business', 'leaving the company', 'leaving the organisation',
    'leaving the business', 'quit', 'quitting', 'resign', 'resigning', 'resignation', 'hand in her notice', 'hand in his notice',
    'handing in', 'notice period', 'job hunting', 'job-hunting', 'job search', 'looking for a new job', 'looking for a new role',
    'looking for another job', 'looking for another role', 'looking for work', 'looking elsewhere', 'looking around', 'interviewing',
    'interviews elsewhere', 'interview elsewhere', 'recruiter', 'recruiters', 'headhunter', 'headhunters', 'headhunted', 'cv',
    'an offer', 'had an offer', 'job offer', 'offer from', 'applying for jobs', 'applying for roles', 'applying elsewhere',
    'grievance', 'tribunal', 'lawyer', 'solicitor', 'legal action', 'legal advice', 'acas', 'early conciliation', 'formal complaint',
    'complaint about', 'whistleblowing', 'whistleblow', 'union rep', 'constructive dismissal', 'sue', 'suing', 'going part-time',
    'go part-time', 'part-time', 'sabbatical', 'career break', 'retire', 'retiring', 'retirement', 'moving on', 'new job',
    'competitor', 'approached by', 'freelance', 'going freelance', 'self-employed', 'set up on his own', 'set up on her own', 'own business', 'start a business', 'applied for', 'applying for', 'has applied', 'role elsewhere', 'internal move', 'the union', 'a union', 'reduced hours', 'flexible working', 'compressed hours', 'four-day week', 'part time', 'other employers', 'another employer', 'new employer', 'sounding out', 'secondment', 'offered a role', 'been offered', 'offered a job', 'a role at', 'a job at', 'accept the offer', 'likely to accept', 'options outside', 'outside the firm', 'outside the company', 'outside the organisation', 'considering options', 'exploring options', 'other options', 'move on', 'pastures new', 'fresh start', 'career change', 'rival', 'rival firm', 'second interview', 'an interview', 'interview at', 'a move to',
    'transfer to', 'relocate', 'relocating', 'considering a move', 'a career move', 'thinking about a move', 'thinking of a move', 'considering a change', 'still with you', 'still be with you', 'stay with the company', 'exit', 'leaving', 'thinking of leaving', 'plans to leave', 'wants to leave', 'employment law',
    'considering * options', 'exploring * options', 'weighing up * options', 'keeping * options open', 'keep * options open', 'weighing up whether to stay', 'whether to stay', 'whether * wants to stay', 'really wants to stay',
    'what else is out there', 'what is out there', 'testing the market', 'test the market', 'testing the water', 'other opportunities', 'open to offers', 'put in her notice', 'put in his notice', 'put in their notice', 'handed in her notice', 'handed in his notice', 'handed in their notice', 'given notice', 'gave notice', 'her notice', 'his notice', 'their notice', 'approached by another', 'weighing it up',
    'notice periods', 'garden leave', 'jumping ship', 'jump ship', 'open to work', 'her linkedin', 'his linkedin', 'their linkedin', 'linkedin profile', 'updated her cv', 'updated his cv', 'updating her cv', 'updating his cv',
    'interviews at', 'interviews with', 'had interviews', 'two interviews', 'accept the move', 'refuse the move', 'refuses to relocate', 'will not relocate', 'not relocate',
    'going back to university', 'back to university', 'back to study', 'go back to study', 'full-time study', 'an msc', 'an mba', 'a masters', "a master's", 'going for the * job', 'going for the job', 'going for the role', 'going for the * role', 'applying for the * job',
    'discriminatory', 'discrimination', 'federation rep', 'her rep', 'his rep', 'her union', 'his union', 'joining them', 'talking to * in-house', 'in-house teams', 'in-house legal',
    'weighing up whether', 'whether to take on', 'whether to take over', 'take over the farm', 'take on the farm',
    'second-round interview', 'second round interview', 'final-round interview', 'final round interview', 'final interview',
  ],
  judgement: [
    'doing well', 'doing really well', 'doing great', 'doing brilliantly', 'getting on well', 'going well', 'is working',
    'progress', 'progressing', 'improving', 'improved', 'improvement', 'better', 'grown', 'growth', 'blossomed', 'blossoming',
    'flourishing', 'thriving', 'shining', 'smashing it', 'nailing it', 'coasting', 'stuck', 'resistant', 'defensive', 'disengaged',
    'engaged', 'engaging', 'engagement', 'motivated', 'unmotivated', 'committed', 'commitment', 'receptive', 'open to feedback',
    'very open', 'reluctant', 'eager', 'keen', 'enthusiastic', 'proactive', 'passive', 'confident', 'confidence', 'assertive',
    'organised', 'disorganised', 'engage', 'blame others', 'blames others', 'tends to', 'cut out for', 'useless', 'pointless', 'waste of time', 'rubbish', 'awful', 'terrible', 'hopeless', 'lost cause', 'a lost cause', 'works incredibly hard', 'far too much', 'takes on too much', 'take on too much', 'potential', 'real potential', 'leaps and bounds', 'come on', 'come a long way', 'unprepared', 'not putting the work in', 'putting the work in', 'self-aware', 'opened up', 'capable', 'competent', 'incompetent', 'talented', 'underperforming', 'lazy', 'useful', 'helpful',
    'valuable', 'productive', 'worthwhile', 'benefiting', 'benefitting', 'getting a lot out of', 'making the most of', 'works hard',
    'working hard', 'hard-working', 'momentum', 'breakthrough', 'turned a corner', 'clearer view', 'self-aware', 'insightful',
    'coming along', 'on track', 'off track', 'focused', 'dedicated', 'favourite client', 'favourite clients', 'a pleasure to coach',
    'a joy to coach', 'natural leader', 'high potential', 'real success', 'a success', 'success',
    'worked wonders', 'making strides', 'steady progress', 'great progress', 'good progress', 'no progress', 'little progress',
    'not committed', 'not engaging', 'hard to engage', 'difficult to engage', 'needs to work on', 'needs to improve', 'lacks',
    'lacking', 'struggles with', 'weak', 'strong', 'brilliant', 'excellent', 'impressive', 'fantastic', 'great', 'good', 'well',
    'really well', 'much better', 'bright', 'sharp', 'mature', 'immature', 'difficult', 'hard work', 'frustrating', 'a delight',
    'much more', 'far more', 'a lot more', 'way more', 'much less', 'far less', 'more and more',
    'on board', 'bought into', 'fully bought in', 'really bought in', 'is bought in', 'has bought in', 'buy-in', 'transformed', 'a long way to go',
    'open about', 'lovely',
    'a different standard', 'a different person', 'a different man', 'a different woman', 'a changed man', 'a changed woman', 'a changed person', 'a new person', 'night and day', 'unrecognisable', 'in a different league',
    'turned a * corner', 'has largely gone', 'largely gone',
    'strides', 'real strides', 'big strides', 'great strides', 'rate her', 'rate him', 'rate them', 'rates her', 'rates him', 'think highly of', 'thinks highly of',
    'more settled', 'far more settled', 'much more settled', 'going round in circles', 'going around in circles', 'going nowhere', 'not getting anywhere', 'been grand',
    'proud of him', 'proud of her', 'proud of them', 'owning his', 'owning her', 'crushing it', 'inflection point', 'on your hands', 'most coachable', 'coachable',
    'putting in the work', 'it shows', 'heart is not in it', "heart isn't in it",
  ],
  employment: [
    'pip', 'pips', 'improvement plan', 'performance plan', 'performance improvement', 'probation', 'probationary', 'promotion',
    'promoted', 'promote', 'dismiss', 'dismissed', 'dismissal', 'sack', 'sacked', 'fired', 'let go', 'let him go', 'let her go',
    'redundancy', 'redundant', 'disciplinary', 'talent pool', 'succession', 'the role', 'the post', 'the job', 'act up',
    'acting up', 'step up', 'put forward', 'put him forward', 'put her forward', 'putting him forward', 'putting her forward',
    'keep him', 'keep her', 'keep them', 'retain', 'pay band', 'pay rise', 'bonus', 'targets', 'objectives', 'review date',
    'leadership programme', 'team lead role', 'restructure', 'reorg', 'next level', 'manager role', 'senior role',
    'final warning', 'written warning', 'capability process', 'capability hearing',
    'make her permanent', 'make him permanent', 'make them permanent', 'permanent role',
    'extend * contract', 'renew * contract', 'contract renewal', 'extend her contract', 'extend his contract',
  ],
  prediction: [
    'nearly there', 'get there', 'getting there', 'will make it', 'make it through', 'more than ready', 'not ready', 'is ready',
    'ready for', 'ready yet', 'would be brilliant', 'would be great', 'would be perfect', 'would be ideal', 'would struggle',
    'will struggle', 'will fail', 'will pass', 'will meet', 'will hit', 'will clear', 'clear the pip', 'meet the targets',
    'candidate for', 'strong candidate', 'not survive', 'will not survive', 'will not last', 'the time to talk', 'now is the time', "now's the time",
    'more time on', 'give her more time', 'give him more time', 'give them more time', 'not a fair reflection', 'is not fair',
    'should be promoted', 'deserves', 'the person for', 'the right person', 'cut out for', 'making partner', 'make partner', 'made partner', 'succession plan', 'ever being', 'ever be', 'never be', 'people manager', 'lasting', 'last the year', 'still be here', 'still be around', 'not last', 'make it through', 'right fit', 'not the right fit', 'what it takes',
    'outgrown', 'bigger challenge', 'ready to step up', 'management track', 'fast track', 'fast-track', 'will not last',
    'last long', 'be gone by', 'will be gone', 'is the one for', 'think about succession', 
    'backfire', 'could backfire', 'would benefit from', 'will benefit from', 'more time in role', 'another * months', 'count on her', 'count on him', 'count on them', 'rely on her', 'rely on him', 'rely on them', 'bank on her', 'bank on him', 'would cope', 'will cope', 'could cope', 'would not cope', 'will not cope', 'cope fine', 'cope well', 'would manage fine', 'would thrive', 'will thrive', 'would be happier', 'will be happier', 'would backfire', 'set her up to fail', 'set him up to fail', 'set them up to fail', 'too soon for', 'too early for',
    'tip it', 'tip the balance', 'tip the scales', 'might tip', 'could tip',
    'over the line', 'get over the line',
    'meet the pip', 'meet the objectives', 'meet her objectives', 'meet his objectives', 'meet their objectives', 'on track to meet', 'on course to', 'still with', 'still be with',
    'would serve him better', 'would serve her better', 'would serve them better', 'serve him well', 'serve her well',
    'kindest outcome', 'best outcome', 'the kindest thing', 'for the best', 'give him till', 'give her till', 'give them till', 'give him until', 'give her until', 'give them until',
    'close to meeting', 'close to hitting', 'close to passing', 'would be mad not to', 'be mad not to',
    'winnable', 'looks winnable', 'is winnable', 'salvageable', 'recoverable', 'looks recoverable',
    'future * director', 'future * leader', 'future * manager', 'future leader', 'future director', 'future partner', 'one to watch', 'in the making', 'rising star', 'destined for', 'partner material', 'leadership material', 'board material', 'management material',
    'worth renewing', 'not worth renewing', 'worth extending',
  ],
  hedge: [
    'i think', 'i doubt', "i don't think", 'i do not think', "i don't believe", "i'm not sure", 'it is clear that', "it's clear that", 'it has become clear', "it's become clear", 'i suspect', 'i expect', 'i reckon', 'i believe', 'i feel', 'i fear', 'i guess', 'i bet', "i'm confident",
    'i am confident', "i'm sure", 'i am sure', "i'm certain", 'my sense is', 'my sense', 'my view', 'in my view', 'my feeling',
    'my guess', 'my impression', 'i get the impression', "i'd say", 'i would say', 'honestly', 'candidly', 'to be honest', 'tbh',
    'my hunch', 'i imagine', 'i predict', 'i would be surprised', 'i would not be surprised', 'would be surprised',
    'not sure', 'i am not sure', 'i wonder', 'i worry', "i'm worried", 'i am worried', "i'm concerned", 'i am concerned',
    "i'm optimistic", "i'm hopeful", 'i am hopeful', 'would not count on', 'would not rely on', 'would not bank on', 'can not count on', 'can not rely on', 'i must say', 'i have to say', 'i get the sense', 'i sense', 'i have the sense', 'i get the feeling', 'i have a sense', 'i have to admit', 'i must admit', 'i will say', 'i can honestly say', "i'd be very surprised", 'i would be very surprised', "i'd be amazed", 'i would be amazed', 'in my professional opinion', 'my professional opinion', 'in my opinion', 'my opinion', "i'm * worried about", "i'm a * worried about", "i'm * concerned about", "i'm a * concerned about", 'i am * worried about', 'i am a * worried about', 'i am * concerned about', 'i am a * concerned about', 'i worry about', "i'm worried about", "i'm concerned about", "i'm * worried for", "i'm worried for",
    'not convinced', 'i have doubts', 'i have no doubt', 'no doubt',
    'my money is on', 'odds are', 'i can not see', "i don't see", 'i can see', 'i reckon', 'i would bet', 'fwiw', 'i can see her', 'i can see him', "i'm pleased to say", 'i have a feeling', 'likely',
    'unlikely', 'probably', 'possibly',
    'i gather', 'from what i gather',
    'i would not expect', 'i would expect', 'i would not bet', 'i would bet',
    'i would be * surprised', 'i would be very surprised',
  ],
  recommend: [
    "i'd suggest", 'i would suggest', "i'd respectfully suggest", "i'd recommend", 'i would recommend', 'i recommend',
    'recommend against', 'advise against', 'strongly advise', 'strongly recommend', 'strongly suggest', 'would advise against', "i'd give", 'i would give', "i'd rate", 'i would rate', "i'd score", 'i would score', "i'd keep", "i'd promote", "i'd put", "i'd advise", 'i advise',
    'you may want to', 'you might want to', 'you should', 'you could consider', 'if you want to keep', 'worth considering',
    'go easy on', 'go gently', 'a little understanding', 'please go easy', "i'd be cautious", 'i would be cautious', "i'd be wary", 'i would be wary', "i'd hold off", 'i would hold off', "i'd wait",
    'i would not leave', 'i would not wait', 'i would not delay', 'i would not hold', 'i would not rule', 'i would not write', 'i would not put', 'i would not read too much', 'do not read too much into', 'not read too much into', 'i would start with', 'i would go with', 'i would pick', 'i would choose', 'i would back', 'i would nominate', 'i would put him', 'i would put her', 'i would move quickly',
    'if it were my decision', 'if it was my decision', 'if it were my call', 'if it was my call', 'if it were up to me', 'if it was up to me', 'i would extend', 'i would give her', 'i would give him', 'i would give them',
    'recommend', 'recommended that', 'i recommend that',
    'might be worth', 'may be worth', 'worth revisiting', 'worth reviewing', 'worth looking again at',
    'i would not go ahead', 'i would hold off on', 'i would pause',
    'you may want to get ahead', 'get ahead of that', 'extend it or', 'rewrite it',
  ],
  speech: [
    'told me', 'tells me', 'telling me', 'said', 'says', 'mentioned', 'mentions', 'shared', 'shares', 'opened up', 'talked about',
    'talks about', 'spoke about', 'brought up', 'brings up', 'raised', 'admitted', 'admits', 'confided', 'confessed', 'explained',
    'described', 'describes', 'disclosed', 'revealed', 'let slip', 'complained', 'vented', 'brought along', 'feels that', 'felt that',
    'feels', 'felt', 'thinks that', 'believes that', 'in her words', 'in his words', 'in their words', 'has told', 'did tell me',
    'let me know that', 'has been telling me', 'been telling me', 'keeps saying', 'frustration with', 'frustrated with',
    'thinks', 'is working on', 'annoyed that', 'upset that', 'angry that', 'frustrated that', 'worried that', 'unhappy that', 'disappointed that', 'hurt that', 'candid with me', 'open with me', 'honest with me', 'scathing about', 'critical of', 'scathing', 'adamant that', 'convinced that', 'insists that', 'insisted that', 'claims that', 'is sure that',
    'feels like', 'reckons', 'feel', 'feel unable', 'feel that',
    'according to him', 'according to her', 'according to them', 'summed it up', 'summed up', 'sums it up', 'summarised it', 'described it as', 'called it', 'put it like this', 'described himself as', 'described herself as', 'calls himself', 'calls herself', 'called himself', 'called herself',
    'venting', 'venting about', 'ranting about', 'moaning about',
    'spoke very warmly', 'spoke warmly', 'speaks warmly', 'spoke highly', 'speaks highly',
  ],
  'session-work': [
    'discussed', 'talked about', 'talked', 'chatted', 'worked', 'focused', 'looked', 'reflected', 'thought about', 'talked through', 'worked on', 'worked through', 'working through', 'working on', 'explored',
    'exploring', 'looked at', 'looking at', 'covered', 'focused on', 'focusing on', 'spent', 'used', 'unpacked', 'unpacking',
    'mapped', 'mapping', 'dug into', 'reflected on', 'practised', 'practiced', 'role-played', 'rehearsed', 'prepared for',
    'went through', 'have been working on', 'have been looking at', 'the pip work', 'topics covered', 'spent most of the hour',
    'last week he', 'last week she',
    'walked me through', 'talked me through', 'took me through', 'showed me',
    'comes up most weeks', 'comes up every week', 'keeps coming up', 'comes up in every session', 'sessions were largely about', 'sessions were mostly about', 'sessions were about', 'sessions have been about', 'sessions have mostly been about', 'sessions mostly taken up by', 'mostly taken up by', 'largely about',
    'went on preparing', 'went on planning', 'went on rehearsing', 'went on talking', 'was spent on', 'were spent on',
  ],
  decline: [
    'can not comment', 'cannot comment', 'will not comment', 'will not be commenting', 'not able to say', 'not able to share',
    'unable to share', 'unable to say', 'not information i can give', 'not something i can share', 'not something i can',
    'do not share', 'will not share', 'will not be sharing', 'do not report', 'will not be reporting', 'will not report',
    'keep what we discuss', 'stays between us', 'stay between us', 'stays with me', 'is confidential', 'are confidential',
    'confidential', 'his to share', 'hers to share', 'theirs to share', 'hers to tell', 'his to tell', 'up to him', 'up to her',
    'up to them', 'welcome to share', 'best placed to', 'ask him directly', 'ask her directly', 'ask them directly', 'own reflections',
    'never confirm or deny', 'not answered', 'will not hear about it', 'nothing about', 'only told', 'none of this goes',
    'not part of the assessment', 'outside the coaching agreement', 'can not say', 'cannot say', 'will not say', 'not for me to say',
    'prefer not to', 'no comment', 'not in a position', 'may share their own', 'may share his own', 'may share her own',
    'her call', 'his call', 'your call', 'entirely up to', 'not my place', 'without needing to tell you', 'won\'t draw on',
    'will not draw on any', 'any individual client', 'general terms', 'in general', 'three-way', 'contracting', 'safeguarding',
    'ethics', 'code of ethics', 'i keep', 'by design', 'not pass on', 'do not pass on', "what 's discussed", 'what is discussed',
    'what we discuss', 'welcome to tell', 'free to tell', 'free to share', 'tell you himself', 'tell you herself',
    'will not be contributing', 'not contributing', 'not be involved', 'not involved in', 'stay out of', 'not part of',
    'not going to give', 'not fair to', 'would not be fair', 'not appropriate for me', 'between the two of us',
    'ask * directly', 'talk to * directly', 'not able to tell you', 'unable to tell you', 'can not tell you', 'can not get into', 'not get into that', 'the one to ask', 'the person to ask', 'the people to ask', 'raise it with', 'raising it with', 'raise this with', 'raising this with', 'keep all communication', 'strictly to dates', 'to dates and invoices', 'only dates and', "i'd rather not comment", 'rather not comment', 'rather not say', 'would rather not say', 'would rather not share', 'would rather not go into', 'best person to', 'best person to tell', 'best people to', 'right person to ask', 'speak to * directly', 'with * directly', 'with the employee directly', 'by agreement', 'not recorded', 'not recorded here', 'not be recorded', 'not shared here', 'outside what we contracted', 'outside what we agreed',
    'you asked whether', 'you asked if', 'you asked how', 'you asked what', 'you wondered whether', 'you wondered if', 'you wanted to know whether', 'you wanted to know if', 'you wanted to know how', 'your question about',
    'not rated', 'is not assessed', 'not graded', 'not scored', 'is not rated',
    'stays in the room', 'stay in the room', 'content stays', 'i do not report content', 'i do not grade',
    'can share whatever', 'share whatever', 'whatever she finds useful', 'whatever he finds useful', 'whatever they find useful', 'knows she can share', 'knows he can share',
    'how it works', 'how coaching works', 'a quick word on how',
    'between him and me', 'between her and me', 'between them and me', 'suggest asking her', 'suggest asking him', 'suggest asking them', 'asking her in your', 'asking him in your', 'ask her in your', 'ask him in your',
    'ask him how', 'ask her how', 'ask them how', 'always ask him', 'always ask her',
  ],
  consent: [
    'has written', 'have written', 'written by', 'drafted by', 'wrote this', 'in the words below', 'exactly as written', 'chose to make public', 'agreed to make public', 'chose to share', 'chose to make', 'approved the following', 'word for word', 'has approved', 'approved for you', "'s agreement", 'with her agreement', 'with his agreement', 'with their agreement', "'s permission", "'s consent", 'pasted below', 'unedited', 'happy for them to go', 'happy for it to go', 'happy for this to go', 'as written', 'drafted the following', 'wrote the following', 'has drafted', 'comfortable with it going',
    'agreed for sharing', 'agreed to share', 'agreed i could share', 'agreed that i share', 'happy for me to tell you',
    'happy for me to share', 'happy for me to pass on', 'asked me to pass on', 'asked me to forward', 'asked me to share',
    'asked me to tell you', 'asked me to let you know', 'with her permission', 'with his permission', 'with their permission',
    'with her consent', 'with his consent', 'with you himself', 'with you herself', 'with you themselves', 'leave that with', 'leave it with', 'will be sharing', 'will share it', 'will tell you himself', 'will tell you herself', 'own words', 'would like you to have', 'asked me to confirm', 'is happy to share',
    'is happy for you to know', 'wanted you to know', 'wants you to know', 'would like you to know', 'would like to share', 'paragraph below', 'update below', 'her update',
    'his update', 'their update',
    'asked me to pass you', 'approved this exact wording', 'approved this wording', 'approved the wording', 'approved wording', 'agreed this wording', 'agreed the wording',
    'verbatim', 'pasted in verbatim', "coachee's own", 'own summary', 'asked for this to be pasted',
    'pass this along', 'word-for-word', 'his own update', 'her own update', 'fine to share', 'fine to pass on', 'ok to share', 'okay to share',
  ],
  'other-client': [
    'i coach him', 'i coach her', 'i coach them', 'i also coach', 'i am coaching', 'i am also coaching', 'another client',
    'another of my clients', 'one of my clients', 'one of my other clients', 'other clients', 'another coachee',
    'someone else i coach', 'someone else i work with', 'i coach him too', 'i coach her too', 'i work with her too',
    'i work with him too', 'i also work with', 'coaching her too', 'coaching him too', 'i am also working with', 'also working with', 'who i also coach', 'i also coach', 'who i also work with', 'i am also coaching', 'also one of my clients', 'also a client of mine', 'also a client',
    'in her coaching', 'in his coaching', 'in their coaching', 'her coaching sessions', 'his coaching sessions', 'his session', 'her session', 'their session', 'his sessions', 'her sessions', 'also seeing me', 'is seeing me', 'also sees me', 'also coaching with me', 'also working with me', 'also in coaching',
    'one of mine', 'a client of mine', 'one of my coachees', 'another of my coachees', 'i am seeing at', 'i am also seeing', 'others i am seeing', 'others i coach', 'people i coach', 'other people i coach',
    "o'clock was", 'my previous client', 'my last client', 'my next client', 'my earlier client', 'my morning client', 'the client before you', 'my client before you', 'my 9am', 'my 10am', 'my 11am', 'my 12pm', 'my 1pm', 'my 2pm', 'my 3pm', 'my 4pm', 'my 5pm',
    'i do coach', 'do coach him', 'do coach her', 'i do work with',
    'whom i also coach', 'whom i coach', 'whom i also work with', 'someone from your floor', 'someone from your team', 'someone from your department', 'someone on your team who', 'a colleague of yours who',
  ],
  colleague: [
    'manager', 'line manager', 'boss', 'colleague', 'colleagues', 'team leader', 'team lead', 'director', 'head', 'deputy',
    'deputy manager', 'peer', 'peers', 'supervisor', 'the team', 'his team', 'her team', 'the partner', 'new partner', 'ceo', 'cfo',
    'the board', 'senior leadership', 'leadership team', 'management team', 'the director', 'new director', 'her manager', 'his manager', 'hr', 'the head',
  ],
  logistics: [
    'session', 'sessions', 'diary', 'calendar', 'invite', 'invites', 'booked', 'booking', 'rebook', 'reschedule', 'rescheduled',
    'move', 'moved', 'cancel', 'cancelled', 'canceling', 'cancelling', 'invoice', 'invoices', 'room', 'venue', 'zoom', 'teams call',
    'by phone', 'online', 'in person', 'mornings', 'afternoons', 'slot', 'slots', 'hours', 'attended', 'attendance', 'confirm',
    'the dates', 'camera-off', 'audio', 'audio-only', 'date', 'video', 'calls', 'call', 'phone', 'in-person', 'fortnightly', 'weekly', 'monthly', 'minutes',
    'going ahead', 'as agreed', 'as planned', 'continue', 'continuing', 'in progress', 'not started', 'completed', 'appointment', 'appointments', 'timesheet', 'purchase order',
    'po', 'paperwork', 'admin', 'no worries', 'not to worry', 'no problem', 'running late', 'late', 'mins', 'contract', 'fee', 'rate', 'cancellation', 'x 60', 'minute sessions', 'email', 'parking', 'train', 'travel', 'coaching engagement', 'the engagement', 'contracted',
    'progress update', 'progress updates', 'progress report', 'progress reports', 'progress review', 'progress meeting', 'progress check', 'progress check-in',
    'sessions used', 'engagement ended', 'engagement letter', 'engagement closed', 'engagement complete', 'engagement completed', 'file closed',
    'link', 'links', 'teams link', 'zoom link', 'the links', 'the link',
    'carry on', 'can carry on', 'can continue',
    'replacement dates', 'replacement date', 'new dates', 'their dates',
  ],
  topic: [
    'workshop', 'talk', 'event', 'policy', 'policies', 'pack', 'training', 'course', 'webinar', 'awareness', 'programme',
    'module', 'seminar', 'masterclass', 'parents', 'session on', 'family-friendly', 'signpost', 'service', 'resource', 'resources',
    'any coachee', 'a coachee', 'any of the', 'all managers', 'anyone', 'everyone', 'in general', 'generally', 'typical',
  ],
  intensifier: [
    'really', 'very', 'so', 'much', 'far', 'more', 'less', 'quite', 'pretty', 'incredibly', 'extremely', 'a bit', 'a little',
    'rather', 'fairly', 'clearly', 'visibly', 'hugely', 'super', 'def', 'definitely', 'noticeably', 'genuinely', 'massively',
    'seriously', 'such a', 'a lot more', 'way more',
  ],
  situation: [
    'dealing with', 'going through', 'same issue', 'same problem', 'same thing', 'struggling with', 'problem with', 'issue with',
    'issues with', 'trouble with', 'conflict with', 'clash with', 'falling out', 'fell out', 'row with', 'the same about',
    'same about', 'feels the same', 'used it', 'tried it', 'had the same', 'same role', 'same job', 'went for', 'exactly the same', 'same stuff', 'similar issue', 'similar problem', 'very similar', 'just as difficult', 'just as', 'in the same boat', 'having a tough time', 'having a hard time', 'having a rough time', 'a tough time', 'a rough time', 'a hard time',
    'similar questions', 'similar question', 'wrestling with', 'grappling with', 'same questions', 'same battle', 'same fight',
    'run-ins', 'run-in with', 'her own run-ins', 'his own run-ins',
    'moaning about', 'complaining about',
    'same rant', 'the exact same', 'exact same',
  ],
};

export interface Phrase {
  words: string[];
  signal: Signal;
  /** `SIGNAL_BIT[signal]`, so a clause's signals fit in one number. */
  bit: number;
}

export const SIGNAL_BIT = Object.fromEntries(Object.keys(PHRASES).map((s, i) => [s, 1 << i])) as Record<Signal, number>;

/**
 * Phrases by first word, and multi-word phrases by their first two words, so a common first word
 * ("a", "i", "she") only tries the few phrases whose second word also fits.
 */
export interface PhraseIndex {
  single: Map<string, Phrase[]>;
  /** First word → second word → phrases. */
  pairs: Map<string, Map<string, Phrase[]>>;
}

function buildIndex(): PhraseIndex {
  const index: PhraseIndex = { single: new Map(), pairs: new Map() };
  for (const [signal, phrases] of Object.entries(PHRASES) as [Signal, string[]][]) {
    for (const phrase of phrases) {
      // "*" is no word to the tokeniser: it stands for any one word in the text.
      const words = phrase.split(' * ').flatMap((part, k) => [...(k > 0 ? ['*'] : []), ...tokenise(part, 0, part.length).map((t) => t.norm)]);
      // A phrase may open with the clitic ("'s agreement"), which alone tokenises as "'" + "s".
      if (words[0] === "'" && words[1] === 's') words.splice(0, 2, "'s");
      if (words.length === 0) continue;
      const entry = { words, signal, bit: SIGNAL_BIT[signal] };
      let map = index.single;
      let key = words[0]!;
      if (words.length > 1) {
        map = index.pairs.get(words[0]!) ?? new Map<string, Phrase[]>();
        index.pairs.set(words[0]!, map);
        key = words[1]!;
      }
      const list = map.get(key) ?? [];
      list.push(entry);
      map.set(key, list);
    }
  }
  // Longest first, so "panic attacks" wins over "panic".
  for (const seconds of index.pairs.values()) for (const list of seconds.values()) list.sort((a, b) => b.words.length - a.words.length);
  return index;
}

export const PHRASE_INDEX = buildIndex();

/**
 * Verbs whose object is the coach in "Torvald asked me…", "she told me…": the "me" after them owns
 * nothing that follows and names no speaker.
 */
export const OBJECT_VERBS = new Set(['asked', 'asks', 'told', 'tells', 'telling', 'showed', 'reminded', 'warned', 'emailed', 'messaged', 'texted', 'rang', 'called', 'wrote', 'pinged']);

/** Capitalised words that are never a person: greetings, days, months, acronyms of the trade. */
export const NOT_NAMES = new Set(
  (
    'i hi hello hey dear thanks thank best regards kind warm warmly cheers sorry just please hope great good yes no happy could would ' +
    'can will as if when what how why also so but and between funnily having quick heads candidly honestly before after any anything ' +
    'none nothing overall progress rating comments concerns notes observations engagement sessions session next attendance format ' +
    'invoice po hours coaching contract topics goals cancellation probation outcome summary wellbeing the this that these those it its ' +
    'there here we you he she they his her their my our your me us them a an in on at for to from of with by about re fyi tbh btw ' +
    'monday tuesday wednesday thursday friday saturday sunday mon tue tues wed weds thu thur thurs fri sat sun january february march ' +
    'april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec pip hr cv ' +
    'acas gp ivf adhd ptsd ceo cfo l&d ld ok okay sure absolutely totally congrats congratulations well one two three four five six ' +
    'seven eight nine ten first second third last q1 q2 q3 q4 am pm zoom teams trust team year week month day today tomorrow ' +
    'yesterday morning afternoon evening lots love all both each every either neither many most some several anyway however ' +
    'meanwhile unfortunately fortunately luckily sadly actually basically really very maybe perhaps only still even though although ' +
    'because since while whereas unless until ps p.s mrs mr ms dr prof sir madam regarding subject dates room rooms quarterly ' +
    'hours delivered total note reminder update updates agenda action actions item items question questions answer ok. ' +
    'lovely quick apologies apology welcome great nice brilliant fab super shout feel free wonderful perfect fine noted ' +
    'confirmed confirming attached please find see further following regarding re fw fwd urgent important fyi heads-up ' +
    'candidly frankly sadly glad pleased delighted afraid unfortunately bad sorry lots many much big small new old ' +
    'everything everyone everybody nothing something someone somebody anybody nobody who whoever whatever wherever ' +
    'take keep send give make ring check bring remember enjoy mind tell ask say try stay hope wishing ' +
    'anything else is has was did does do had had not should must might shall let lets see look looking following further ' +
    'eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty ninety hundred half quarter same usual'
  ).split(/\s+/),
);
