"""A subword model answers words outside its vocabulary: in the benchmarks (``oov="ngrams"``)
and in ``wordvec neighbors`` / ``analogy`` (issue 18, "Vectors that answer any word" and
"Evaluation with unseen words").

The expected values are computed here from the n-grams and the hash directly, not through
``SubwordVectors``: an unseen word's vector is the mean of its n-gram rows.
"""
import re

import numpy as np
import pytest

from wordvec.cli import main
from wordvec.cli.query import known_form
from wordvec.errors import UnknownWordError
from wordvec.evaluation import (evaluate_analogies, evaluate_categorization, evaluate_outliers,
                                evaluate_suite, evaluate_word_pairs, format_table)
from wordvec.evaluation.suite import evaluate_models, format_models_table
from wordvec.text.subwords import char_ngrams, fnv1a
from wordvec.vectors import KeyedVectors, SubwordVectors
from wordvec.vectors.keyedvectors import cosine

WORDS = ["the", "here", "there", "where", "when", "then", "king", "queen", "man", "woman",
         "kingdom", "ox"]
BUCKET = 97


def subword_model(minn=3, maxn=6, seed=0):
    rng = np.random.default_rng(seed)
    matrix = rng.normal(size=(len(WORDS) + BUCKET, 8)).astype(np.float32)
    return SubwordVectors(matrix, WORDS, minn=minn, maxn=maxn, bucket=BUCKET)


def ngram_mean(wv, word):
    """The mean of ``word``'s n-gram rows, from the hash itself (row = nwords + hash % bucket)."""
    rows = [len(wv) + fnv1a(gram) % wv.bucket for gram in char_ngrams(word, wv.minn, wv.maxn)]
    assert rows, f"{word!r} has no n-gram"
    return wv.input_matrix[rows].astype(np.float64).mean(axis=0)


def unit(vector):
    vector = np.asarray(vector, np.float64)
    return vector / np.linalg.norm(vector)


def write(path, text):
    path.write_text(text)
    return path


# ---------------------------------------------------------------- similarity

def test_an_unseen_words_similarity_is_the_cosine_of_its_ngram_mean():
    wv = subword_model()
    expected = cosine(ngram_mean(wv, "wherever"), wv.vectors[wv.key_to_index["here"]])
    assert wv.similarity("wherever", "here") == pytest.approx(expected, rel=1e-5)
    assert len(char_ngrams("wherever", 3, 6)) == 8 + 7 + 6 + 5   # of "<wherever>", n = 3..6
    assert wv.built_from_ngrams("wherever") and not wv.built_from_ngrams("here")


def test_ngrams_mode_answers_the_pairs_skip_leaves_out_and_counts_them(tmp_path):
    # minn 4: "a" has no n-gram at all ("<a>" is 3 characters), so its pair stays out.
    wv = subword_model(minn=4)
    pairs = write(tmp_path / "pairs.tsv", "here\tthere\t5\nwherever\there\t7\nking\tKINGLY\t6\n"
                                          "man\twoman\t4\nman\ta\t2\nqueen\tkingdom\t1\n")
    skip = evaluate_word_pairs(wv, pairs, n_resamples=None)
    ngrams = evaluate_word_pairs(wv, pairs, n_resamples=None, oov="ngrams")
    assert (skip.answered, skip.oov, skip.answered_from_ngrams, skip.oov_mode) == (3, 3, 0, "skip")
    # wherever and KINGLY come from their n-grams; "a" has none
    assert (ngrams.answered, ngrams.oov, ngrams.answered_from_ngrams, ngrams.oov_mode) == (
        5, 1, 2, "ngrams")
    by_line = {record.line_no: record for record in ngrams.records}
    here = wv.vectors[wv.key_to_index["here"]]
    assert by_line[2].from_ngrams and by_line[2].model == pytest.approx(
        cosine(ngram_mean(wv, "wherever"), here), rel=1e-5)
    # case folded: the n-grams are those of "kingly", as Facebook's scripts lowercase RW
    assert by_line[3].model == pytest.approx(
        cosine(wv.vectors[wv.key_to_index["king"]], ngram_mean(wv, "kingly")), rel=1e-5)
    assert by_line[5].model is None and not by_line[5].from_ngrams
    assert [r.model for r in skip.records if r.model is not None] == [
        r.model for r in ngrams.records if r.model is not None and not r.from_ngrams]
    assert "2 through n-grams" in str(ngrams)


def test_a_vocabulary_word_beyond_restrict_vocab_keeps_its_own_vector_in_ngrams_mode(tmp_path):
    wv = subword_model()
    pairs = write(tmp_path / "pairs.tsv", "the\tkingdom\t3\nthe\there\t4\nhere\tthen\t2\n")
    result = evaluate_word_pairs(wv, pairs, restrict_vocab=6, oov="ngrams", n_resamples=None)
    first = result.records[0]
    the, kingdom = (wv.vectors[wv.key_to_index[w]] for w in ("the", "kingdom"))
    assert first.from_ngrams and first.model == pytest.approx(cosine(the, kingdom), rel=1e-6)
    assert (result.answered, result.answered_from_ngrams) == (3, 1)


