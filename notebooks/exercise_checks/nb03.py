"""Checks of notebook 3 (CBOW and hierarchical softmax): each computes the truth itself."""
import numpy as np

from w2v.huffman import huffman_tree

from . import close, right, unanswered, wrong


def exercise_1(answer, counts):
    """The Huffman code length of the most frequent word of ``counts``."""
    if unanswered(answer):
        return None
    tree = huffman_tree(np.asarray(counts))
    expected = int(tree.lengths[int(np.argmax(counts))])
    if close(answer, expected, rel=0):
        return right("the most frequent word sits that close to the root: its one "
                     "prediction costs only that many sigmoids")
    if close(answer, tree.lengths.max(), rel=0):
        return wrong("that is the longest code, the rarest words'; look at word 0, the most "
                     "frequent")
    return wrong("build huffman_tree(counts) and read the length of the most frequent "
                 "word's code (word 0: the vocabulary is sorted by count)")


def exercise_2(answer, h, W_hs, tree, word):
    """P(word | h) in the tree: the product of the sigmoids along the word's path."""
    if unanswered(answer):
        return None
    n = int(tree.lengths[word])
    scores = np.asarray(W_hs)[tree.points[word, :n]] @ np.asarray(h)
    signs = 1.0 - 2.0 * tree.codes[word, :n]
    expected = float(np.prod(1.0 / (1.0 + np.exp(-signs * scores))))
    if close(answer, expected, rel=1e-6):
        return right("one sigmoid per bit of the code, multiplied")
    if close(answer, np.prod(1.0 / (1.0 + np.exp(-scores))), rel=1e-6):
        return wrong("a bit 1 (right branch) has probability sigmoid(-score), not sigmoid(score)")
    return wrong("take the word's first tree.lengths[word] nodes and bits; at each node the "
                 "branch probability is sigmoid((1 - 2 * bit) * W_hs[node] @ h)")


def exercise_3(answer, counts):
    """The count-weighted mean code length of the Huffman tree of ``counts``."""
    if unanswered(answer):
        return None
    counts = np.asarray(counts)
    lengths = huffman_tree(counts).lengths
    expected = float(np.sum(counts * lengths) / np.sum(counts))
    if close(answer, expected, rel=1e-4):
        return right("most tokens are frequent words with short codes, so the average is "
                     "well below log2(V)")
    if close(answer, lengths.mean(), rel=1e-3):
        return wrong("that is the mean over the words of the vocabulary; weight each word by "
                     "its count, since training meets it that often")
    if close(answer, np.log2(len(counts)), rel=1e-2):
        return wrong("log2(V) is the depth of a balanced tree; the Huffman tree's average, "
                     "weighted by the counts, is what training pays")
    return wrong("sum count * code length over the words, then divide by the sum of the "
                 "counts")
