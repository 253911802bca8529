"""Answers for notebook 06's exercises: wrong ones first, then right ones (one per exercise)."""
WRONG = [
    "answer_1 = min(sweep[LABELS['window']]['wordsim353'], key=lambda p: p[1])[0]",
    "_best = max(sweep[LABELS['window']]['wordsim353'], key=lambda p: p[1])\n"
    "_worst = min(sweep[LABELS['window']]['wordsim353'], key=lambda p: p[1])\n"
    "answer_2 = not (_best[2] <= _worst[3] and _worst[2] <= _best[3])",
    "_sg = next(m for m in results['models'] if m['name'] == 'sg')\n"
    "answer_3 = results['corpus_words'] / _sg['train_seconds']",
]
RIGHT = [
    "answer_1 = max(sweep[LABELS['window']]['wordsim353'], key=lambda p: p[1])[0]",
    "_best = max(sweep[LABELS['window']]['wordsim353'], key=lambda p: p[1])\n"
    "_worst = min(sweep[LABELS['window']]['wordsim353'], key=lambda p: p[1])\n"
    "answer_2 = bool(_best[2] <= _worst[3] and _worst[2] <= _best[3])",
    "_sg = next(m for m in results['models'] if m['name'] == 'sg')\n"
    "answer_3 = results['corpus_words'] * _sg['params']['epochs'] / _sg['train_seconds']",
]
