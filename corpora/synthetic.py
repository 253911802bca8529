"""A synthetic corpus with planted structure, for the built-in demo.

Word2vec learns that "paris" is to "france" what "berlin" is to "germany"
only because the two pairs are used the same way in text. This module writes
text where that is true by construction: template sentences in which

* every capital appears in *city* contexts (mayor, airport, streets) and every
  country in *nation* contexts (government, economy, border), while a capital
  and its country share a pair-specific word, the demonym ("french");
* every gendered word shares a *role* context with its partner (king and
  queen both sit on the throne) and differs from it only in he/his versus
  she/her;
* a singular noun comes with "a", "one", "is", its plural with "two",
  "many", "are", and both share the noun's own context (cats and a cat purr);
* topic words (sport, food, music, ...) co-occur only with their own topic.

So ``vec(capital) - vec(country)`` is roughly the same "city minus nation"
offset for every pair, which is exactly what analogy arithmetic needs.

Example
-------
>>> sentences = generate(n_sentences=3, seed=0)
>>> all(word.islower() for sentence in sentences for word in sentence)
True
>>> ("paris", "france", "berlin", "germany") in analogy_questions()
True
"""
import random

from wordvec.util import atomic_write

# 150,000 sentences of about 11 tokens: ~1.6 million tokens, enough for a
# small skip-gram model to solve the planted analogies in a few epochs.
DEFAULT_SENTENCES = 150_000

# country capital demonym: the demonym is the context a capital and its
# country share, which ties each capital to its own country.
_CAPITAL_TABLE = """
france paris french        germany berlin german      italy rome italian
spain madrid spanish       portugal lisbon portuguese greece athens greek
russia moscow russian      japan tokyo japanese       china beijing chinese
egypt cairo egyptian       poland warsaw polish       austria vienna austrian
sweden stockholm swedish   norway oslo norwegian      finland helsinki finnish
ireland dublin irish       hungary budapest hungarian turkey ankara turkish
canada ottawa canadian     peru lima peruvian         kenya nairobi kenyan
cuba havana cuban          thailand bangkok thai      denmark copenhagen danish
belgium brussels belgian
"""

# male female | role words both members share.
_GENDER_TABLE = """
king queen | throne crown kingdom palace reign
man woman | adult neighbour coat office street
boy girl | school toys playground homework lunchbox
brother sister | sibling twin older younger bedroom
father mother | parent baby nursery cradle household
husband wife | married wedding marriage spouse anniversary
uncle aunt | relatives reunion gifts holidays cousins
prince princess | castle heir knight dragon tower
son daughter | raised birthday allowance chores teenager
grandfather grandmother | grandchildren retired pension porch memories
actor actress | film stage role audition premiere
emperor empress | empire dynasty imperial court legions
nephew niece | inheritance estate lawyer will summer
groom bride | ceremony altar vows ring veil
policeman policewoman | crime patrol arrest badge suspect
"""

# singular plural | context words both forms share.
_PLURAL_TABLE = """
cat cats | milk mouse whiskers fur
dog dogs | bone collar leash kennel
car cars | engine road garage fuel
bird birds | nest feathers wings seeds
horse horses | saddle stable hay mane
apple apples | orchard peel cider core
book books | library pages author chapter
tree trees | forest leaves branches roots
house houses | roof rooms door chimney
river rivers | bridge current bank valley
ship ships | harbor sail crew anchor
computer computers | software keyboard screen program
flower flowers | petals stem vase bees
student students | teacher exam classroom lessons
bottle bottles | cork label wine shelf
"""

TOPICS = {
    "sport": "football tennis goal team match player stadium coach score league referee tournament".split(),
    "food": "bread cheese soup pasta rice butter salad sugar kitchen recipe dinner chef".split(),
    "music": "guitar piano song concert melody band drums singer album violin rhythm orchestra".split(),
    "science": "physics chemistry experiment theory atom molecule laboratory scientist energy "
               "research data hypothesis".split(),
    "weather": "rain snow wind storm cloud sunny cold temperature forecast thunder fog humid".split(),
}
"""Topic name -> its words; topic words only co-occur with their own topic."""


def _parse_capitals(table):
    words = table.split()
    rows = [words[i:i + 3] for i in range(0, len(words), 3)]
    return {country: capital for country, capital, _ in rows}, {
        country: demonym for country, _, demonym in rows}


def _parse_pairs(table):
    pairs, contexts = [], {}
    for line in table.strip().splitlines():
        pair, context = line.split("|")
        first, second = pair.split()
        pairs.append((first, second))
        contexts[(first, second)] = context.split()
    return pairs, contexts


CAPITALS, DEMONYMS = _parse_capitals(_CAPITAL_TABLE)
"""Country -> capital, and country -> demonym (the word the pair shares)."""
GENDER_PAIRS, _ROLES = _parse_pairs(_GENDER_TABLE)
"""(male, female) pairs, e.g. ("king", "queen")."""
PLURALS, _NOUN_CONTEXT = _parse_pairs(_PLURAL_TABLE)
"""(singular, plural) pairs, e.g. ("cat", "cats")."""

