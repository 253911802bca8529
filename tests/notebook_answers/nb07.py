"""Answers to notebook 07's exercises: one wrong and one right per exercise, in order.

They run in the notebook's kernel after it has run, so they use its variables.
"""
WRONG = [
    # the n-grams of the bare word, without its < and >
    "def answer_1(word, minn, maxn):\n"
    "    return [word[i:i + n] for n in range(minn, maxn + 1)\n"
    "            for i in range(len(word) - n + 1)]",
    # the bytes taken as unsigned: right for ASCII only
    "def answer_2(text):\n"
    "    h = 2166136261\n"
    "    for byte in text.encode('utf-8'):\n"
    "        h = ((h ^ byte) * 16777619) % 2**32\n"
    "    return h",
    # the share of the n-grams, not of the words
    "answer_3 = collision_share(hashes, 2_000_000)",
    # the rows without the vocabulary's offset
    "answer_4 = ft.wv.input_matrix[[fnv1a(g) % BUCKET\n"
    "                               for g in char_ngrams('goverment', MINN, MAXN)]].mean(axis=0)",
]
RIGHT = [
    "def answer_1(word, minn, maxn):\n"
    "    marked = '<' + word + '>'\n"
    "    return [marked[i:i + n] for n in range(minn, maxn + 1)\n"
    "            for i in range(len(marked) - n + 1)]",
    "def answer_2(text):\n"
    "    h = 2166136261\n"
    "    for byte in text.encode('utf-8'):\n"
    "        h ^= byte if byte < 0x80 else byte | 0xFFFFFF00\n"
    "        h = h * 16777619 % 2**32\n"
    "    return h",
    "_rows = hashes % 2_000_000\n"
    "_, _where, _per_row = np.unique(_rows, return_inverse=True, return_counts=True)\n"
    "_shared = {g for g, n in zip(grams, _per_row[_where]) if n > 1}\n"
    "answer_3 = np.mean([any(g in _shared for g in char_ngrams(w, MINN, MAXN)) for w in words])",
    "answer_4 = ft.wv.input_matrix[[len(ft.wv) + fnv1a(g) % BUCKET\n"
    "                               for g in char_ngrams('goverment', MINN, MAXN)]].mean(axis=0)",
]