def test_a_word_with_no_ngram_is_an_error_not_a_zero_vector(capsys):
    wv = subword_model(minn=4)
    with pytest.raises(UnknownWordError):   # NoNgramsError, a KeyError
        wv["a"]
    with pytest.raises(UnknownWordError) as caught:
        known_form(wv, "a")
    message = str(caught.value)
    assert "no vector can be built from its n-grams" in message
    assert "n-grams would have 4 to 6 characters, and '<a>' has 3" in message


def test_skip_mode_is_unchanged_by_a_subword_model(tmp_path):
    wv = subword_model()
    plain = KeyedVectors(wv.vectors, wv.index_to_key)
    write(tmp_path / "pairs.tsv", "here\tthere\t5\nwherever\there\t7\nman\twoman\t4\n"
                                  "queen\tking\t8\nthe\tthen\t1\n")
    write(tmp_path / "questions.txt", ": s\nman woman king queen\nhere there when then\n"
                                      "man woman kingly queen\n")
    suites = [evaluate_suite(kv, tmp_path, n_resamples=200) for kv in (wv, plain)]
    assert [(r.value, r.ci, r.answered, r.oov, r.oov_mode, r.from_ngrams) for r in suites[0]] \
        == [(r.value, r.ci, r.answered, r.oov, r.oov_mode, r.from_ngrams) for r in suites[1]]
    # a word-level model asked for n-grams skips, and says which mode it applied
    asked = evaluate_suite(plain, tmp_path, n_resamples=200, oov="ngrams")
    assert [(r.value, r.answered, r.oov_mode) for r in asked] == [
        (r.value, r.answered, r.oov_mode) for r in suites[1]]
    assert {r.oov_mode for r in asked} == {"skip"}
    with pytest.raises(ValueError, match="oov must be one of 'skip', 'ngrams'"):
        evaluate_suite(wv, tmp_path, oov="guess")


# ------------------------------------------------------------------- analogies

def test_an_analogy_with_an_unseen_query_word(tmp_path):
    wv = subword_model()
    # By hand, 3CosAdd over unit vectors: unit(b) + unit(c) - unit(a), the vocabulary's
    # words minus the two known query words; "kingly" is none of the candidates.
    normed = wv.get_normed_vectors().astype(np.float64)
    rows = {w: wv.key_to_index[w] for w in ("man", "woman")}
    query = normed[rows["woman"]] + unit(ngram_mean(wv, "kingly")) - normed[rows["man"]]
    scores = normed @ unit(query)
    scores[list(rows.values())] = -np.inf
    answer = wv.index_to_key[int(scores.argmax())]
    assert wv.most_similar(positive=["woman", "kingly"], negative=["man"], topn=1)[0][0] == answer
    path = write(tmp_path / "questions.txt", f": s\nman woman king queen\nman woman kingly "
                                             f"{answer}\nman woman king queenly\n"
                                             "man woman kingx queenly\n")
    skip = evaluate_analogies(wv, path)
    ngrams = evaluate_analogies(wv, path, oov="ngrams")
    assert (skip.answered, skip.answered_from_ngrams) == (1, 0)
    # the unseen answer "queenly" is no candidate: those two stay skipped in both modes
    assert (ngrams.answered, ngrams.skipped, ngrams.answered_from_ngrams) == (2, 2, 1)
    second = ngrams.questions[1]
    assert (second.answered, second.predicted, second.correct, second.from_ngrams) == (
        True, answer, True, True)
    assert ngrams.questions[0].predicted == skip.questions[0].predicted
    assert ngrams.correct == skip.correct + 1
    with_dummies = evaluate_analogies(wv, path, oov="ngrams", dummy4unknown=True)
    assert with_dummies.total.scored == 4 and with_dummies.correct == ngrams.correct


def test_categorization_and_outliers_count_their_ngram_words(tmp_path):
    wv = subword_model()
    categories = write(tmp_path / "cats.csv", ",category,word\n0,royal,king\n1,royal,queen\n"
                                              "2,royal,kingly\n3,place,here\n4,place,there\n"
                                              "5,place,wherever\n")
    skip = evaluate_categorization(wv, categories, n_resamples=None)
    ngrams = evaluate_categorization(wv, categories, n_resamples=None, oov="ngrams")
    assert (skip.answered, len(skip.missing), skip.answered_from_ngrams) == (4, 2, 0)
    assert (ngrams.answered, ngrams.missing, ngrams.answered_from_ngrams) == (6, [], 2)
    outliers = write(tmp_path / "odd.csv", ",category,outliers,words\n"
                                           "0,royal,\"['here', 'wherever']\",\"['king', "
                                           "'queen', 'kingly']\"\n")
    assert evaluate_outliers(wv, outliers).answered == 0       # "kingly" is unknown
    found = evaluate_outliers(wv, outliers, oov="ngrams")
    assert (found.cases, found.answered, found.answered_from_ngrams) == (2, 2, 2)


