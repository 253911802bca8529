"""A word's character n-grams and their rows, exactly as Facebook's fastText finds them.

Bojanowski et al. (2017) represent a word w by G_w: the word itself plus its
character n-grams, for n from ``minn`` to ``maxn``, taken from the word with
``<`` and ``>`` around it, so that prefixes and suffixes differ from the
middle of words::

    "where", minn = maxn = 3:   <wh  whe  her  ere  re>     (and "where" itself)

There are far too many n-grams to give each its own row, so each one is
hashed into one of ``bucket`` rows that follow the words' rows in the input
matrix: row ``nwords + hash(ngram) % bucket``. Different n-grams may share a
row (a collision); the model learns around it.

Three details make our rows the same as the fastText tool's, so that its
``.bin`` files and ours interoperate (``Dictionary::computeSubwords`` and
``Dictionary::hash`` in fastText's dictionary.cc):

* n counts characters, not bytes: an n-gram starts only at a UTF-8
  character boundary (a byte that is not ``0b10xxxxxx``), and takes whole
  characters;
* the hash is 32-bit FNV-1a over the UTF-8 bytes, but each byte is first
  sign-extended, as the tool's ``char`` is signed: byte 0xE9 is mixed in as
  0xFFFFFFE9. ASCII words are unaffected; "café" is not;
* a lone ``<`` or ``>`` is never an n-gram (it matters only when minn = 1),
  and the word ``</s>`` (the tool's end of line) has no n-grams.

A word's list keeps repeated n-grams ("<aaaa>" has "aaa" twice): the tool
averages over the list as it is, and so do we.

>>> char_ngrams("where", 3, 3)
['<wh', 'whe', 'her', 'ere', 're>']
>>> fnv1a("a"), fnv1a("é")          # é is the bytes c3 a9, both sign-extended
(3826002220, 1023043777)
>>> table = subword_table(["where", "a"], minn=3, maxn=4, bucket=100)
>>> table.rows_of(1).tolist()        # "a": its own row 1, then the row of "<a>", 2 + 0
[1, 2]
>>> fnv1a("<a>") % 100
0
"""
from collections import namedtuple

import numpy as np

from ..engine import kernel

BOW, EOW = "<", ">"
EOS = "</s>"  # the fastText tool's end-of-line word: it has no n-grams
FNV_OFFSET = 2166136261
FNV_PRIME = 16777619


def fnv1a(text):
    """The fastText tool's hash of ``text`` (str or bytes): 32-bit FNV-1a over its
    UTF-8 bytes, each byte sign-extended first (the tool's signed ``char``)."""
    data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
    h = FNV_OFFSET
    for byte in data:
        h ^= byte if byte < 0x80 else byte | 0xFFFFFF00  # int8 -> uint32
        h = (h * FNV_PRIME) & 0xFFFFFFFF
    return h


def char_ngrams(word, minn, maxn):
    """G_w without w: the character n-grams of ``<word>``, minn <= n <= maxn, in the tool's order.

    >>> char_ngrams("日本", 2, 3)
    ['<日', '<日本', '日本', '日本>', '本>']
    """
    if word == EOS or maxn <= 0:
        return []
    marked = BOW + word + EOW
    ngrams = []
    for i in range(len(marked)):
        for n in range(1, maxn + 1):
            if i + n > len(marked):
                break
            if n >= minn and not (n == 1 and (i == 0 or i + n == len(marked))):
                ngrams.append(marked[i:i + n])
    return ngrams


def ngram_rows(word, nwords, minn, maxn, bucket):
    """The input-matrix rows of ``word``'s n-grams: ``nwords + fnv1a(g) % bucket`` each."""
    return [nwords + fnv1a(g) % bucket for g in char_ngrams(word, minn, maxn)]


# For every word of a vocabulary, the rows its vector is the mean of: word i's
# are ids[offsets[i]:offsets[i + 1]], its own row i first, then its n-grams'.
SubwordTable = namedtuple("SubwordTable", "offsets ids")
SubwordTable.rows_of = lambda self, i: self.ids[self.offsets[i]:self.offsets[i + 1]]


def subword_table(words, minn, maxn, bucket, own_rows=True, nwords=None):
    """Every word's rows, computed once for the vocabulary, as flat arrays.

    words       list of str, the vocabulary in row order (nwords = len(words))
    own_rows    put each word's own row i first (the model's G_w); False
                gives the n-gram rows only, as for words outside the vocabulary
    nwords      where the n-gram rows start (default: len(words)); a model's
                vocabulary size, when ``words`` are words outside it
    Returns ``SubwordTable(offsets (V + 1,) int64, ids (total,) int32)``.
    """
    if maxn > 0 and bucket < 1:
        raise ValueError(f"bucket must be at least 1 when maxn > 0 (n-grams need rows), "
                         f"got {bucket}")
    marked = [(BOW + w + EOW).encode("utf-8") for w in words]
    starts = np.zeros(len(words) + 1, dtype=np.int64)
    np.cumsum([len(m) for m in marked], out=starts[1:])
    data = np.frombuffer(b"".join(marked), dtype=np.uint8)
    has_ngrams = np.array([w != EOS for w in words], dtype=np.bool_)
    offsets = np.zeros(len(words) + 1, dtype=np.int64)
    # At most maxn n-grams start at each byte, plus each word's own row.
    ids = np.empty(len(words) + len(data) * max(int(maxn), 0), dtype=np.int32)
    nwords = len(words) if nwords is None else nwords
    total = _fill_table(data, starts, has_ngrams, np.int64(nwords), (minn, maxn, bucket),
                        own_rows, offsets, ids)
    return SubwordTable(offsets, ids[:total].copy())


@kernel
def _fill_table(data, starts, has_ngrams, nwords, settings, own_rows, offsets, ids):
    """Facebook's computeSubwords over every word's bytes ``data[starts[w]:starts[w + 1]]``
    ("<word>" in UTF-8). The hash of an n-gram grows byte by byte from the
    hash of its prefix, as FNV-1a allows. Returns the number of ids written."""
    minn, maxn, bucket = settings
    total = 0
    for w in range(starts.shape[0] - 1):
        offsets[w] = total
        if own_rows:
            ids[total] = w
            total += 1
        if not has_ngrams[w] or maxn <= 0:
            continue
        first, end = starts[w], starts[w + 1]
        for i in range(first, end):
            if (data[i] & 0xC0) == 0x80:  # inside a character: no n-gram starts here
                continue
            h = np.uint32(FNV_OFFSET)
            j = i
            n = 1
            while j < end and n <= maxn:
                h = _mix(h, data[j])
                j += 1
                while j < end and (data[j] & 0xC0) == 0x80:
                    h = _mix(h, data[j])
                    j += 1
                if n >= minn and not (n == 1 and (i == first or j == end)):
                    ids[total] = nwords + np.int64(h % np.uint32(bucket))
                    total += 1
                n += 1
    offsets[starts.shape[0] - 1] = total
    return total


@kernel
def _mix(h, byte):
    """One FNV-1a step with the byte sign-extended (h is uint32)."""
    extended = np.uint64(byte) | np.uint64(0xFFFFFF00) if byte >= 0x80 else np.uint64(byte)
    # In 64 bits, (< 2**32) * (< 2**25) cannot overflow; the hash keeps the low 32.
    return np.uint32((np.uint64(h) ^ extended) * np.uint64(FNV_PRIME) & np.uint64(0xFFFFFFFF))
