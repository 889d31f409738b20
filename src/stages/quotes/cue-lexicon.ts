// Word lists for quote attribution: speech cues, roles, titles, pronouns, outlets and anonymous-source heads.

/**
 * Reporting verbs, as surface forms. The list was checked against the Cue counts of PolNeAR train
 * (only verbs seen at least 8 times there, plus British spellings); no article text was copied.
 */
const CUE_LEMMAS: readonly (readonly string[])[] = [
  ['say', 'says', 'said', 'saying'],
  ['tell', 'tells', 'told', 'telling'],
  ['add', 'adds', 'added', 'adding'],
  ['note', 'notes', 'noted', 'noting'],
  ['stress', 'stresses', 'stressed', 'stressing'],
  ['emphasise', 'emphasises', 'emphasised', 'emphasising', 'emphasize', 'emphasizes', 'emphasized', 'emphasizing'],
  ['insist', 'insists', 'insisted', 'insisting'],
  ['write', 'writes', 'wrote', 'writing'],
  ['tweet', 'tweets', 'tweeted', 'tweeting'],
  ['argue', 'argues', 'argued', 'arguing'],
  ['claim', 'claims', 'claimed', 'claiming'],
  ['warn', 'warns', 'warned', 'warning'],
  ['explain', 'explains', 'explained', 'explaining'],
  ['announce', 'announces', 'announced', 'announcing'],
  ['report', 'reports', 'reported', 'reporting'],
  ['acknowledge', 'acknowledges', 'acknowledged', 'acknowledging'],
  ['admit', 'admits', 'admitted', 'admitting'],
  ['confirm', 'confirms', 'confirmed', 'confirming'],
  ['deny', 'denies', 'denied', 'denying'],
  ['suggest', 'suggests', 'suggested', 'suggesting'],
  ['predict', 'predicts', 'predicted', 'predicting'],
  ['declare', 'declares', 'declared', 'declaring'],
  ['state', 'states', 'stated', 'stating'],
  ['conclude', 'concludes', 'concluded', 'concluding'],
  ['concede', 'concedes', 'conceded', 'conceding'],
  ['recall', 'recalls', 'recalled', 'recalling'],
  ['complain', 'complains', 'complained', 'complaining'],
  ['maintain', 'maintains', 'maintained'],
  ['contend', 'contends', 'contended'],
  ['allege', 'alleges', 'alleged'],
  ['assert', 'asserts', 'asserted'],
  ['reiterate', 'reiterates', 'reiterated'],
  ['continue', 'continues', 'continued'],
  ['respond', 'responds', 'responded'],
  ['reply', 'replies', 'replied'],
  ['answer', 'answers', 'answered'],
  ['ask', 'asks', 'asked', 'asking'],
  ['vow', 'vows', 'vowed'],
  ['promise', 'promises', 'promised'],
  ['pledge', 'pledges', 'pledged'],
  ['estimate', 'estimates', 'estimated'],
  ['reveal', 'reveals', 'revealed'],
  ['believe', 'believes', 'believed'],
  ['think', 'thinks', 'thought'],
  ['mention', 'mentions', 'mentioned'],
  ['joke', 'jokes', 'joked'],
  ['quip', 'quips', 'quipped'],
  ['remark', 'remarks', 'remarked'],
  ['observe', 'observes', 'observed'],
  ['shout', 'shouts', 'shouted'],
  ['chant', 'chanted'],
  ['urge', 'urges', 'urged'],
  ['charge', 'charged'],
  ['counter', 'countered'],
  ['post', 'posted'],
  ['email', 'emailed'],
  ['testify', 'testified'],
  ['learn', 'learned', 'learnt'],
  ['show', 'shows', 'showed'],
  ['find', 'finds', 'found'],
];

/** Manner-of-speaking verbs that mark speech only beside a quotation ("Toomey fumed", "the statement read"). */
const MANNER_VERBS: readonly string[] = [
  'read', 'reads', 'fumed', 'fumes', 'pressed', 'snapped', 'scoffed', 'retorted', 'mused', 'boasted', 'bragged',
  'exclaimed', 'cautioned', 'lamented', 'demanded', 'demands', 'wondered', 'wonders', 'opined', 'sniped', 'mocked',
  'teased', 'interjected', 'yelled', 'screamed', 'cried', 'sighed', 'laughed', 'whispered', 'recounted', 'explained',
  'protested', 'objected', 'predicted', 'advised', 'pleaded', 'begged', 'thundered', 'declared', 'proclaimed',
  'announced', 'added', 'offered', 'summed', 'pointed', 'written', 'spoken', 'stated', 'griped', 'grumbled', 'chided', 'scolded', 'hinted', 'conceded',
  'assured', 'assures', 'blared', 'echoed', 'chimed', 'interrupted', 'intoned', 'gushed', 'raged', 'cracked', 'deadpanned', 'agreed', 'agrees',
  'points', 'mocks', 'barked', 'retaliated', 'snaps', 'scoffs', 'marveled', 'marvelled', 'vented', 'seethed', 'huffed',
];


