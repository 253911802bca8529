"""Corpora: stream sentences (lists of tokens) from files, folders or memory.

A ``Corpus`` is re-iterable: every ``for sentence in corpus`` reads the
source again from the start, in bounded memory, whatever its layout:

* one sentence per line (Brown), or
* one giant line (text8, wiki17m: 100 MB and not a single newline).

Lines longer than ``max_sentence_length`` tokens are cut into
pseudo-sentences of at most that many tokens, always between two words.
Files ending in ``.gz``, ``.bz2`` or ``.xz`` (recognised by their magic bytes,
not their names) are decompressed on the fly.

>>> corpus = Corpus([["the", "cat", "sat"], ["a", "dog"]])
>>> list(corpus)
[['the', 'cat', 'sat'], ['a', 'dog']]
>>> list(Corpus([["a", "b", "c", "d", "e"]], max_sentence_length=2))
[['a', 'b'], ['c', 'd'], ['e']]
"""
import bz2
import codecs
import gzip
import hashlib
import lzma
import os
from pathlib import Path

from ..errors import CorpusError
from .normalize import DEFAULT, get_normalizer

# word2vec.c cuts at 1,000 tokens, gensim at 10,000. Windows never cross a
# cut, so a longer limit loses fewer context pairs on one-line corpora.
MAX_SENTENCE_LENGTH = 10_000
CHUNK_BYTES = 1 << 20  # read size; memory per open file is a few times this

# Magic numbers, so a compressed file is read right whatever its name.
_MAGIC = [(b"\x1f\x8b", gzip.open), (b"BZh", bz2.open), (b"\xfd7zXZ\x00", lzma.open)]


def open_binary(path, raw=None):
    """Open ``path`` for reading bytes, decompressing gzip, bzip2 or xz.

    ``raw``: the file already opened in binary mode, to decompress from (so
    that its position tells how much of the file on disk has been read).
    """
    raw = raw if raw is not None else open(path, "rb")
    head = raw.read(6)
    raw.seek(0)
    for magic, opener in _MAGIC:
        if head.startswith(magic):
            return opener(raw, "rb")
    return raw


def list_files(path):
    """The files a corpus path stands for: the file itself, or every
    non-hidden file below a folder, in sorted (deterministic) order."""
    path = Path(path)
    if not path.exists():
        raise CorpusError(f"corpus path {str(path)!r} does not exist")
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise CorpusError(f"corpus path {str(path)!r} is neither a file nor a folder")
    files = sorted(
        p for p in path.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts)
    )
    if not files:
        raise CorpusError(f"corpus folder {str(path)!r} holds no text files")
    return files


def _after_last_space(text):
    """Index just after the last whitespace in ``text`` (0 if there is none).

    Scans from the end: only the last word is visited, whatever the length.
    """
    index = len(text)
    while index > 0 and not text[index - 1].isspace():
        index -= 1
    return index


def _cut(tokens, max_len):
    """Split a token list into pieces of at most ``max_len`` tokens."""
    for start in range(0, len(tokens), max_len):
        yield tokens[start:start + max_len]


def iter_file_sentences(path, normalize, max_sentence_length=MAX_SENTENCE_LENGTH,
                        errors="strict", chunk_bytes=CHUNK_BYTES, on_read=None):
    """Yield the sentences of one file, reading ``chunk_bytes`` at a time.

    ``on_read(n)``, if given, hears after each read how many bytes of the
    file on disk (compressed, for a compressed file) have been read.

    A chunk rarely ends at a line end. Its last, unfinished line is cut at
    its last whitespace: the words before the cut are tokenised now, the
    (possibly partial) word after it waits for the next chunk. So a word is
    never split across two reads, and a 100 MB line never sits in memory.
    """
    decoder = codecs.getincrementaldecoder("utf-8")(errors=errors)
    line_tokens = []  # tokens of the current, unfinished line
    pending = ""      # text after the last whitespace of the previous chunk
    offset = 0        # bytes of the (decompressed) file read before this chunk
    with open(path, "rb") as raw, open_binary(path, raw) as stream:
        while True:
            try:
                chunk = stream.read(chunk_bytes)
            except (OSError, EOFError, lzma.LZMAError) as exc:
                raise CorpusError(f"{path}: cannot decompress: {exc}") from None
            if on_read is not None:
                on_read(raw.tell())
            if offset == 0 and b"\x00" in chunk:
                nul_at = chunk.index(b"\x00")
                raise CorpusError(
                    f"{path}: byte {nul_at} is a NUL byte; this looks like a "
                    "binary file (or UTF-16 text), expected UTF-8 text")
            carried = len(decoder.getstate()[0])  # bytes of a character split by the last read
            try:
                text = decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as exc:
                raise CorpusError(
                    f"{path}: byte offset {offset - carried + exc.start} "
                    f"({exc.object[exc.start:exc.end]!r}) is not valid UTF-8; "
                    "re-encode the file or pass errors='replace' or 'ignore'") from None
            offset += len(chunk)
            lines = (pending + text).split("\n")
            pending = lines.pop()  # unfinished: the chunk did not end with "\n"
            for line in lines:
                line_tokens.extend(normalize(line))
                yield from _cut(line_tokens, max_sentence_length)
                line_tokens = []
            if not chunk:  # end of file: what is pending is a complete last line
                line_tokens.extend(normalize(pending))
                yield from _cut(line_tokens, max_sentence_length)
                return
            cut = _after_last_space(pending)
            if cut:
                line_tokens.extend(normalize(pending[:cut]))
                pending = pending[cut:]
                full = len(line_tokens) - len(line_tokens) % max_sentence_length
                yield from _cut(line_tokens[:full], max_sentence_length)
                line_tokens = line_tokens[full:]


