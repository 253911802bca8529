"""Tests of w2v.huffman: the Huffman tree of hierarchical softmax.

Besides hand-computed trees, the properties of any Huffman code are checked
on random counts: prefix-free, full (Kraft equality), optimal, frequent words
no deeper than rare ones, and paths that really are paths of one tree. An
independent re-statement of word2vec.c's two-queue construction must give the
very same codes and points whenever no two nodes ever weigh the same.
"""
import dataclasses
import heapq
import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from w2v.huffman import HuffmanTree, huffman_tree, label_matrix

# Small vocabularies with many ties (counts from a small range) and zeros.
count_lists = st.lists(st.integers(min_value=0, max_value=50), min_size=2, max_size=120)
FEW = settings(max_examples=60, deadline=None)


def zipf_counts(vocab_size, seed):
    rng = np.random.default_rng(seed)
    counts = (1e6 / np.arange(1, vocab_size + 1) ** rng.uniform(0.8, 1.2)).astype(np.int64)
    return np.maximum(counts, 1)


def code_of(tree, word):
    return tuple(tree.codes[word, :tree.lengths[word]].tolist())


def path_of(tree, word):
    return tuple(tree.points[word, :tree.lengths[word]].tolist())


def huffman_cost(counts):
    """Sum of the weights of all merged nodes = sum(count * depth) of an optimal code."""
    heap = [int(count) for count in counts]
    heapq.heapify(heap)
    cost = 0
    while len(heap) > 1:
        merged = heapq.heappop(heap) + heapq.heappop(heap)
        cost += merged
        heapq.heappush(heap, merged)
    return cost


def word2vec_c_tree(counts):
    """word2vec.c's CreateBinaryTree restated: counts sorted descending -> codes, points.

    Leaves are read from the tail of ``counts``, new nodes from a second queue
    (they come out in increasing weight); the lighter of the two picks gets bit
    0, the other bit 1; inner node k (0-based merge number) is point k.
    """
    vocab_size = len(counts)
    weight = [int(count) for count in counts] + [None] * (vocab_size - 1)
    parent = [None] * (2 * vocab_size - 1)
    bit = [0] * (2 * vocab_size - 1)
    next_leaf, next_inner = vocab_size - 1, vocab_size

    def pick(new_node):
        nonlocal next_leaf, next_inner
        leaf_lighter = next_leaf >= 0 and (
            next_inner >= new_node or weight[next_leaf] < weight[next_inner])
        if leaf_lighter:
            next_leaf -= 1
            return next_leaf + 1
        next_inner += 1
        return next_inner - 1

    for new_node in range(vocab_size, 2 * vocab_size - 1):
        first, second = pick(new_node), pick(new_node)
        weight[new_node] = weight[first] + weight[second]
        parent[first] = parent[second] = new_node
        bit[second] = 1
    codes, points = [], []
    for word in range(vocab_size):
        node, code, path = word, [], []
        while parent[node] is not None:
            code.append(bit[node])
            path.append(parent[node] - vocab_size)
            node = parent[node]
        codes.append(tuple(reversed(code)))
        points.append(tuple(reversed(path)))
    return codes, points


# --- hand-computed trees --------------------------------------------------------

def test_four_words_by_hand():
    # c+d -> inner 0 (2); inner 0 + b -> inner 1 (5); a(5) ties inner 1(5), a has
    # the smaller id so a is popped first and gets bit 0 at the root, inner 2.
    tree = huffman_tree(np.array([5, 3, 1, 1]))
    assert tree.lengths.tolist() == [1, 2, 3, 3]
    assert tree.codes.tolist() == [[0, 0, 0], [1, 1, 0], [1, 0, 0], [1, 0, 1]]
    assert tree.points.tolist() == [[2, 0, 0], [2, 1, 0], [2, 1, 0], [2, 1, 0]]


def test_unsorted_counts_give_the_permuted_tree():
    # [5, 3, 1, 1] with words reordered a, b, c, d -> c, a, d, b
    tree = huffman_tree([1, 5, 1, 3])
    sorted_tree = huffman_tree([5, 3, 1, 1])
    order = [2, 0, 3, 1]
    assert tree.codes.tolist() == sorted_tree.codes[order].tolist()
    assert tree.points.tolist() == sorted_tree.points[order].tolist()
    assert tree.lengths.tolist() == sorted_tree.lengths[order].tolist()


