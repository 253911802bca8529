"""Categorization: purity of clusters against categories (issue 21)."""
import os
from pathlib import Path

import numpy as np
import pytest

from wordvec import KeyedVectors
from wordvec.errors import BenchmarkFileError
from wordvec.evaluation.categorization import (cluster, evaluate_categorization, kmeans,
                                               purity, read_categories, word_vector)
from wordvec.evaluation.suite import benchmark_kind, evaluate_suite

DATA = os.environ.get("WORDVEC_DATA")


def write_csv(path, rows):
    path.write_text(",category,word\n" + "".join(f"{i},{c},{w}\n" for i, (c, w) in
                                                  enumerate(rows)), encoding="utf-8")
    return path


def toy_vectors():
    # a1-a3 near (1, 0), b1 and b2 near (0, 1); b3 is a "b" that the model puts among the a's.
    words = ["a1", "a2", "a3", "b1", "b2", "b3", "lapis", "lazuli"]
    vectors = np.array([[1, 0.05], [1, -0.05], [0.98, 0.1], [0.05, 1], [-0.05, 1], [1, 0.02],
                        [0.3, 0.2], [0.2, 0.3]], np.float32)
    return KeyedVectors(vectors, words)


def test_purity_by_hand():
    # Two clusters: {a1, a2, a3, b3} labelled a (3 of 4 right), {b1, b2} labelled b (2 of 2).
    labels = np.array([0, 0, 0, 1, 1, 0])
    categories = np.array([0, 0, 0, 1, 1, 1])
    assert purity(labels, categories) == pytest.approx(5 / 6)
    assert purity(np.zeros(6, int), categories) == 0.5    # one cluster: the largest category


def test_kmeans_purity_equals_the_hand_computed_example(tmp_path):
    path = write_csv(tmp_path / "toy.csv", [("a", "a1"), ("a", "a2"), ("a", "a3"),
                                           ("b", "b1"), ("b", "b2"), ("b", "b3")])
    result = evaluate_categorization(toy_vectors(), path)
    # k-means with k = 2 finds {a1, a2, a3, b3} and {b1, b2}: purity 5/6, for every method.
    for method, (value, (low, high)) in result.purity_by_method.items():
        assert value == pytest.approx(5 / 6), method
        assert low <= value <= high
    assert result.purity == pytest.approx(5 / 6) and result.answered == 6 == result.items


def test_missing_words_are_counted_and_multi_words_use_their_parts(tmp_path):
    kv = toy_vectors()
    path = write_csv(tmp_path / "toy.csv", [("a", "a1"), ("a", "A2"), ("a", "nowhere"),
                                           ("b", "b1"), ("b", "lapis lazuli"),
                                           ("b", "lapis_unknown")])
    result = evaluate_categorization(kv, path, methods=("kmeans",))
    assert result.missing == ["nowhere", "lapis_unknown"] and result.answered == 4
    mean = kv.get_normed_vectors()[[6, 7]].mean(axis=0)
    assert np.allclose(word_vector(kv, "lapis lazuli"), mean / np.linalg.norm(mean))
    assert np.allclose(word_vector(kv, "A2"), kv.get_normed_vectors()[1])     # lower case too
    assert word_vector(kv, "lapis_unknown") is None


@pytest.mark.parametrize("text,message", [
    ("index,word\n0,x\n", "line 1: expected the header ',category,word'"),
    (",category,word\n0,a,x\n1,a\n", "line 3: expected 3 columns"),
    (",category,word\n0,a,x\n1,a,y\n2,b,z\n", "the category 'b' has one word"),
    (",category,word\n0,,x\n", "line 2: the word 'x' has no category"),
])
def test_bad_files_name_the_line(tmp_path, text, message):
    path = tmp_path / "bad.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BenchmarkFileError, match=message):
        read_categories(path)


def test_empty_rows_are_dropped(tmp_path):
    path = tmp_path / "gaps.csv"
    path.write_text(",category,word\n0,a,x\n1,a,\n2,a,y\n3,b,z\n4,b,w\n", encoding="utf-8")
    assert read_categories(path) == [("x", "a"), ("y", "a"), ("z", "b"), ("w", "b")]


def test_the_suite_scores_each_clustering_with_coverage(tmp_path):
    folder = tmp_path / "eval"
    (folder / "categorization").mkdir(parents=True)
    write_csv(folder / "categorization" / "toy.csv",
              [("a", "a1"), ("a", "a2"), ("b", "b1"), ("b", "b2"), ("b", "zzz")])
    assert benchmark_kind(folder / "categorization" / "toy.csv") == "categorization"
    rows = evaluate_suite(toy_vectors(), folder)
    assert [(r.name, r.kind, r.metric) for r in rows] == [
        ("toy", "categorization", f"purity ({m})") for m in ("kmeans", "ward", "average")]
    assert all((r.answered, r.total, r.oov) == (4, 5, 1) and r.ci is not None for r in rows)


def test_kmeans_restarts_keep_the_tightest_clustering():
    rng = np.random.default_rng(0)
    centres = np.array([[5, 0], [0, 5], [-5, -5]])
    points = np.vstack([c + rng.normal(scale=0.3, size=(30, 2)) for c in centres])
    labels = kmeans(points, 3, seed=4)
    truth = np.repeat([0, 1, 2], 30)
    assert purity(labels, truth) == 1.0
    assert sorted(np.bincount(cluster(points, 3, "ward"))) == [30, 30, 30]


@pytest.mark.skipif(not DATA, reason="set WORDVEC_DATA to the shared data folder")
def test_an_independent_kmeans_agrees_within_the_spread_of_seeds():
    sklearn_cluster = pytest.importorskip("sklearn.cluster")
    from corpora import registry
    from w2v import SkipGram
    from wordvec import Corpus

    tokens = []
    for sentence in Corpus(Path(DATA) / "corpora" / "wiki17m.txt.xz", normalizer="none",
                           max_sentence_length=1000):
        tokens.append(sentence)
        if sum(map(len, tokens)) >= 1_500_000:
            break
    kv = SkipGram(dim=50, epochs=3, workers=2, seed=1, verbose=False).fit(tokens).wv
    items = read_categories(registry.find("ap"))
    known = [(word, c) for word, c in items if word_vector(kv, word) is not None]
    vectors = np.array([word_vector(kv, word) for word, _ in known], np.float64)
    names = sorted({c for _, c in known})
    truth = np.array([names.index(c) for _, c in known])
    ours = [purity(kmeans(vectors, len(names), seed=seed), truth) for seed in range(5)]
    theirs = [purity(sklearn_cluster.KMeans(len(names), n_init=10, random_state=seed)
                     .fit_predict(vectors), truth) for seed in range(5)]
    spread = max(max(ours) - min(ours), max(theirs) - min(theirs))
    print(f"\nAP, {len(known)} words: ours {np.round(ours, 3)}, scikit-learn {np.round(theirs, 3)}")
    assert abs(np.mean(ours) - np.mean(theirs)) <= spread + 0.01


def test_a_gzipped_set_is_read_as_the_suite_finds_it(tmp_path):
    import gzip

    with gzip.open(tmp_path / "toy.csv.gz", "wt", encoding="utf-8") as out:
        out.write(",category,word\n0,a,a1\n1,a,a2\n2,b,b1\n3,b,b2\n")
    assert benchmark_kind(tmp_path / "toy.csv.gz") == "categorization"
    assert evaluate_categorization(toy_vectors(), tmp_path / "toy.csv.gz").purity == 1.0
