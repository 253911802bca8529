"""O(1) sampling from a discrete distribution: Walker's alias method.

Negative sampling draws ~30 noise words per training pair, so the draw must
be cheap. word2vec.c fills a 100-million-entry table (400 MB) with word ids
in proportion to their probability; gensim binary-searches a cumulative
table (O(log V)). The alias method is exact, O(1), and needs only two arrays
of V entries (under 1 MB for 70,000 words, so they stay in cache).

How it works: scale the probabilities so their mean is 1 and picture V
columns, one per word. Each column is filled to height 1 with its own word
(height ``prob[i]``) and, above that, with one other word ``alias[i]``. To draw,
pick a column uniformly, then a height: below ``prob[i]`` gives ``i``, above
gives ``alias[i]``.

>>> prob, alias = alias_table(np.array([0.5, 0.25, 0.25]))
>>> prob.tolist(), alias.tolist()
([1.0, 0.75, 0.75], [0, 0, 0])
"""
import numpy as np

from .jit import kernel
from .rng import below


def alias_table(probabilities):
    """Build ``(prob, alias)`` (float64 and int32 arrays of length V) in O(V)."""
    weights = np.asarray(probabilities, dtype=np.float64)
    if weights.ndim != 1 or len(weights) == 0 or np.any(weights < 0) or weights.sum() <= 0:
        raise ValueError("alias_table needs a non-empty 1-D array of non-negative weights")
    size = len(weights)
    scaled = weights * (size / weights.sum())  # mean 1: a full column has height 1
    prob = np.ones(size, dtype=np.float64)
    alias = np.arange(size, dtype=np.int32)
    small = [i for i in range(size) if scaled[i] < 1.0]
    large = [i for i in range(size) if scaled[i] >= 1.0]
    while small and large:
        short, tall = small.pop(), large.pop()
        prob[short] = scaled[short]
        alias[short] = tall          # the tall word tops up the short column...
        scaled[tall] -= 1.0 - scaled[short]  # ...and gives away that much height
        (small if scaled[tall] < 1.0 else large).append(tall)
    # Whatever is left is 1 up to rounding error: a full column of its own word.
    return prob, alias


@kernel
def alias_draw(prob, alias, value):
    """One sample from 64 random bits: the high 32 pick the column, the low
    bits the height (independent enough for sampling noise words)."""
    column = below(value, prob.shape[0])
    height = np.float64(value & np.uint64(0xFFFFFFFF)) * (1.0 / 4294967296.0)
    # Both candidates are loaded before the choice, so the compiler picks
    # with a conditional move: as a branch, the CPU mispredicted it about
    # as often as a coin flip (skip-gram 3-6% faster with both this and
    # subsample's, bench/results/two_cores_*.md).
    other = np.int64(alias[column])
    return column if height < prob[column] else other