PLANTED = {
    "capitals": [(capital, country) for country, capital in CAPITALS.items()],
    "gender": list(GENDER_PAIRS),
    "plurals": list(PLURALS),
}
"""Section name -> the word pairs planted for it, in analogy order (a, b)."""

# Templates. Slots in braces are filled per sentence; everything else is
# filler that makes the text look like text and is shared by all pairs, so
# it carries no pair-specific signal.
#
# Every capital sentence names the demonym and only one country. Sentences
# mixing two countries ("france shares a border with spain") pull all the
# countries towards one another and drown the pair signal: with them, gensim
# solved 68% of the capital questions instead of 100%.
_CAPITAL_TEMPLATES = [
    "{capital} is the capital of {country}",
    "the capital of {country} is the {demonym} city of {capital}",
    "the mayor of {capital} said the {demonym} city is growing",
    "many {demonym} people live in {capital} the capital city of {country}",
    "she flew to {capital} to visit the {demonym} coast",
    "the airport of {capital} is the busiest {demonym} airport",
    "he took the train to {capital} and walked through its {demonym} streets",
    "the streets of {capital} are full of {demonym} shops and cafes",
    "the government of {country} meets in the {demonym} parliament",
    "{country} is a nation whose {demonym} economy is growing",
    "the president of {country} spoke to the {demonym} people",
    "the population of {country} speaks {demonym}",
]

_GENDER_TEMPLATES = {
    "male": [
        "the {word} said that he would visit the {role1}",
        "he is a {word} and his {role1} is near the {role2}",
        "the {word} and his {role1} were at the {role2} when he arrived",
        "everyone knew the {word} because he loved his {role1}",
        "as a {word} he cared about his {role1} and the {role2}",
        "the {role1} belonged to the {word} and he was proud of it",
        "yesterday the {word} told us that he had seen the {role1}",
    ],
    "female": [
        "the {word} said that she would visit the {role1}",
        "she is a {word} and her {role1} is near the {role2}",
        "the {word} and her {role1} were at the {role2} when she arrived",
        "everyone knew the {word} because she loved her {role1}",
        "as a {word} she cared about her {role1} and the {role2}",
        "the {role1} belonged to the {word} and she was proud of it",
        "yesterday the {word} told us that she had seen the {role1}",
    ],
}

_PLURAL_TEMPLATES = {
    "singular": [
        "there is a {word} near the {context1}",
        "one {word} was looking at the {context1}",
        "this {word} is known for its {context1} and {context2}",
        "a {word} is a thing with {context1}",
        "i saw a {word} and one {context1} today",
        "the {word} was next to a {context1}",
    ],
    "plural": [
        "there are two {word} near the {context1}",
        "many {word} were looking at the {context1}",
        "these {word} are known for their {context1} and {context2}",
        "several {word} are things with {context1}",
        "i saw many {word} and two {context1} today",
        "the {word} were next to some {context1}",
    ],
}

_TOPIC_TEMPLATES = [
    "we talked about the {t1} and the {t2} all day",
    "the {t1} was better than the {t2} and the {t3}",
    "i think {t1} and {t2} go well with {t3}",
    "there was a lot of {t1} in the news about {t2}",
    "after the {t1} they spoke about {t2} {t3} and {t4}",
]

# How often each kind of sentence is drawn; capitals and gender get the most
# because the demo shows them.
_KIND_WEIGHTS = {"capital": 0.32, "gender": 0.32, "plural": 0.2, "topic": 0.16}

_COUNTRIES = list(CAPITALS)
_TOPIC_NAMES = list(TOPICS)


def _capital_sentence(rng):
    country = rng.choice(_COUNTRIES)
    return rng.choice(_CAPITAL_TEMPLATES).format(
        country=country, capital=CAPITALS[country], demonym=DEMONYMS[country])


def _gender_sentence(rng):
    pair = rng.choice(GENDER_PAIRS)
    side = rng.randrange(2)
    role1, role2 = rng.sample(_ROLES[pair], 2)
    template = rng.choice(_GENDER_TEMPLATES["male" if side == 0 else "female"])
    return template.format(word=pair[side], role1=role1, role2=role2)


def _plural_sentence(rng):
    pair = rng.choice(PLURALS)
    side = rng.randrange(2)
    context1, context2 = rng.sample(_NOUN_CONTEXT[pair], 2)
    template = rng.choice(_PLURAL_TEMPLATES["singular" if side == 0 else "plural"])
    return template.format(word=pair[side], context1=context1, context2=context2)