def test_ties_go_to_the_smaller_node_id():
    # words 0, 1 merge first (inner 0), then 2, 3 (inner 1), then inner 0, inner 1
    tree = huffman_tree([1, 1, 1, 1])
    assert tree.codes.tolist() == [[0, 0], [0, 1], [1, 0], [1, 1]]
    assert tree.points.tolist() == [[2, 0], [2, 0], [2, 1], [2, 1]]
    assert tree.lengths.tolist() == [2, 2, 2, 2]


def test_skewed_counts_make_a_chain():
    # each count beats the sum of all smaller ones, so each merge takes the
    # subtree so far (lighter: bit 0) and the next word (bit 1)
    tree = huffman_tree([16, 8, 4, 2, 1])
    assert tree.lengths.tolist() == [1, 2, 3, 4, 4]
    assert [code_of(tree, word) for word in range(5)] == [
        (1,), (0, 1), (0, 0, 1), (0, 0, 0, 1), (0, 0, 0, 0)]
    assert [path_of(tree, word) for word in range(5)] == [
        (3,), (3, 2), (3, 2, 1), (3, 2, 1, 0), (3, 2, 1, 0)]


def test_label_matrix_is_one_minus_code_on_the_path():
    labels = label_matrix(huffman_tree([5, 3, 1, 1]))
    assert labels.dtype == np.float32
    assert labels.tolist() == [[1, 0, 0], [0, 0, 0], [0, 1, 1], [0, 1, 0]]


@given(count_lists)
@FEW
def test_label_matrix_random(counts):
    tree = huffman_tree(counts)
    labels = label_matrix(tree)
    on_path = np.arange(tree.codes.shape[1]) < tree.lengths[:, None]
    assert labels.shape == tree.codes.shape
    np.testing.assert_array_equal(labels[on_path], 1 - tree.codes[on_path])
    assert not labels[~on_path].any()


# --- edge cases and input checks ------------------------------------------------

def test_single_word_has_no_inner_node():
    tree = huffman_tree(np.array([7]))
    assert tree.codes.shape == (1, 0) and tree.codes.dtype == np.uint8
    assert tree.points.shape == (1, 0) and tree.points.dtype == np.int32
    assert tree.lengths.tolist() == [0]
    assert label_matrix(tree).shape == (1, 0)


@pytest.mark.parametrize("counts", [[3, 9], [9, 3], [4, 4], [0, 0]])
def test_two_words_share_the_root(counts):
    tree = huffman_tree(counts)
    assert tree.lengths.tolist() == [1, 1]
    assert tree.points.tolist() == [[0], [0]]
    assert sorted(tree.codes[:, 0].tolist()) == [0, 1]
    lighter = int(np.argmin(counts))  # argmin: the first on a tie, as the smaller id
    assert tree.codes[lighter, 0] == 0


def test_dtypes_shapes_and_frozen():
    tree = huffman_tree(np.array([5, 3, 1, 1], dtype=np.int32))
    assert isinstance(tree, HuffmanTree)
    assert (tree.codes.dtype, tree.points.dtype, tree.lengths.dtype) == (
        np.uint8, np.int32, np.int32)
    assert tree.codes.shape == tree.points.shape == (4, 3)
    with pytest.raises(dataclasses.FrozenInstanceError):
        tree.codes = None


def test_huge_counts_do_not_overflow():
    big = np.iinfo(np.int64).max // 2
    tree = huffman_tree(np.array([big, big, big], dtype=np.int64))
    assert sorted(tree.lengths.tolist()) == [1, 2, 2]


@pytest.mark.parametrize("bad", [[], [[1, 2], [3, 4]], [1.0, 2.0], [3, -1]])
def test_bad_counts_are_rejected(bad):
    with pytest.raises(ValueError):
        huffman_tree(np.array(bad))


