"""Categorization: do the vectors group words as people do?

A categorization set lists words with their category (Almuhareb and Poesio's
AP: 402 words in 21 categories, ``illness: acne, anthrax, ...``). The words'
vectors are clustered into k groups, k the number of categories, and the
clusters are scored by their *purity*: each cluster is labelled with the
category most of its words have, and purity is the share of words whose
cluster's label is their own category (Manning, Raghavan and Schütze 2008,
section 16.3). 1 is perfect; putting every word in one cluster scores the
share of the largest category.

Three clusterings, each reported, k-means the default:

* ``kmeans``: Lloyd's algorithm on the unit vectors, k-means++ starts, 10
  restarts from one seed, the lowest inertia kept;
* ``ward``: agglomerative, Ward's linkage on the unit vectors (scipy);
* ``average``: agglomerative, average linkage on cosine distances (scipy).

word-embeddings-benchmarks reports the best of six such runs, which flatters
every model; here each method has its own row.

The interval is a percentile bootstrap over the words, the clusters and
their labels held fixed: purity is then the mean of one 0-or-1 per word (is
its cluster labelled with its category?), and the interval says how much the
score owes to which words the set happens to hold. (Relabelling the clusters
on every resample would bias the resamples upwards: a small resample's
majorities fit it better.) A word the model does not know is left out and counted (never given
the mean vector); a multi-word entry (``lapis lazuli``, ``Mercedes_Benz``)
that the vocabulary lacks gets the mean of its parts' unit vectors when every
part is known, and is missing otherwise. Words are looked up as written, then
in lower case. With ``oov="ngrams"`` a subword model gives a word the
vocabulary lacks the vector of its n-grams (``unseen.py``), and
``answered_from_ngrams`` counts those words.

Example
-------
>>> import numpy as np
>>> labels, categories = np.array([0, 0, 0, 1, 1, 1]), np.array([0, 0, 1, 1, 1, 1])
>>> purity(labels, categories)      # cluster 0: 2 of 3 right, cluster 1: 3 of 3
0.8333333333333334
"""
from dataclasses import dataclass, field

import numpy as np

from ..errors import BenchmarkFileError
from .benchmark_files import find_benchmark, read_csv_rows
from .stats import bootstrap_interval
from .unseen import DEFAULT_OOV, unseen_words

METHODS = ("kmeans", "ward", "average")
DEFAULT_METHOD = "kmeans"
RESTARTS = 10
MAX_ITERATIONS = 300


@dataclass
class CategorizationResult:
    """Purity of each clustering of one categorization set."""

    name: str
    items: int                      # rows of the set (word, category)
    answered: int                   # rows whose word has a vector
    categories: int
    missing: list = field(default_factory=list)      # words with no vector
    purity_by_method: dict = field(default_factory=dict)   # method -> (purity, (low, high))
    oov_mode: str = DEFAULT_OOV     # "skip", or "ngrams" if a subword model answered unseen words
    answered_from_ngrams: int = 0   # words outside the vocabulary given their n-grams' vector

    @property
    def purity(self):
        """The default method's purity (k-means)."""
        return self.purity_by_method[DEFAULT_METHOD][0]

    def __str__(self):
        parts = ", ".join(f"{method} {value:.3f}" + (f" [{ci[0]:.3f}, {ci[1]:.3f}]" if ci else "")
                          for method, (value, ci) in self.purity_by_method.items())
        return (f"{self.name}: purity {parts}; {self.answered:,} of {self.items:,} words "
                f"({len(self.missing):,} unknown), {self.categories} categories")


def read_categories(path):
    """[(word, category)] of a ``,category,word`` CSV, empty rows dropped; errors name the row."""
    path, rows = read_csv_rows(path, ("category", "word"), "categorization")
    items = []
    for number, (category, word) in rows:
        if not word:
            continue   # a conversion artefact of the published files
        if not category:
            raise BenchmarkFileError(f"{path}: line {number}: the word {word!r} has no category")
        items.append((word, category))
    counts = {}
    for _, category in items:
        counts[category] = counts.get(category, 0) + 1
    lonely = [category for category, count in counts.items() if count < 2]
    if lonely:
        raise BenchmarkFileError(f"{path}: the category {lonely[0]!r} has one word: a category "
                                 "needs at least two for clustering to mean anything")
    if len(counts) < 2:
        raise BenchmarkFileError(f"{path}: expected words of at least 2 categories")
    return items


def word_vector(kv, word, unseen=None):
    """The unit vector of ``word`` (as written, then lower case), or of a multi-word entry
    the mean of its parts' unit vectors when all have one, made unit; None if there is none.

    With ``unseen`` (``unseen.UnseenWords``: ``oov="ngrams"``), a one-word entry, or a
    part, that the vocabulary lacks takes the unit vector of its n-grams."""
    normed = kv.get_normed_vectors()
    for form in (word, word.lower()):
        if form in kv.key_to_index:
            return normed[kv.key_to_index[form]]
    parts = word.replace("_", " ").split()
    if len(parts) > 1:
        vectors = [word_vector(kv, part, unseen) for part in parts]
        if all(vector is not None for vector in vectors):
            mean = np.mean(vectors, axis=0)
            length = np.linalg.norm(mean)
            return mean / length if length > 0 else None
        return None
    return unseen.unit_vector(word) if unseen is not None else None


