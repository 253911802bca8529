"""The Huffman tree behind hierarchical softmax.

Hierarchical softmax (Mikolov et al. 2013) replaces the V-way softmax over the
vocabulary by a walk down a binary tree whose V leaves are the words. Each of
the V - 1 inner nodes n owns a row ``W_hs[n]`` of an output matrix, and at n
the model predicts "go left" (bit 0) with probability σ(h·W_hs[n]). The
probability of a word is the product of the branch probabilities on its path,
so one training step costs O(path length) dot products instead of O(V).

A Huffman tree built from the word counts makes the expected path length
minimal: frequent words sit near the root, rare words deep down.

How the tree is built (Huffman 1952): put every word in a min-heap keyed by
its count, then V - 1 times pop the two lightest nodes and push a new inner
node that has them as children and weighs their sum. The last node left is
the root. As in word2vec.c's CreateBinaryTree, the node popped first (the
lighter) becomes child 0 and the second child 1 (``binary[min2i] = 1``).

Node ids: word w is leaf w (0..V-1); the k-th merge creates node V + k. The
arrays below store inner nodes as ``id - V`` (0..V-2), so they index rows of
``W_hs`` directly, the root being V - 2 (word2vec.c's ``point`` for ``syn1``).

Ties: nodes are compared by (count, node id), so among equal counts the one
with the smaller id is popped first: a word before any inner node, a lower
word id before a higher one, an older inner node before a newer one. This
makes the tree a function of ``counts`` alone. word2vec.c breaks ties the
other way between a word and an inner node (it takes the inner node), so on
tied counts its codes may differ from ours; both trees are optimal.

Worked example, counts [5, 3, 1, 1] for the words a, b, c, d::

    merge 1: c(1) + d(1) -> node 4 = inner 0, weight 2   (c: bit 0, d: bit 1)
    merge 2: inner 0(2) + b(3) -> node 5 = inner 1, weight 5
    merge 3: a(5) + inner 1(5) -> node 6 = inner 2 = root, weight 10
             (tie at 5: a has the smaller id, so a is popped first: bit 0)

                 root (inner 2)
                0/          \\1
               a         inner 1
                        0/     \\1
                    inner 0     b
                    0/  \\1
                    c    d

    >>> tree = huffman_tree(np.array([5, 3, 1, 1]))
    >>> tree.codes
    array([[0, 0, 0],
           [1, 1, 0],
           [1, 0, 0],
           [1, 0, 1]], dtype=uint8)
    >>> tree.points
    array([[2, 0, 0],
           [2, 1, 0],
           [2, 1, 0],
           [2, 1, 0]], dtype=int32)
    >>> tree.lengths
    array([1, 2, 3, 3], dtype=int32)

Word c's code is 1, 0, 0: right at the root (inner 2), left at inner 1, left
at inner 0. Trailing zeros past a word's length are padding.
"""
import heapq
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True, eq=False)
class HuffmanTree:
    """Codes and paths of every word in a Huffman tree, padded to a rectangle.

    ``frozen`` forbids reassigning the fields; the arrays themselves are plain
    NumPy arrays so they can be handed to Numba kernels as they are. ``eq`` is
    off because ``==`` on arrays is elementwise, not a bool.

    Attributes
    ----------
    codes : ndarray of uint8, shape (V, L)
        ``codes[w, d]`` is the branch (0 or 1) taken at depth d on the path
        from the root to word w; 0 beyond ``lengths[w]``.
    points : ndarray of int32, shape (V, L)
        ``points[w, d]`` is the inner node (0..V-2, a row of ``W_hs``) at depth
        d on that path; ``points[w, 0]`` is the root, V - 2. 0 beyond
        ``lengths[w]``.
    lengths : ndarray of int32, shape (V,)
        Code length (= path length) of each word.
    """

    codes: np.ndarray
    points: np.ndarray
    lengths: np.ndarray


def _validated(counts):
    counts = np.asarray(counts)
    if counts.ndim != 1 or counts.size == 0:
        raise ValueError(f"counts must be a non-empty 1-D array, got shape {counts.shape}")
    if not np.issubdtype(counts.dtype, np.integer):
        raise ValueError(f"counts must be integers, got dtype {counts.dtype}")
    if (counts < 0).any():
        raise ValueError("counts must be non-negative")
    return counts


