// English function words and news filler that say nothing about which event an article covers.
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also although am an and any are around as at be because been before being
below between both but by can could did do does doing down during each either else ever few for from further had has
have having he her here hers herself him himself his how however i if in into is it its itself just least less like
made make many may me might more most much must my myself near neither no nor not now of off on once one only or other
our ours ourselves out over own per quite rather same says said say saying she should since so some still such than
that the their theirs them themselves then there these they this those though through thus to too toward towards under
until up upon us very via was we were what when where whether which while who whom whose why will with within without
would yet you your yours yourself yourselves according across added adding already among another anyone anything
became become becomes came come comes get gets getting go goes going got just know known let lets new news next old
put reported reporting reports see seen set show shows take taken takes tell told think two three time times told
year years week weeks day days today yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday
mr mrs ms dr image images photo photos video caption copyright rights reserved read click share comment comments
advertisement subscribe newsletter updated posted`.split(/\s+/),
);
