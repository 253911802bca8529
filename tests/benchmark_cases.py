"""Vectors and benchmark files shared by test_analogy, test_similarity and test_evaluate.

``structured_case`` plants analogies, case-variant traps and unknown words in
seeded random vectors; ``real_case`` does the same over the vocabulary of the
real benchmark files of the data directory (WORDVEC_DATA), skipping if unset.
"""
import itertools

import numpy as np
import pytest

from wordvec.util import datadir
from wordvec.vectors.keyedvectors import KeyedVectors


def gensim_copy(kv):
    gensim = pytest.importorskip("gensim")
    g = gensim.models.KeyedVectors(kv.vector_size)
    g.add_vectors(kv.index_to_key, kv.vectors.copy())
    return g


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def structured_case(seed=0, dim=24):
    """An analogy file with planted structure, case-variant traps, OOV words and fillers.

    Returns (kv, questions text, pairs text).
    """
    rng = np.random.default_rng(seed)
    sections = {
        "capital-common": [(f"City{i}", f"Country{i}") for i in range(9)],
        "family": [(f"boy{i}", f"girl{i}") for i in range(8)],
        "gram3-comparative": [(f"big{i}", f"bigger{i}") for i in range(8)],
        "gram7-past-tense": [(f"go{i}", f"went{i}") for i in range(7)],
        "trap": [("Tokyo", "Japan"), ("AA", "aa"), ("Oslo", "Norway")],
    }
    vec = {}
    for name, pairs in sections.items():
        offset = rng.standard_normal(dim) * (0.0 if name == "trap" else 1.0)
        for k, (x, y) in enumerate(pairs):
            vec.setdefault(x, rng.standard_normal(dim))
            noise = (0.15, 0.4, 0.8, 1.6)[k % 4]  # from easy to hopeless
            vec.setdefault(y, vec[x] + offset + noise * rng.standard_normal(dim))
    words = list(vec)
    # case variants just behind their word: they often outscore the right answer
    variants = {"city2": "City2", "CITY3": "City3", "country4": "Country4",
                "COUNTRY5": "Country5", "Boy1": "boy1", "Girl2": "girl2", "BIGGER3": "bigger3"}
    for spelling in ("tokyo", "TOKYO", "ToKyo", "tOkyo", "tokYo", "TOkyo", "Aa", "aA"):
        variants[spelling] = "Tokyo" if spelling.lower() == "tokyo" else "AA"
    for variant, base in variants.items():
        vec[variant] = vec[base] + 0.05 * rng.standard_normal(dim)
        words.append(variant)
    # a lowercase variant that comes *before* its word: it gives the uppercased key its vector
    vec["oslo"] = rng.standard_normal(dim)
    words.insert(0, "oslo")
    words.remove("Country8")  # out of the vocabulary
    words += [f"filler{i}" for i in range(60)]
    for w in words:
        vec.setdefault(w, rng.standard_normal(dim))
    kv = KeyedVectors(np.array([vec[w] for w in words], dtype=np.float32), words)

    lines = []
    for name, pairs in sections.items():
        lines.append(f": {name}")
        for (a, b), (c, d) in itertools.permutations(pairs, 2):
            lines.append(f"{a} {b} {c} {d}")
    lines += ["Tokyo Japan AA aa", "AA aa Tokyo tokyo", "aa AA Tokyo TOKYO",
              "Japan Tokyo tokyo TOKYO"]
    lines.append(": empty-section")
    lines.append(": family")  # a repeated header is a new section, as in gensim
    lines.append("boy0 girl0 boy1 girl1")
    lines.append("BOY0 GIRL0 Filler3 filler4")
    questions = "\n".join(lines) + "\n"

    pair_lines = ["# word1\tword2\tscore", "City1\tCountry1\t9.5", "city2\tCountry2\t8",
                  "boy0\tgirl0\t7.25", "Boy1\tgirl1\t7.25", "big2\tbigger2\t7.25",
                  "go1\twent1\t3", "filler1\tfiller2\t1.5", "FILLER3\tfiller4\t1.5",
                  "Country8\tCity8\t6", "tokyo\tTOKYO\t10", "nothere\tCity0\t2",
                  "go2\twent2\t5.5", "Oslo\tNorway\t6.5", "oslo\tnorway\t6.5"]
    return kv, questions, "\n".join(pair_lines) + "\n"


def real_eval_dir():
    folder = datadir.eval_dir(required=False)
    if folder is None or not (folder / "questions-words.txt").exists():
        pytest.skip("set WORDVEC_DATA to the shared data folder to run the real benchmarks")
    return folder


def planted_vectors(questions_path, extra_words, n_vocab=4000, dim=50, seed=0):
    """Seeded random vectors over the benchmark vocabulary with relations planted per section."""
    rng = np.random.default_rng(seed)
    vec, order = {}, []
    for line in questions_path.read_text(encoding="utf-8").splitlines():
        if line.startswith(": "):
            offset = rng.standard_normal(dim)
            continue
        p = line.split()
        for x, y in ((p[0], p[1]), (p[2], p[3])):
            if x not in vec:
                vec[x] = rng.standard_normal(dim)
                order.append(x)
            if y not in vec:
                vec[y] = vec[x] + offset + 0.4 * rng.standard_normal(dim)
                order.append(y)
    for w in extra_words:
        if w not in vec:
            vec[w] = rng.standard_normal(dim)
            order.append(w)
    rng.shuffle(order)
    words = order[: int(len(order) * 0.95)]  # 5% out of the vocabulary
    words += [w.lower() for w in words[:400] if w.lower() not in vec]  # case variants
    words += [f"filler{i}" for i in range(max(0, n_vocab - len(words)))]
    perm = rng.permutation(len(words))
    words = [words[i] for i in perm]
    vectors = np.array([vec[w] if w in vec else rng.standard_normal(dim) for w in words])
    return KeyedVectors(vectors.astype(np.float32), words)


def pair_words(path):
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            out += line.split("\t")[:2]
    return out


def real_case():
    """(questions-words path, [word-pair paths], vectors planted over all their words)."""
    folder = real_eval_dir()
    questions = folder / "questions-words.txt"
    pair_files = [folder / "wordsim353.tsv", folder / "simlex999.txt"]
    extra = [w for p in pair_files for w in pair_words(p)]
    return questions, pair_files, planted_vectors(questions, extra)
