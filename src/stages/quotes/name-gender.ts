// Grammatical gender of a person's name: a compact given-name list plus surname endings (Tarasova, Kowalska).
import type { Gender } from './find-name-mentions.js';

/**
 * Given names that are clearly one gender in news usage (English, Romance, Germanic, Nordic, Slavic, Baltic,
 * Greek, Turkish, Arabic, Persian, South Asian, East African, Hebrew). Names used for both (Jean, Andrea,
 * Nicola, Sasha, Jordan, Kim, Robin, Alex ...) are left out on purpose.
 */
const MALE = `
aaron abdul abdullah abraham adam adrian ahmed ahmet akhil alan alberto albert aleksandar aleksander aleksandr
aleksei alexander alexandre alexandros alexei alfonso alfred ali alistair amir anatoly anders andre andrei andres
andrew andrzej angelo anthony antoine anton antonio arnold arthur artur ashok avi barack barry bartosz benjamin
benoit bernard bernie bill billy bob bogdan bohdan boris brad bradley brendan brett brian bruce bruno bryan carl
carlos charles charlie chuck claude clarence clint colin conor craig cristian daniel dan danny darren david dean
denis dennis derek diego dieter dimitri dimitris dmitri dmitry dmytro domenico don donald doug douglas duncan
dusan dwight earl ed eddie edgar eduardo edward emil emmanuel enrique eric erik ernest ernesto esteban eugene evan
fabio fedor felipe felix ferdinand fernando filip francesco francis francisco franco frank franz fred frederick
friedrich gabriel gareth gary gennady geoffrey george georgios gerald gerhard giorgio giovanni giuseppe glenn gordon
graham grant greg gregory grigory guillaume gunther gustav gustavo hamid hans harold harry hassan heinrich helmut
henri henry herbert hernan hugo hussein ian igor ilya imran ion ioannis isaac ivan jack jacob jacques jakub james
jan janusz jaroslav jason javier jean-claude jean-luc jean-marc jean-paul jean-pierre jeff jeffrey jens jeremy jerome
jerry jim jimmy joachim joao joe joel johan johann johannes john johnny jon jonas jonathan jorge jose josef joseph
joshua juan julian julio jurgen justin kamal karim karl karol kevin khalid klaus konstantin kostas krzysztof kurt
kyle lance larry lars laszlo lawrence leon leonard leonid leopold lewis liam lorenzo louis luca lucas luigi
luis lukas luke magnus mahmoud malcolm manuel marc marcel marco marcus mario mark marko martin marek mateusz matteo
matthew matthias maurice max maxim maximilian michael michel miguel mikhail mike miklos milan miroslav mitch mitt
mohamed mohammad mohammed muhammad mustafa nabil narendra nathan neil nicholas nick nicolas nikita nikola nikolai
nikolay nils noah norbert oleg oleksandr oleksiy olaf oliver omar oscar otto pablo paolo pascal patrick paul pavel
pedro peter petr petro petros philip philippe pierre piotr rafael rahul rajesh ralph ramon randy raul ray raymond
reza ricardo richard rick rob robert roberto rodrigo roger roland roman ron ronald rudolf rudy rupert russell ryan
said salman sam samuel sandeep scott sean sebastian sergei sergey sergio serhiy seth shimon simon slobodan stanislav
stefan stephen steve steven stuart sven tariq ted terrence theodore thierry thomas tim timothy tobias todd tom tomas
tomasz tony travis ulrich umar valentin valery vasily vassilis viktor vincent vitaly vitali vladimir vladislav
volodymyr walter wayne werner wilhelm william willie wojciech wolfgang xavier yaroslav yuri yury yusuf zbigniew
zoltan
`;