# ---------------------------------------------------------------------- tables

def test_the_tables_say_which_mode_and_how_many_from_ngrams(tmp_path):
    wv = subword_model()
    write(tmp_path / "pairs.tsv", "here\tthere\t5\nwherever\there\t7\nman\twoman\t4\n")
    skipped = format_table(evaluate_suite(wv, tmp_path, n_resamples=100)).splitlines()
    assert "from n-grams" not in skipped[0]
    assert skipped[-1].startswith("unseen words: skipped, the default, comparable across models")
    table = format_table(evaluate_suite(wv, tmp_path, n_resamples=100, oov="ngrams"))
    *lines, note = table.splitlines()
    assert lines[0].split()[-3:] == ["OOV", "from", "n-grams"]
    assert re.search(r"^pairs +word-pairs +spearman .* 3/3 +0 \(0\.0%\) +1$", table, re.M)
    assert note.startswith("unseen words (--oov ngrams): answered from their n-grams;")

    plain = KeyedVectors(wv.vectors, wv.index_to_key)
    rows = evaluate_models({"ft": wv, "sg": plain}, tmp_path, n_resamples=100, oov="ngrams")
    *lines, note = format_models_table(rows).splitlines()
    cells = {tuple(line.split()[:2]): line.split()[2:] for line in lines[2:]}
    assert cells[("pairs", "answered")] == ["3/3", "2/3"]
    assert cells[("pairs", "from")] == ["n-grams", "1", "-"]
    assert "answered from their n-grams by ft, skipped by sg (no n-grams)" in note


# ------------------------------------------------------------- command line

@pytest.fixture(params=["ft.bin", "ft.npz"])
def subword_file(request, tmp_path):
    """The model saved as fastText's .bin and as our .npz: both load as SubwordVectors."""
    path = tmp_path / request.param
    subword_model().save(path)
    assert isinstance(KeyedVectors.load(path), SubwordVectors)
    return str(path)


def test_neighbors_takes_an_unseen_word_and_says_so_once(subword_file, capsys):
    assert main(["neighbors", subword_file, "wherever", "here", "wherever", "--topn", "3"]) == 0
    captured = capsys.readouterr()
    note = "'wherever' is not in the vocabulary: its vector is the mean of its 26 n-grams"
    assert captured.err.count(note) == 1
    expected = subword_model().most_similar("wherever", topn=3)
    block = captured.out.split("nearest to wherever:\n")[1].split("\n\n")[0].splitlines()
    assert [line.split()[1] for line in block] == [word for word, _ in expected]


def test_analogy_takes_an_unseen_word(subword_file, capsys):
    assert main(["analogy", subword_file, "man", "woman", "kingly", "--topn", "2"]) == 0
    captured = capsys.readouterr()
    assert "'kingly' is not in the vocabulary: its vector is the mean of its" in captured.err
    lines = captured.out.splitlines()
    assert lines[0].startswith("man : woman :: kingly : ?")
    expected = subword_model().most_similar(positive=["woman", "kingly"], negative=["man"],
                                            topn=2)
    assert [line.split()[1] for line in lines[1:]] == [word for word, _ in expected]


def test_a_word_without_ngrams_is_an_unknown_word_on_the_command_line(tmp_path, capsys):
    path = tmp_path / "ft4.bin"
    subword_model(minn=4).save(path)
    assert main(["neighbors", str(path), "a"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("wordvec: word 'a' is not in the vocabulary, and no vector can be "
                          "built from its n-grams") and "Traceback" not in err


def test_eval_oov_ngrams(subword_file, tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("WORDVEC_DATA", raising=False)
    pairs = write(tmp_path / "pairs.tsv", "here\tthere\t5\nwherever\there\t7\nman\twoman\t4\n")
    assert main(["eval", subword_file, "--benchmark", str(pairs), "--resamples", "100"]) == 0
    out = capsys.readouterr().out
    assert "a subword model (n-grams of 3-6 characters in 97 rows; unseen words skipped" in out
    assert re.search(r"^pairs +word-pairs +spearman .* 2/3 +1 \(33\.3%\)$", out, re.M)
    assert out.rstrip().endswith("answers them from a subword model's n-grams)")
    assert main(["eval", subword_file, "--benchmark", str(pairs), "--resamples", "100",
                 "--oov", "ngrams"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^pairs +word-pairs +spearman .* 3/3 +0 \(0\.0%\) +1$", out, re.M)
    assert "unseen words (--oov ngrams): answered from their n-grams;" in out