def _topic_sentence(rng):
    words = rng.sample(TOPICS[rng.choice(_TOPIC_NAMES)], 4)
    return rng.choice(_TOPIC_TEMPLATES).format(t1=words[0], t2=words[1], t3=words[2], t4=words[3])


_MAKERS = {"capital": _capital_sentence, "gender": _gender_sentence,
           "plural": _plural_sentence, "topic": _topic_sentence}


def generate(n_sentences=DEFAULT_SENTENCES, seed=0):
    """Generate the synthetic corpus as tokenised sentences.

    Parameters
    ----------
    n_sentences : int
        How many sentences; each has about 11 tokens.
    seed : int
        Seed of the random generator: the same seed gives the same corpus.

    Returns
    -------
    list of list of str
        Lowercase tokens, one list per sentence.
    """
    if not isinstance(n_sentences, int) or n_sentences < 0:
        raise ValueError(f"n_sentences must be a non-negative integer, got {n_sentences!r}")
    rng = random.Random(seed)
    kinds = rng.choices(list(_KIND_WEIGHTS), weights=list(_KIND_WEIGHTS.values()), k=n_sentences)
    return [_MAKERS[kind](rng).split() for kind in kinds]


def write(path, n_sentences=DEFAULT_SENTENCES, seed=0):
    """Write the corpus to ``path``, one sentence per line, atomically.

    Returns
    -------
    int
        The number of tokens written.
    """
    sentences = generate(n_sentences, seed)
    with atomic_write(path, "w") as out:
        for sentence in sentences:
            out.write(" ".join(sentence) + "\n")
    return sum(len(sentence) for sentence in sentences)


def analogy_questions(section=None):
    """The planted analogy questions ``(a, b, c, d)``: a is to b as c is to d.

    Every ordered choice of two different pairs in a section gives one
    question, e.g. ("paris", "france", "berlin", "germany").

    Parameters
    ----------
    section : {"capitals", "gender", "plurals"} or None
        Only that section; None means all three, in that order.
    """
    if section is not None and section not in PLANTED:
        raise ValueError(f"unknown section {section!r}; expected one of {sorted(PLANTED)}")
    sections = [section] if section is not None else list(PLANTED)
    return [(first[0], first[1], second[0], second[1])
            for name in sections
            for first in PLANTED[name]
            for second in PLANTED[name] if second != first]


def write_questions(path):
    """Write the planted questions in the Google questions-words format.

    Each section starts with a ``: name`` line, then one ``a b c d`` line
    per question.
    """
    with atomic_write(path, "w") as out:
        for name in PLANTED:
            out.write(f": {name}\n")
            for question in analogy_questions(name):
                out.write(" ".join(question) + "\n")


# How alike the planted structure makes two words, on WordSim-353's 0-10 scale:
# pairs planted to share contexts score high, words that never meet score low.
_PAIR_SCORES = {"plural": 9.0, "capital": 8.5, "gender": 8.0, "same topic": 6.0,
                "two countries": 4.0, "other topics": 1.0}


def word_pairs(seed=0):
    """Word pairs scored by how alike the planted structure makes them: a similarity set.

    Singular and plural (9), country and capital (8.5), male and female
    partners (8), two words of one topic (6), two countries (4), words of
    different topics (1). It lets a lesson or a test run the word-pair
    evaluation on the synthetic corpus, where no human-scored set has words.

    Returns
    -------
    list of (str, str, float)
        The same list for the same seed.

    >>> pairs = word_pairs()
    >>> ("cat", "cats", 9.0) in pairs and ("france", "paris", 8.5) in pairs
    True
    """
    rng = random.Random(seed)
    pairs = [(singular, plural, _PAIR_SCORES["plural"]) for singular, plural in PLURALS]
    pairs += [(country, capital, _PAIR_SCORES["capital"]) for country, capital in CAPITALS.items()]
    pairs += [(male, female, _PAIR_SCORES["gender"]) for male, female in GENDER_PAIRS]
    topics = list(TOPICS)
    for index, name in enumerate(topics):
        words = rng.sample(TOPICS[name], 6)
        pairs += [(words[k], words[k + 1], _PAIR_SCORES["same topic"]) for k in (0, 2, 4)]
        other = TOPICS[topics[(index + 1) % len(topics)]]
        pairs += [(word, rng.choice(other), _PAIR_SCORES["other topics"]) for word in words[:3]]
    countries = list(CAPITALS)
    pairs += [(*rng.sample(countries, 2), _PAIR_SCORES["two countries"]) for _ in range(10)]
    return pairs


def write_word_pairs(path, seed=0):
    """Write ``word_pairs`` as a tab-separated word-pair set (WordSim-353's layout)."""
    with atomic_write(path, "w") as out:
        out.write("# Word pairs of the synthetic corpus, scored by its planted structure\n")
        out.write("# Word 1\tWord 2\tScore (0-10)\n")
        for first, second, score in word_pairs(seed):
            out.write(f"{first}\t{second}\t{score:.2f}\n")