const FEMALE = `
adriana agnes agnieszka aisha alejandra alena alessandra alexandra alexandria alice alicia alina alison amanda amelia
amy ana anastasia anastasiya angela angelica angelina angelique anita ann anna annalena anne annette
annie antonia ariana barbara beata beatrice beatriz bella betsy betty beverly birgit bonnie brenda bridget brigitte
britney caitlin camila carla carmen carol carole caroline carolyn catherine cecilia celine charlotte cheryl chiara
christa christina christine chrystia cindy claire clara claudia colette cristina cynthia dagmar daniela danielle
daria darya debbie deborah debra denise diana diane dolores donna dorota dorothy edith ekaterina elaine elena eleni
elizabeth elisabeth elise elizaveta ella ellen elsa elzbieta emilia emily emma erika esther eva evelyn fatima
fatma federica florence frances francesca galina gabriela gabrielle georgia gertrude gina giulia
gloria grace greta gulnara hanna hannah harriet heather heidi helen helena helga hillary hilary ilona ingrid irena
irene irina iryna isabel isabella isabelle ivana jacqueline jana jane janet janice jeanne jennifer jenny jessica
jill joan joanna johanna josephine joyce judith judy julia juliana julie justyna karen karin karina karolina
katarzyna kate katherine kathleen kathryn kathy katie katrin katya kelly kirsten kristina kseniya kseniia larisa
laura lauren leila lena liliana linda lisa liudmila liz lorena lorraine louise lucia lucy ludmila lyudmila lydia
madeleine magdalena malgorzata mara marcela margaret margarita margit margot maria mariana marianne marie marina
marine marion marisa marjorie marta martha martina mary maryam maxine megan melania melanie melissa mia michaela
michelle mila milena miriam molly monica monika nadia nadezhda nancy naomi natalia natalie natalya nathalie nicole
nina nora olena olga olivia paola patricia paula pauline petra phyllis pilar polina priscilla rachel ramona rebecca
regina renata rita roberta rosa rosemary ruth sabine sabrina sally samantha sandra sara sarah segolene shannon sharon
sheila shirley silvia simone sofia sonia sophia sophie stefanie stephanie susan susanne suzanne svetlana sylvia tamara
tanya tatiana tatyana teresa theresa tina tracy ulrike ursula valentina valeria valerie vanessa vera veronica
veronika victoria viktoria virginia vivian wanda wendy yana yelena yevgenia yulia yuliya zainab zofia zoe zuzana
`;

const words = (list: string): ReadonlySet<string> => new Set(list.split(/\s+/).filter(Boolean));

export const MALE_GIVEN_NAMES = words(MALE);
export const FEMALE_GIVEN_NAMES = words(FEMALE);

/** Romance and other surnames that end like Slavic feminine forms but are not gendered. */
const NOT_FEMININE_SURNAMES = new Set(['medina', 'molina', 'urbina', 'messina', 'cortina', 'farina', 'marina', 'sabina', 'gina', 'china', 'lina', 'tina', 'nina', 'karolina', 'argentina', 'carolina', 'regina', 'becerra', 'ochoa']);

const fold = (w: string): string => w.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Gender a surname's ending tells in Slavic, Baltic and Greek naming: -ova/-eva/-ina/-ska female, -ov/-ev/-sky male. */
export function genderOfSurname(surname: string): Gender | null {
  const s = fold(surname);
  if (s.length < 5) return null;
  if (/(?:ova|eva|yova|skaya|tskaya|ska|cka|dzka|aite|iene|yte|oupolou|idou)$/.test(s)) return 'f';
  if (/ina$/.test(s) && !NOT_FEMININE_SURNAMES.has(s)) return 'f';
  if (/(?:ov|ev|yov|sky|skiy|skyi|ski|cki|dzki|opoulos|idis)$/.test(s)) return 'm';
  return null;
}

/** The given name decides; else the surname's ending ("Irena Tarasova" f, "Dmytro Kovalsky" m, "Tarasova" f). */
export function genderOfName(name: string): Gender | null {
  const parts = name.split(/\s+/).filter((p) => /\p{L}/u.test(p));
  const first = parts[0];
  if (!first) return null;
  if (parts.length > 1) {
    const given = fold(first).replace(/\.$/, '');
    if (MALE_GIVEN_NAMES.has(given)) return 'm';
    if (FEMALE_GIVEN_NAMES.has(given)) return 'f';
  }
  return genderOfSurname(parts[parts.length - 1] ?? '');
}