export const CUE_VERBS: ReadonlySet<string> = new Set([...CUE_LEMMAS.flat(), ...MANNER_VERBS]);

/** Verbs that introduce a clause of content without "that" ("said the talks failed"); the rest need "that". */
export const CLAUSE_VERBS: ReadonlySet<string> = new Set(
  CUE_LEMMAS.filter((forms) =>
    ['say', 'tell', 'add', 'note', 'stress', 'emphasise', 'insist', 'write', 'tweet', 'argue', 'claim', 'warn', 'explain', 'announce', 'report', 'acknowledge', 'admit', 'confirm', 'declare', 'state', 'concede', 'complain', 'maintain', 'contend', 'allege', 'assert', 'reiterate', 'testify'].includes(forms[0] ?? ''),
  ).flat(),
);

/**
 * Speech acts whose content is an object or an infinitive ("criticized the plan", "vowed to resign"). Mental
 * states (believes, wants, fears) are left out on purpose: PolNeAR counts them, but they are not speech.
 */
export const OBJECT_VERBS: ReadonlySet<string> = new Set([
  'criticized', 'criticised', 'criticizes', 'accused', 'accuses', 'praised', 'praises', 'blamed', 'blames', 'urged',
  'urges', 'endorsed', 'endorses', 'rejected', 'rejects', 'defended', 'defends', 'proposed', 'proposes', 'promised',
  'promises', 'vowed', 'vows', 'pledged', 'pledges', 'questioned', 'denounced', 'denounces', 'dismissed',
  'condemned', 'condemns', 'attacked', 'slammed', 'slams', 'blasted', 'blasts', 'demanded', 'demands', 'predicted',
  'predicts', 'estimated', 'estimates', 'refused', 'declined',
]);

/** Verbs that take the hearer as object before the content ("told reporters that ..."). */
export const HEARER_VERBS: ReadonlySet<string> = new Set(['tell', 'tells', 'told', 'telling', 'assured', 'assures', 'warned', 'warns', 'urged', 'urges', 'promised', 'asked']);

/** Verbs that only ever mark speech when they sit beside a quotation (cheap to fire elsewhere). */
export const QUOTE_ONLY_VERBS: ReadonlySet<string> = new Set([
  'ask', 'asks', 'asked', 'asking', 'continue', 'continues', 'continued', 'respond', 'responds', 'responded',
  'reply', 'replies', 'replied', 'answer', 'answers', 'answered', 'joke', 'jokes', 'joked', 'quip', 'quips',
  'quipped', 'shout', 'shouts', 'shouted', 'chant', 'chanted', 'remark', 'remarks', 'remarked', 'observe',
  'observes', 'observed', 'counter', 'countered', 'charge', 'charged', 'urge', 'urges', 'urged', 'post',
  'posted', 'email', 'emailed', 'mention', 'mentions', 'mentioned', 'recall', 'recalls', 'recalled',
  'testify', 'testified', ...MANNER_VERBS.filter((v) => !['explained', 'predicted', 'declared', 'announced', 'added', 'conceded'].includes(v)),
]);

/** Words that may sit between a subject and its cue ("also said", "has repeatedly said"). */
export const CUE_AUXILIARIES: ReadonlySet<string> = new Set([
  'also', 'has', 'have', 'had', 'later', 'then', 'again', 'repeatedly', 'previously', 'earlier', 'once',
  'recently', 'publicly', 'privately', 'reportedly', 'separately', 'further', 'simply', 'flatly', 'angrily',
  'quietly', 'firmly', 'bluntly', 'would', 'will', 'was', 'were', 'is', 'are', 'had', 'did', 'does', 'do',
  'subsequently', 'told', 'just', 'often', 'always', 'never', 'not', 'would', 'could', 'can', 'may', 'now',
  'still', 'even', 'only', 'actually', 'really', 'frequently', 'herself', 'himself', 'themselves', 'both', 'all',
  'openly', 'explicitly', 'directly', 'privately', 'sharply', 'immediately', 'first', 'initially',
]);

