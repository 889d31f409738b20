// Head words of organisation and news outlet names, shared by the tagger's features and the post-tagging rules.

/** Last words of organisation names: "Arcline Ferries", "Velmora Port Authority", "Siemens AG". */
export const ORG_HEADS: ReadonlySet<string> = new Set([
  'ferries', 'airlines', 'airways', 'air', 'group', 'holdings', 'holding', 'bank', 'capital', 'partners', 'motors',
  'energy', 'shipping', 'lines', 'line', 'authority', 'board', 'agency', 'ministry', 'council', 'party', 'corp', 'corp.',
  'corporation', 'inc', 'inc.', 'ltd', 'ltd.', 'llc', 'plc', 'gmbh', 'sa', 'ag', 'nv', 'bv', 'spa', 'co', 'co.', 'company',
  'university', 'college', 'hospital', 'institute', 'foundation', 'association', 'federation', 'union', 'commission',
  'committee', 'department', 'office', 'service', 'services', 'police', 'army', 'navy', 'guard', 'forces', 'industries',
  'technologies', 'systems', 'pharmaceuticals', 'telecom', 'railways', 'railway', 'logistics', 'insurance', 'securities',
  'investments', 'fund', 'trust', 'bancorp', 'petroleum', 'oil', 'gas', 'mining', 'steel', 'chemicals', 'electric',
  'enterprises', 'club', 'society', 'court', 'tribunal', 'parliament', 'assembly', 'congress', 'senate', 'cabinet',
]);

/** Last words of news outlet names ("Northern Gazette"), also as the end of one-word invented names ("Nordwire"). */
export const OUTLET_HEADS: readonly string[] = [
  'times', 'post', 'herald', 'gazette', 'daily', 'news', 'wire', 'radio', 'tv', 'press', 'ledger', 'review', 'journal',
  'tribune', 'courier', 'chronicle', 'agency', 'telegraph', 'guardian', 'observer', 'standard', 'mail', 'express', 'star',
  'sun', 'mirror', 'bulletin', 'dispatch', 'examiner', 'inquirer', 'monitor', 'gazeta', 'zeitung', 'broadcasting',
];
