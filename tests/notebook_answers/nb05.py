"""Answers for notebook 05's exercises: wrong ones first, then right ones (one per exercise)."""
WRONG = [
    "answer_1 = float(np.corrcoef(HUMAN, MODEL)[0, 1])",
    "answer_2 = (kv.similarity('queen', 'king') - kv.similarity('queen', 'man')"
    " + kv.similarity('queen', 'woman'))",
    "answer_3 = kv.counts[kv.key_to_index['the']] / kv.counts.sum()",
    "answer_4 = lambda X, centroids: (X @ centroids.T).argmax(axis=1)",
]
RIGHT = [
    "r_h, r_m = np.argsort(np.argsort(HUMAN)) + 1, np.argsort(np.argsort(MODEL)) + 1\n"
    "answer_1 = 1 - 6 * np.sum((r_h - r_m) ** 2) / (len(HUMAN) * (len(HUMAN) ** 2 - 1))",
    "c = {w: (1 + kv.similarity('queen', w)) / 2 for w in ('man', 'king', 'woman')}\n"
    "answer_2 = c['king'] * c['woman'] / (c['man'] + 1e-6)",
    "answer_3 = A / (A + p[kv.key_to_index['the']])",
    "def answer_4(X, centroids):\n"
    "    return ((X[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2).argmin(axis=1)",
]
