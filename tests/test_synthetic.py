"""The synthetic demo corpus: determinism, coverage, and its questions file."""
import re
from collections import Counter

import pytest

from corpora import synthetic


@pytest.fixture(scope="module")
def default_corpus():
    return synthetic.generate()


def planted_words():
    words = {word for pairs in synthetic.PLANTED.values() for pair in pairs for word in pair}
    words |= set(synthetic.DEMONYMS.values())
    words |= {word for topic in synthetic.TOPICS.values() for word in topic}
    return words


def test_same_seed_same_corpus():
    assert synthetic.generate(2000, seed=3) == synthetic.generate(2000, seed=3)


def test_different_seeds_differ():
    assert synthetic.generate(2000, seed=0) != synthetic.generate(2000, seed=1)


def test_sentences_are_lowercase_tokens(default_corpus):
    token = re.compile(r"[a-z]+")
    assert all(sentence for sentence in default_corpus)
    assert all(token.fullmatch(word) for sentence in default_corpus for word in sentence)


def test_default_size_is_a_demo_corpus(default_corpus):
    tokens = sum(len(sentence) for sentence in default_corpus)
    assert len(default_corpus) == synthetic.DEFAULT_SENTENCES
    assert 1_000_000 <= tokens <= 2_000_000


def test_every_planted_word_reaches_min_count(default_corpus):
    counts = Counter(word for sentence in default_corpus for word in sentence)
    rare = {word: counts[word] for word in planted_words() if counts[word] < 5}
    assert not rare, f"planted words seen fewer than 5 times: {rare}"


def test_sections_do_not_share_words():
    # A word planted in two roles would blur both relations.
    groups = [{word for pair in pairs for word in pair} for pairs in synthetic.PLANTED.values()]
    groups += [set(synthetic.DEMONYMS.values())] + [set(words) for words in synthetic.TOPICS.values()]
    assert sum(len(group) for group in groups) == len(set().union(*groups))


def test_analogy_questions_are_planted_pairs():
    questions = synthetic.analogy_questions()
    for example in [("paris", "france", "berlin", "germany"),
                    ("king", "queen", "man", "woman"), ("cat", "cats", "dog", "dogs")]:
        assert example in questions
    n_capitals = len(synthetic.CAPITALS)
    assert len(synthetic.analogy_questions("capitals")) == n_capitals * (n_capitals - 1)
    assert all(a != c for a, _, c, _ in questions)
    with pytest.raises(ValueError, match="unknown section 'family'"):
        synthetic.analogy_questions("family")


def test_questions_file_format(tmp_path, default_corpus):
    path = tmp_path / "questions.txt"
    synthetic.write_questions(path)
    vocabulary = {word for sentence in default_corpus for word in sentence}
    sections, questions = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith(": "):
            sections.append(line[2:])
        else:
            words = line.split(" ")
            assert len(words) == 4 and set(words) <= vocabulary, line
            questions.append(tuple(words))
    assert sections == ["capitals", "gender", "plurals"]
    assert questions == synthetic.analogy_questions()


def test_write_matches_generate(tmp_path):
    path = tmp_path / "corpus" / "synthetic.txt"
    n_tokens = synthetic.write(path, n_sentences=500, seed=7)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [line.split(" ") for line in lines] == synthetic.generate(500, seed=7)
    assert n_tokens == sum(len(line.split()) for line in lines)


def test_bad_size_is_rejected():
    with pytest.raises(ValueError, match="n_sentences"):
        synthetic.generate(-1)


def test_gensim_learns_the_planted_analogies(tmp_path):
    # The generator's purpose, checked with an independent trainer: a small
    # corpus (20k sentences) is enough for capitals and gender.
    gensim_models = pytest.importorskip("gensim.models")
    model = gensim_models.Word2Vec(synthetic.generate(20_000, seed=1), sg=1, vector_size=50,
                                   window=5, negative=5, min_count=5, epochs=5, workers=1, seed=1)
    questions = tmp_path / "questions.txt"
    synthetic.write_questions(questions)
    _, sections = model.wv.evaluate_word_analogies(str(questions))
    accuracy = {section["section"]: len(section["correct"])
                / (len(section["correct"]) + len(section["incorrect"])) for section in sections}
    assert accuracy["capitals"] >= 0.8 and accuracy["gender"] >= 0.8, accuracy