/** Verbs calling something by a quoted name: "called the decision 'reckless'". */
export const LABEL_VERBS: ReadonlySet<string> = new Set([
  'call', 'calls', 'called', 'calling', 'describe', 'describes', 'described', 'describing', 'dub', 'dubs',
  'dubbed', 'dubbing', 'branded', 'brand', 'brands', 'branding', 'label', 'labels', 'labelled', 'labeled', 'labeling', 'labelling', 'deemed',
]);

export const PRONOUNS: Readonly<Record<string, 'm' | 'f' | 'p' | 'n' | 'self'>> = {
  he: 'm', she: 'f', they: 'p', it: 'n', i: 'self', we: 'p',
};

/** Honorifics and titles stripped from names; gendered ones tell pronoun resolution what fits. */
export const TITLES: Readonly<Record<string, 'm' | 'f' | null>> = {
  'mr.': 'm', mr: 'm', 'mrs.': 'f', mrs: 'f', 'ms.': 'f', ms: 'f', miss: 'f', sir: 'm', lady: 'f', dame: 'f',
  lord: 'm', king: 'm', queen: 'f', prince: 'm', princess: 'f', 'dr.': null, dr: null, prof: null, 'prof.': null,
  professor: null, 'sen.': null, senator: null, 'rep.': null, representative: null, 'gov.': null,
  governor: null, 'gen.': null, general: null, 'lt.': null, 'col.': null, colonel: null, 'capt.': null,
  captain: null, president: null, 'vice': null, 'prime': null, minister: null, chancellor: null,
  mayor: null, judge: null, justice: null, secretary: null, ambassador: null, chairman: null, chairwoman: null,
  chair: null, director: null, commissioner: null, chief: null, inspector: null, sergeant: null, 'sgt.': null,
  officer: null, attorney: null, speaker: null, leader: null, spokesman: 'm', spokeswoman: 'f',
  spokesperson: null, premier: null, foreign: null, defence: null, defense: null, interior: null,
  finance: null, health: null, deputy: null, 'st.': null, rev: null, 'rev.': null, father: 'm', pope: 'm',
  archbishop: null, bishop: null, coach: null, ceo: null, founder: null, executive: null,
};

/** Nouns naming a role a person holds ("the spokesman", "the foreign minister"). */
export const ROLE_NOUNS: ReadonlySet<string> = new Set([
  'spokesman', 'spokeswoman', 'spokesperson', 'minister', 'president', 'prime', 'chancellor', 'mayor',
  'governor', 'senator', 'secretary', 'ambassador', 'chairman', 'chairwoman', 'chair', 'director', 'commissioner',
  'chief', 'ceo', 'executive', 'founder', 'leader', 'head', 'premier', 'judge', 'prosecutor', 'attorney',
  'lawyer', 'coach', 'manager', 'candidate', 'nominee', 'official', 'officer', 'envoy', 'negotiator', 'adviser',
  'advisor', 'aide', 'general', 'commander', 'inspector', 'sheriff', 'superintendent', 'treasurer', 'speaker',
  'congressman', 'congresswoman', 'lawmaker', 'mp', 'diplomat', 'economist', 'analyst', 'professor', 'researcher',
  'scientist', 'author', 'witness', 'resident', 'owner', 'captain', 'pilot', 'doctor', 'surgeon', 'nurse',
  'police', 'police officer', 'detective', 'pastor', 'priest', 'bishop', 'archbishop', 'pope', 'king', 'queen',
  'emir', 'sultan', 'monarch', 'principal', 'teacher', 'student', 'father', 'mother', 'husband', 'wife', 'son',
  'daughter', 'brother', 'sister', 'friend', 'neighbor', 'neighbour', 'chairperson', 'representative', 'campaign',
  'strategist', 'pollster', 'organizer', 'organiser', 'activist', 'expert', 'source', 'sources', 'officials',
  'ministry', 'office', 'department', 'agency', 'government', 'company', 'firm', 'statement', 'spokespeople',
]);

/** Subject heads that are institutions speaking ("the ministry said", "police said"). */
export const OFFICIAL_HEADS: ReadonlySet<string> = new Set([
  'ministry', 'department', 'office', 'government', 'police', 'army', 'military', 'agency', 'authorities',
  'cabinet', 'presidency', 'kremlin', 'pentagon', 'commission', 'council', 'court', 'embassy', 'prosecutors',
  'regulator', 'committee', 'parliament', 'administration', 'company', 'firm', 'spokesman', 'spokeswoman',
  'spokesperson', 'statement', 'officials', 'official', 'coroner', 'municipality', 'city', 'board', 'union',
  'campaign', 'party', 'white house', 'foreign ministry', 'interior ministry',
]);

