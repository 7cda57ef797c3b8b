/**
 * Entries of the `naughty-words` lists (and forms derived from them) that are ordinary words in a class's talk, reviewed one by one (the lists are
 * read for every language at once, so a word rude in one language and ordinary in another must be here). Written
 * folded (lower case, no accents), as the guard compares them. Each with why, as a comment (the reasons are not shipped).
 */
export const ordinaryWords = new Set([
  // English list
  'suck', // an ordinary verb ("plants suck up water")
  'sucks', // an ordinary verb ("a sponge sucks water")
  'xx', // kisses at the end of a friendly message
  'xxx', // kisses at the end of a friendly message
  'sexual', // biology ("sexual reproduction", Spanish "reproducción sexual")
  'sexually', // biology ("plants reproduce sexually")
  'escort', // the adult who goes with a school trip
  'domination', // history lessons ("the Roman domination")
  'hooker', // a rugby position
  'scat', // jazz singing
  'snatch', // an ordinary verb
  'tit', // a bird ("a blue tit")
  'dick', // German "dick", thick or fat ("ein dickes Buch")
  'negro', // Spanish and Italian for black ("el Mar Negro")
  'hardcore', // a music style, a keen fan
  'hard core', // a music style, a keen fan
  'girl on', // ordinary words ("the girl on the bus")
  'big black', // ordinary words ("a big black dog")
  'taste my', // ordinary words ("taste my cake")
  'tongue in a', // ordinary words ("with her tongue in a twist")
  'tied up', // ordinary words ("the boat was tied up")
  'tight white', // ordinary words ("a tight white knot")
  'huge fat', // ordinary words ("a huge fat cat")
  'jelly donut', // a cake
  'twinkie', // a cake
  'tainted love', // a song
  'how to kill', // ordinary words ("how to kill bacteria", "how to kill time")
  'ball kicking', // football
  // Spanish list
  'asesinato', // history and literature lessons (a murder)
  'asno', // a donkey
  'drogas', // health lessons (drugs)
  'heroina', // a heroine
  'infierno', // Dante, the weather ("un calor infernal")
  'martillo', // a hammer
  'nazi', // history lessons
  'racista', // talk about racism
  'trio', // a music trio
  'concha', // a shell
  'maciza', // solid ("madera maciza")
  'pis', // French "tant pis" (too bad)
  // Italian list
  'bagnarsi', // to get wet
  'battere', // to beat, to type
  'pesce', // a fish
  'regina', // a queen
  'tirare', // to pull, to throw
  'cozza', // a mussel
  'fava', // a broad bean
  'quaglia', // a quail
  'pisello', // a pea
  'finocchio', // fennel
  'spagnola', // a Spanish girl: the partners
  'pompa', // a pump
  'montare', // to assemble, to whip cream
  'monta', // assembles, whips ("monta la panna")
  'sbattere', // to beat eggs
  'cadavere', // a corpse, in literature and history
  'biga', // a Roman chariot, a bread starter
  'balle', // bales; also French "balle", a ball
  'palle', // balls ("palle di neve", snowballs)
  'nave scuola', // a training ship
  'vangare', // to dig
  'mannaggia', // a mild "oh dear"
  'porca miseria', // a mild "oh no"
  'bordello', // a mess, colloquially
  'rizzarsi', // to stand up straight
  'mona', // Spanish "mona" (cute: "¡qué mona!"), the Mona Lisa
  // French list
  'con', // Spanish and Italian "with"
  'bite', // English "bite"
  'bitte', // German "please"
  'baiser', // a kiss, in a letter’s greetings
  'bander', // to bandage
  'bourre', // stuffed, full
  'bourree', // a folk dance
  'folle', // crazy (also Italian)
  'gerbe', // a sheaf, a bunch of flowers
  'jouir', // to enjoy ("jouir du soleil")
  'tanche', // a tench (a fish)
  'meuf', // slang for a woman, not an insult
  // German list
  'bonze', // a big shot, a Buddhist monk
  'mufti', // a Muslim scholar
  'rosette', // a rosette (a decoration)
  // forms the guard derives from list entries (an ending, a conjugation) that are ordinary words
  'butter', // butt + er: food
  'butters', // butt + ers: food
  'cocker', // cock + er: a spaniel
]);

/**
 * Entries that are also names: written with a capital ("la guerra di Troia", "Giovanni Verga") they
 * are the name; in lower case or shouted in capitals they are the insult ("sei una troia").
 */
export const alsoNames = new Set([
  'troia', // Troy ("la guerra di Troia")
  'verga', // Giovanni Verga, read in Italian literature lessons
  'pippa', // a first name
]);

/**
 * Entries whose accent-less spelling is another, ordinary word: they are found only when written with their accent.
 */
export const accentNeeded = new Set([
  'peter', // French "péter"; without the accent, the name Peter
  'pedale', // French "pédale"; without the accent, Italian "pedale" (a pedal)
  'cono', // Spanish "coño"; without the accent, "cono" (a cone)
  'negre', // French "nègre"; without the accent, Catalan "negre" (black)
  'mose', // German "Möse"; without the accent, "Mose" (Moses)
]);

/** Ordinary phrases that hold a list's word: read as a whole, they are skipped. */
export const ordinaryPhrases = new Set([
  'cul de sac', // a dead end (French, and English "cul-de-sac")
  'cock a doodle doo', // a rooster’s call
  'moby dick', // the novel
  'pussy cat', // a nursery rhyme’s cat
  'pussy willow', // a tree
]);
