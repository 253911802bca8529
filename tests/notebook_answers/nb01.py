"""Answers to notebook 01's exercises: one wrong and one right per exercise, in order.

They run in the notebook's kernel after it has run, so they use its variables.
"""
WRONG = [
    "answer_1 = 100 / len(vocab)",                      # share of distinct words, not tokens
    "answer_2 = int((vocab.counts > 20).sum())",        # strict: drops the words seen 20 times
    "import numpy as np\n"                              # the paper's formula
    "answer_3 = float(np.sqrt(1e-4 * vocab5.counts.sum() / vocab5.counts[vocab5['the']]))",
    "answer_4 = float(vocab5.noise_distribution(1.0)[:10].sum())",   # the unigram share
]
RIGHT = [
    "answer_1 = vocab.counts[:100].sum() / vocab.total_words",
    "answer_2 = int((vocab.counts >= 20).sum())",
    "f = vocab5.counts[vocab5['the']] / vocab5.counts.sum()\n"
    "answer_3 = min(1.0, (1e-4 / f) ** 0.5 + 1e-4 / f)",
    "answer_4 = float(vocab5.noise_distribution(0.75)[:10].sum())",
]