/** Heads of anonymous sourcing. */
export const ANONYMOUS_HEADS: ReadonlySet<string> = new Set([
  'source', 'sources', 'insider', 'insiders', 'people', 'person', 'persons', 'individuals',
]);

/** Statement-like nouns: "a statement from the prime minister's office said". */
export const STATEMENT_NOUNS: ReadonlySet<string> = new Set([
  'statement', 'communique', 'communiqué', 'release', 'report', 'readout', 'letter', 'memo', 'filing', 'notice',
  'announcement', 'post', 'tweet', 'email', 'transcript', 'document', 'documents', 'poll', 'survey', 'study',
]);

/** Wire services and outlets known by name; invented outlets are caught by OUTLET_SUFFIX. */
export const KNOWN_OUTLETS: ReadonlySet<string> = new Set([
  'reuters', 'ap', 'associated press', 'the associated press', 'afp', 'agence france-presse', 'bloomberg',
  'le monde', 'bbc', 'cnn', 'nbc', 'abc', 'cbs', 'fox news', 'al jazeera', 'dpa', 'efe', 'ansa', 'tass',
  'interfax', 'xinhua', 'kyodo', 'yonhap', 'axios', 'politico', 'the guardian', 'guardian', 'the economist',
  'der spiegel', 'le figaro', 'el país', 'el pais', 'nikkei', 'ria novosti', 'ukrinform', 'anadolu', 'npr',
  'pti', 'ani', 'bernama', 'antara', 'wafa', 'mena', 'irna', 'isna', 'sana', 'pap', 'ctk', 'belga', 'apa',
]);

export const OUTLET_SUFFIX =
  /\b(?:Times|Post|Courier|Herald|Gazette|Daily|News|Journal|Tribune|Chronicle|Observer|Telegraph|Express|Mirror|Independent|Standard|Globe|Sun|Star|Examiner|Dispatch|Ledger|Register|Inquirer|Bulletin|Record|Review|Monitor|Wire|Press|Radio|Television|TV|Agency|Newswire|Magazine|Weekly|Times-Union)$/;

/** Words that end a speaker phrase when walking outwards from a cue. */
export const CLAUSE_WORDS: ReadonlySet<string> = new Set([
  'that', 'and', 'but', 'or', 'because', 'while', 'when', 'after', 'before', 'although', 'though', 'if',
  'as', 'since', 'so', 'yet', 'where', 'which', 'who', 'whom', 'whose', 'what', 'whether', 'than', 'until',
]);

/** Sentence-initial capitalised words that are not names. */
export const NOT_NAMES: ReadonlySet<string> = new Set([
  'The', 'A', 'An', 'But', 'And', 'Or', 'In', 'On', 'At', 'For', 'From', 'With', 'Without', 'By', 'To', 'Of',
  'As', 'If', 'When', 'While', 'After', 'Before', 'Since', 'Until', 'Although', 'Though', 'Because', 'So', 'Yet',
  'This', 'That', 'These', 'Those', 'There', 'Here', 'It', 'Its', 'He', 'She', 'They', 'We', 'I', 'You', 'His',
  'Her', 'Their', 'Our', 'My', 'Your', 'Who', 'What', 'Which', 'Where', 'Why', 'How', 'Some', 'Many', 'Most',
  'All', 'Both', 'Each', 'Every', 'No', 'Not', 'One', 'Two', 'Three', 'Four', 'Five', 'Several', 'Other',
  'Another', 'According', 'However', 'Meanwhile', 'Still', 'Also', 'Then', 'Now', 'Later', 'Earlier', 'Asked',
  'Yes', 'Read', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'January',
  'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
  'Last', 'Next', 'Even', 'Just', 'Only', 'Instead', 'Indeed', 'Like', 'Unlike',
  'During', 'Over', 'Under', 'Despite', 'Among', 'Against', 'Between', 'Through', 'About', 'Above', 'Sources',
  'Officials', 'Police', 'People', 'Such', 'Do', 'Does', 'Did', 'Is', 'Are', 'Was', 'Were', 'Will', 'Would',
  'Can', 'Could', 'Should', 'Let', 'Let’s', "Let's", 'Well', 'Oh', 'Thank', 'Please', 'Today', 'Tonight',
  'Yesterday', 'Tomorrow', 'Whether', 'Though', 'Perhaps', 'Maybe', 'Never', 'Nothing', 'Everyone', 'Everything',
  'Nobody', 'Somebody', 'Someone', 'Anyone', 'Again', 'Once', 'Thus', 'Therefore', 'Overall', 'First', 'Second',
]);