def test_deterministic():
    counts = zipf_counts(2000, seed=1) // 100  # many ties
    first, second = huffman_tree(counts), huffman_tree(counts.copy())
    for name in ("codes", "points", "lengths"):
        np.testing.assert_array_equal(getattr(first, name), getattr(second, name))


# --- properties of every Huffman code, on random counts ---------------------------

@given(count_lists)
@FEW
def test_codes_are_prefix_free(counts):
    tree = huffman_tree(counts)
    codes = sorted(code_of(tree, word) for word in range(len(counts)))
    # sorted lexicographically, a code that is a prefix of another comes just before one
    for shorter, longer in itertools.pairwise(codes):
        assert longer[:len(shorter)] != shorter


@given(count_lists)
@FEW
def test_kraft_equality(counts):
    tree = huffman_tree(counts)
    max_length = tree.codes.shape[1]
    assert max_length == tree.lengths.max()
    # sum of 2**-length == 1, in integers to be exact
    assert sum(2 ** (max_length - int(length)) for length in tree.lengths) == 2 ** max_length


@given(count_lists)
@FEW
def test_frequent_words_are_not_deeper(counts):
    tree = huffman_tree(counts)
    counts = np.array(counts)
    more_frequent = counts[:, None] > counts[None, :]
    not_deeper = tree.lengths[:, None] <= tree.lengths[None, :]
    assert not_deeper[more_frequent].all()


@given(count_lists)
@FEW
def test_weighted_length_is_optimal(counts):
    tree = huffman_tree(counts)
    assert sum(c * int(n) for c, n in zip(counts, tree.lengths)) == huffman_cost(counts)


@pytest.mark.parametrize("seed", range(3))
def test_weighted_length_is_optimal_on_zipf_counts(seed):
    counts = zipf_counts(5000, seed)
    tree = huffman_tree(counts)
    weighted = int((counts * tree.lengths.astype(np.int64)).sum())
    assert weighted == huffman_cost(counts)


@given(count_lists)
@FEW
def test_paths_form_one_full_binary_tree(counts):
    tree = huffman_tree(counts)
    vocab_size = len(counts)
    root = vocab_size - 2
    # (inner node, branch) -> child; a child is ("inner", id) or ("word", id)
    children = {}
    for word in range(vocab_size):
        path, code = path_of(tree, word), code_of(tree, word)
        assert path[0] == root
        assert len(set(path)) == len(path)
        assert all(0 <= node <= root for node in path)
        below = [("inner", node) for node in path[1:]] + [("word", word)]
        for node, branch, child in zip(path, code, below):
            # following the codes from the root must always lead to the same child
            assert children.setdefault((node, branch), child) == child
    # every inner node has both children, and every node but the root has one parent
    assert set(children) == {(node, branch) for node in range(vocab_size - 1) for branch in (0, 1)}
    reached = list(children.values())
    assert len(set(reached)) == len(reached) == 2 * vocab_size - 2
    assert ("inner", root) not in reached


@given(st.lists(st.integers(min_value=1, max_value=1000), min_size=2, max_size=40))
@FEW
def test_matches_word2vec_c_without_ties(multipliers):
    # count_i = multiplier_i * 2**V + 2**i: the low bits tell which leaves a node
    # holds, so two distinct nodes never weigh the same and both algorithms have
    # no tie to break
    vocab_size = len(multipliers)
    counts = sorted((m << vocab_size) + (1 << i) for i, m in enumerate(multipliers))[::-1]
    tree = huffman_tree(np.array(counts, dtype=np.int64))
    codes, points = word2vec_c_tree(counts)
    assert [code_of(tree, word) for word in range(vocab_size)] == codes
    assert [path_of(tree, word) for word in range(vocab_size)] == points


def test_seventy_thousand_words():
    # performance sanity: O(V log V), no per-word Python walk
    counts = zipf_counts(70_000, seed=0)
    tree = huffman_tree(counts)
    assert tree.codes.shape == tree.points.shape == (70_000, int(tree.lengths.max()))
    assert tree.points[:, 0].tolist() == [70_000 - 2] * 70_000
    assert tree.lengths[0] <= tree.lengths[-1]