class Corpus:
    """A re-iterable stream of sentences, each a list of str tokens.

    Parameters
    ----------
    source : str, Path, or iterable of list[str]
        A text file (plain, .gz, .bz2 or .xz), a folder (every non-hidden
        file below it, in sorted order), or sentences already in memory.
        An in-memory source must be re-iterable (a list, not a generator):
        training reads it twice.
    normalizer : {"words", "none", "lower", "text8"}, callable or None
        How a line becomes tokens; see ``wordvec.text.normalize``. None (the
        default) means "words" for files (lowercase words, punctuation
        dropped: right for raw text, and text8-style files come out
        unchanged) and the tokens as given for in-memory sentences. A name
        given for in-memory sentences is applied to each sentence joined by
        spaces.
    max_sentence_length : int
        Longer lines are cut into pseudo-sentences of at most this many tokens.
    errors : {"strict", "replace", "ignore"}
        What to do with bytes that are not UTF-8: "strict" raises a
        ``CorpusError`` giving the byte offset.

    Examples
    --------
    >>> sentences = Corpus("wiki17m.txt.xz")                    # doctest: +SKIP
    >>> next(iter(sentences))[:4]                                 # doctest: +SKIP
    ['anarchism', 'is', 'a', 'political']
    """

    def __init__(self, source, normalizer=None, max_sentence_length=MAX_SENTENCE_LENGTH,
                 errors="strict"):
        if isinstance(max_sentence_length, bool) or not isinstance(max_sentence_length, int) \
                or max_sentence_length < 1:
            raise ValueError(f"max_sentence_length must be a positive int, got {max_sentence_length!r}")
        if errors not in ("strict", "replace", "ignore"):
            raise ValueError(f"errors must be 'strict', 'replace' or 'ignore', got {errors!r}")
        in_files = isinstance(source, (str, os.PathLike))
        if normalizer is None:
            normalizer = DEFAULT if in_files else "none"
        self.normalizer = normalizer
        self.normalize = get_normalizer(normalizer)
        self.max_sentence_length = max_sentence_length
        self.errors = errors
        if in_files:
            self.files = list_files(source)
            self.sentences = None
            self.description = str(source)
        else:
            if iter(source) is source:
                raise CorpusError(
                    "the corpus is a one-shot iterator (a generator?); training reads the "
                    "corpus twice, so pass a list of token lists, a path, or a re-iterable")
            self.files = None
            self.sentences = source
            self.description = f"<{type(source).__name__} of sentences>"

    def __iter__(self):
        return self.iter_sentences()

    def iter_sentences(self, on_read=None):
        """The sentences, as ``iter(corpus)``; ``on_read(n)`` hears how many bytes of the
        files on disk have been read so far (see ``wordvec.util.progress.reading``)."""
        if self.files is not None:
            done = 0
            for path in self.files:
                report = None if on_read is None else (lambda n, base=done: on_read(base + n))
                yield from iter_file_sentences(path, self.normalize, self.max_sentence_length,
                                               self.errors, on_read=report)
                done += path.stat().st_size
            return
        plain = self.normalizer == "none"
        for number, sentence in enumerate(self.sentences):
            if isinstance(sentence, (str, bytes)):
                raise CorpusError(
                    f"sentence {number} is a {type(sentence).__name__}, expected a list of "
                    "tokens; split your text first (e.g. line.split()) or pass a file path")
            tokens = list(sentence) if plain else self.normalize(" ".join(sentence))
            yield from _cut(tokens, self.max_sentence_length)

    @property
    def name(self):
        """A short name for messages: the file's or folder's name, or "sentences"."""
        if self.files is None:
            return "the sentences in memory"
        return Path(self.description).name

    def identity(self):
        """A hex key for caches: changes when a file, its size or mtime, or
        any reading option changes. None for in-memory corpora (not cached)."""
        if self.files is None or callable(self.normalizer):
            return None
        digest = hashlib.sha256()
        for path in self.files:
            stat = path.stat()
            digest.update(f"{path.resolve()}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
        digest.update(f"{self.normalizer}\0{self.max_sentence_length}\0{self.errors}".encode())
        return digest.hexdigest()[:20]

    def __repr__(self):
        return f"Corpus({self.description!r}, normalizer={self.normalizer!r})"


def as_corpus(source, **options):
    """Return ``source`` if it is a Corpus already, else ``Corpus(source, **options)``."""
    return source if isinstance(source, Corpus) else Corpus(source, **options)