def purity(labels, categories):
    """Share of items whose cluster's majority category is their own (integer arrays)."""
    return float(right_by_majority(labels, categories).mean())


def right_by_majority(labels, categories):
    """For each item, whether its category is its cluster's majority category (ties: the
    lowest category number)."""
    table = np.zeros((labels.max() + 1, categories.max() + 1), np.int64)
    np.add.at(table, (labels, categories), 1)
    return categories == table.argmax(axis=1)[labels]


def kmeans(vectors, k, seed=0, restarts=RESTARTS):
    """Cluster labels of the rows of ``vectors`` by k-means (k-means++ starts, best of restarts)."""
    rng = np.random.default_rng(seed)
    squared = (vectors ** 2).sum(axis=1)
    best_labels, best_inertia = None, np.inf
    for _ in range(restarts):
        centres = _kmeans_plus_plus(vectors, squared, k, rng)
        labels = None
        for _ in range(MAX_ITERATIONS):
            distances = squared[:, None] - 2 * vectors @ centres.T + (centres ** 2).sum(axis=1)
            new = distances.argmin(axis=1)
            if labels is not None and np.array_equal(new, labels):
                break
            labels = new
            for j in range(k):
                members = vectors[labels == j]
                # An emptied cluster restarts at the point furthest from its centre.
                centres[j] = members.mean(axis=0) if len(members) else \
                    vectors[distances[np.arange(len(vectors)), labels].argmax()]
        inertia = distances[np.arange(len(vectors)), labels].sum()
        if inertia < best_inertia:
            best_labels, best_inertia = labels, inertia
    return best_labels


def _kmeans_plus_plus(vectors, squared, k, rng):
    """k starting centres, each drawn with probability proportional to its squared distance
    from the nearest centre already chosen (Arthur and Vassilvitskii 2007)."""
    centres = [vectors[rng.integers(len(vectors))]]
    nearest = squared - 2 * vectors @ centres[0] + centres[0] @ centres[0]
    for _ in range(1, k):
        weights = np.maximum(nearest, 0)
        pick = rng.choice(len(vectors), p=weights / weights.sum()) if weights.sum() > 0 \
            else rng.integers(len(vectors))
        centres.append(vectors[pick])
        nearest = np.minimum(nearest, squared - 2 * vectors @ vectors[pick]
                             + vectors[pick] @ vectors[pick])
    return np.array(centres, dtype=np.float64)


def cluster(vectors, k, method=DEFAULT_METHOD, seed=0):
    """Cluster labels (0..k-1) of the rows of ``vectors`` by ``method`` (see the module)."""
    if method == "kmeans":
        return kmeans(vectors, k, seed)
    from scipy.cluster.hierarchy import fcluster, linkage

    if method == "ward":
        tree = linkage(vectors, method="ward")
    elif method == "average":
        tree = linkage(vectors, method="average", metric="cosine")
    else:
        raise ValueError(f"unknown clustering {method!r}; expected one of {METHODS}")
    return fcluster(tree, k, criterion="maxclust") - 1


def evaluate_categorization(kv, path, methods=METHODS, n_resamples=1000, seed=0,
                            oov=DEFAULT_OOV):
    """Cluster a categorization set's words and score each clustering's purity.

    Parameters
    ----------
    kv : KeyedVectors
    path : str or Path
        A ``,category,word`` CSV, or its name in the data (``ap``, ``bless``, ...).
    methods : tuple of str
        Which clusterings (``METHODS``); k-means is the default score.
    n_resamples : int or None
        Bootstrap resamples of the words for each interval (None: no interval).
    oov : "skip" or "ngrams"
        A word the vocabulary lacks: left out (the default, comparable with
        word-level models), or, for a subword model, clustered with its
        n-grams' vector (a word-level model leaves it out even so).

    Returns
    -------
    CategorizationResult
    """
    items = read_categories(path)
    name = find_benchmark(path, "categorization").stem
    names = sorted({category for _, category in items})
    mode, unseen = unseen_words(kv, oov, case_insensitive=True)
    vectors, categories, missing = [], [], []
    from_ngrams = 0
    for word, category in items:
        vector = word_vector(kv, word, unseen)
        if vector is None:
            missing.append(word)
        else:
            vectors.append(vector)
            categories.append(names.index(category))
            from_ngrams += unseen is not None and word_vector(kv, word) is None
    result = CategorizationResult(name, len(items), len(vectors), len(names), missing,
                                  oov_mode=mode, answered_from_ngrams=from_ngrams)
    if len(vectors) < len(names):
        for method in methods:
            result.purity_by_method[method] = (float("nan"), None)
        return result
    vectors = np.asarray(vectors, dtype=np.float64)
    categories = np.asarray(categories)
    for method in methods:
        right = right_by_majority(cluster(vectors, len(names), method, seed), categories)
        interval = bootstrap_interval(lambda rows: right[rows].mean(), len(right),
                                      n_resamples, seed) if n_resamples else None
        result.purity_by_method[method] = (float(right.mean()), interval)
    return result
