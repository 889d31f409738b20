// Titles and role words that stand before a person's name but are not part of it ("Mayor", "Sen.", "Prime Minister").

/** Titles and role words that may precede a name but are never part of a CoNLL person span. */
export const PERSON_TITLES: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'miss', 'dr', 'sir', 'dame', 'lord', 'lady', 'president', 'vice', 'prime', 'minister', 'chancellor',
  'secretary', 'senator', 'sen', 'rep', 'representative', 'gov', 'governor', 'mayor', 'gen', 'general', 'col', 'colonel',
  'lt', 'capt', 'captain', 'adm', 'admiral', 'sgt', 'maj', 'cmdr', 'judge', 'justice', 'prof', 'professor', 'king', 'queen',
  'prince', 'princess', 'sheikh', 'ayatollah', 'rev', 'speaker', 'premier', 'ambassador', 'commissioner', 'chairman',
  'chairwoman', 'spokesman', 'spokeswoman', 'spokesperson', 'envoy', 'leader', 'defense', 'defence', 'foreign', 'interior',
  'finance', 'attorney', 'former', 'late', 'acting', 'deputy', 'chief', 'commander', 'director', 'ceo', 'coach',
  'presidential', 'pope', 'cardinal', 'bishop', 'archbishop', 'councillor', 'councilman', 'councilwoman', 'congressman',
  'congresswoman', 'superintendent', 'inspector', 'sergeant', 'lieutenant', 'major', 'corporal', 'detective', 'officer',
]);

/**
 * Local-news roles that stand before a name and are cut from a person span after tagging ("Harlan County Sheriff
 * Wade Tolliver" -> "Wade Tolliver"). Not in PERSON_TITLES: the tagger's title constraint would then stop a span
 * at "Sheriff" and lose the name after it.
 */
export const ROLE_TITLES: ReadonlySet<string> = new Set([
  ...PERSON_TITLES, 'sheriff', 'undersheriff', 'trooper', 'coroner', 'prosecutor', 'aide', 'pastor', 'marshal', 'constable',
  'reverend',
]);
