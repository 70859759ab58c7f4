// The generated word classes: which WordNet synsets each is walked from, what is pruned, and which
// forms are written. Sense keys (lemma%ss_type:lex_filenum:lex_id::) name a synset in WordNet 3.1;
// the gloss beside each says which sense it is. Exclusions with their reasons are data, in
// rules/lexicons/vocab-exclusions.json.
import type { ClassSpec } from './curate.js';

export const SPECS: ClassSpec[] = [
  {
    name: 'weapon-generated',
    lexicon: 'threat',
    beside: ['weapon', 'hard-object'],
    pos: 'n',
    roots: [
      'weapon%1:06:00::', // any instrument used in fighting or hunting
      'knife%1:06:00::', // edge tool used as a cutting instrument (kitchen and pocket knives)
      'bat%1:06:00::', // a club used for hitting a ball (baseball bat)
      'club%1:06:00::', // stout stick larger at one end (cudgel, shillelagh)
      'bludgeon%1:06:00::', // a club used as a weapon
      'truncheon%1:06:00::', // a short stout club used by police
      'cosh%1:06:00::', // metal covered by leather with a flexible handle
    ],
    prune: [
      'weapon_of_mass_destruction%1:06:00::', // nuclear, chemical and biological weapons: not what a teacher threatens with
      'missile%1:06:00::', // rockets, ICBMs and space probes
      'missile%1:06:01::', // a rocket carrying a warhead
      'projectile%1:06:00::', // bullets, shot, darts: "shot", "ball" and "slug" are everyday words
      'greek_fire%1:27:00::',
      'fire_ship%1:06:00::',
      'table_knife%1:06:00::', // cutlery
      'paddle%1:06:02::', // table-tennis bats
    ],
    lexFiles: [6],
    // knife → switchblade → flick knife; below that, museum pieces (arquebus, culverin)
    maxDepth: 3,
    maxUntaggedSenses: 2,
    forms: 'noun+plural',
    note: 'Weapons and things used as weapons: knives, guns, swords, clubs, bats.',
  },
  {
    name: 'harm-verb-generated',
    lexicon: 'threat',
    beside: ['violent'],
    pos: 'v',
    roots: [
      'hit%2:35:00::', // deal a blow to, with the hand or an instrument
      'beat%2:35:01::', // give a beating to
      'kill%2:35:00::', // cause to die
      'injure%2:29:00::', // cause injuries or bodily harm to
      'stab%2:35:02::', // use a knife on
      'strangle%2:35:00::', // kill by squeezing the throat
      'kick%2:35:00::', // strike with the foot
      'slap%2:35:00::', // hit with something flat
      'punch%2:35:00::', // deliver a quick blow to
      'batter%2:35:00::', // strike violently and repeatedly
      'thrash%2:35:00::', // give a thrashing to
      'assault%2:33:00::', // attack someone physically
    ],
    lexFiles: [29, 33, 35],
    // verbs are the most polysemous words there are ("grass", "stone", "brain" are verbs of harm here)
    maxUntaggedSenses: 1,
    forms: 'verb-base',
    note: 'Verbs of violence against a person (hit, punch, stab, strangle...), in the base form ("I\'ll stab him").',
  },
  {
    name: 'harm-participle-generated',
    lexicon: 'threat',
    pos: 'v',
    roots: [],
    sameWordsAs: 'harm-verb-generated',
    lexFiles: [29, 33, 35],
    maxUntaggedSenses: 1,
    forms: 'verb-participle',
    note: 'The past participles of the harm verbs (punched, stabbed, beaten), for "deserves to be ...", "get ...".',
  },
  {
    name: 'medical-generated',
    lexicon: 'confidential',
    beside: ['medical', 'diagnosis'],
    pos: 'n',
    roots: [
      'disease%1:26:00::', // an impairment of health or a condition of abnormal functioning
      'mental_disorder%1:26:00::', // psychological disorder
      'disorder%1:26:03::', // a physical condition in which there is a disturbance of normal functioning
      'cancer%1:26:00::', // any malignant growth or tumor
    ],
    prune: ['plant_disease%1:26:00::', 'animal_disease%1:26:00::'],
    lexFiles: [26],
    // disease → cancer → leukaemia → lymphocytic leukemia; deeper are the clinicians' subtypes
    maxDepth: 3,
    // "disease of the neuromuscular junction" is a definition, not what anyone writes
    maxWords: 3,
    maxUntaggedSenses: 1,
    forms: 'noun',
    note: 'Diseases, disorders and conditions: a medical detail of a person.',
  },
  {
    name: 'insult-degree-generated',
    lexicon: 'derogatory',
    beside: ['insult-adj'],
    pos: 'a',
    roots: [
      'stupid%3:00:00::', // lacking intelligence (and its cluster: dim, dense, dumb...)
      'incompetent%3:00:00::', // not qualified or suited for a purpose
      'impolite%3:00:00::', // not polite (rude)
      'useless%3:00:00::', // having no beneficial use
      'idle%3:00:00::', // not in action: lazy, slothful
    ],
    symbols: ['&'],
    seed: 'insult-adj',
    maxUntaggedSenses: 2,
    forms: 'adj-degree',
    note: 'The -er and -est forms of insulting adjectives (thicker, laziest, rudest): the hand class insult-adj and the WordNet clusters of stupid, incompetent, impolite, useless and idle, inflected by compromise.',
  },
  {
    name: 'insult-noun-generated',
    lexicon: 'derogatory',
    beside: ['insult-noun'],
    pos: 'n',
    roots: [
      'simpleton%1:18:00::', // a person lacking intelligence or common sense (fool, idiot, dunce, nitwit)
      'incompetent%1:18:00::', // someone who is not competent to take effective action (bungler, botcher)
      'unpleasant_person%1:18:00::', // a person who is not pleasant or agreeable (creep, heel, stinker)
      'good-for-nothing%1:18:00::', // an idle worthless person (layabout, loafer, wastrel)
      'idler%1:18:00::', // person who does no work (slacker, shirker, skiver)
    ],
    lexFiles: [18],
    maxDepth: 3,
    maxWords: 2,
    maxUntaggedSenses: 1,
    forms: 'noun+plural',
    note: 'Nouns for a person as a fool, an incompetent, an idler or an unpleasant person (nitwit, bungler, slacker, creep), with plurals: what "the new deputy is a ..." is completed with.',
  },
  {
    name: 'quality-generated',
    lexicon: 'derogatory',
    beside: ['trait'],
    pos: 'n',
    roots: [
      'trait%1:07:00::', // a distinguishing feature of your personal nature (curiosity, tact, warmth...)
      'personality%1:07:00::', // the complex of all the attributes that characterise a person
      'attractiveness%1:07:00::', // the quality of arousing interest (charm, charisma, appeal)
      'presence%1:07:00::', // the impression that something is present (stage presence)
      'ability%1:09:00::', // possession of the qualities required to do something (intelligence, skill, wit)
      'curiosity%1:09:00::', // a state in which you want to learn more about something
      'imagination%1:09:01::', // the formation of a mental image of something that is not present
      'intellect%1:09:02::', // knowledge and intellectual ability
    ],
    prune: [
      'imaginary_place%1:09:00::', // fairyland, never-never land: places, not a quality anyone has
      'identity%1:07:00::', // personal and gender identity: who someone is, not a quality they lack
    ],
    lexFiles: [7, 9],
    maxDepth: 2,
    maxWords: 3,
    maxUntaggedSenses: 2,
    forms: 'noun',
    note: 'Qualities of a person (curiosity, charisma, warmth, intelligence, skill): what "has the collective X of a fridge magnet" gives someone none of.',
  },
];