def huffman_tree(counts):
    """Build the Huffman tree of a vocabulary from its word counts.

    Parameters
    ----------
    counts : array_like of int, shape (V,)
        Occurrences of each word, V >= 1. Any order works: the vocabulary is
        usually sorted by descending count, but nothing relies on it.

    Returns
    -------
    HuffmanTree
        ``codes`` and ``points`` of shape (V, L) with L the longest code, and
        ``lengths``. With a single word there is no inner node and nothing to
        predict: lengths is [0] and codes, points have shape (1, 0). With two
        words the root (inner 0) is the only inner node: codes 0 and 1.

    Raises
    ------
    ValueError
        If ``counts`` is empty, not 1-D, not integer or has a negative entry.

    Notes
    -----
    O(V log V): V - 1 merges of two heap pops and one push each, then two
    walks from all leaves up to the root at once, L vectorised steps each.

    Ties between equal counts go to the smaller node id (see the module
    docstring), so the result is deterministic.

    The model is trained towards the label ``1 - code`` at each node (see
    ``label_matrix``): σ(h·W_hs[n]) is the probability of going left, bit 0.

    Examples
    --------
    >>> tree = huffman_tree([1, 1])
    >>> tree.codes[:, 0], tree.points[:, 0], tree.lengths
    (array([0, 1], dtype=uint8), array([0, 0], dtype=int32), array([1, 1], dtype=int32))
    """
    counts = _validated(counts)
    vocab_size = len(counts)
    n_nodes = 2 * vocab_size - 1
    root = n_nodes - 1
    # parent[node] and bit[node] (the branch from parent to node) describe
    # the whole tree; the root keeps parent -1.
    parent = np.full(n_nodes, -1, dtype=np.int64)
    bit = np.zeros(n_nodes, dtype=np.uint8)

    # Python ints: exact sums whatever the dtype, and faster heap comparisons
    # than NumPy scalars. A tuple (count, id) makes ties go to the smaller id.
    heap = [(count, word) for word, count in enumerate(counts.tolist())]
    heapq.heapify(heap)
    for new_node in range(vocab_size, n_nodes):
        first_count, first = heapq.heappop(heap)
        second_count, second = heapq.heappop(heap)
        parent[first] = parent[second] = new_node
        bit[second] = 1  # word2vec.c: binary[min2i] = 1, the lighter child keeps 0
        heapq.heappush(heap, (first_count + second_count, new_node))

    # Walk every leaf up to the root at once, one level per iteration: the
    # first pass measures the paths, the second fills them from the leaf end.
    lengths = np.zeros(vocab_size, dtype=np.int32)
    node = np.arange(vocab_size)
    climbing = node != root
    while climbing.any():
        lengths[climbing] += 1
        node[climbing] = parent[node[climbing]]
        climbing = node != root

    # No cap on L. word2vec.c has fixed arrays of MAX_CODE_LENGTH = 40 per
    # word; reaching depth 40 takes counts growing like Fibonacci numbers,
    # which real corpora do not have.
    max_length = int(lengths.max())
    codes = np.zeros((vocab_size, max_length), dtype=np.uint8)
    points = np.zeros((vocab_size, max_length), dtype=np.int32)
    node = np.arange(vocab_size)
    depth = lengths - 1  # depth of the branch that enters `node`
    climbing = depth >= 0
    while climbing.any():
        words = np.flatnonzero(climbing)
        below = node[words]
        above = parent[below]
        codes[words, depth[words]] = bit[below]
        points[words, depth[words]] = above - vocab_size
        node[words] = above
        depth[words] -= 1
        climbing = depth >= 0
    return HuffmanTree(codes=codes, points=points, lengths=lengths)


def label_matrix(tree):
    """Targets of the binary classifiers on each word's path.

    At inner node n the model predicts "go left" (bit 0) with probability
    σ(h·W_hs[n]), so the target is 1 - code, as word2vec.c's
    ``g = (1 - code - f) * alpha``.

    Parameters
    ----------
    tree : HuffmanTree

    Returns
    -------
    ndarray of float32, shape (V, L)
        ``1 - tree.codes`` on each path, 0 in the padding.

    Examples
    --------
    >>> label_matrix(huffman_tree([5, 3, 1, 1]))
    array([[1., 0., 0.],
           [0., 0., 0.],
           [0., 1., 1.],
           [0., 1., 0.]], dtype=float32)
    """
    on_path = np.arange(tree.codes.shape[1]) < tree.lengths[:, None]
    return np.where(on_path, 1.0 - tree.codes, 0.0).astype(np.float32)
