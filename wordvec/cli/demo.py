"""The demo: skip-gram learns the analogies planted in a synthetic corpus.

``wordvec demo`` runs it, with nothing to download: generate sentences in
which capitals, gendered words and plurals are used alike
(``corpora/synthetic.py``), train skip-gram on them for a few seconds, and
show what the vectors learnt: nearest neighbours, three analogies answered
by vector arithmetic, and the accuracy on all 1,020 planted questions.

Example
-------
>>> figures = run_demo(n_sentences=20_000, workers=1)     # doctest: +SKIP
wordvec demo: skip-gram on a synthetic corpus with planted analogies
<BLANKLINE>
corpus     20,000 sentences, 189,479 words, vocabulary 428
...
analogies  (a : b :: c : ?  is the word nearest to b - a + c)
  ✓ paris : france :: berlin : germany  0.97
...
>>> figures["accuracy"], figures["sections"]["capitals"]   # doctest: +SKIP
(0.9852941176470589, 1.0)
"""
import sys
import tempfile
from pathlib import Path

from corpora import synthetic
from w2v import SkipGram
from wordvec.evaluation import evaluate_analogies

from .common import at_least, positive_int
from .signals import interrupted_status

# ~430 words need few dimensions and few epochs; with these, every planted
# analogy was solved for every seed we tried (bench/results/design_measurements.md).
DEMO_PARAMS = {"dim": 50, "window": 5, "epochs": 5}
DEMO_NEIGHBOURS = ("paris", "king", "guitar")
DEMO_ANALOGIES = (("paris", "france", "berlin", "germany"), ("man", "king", "woman", "queen"),
                  ("cat", "cats", "dog", "dogs"))


def _marks(out):
    """✓ and ✗, or ASCII stand-ins where ``out`` cannot encode them."""
    encoding = getattr(out, "encoding", None)
    if encoding is None:
        return "✓", "✗"  # text kept in memory (io.StringIO) takes any character
    try:
        "✓✗".encode(encoding)
        return "✓", "✗"
    except (UnicodeEncodeError, LookupError):
        return "+", "x"


def run_demo(n_sentences=synthetic.DEFAULT_SENTENCES, workers=2, seed=0, out=None):
    """Train skip-gram on a synthetic corpus and print what it learnt.

    Parameters
    ----------
    n_sentences : int
        Size of the synthetic corpus (``wordvec demo`` asks for at least
        5,000: with fewer, some planted words are too rare to learn).
    workers : int
        Training threads.
    seed : int
        Seeds the corpus and the training; with ``workers=1`` the same seed
        prints the same figures (except the timings).
    out : text stream, optional
        Where to print; default ``sys.stdout`` (the one current at the call).

    Returns
    -------
    dict
        The figures printed. ``interrupted`` is True if Ctrl-C stopped the
        training, and then it is the only key. Otherwise also: ``sentences``,
        ``words`` (in the corpus), ``vocabulary``, ``words_trained``,
        ``train_seconds``, ``words_per_second``; ``neighbours``, word -> the
        5 (neighbour, cosine) pairs; ``analogies``, one dict per question
        with ``question`` (a, b, c), ``expected``, ``answer`` and ``score``;
        ``questions``, ``correct`` and ``accuracy`` on the planted questions,
        and ``sections``, section name -> accuracy.
    """
    out = sys.stdout if out is None else out

    def say(text):
        print(text, file=out)

    say("wordvec demo: skip-gram on a synthetic corpus with planted analogies\n")
    sentences = synthetic.generate(n_sentences, seed=seed)
    # The bar is for people watching; piped or captured output stays clean.
    model = SkipGram(**DEMO_PARAMS, workers=workers, seed=seed, verbose=sys.stderr.isatty())
    model.fit(sentences)
    if model.interrupted_:
        say("interrupted (Ctrl-C)")
        return {"interrupted": True}
    kv = model.wv
    figures = {"interrupted": False, "sentences": len(sentences),
               "words": model.vocab_.total_words, "vocabulary": len(kv),
               "words_trained": model.words_trained_, "train_seconds": model.train_seconds_,
               "words_per_second": model.words_per_second_}
    settings = ", ".join(f"{name}={value}" for name, value in DEMO_PARAMS.items())
    say(f"corpus     {len(sentences):,} sentences, {model.vocab_.total_words:,} words, "
        f"vocabulary {len(kv):,}")
    say(f"training   {settings}, workers={workers}: {model.words_trained_:,} words in "
        f"{model.train_seconds_:.1f} s ({model.words_per_second_:,.0f} words/s)")

    say("\nnearest neighbours")
    figures["neighbours"] = {word: kv.most_similar(word, topn=5) for word in DEMO_NEIGHBOURS}
    for word, nearest in figures["neighbours"].items():
        similar = ", ".join(f"{near} {score:.2f}" for near, score in nearest)
        say(f"  {word:<8} {similar}")

    say("\nanalogies  (a : b :: c : ?  is the word nearest to b - a + c)")
    right, wrong = _marks(out)
    figures["analogies"], solved = [], []
    for a, b, c, expected in DEMO_ANALOGIES:
        answer, score = kv.most_similar(positive=[b, c], negative=[a], topn=1)[0]
        figures["analogies"].append({"question": (a, b, c), "expected": expected,
                                     "answer": answer, "score": score})
        solved.append((f"{a} : {b} :: {c} :", answer, score, expected))
    width = max(len(question) for question, *_ in solved)
    for question, answer, score, expected in solved:
        mark, note = (right, "") if answer == expected else (wrong, f"  (expected {expected})")
        say(f"  {mark} {question:>{width}} {answer:<8} {score:.2f}{note}")

    with tempfile.TemporaryDirectory() as tmp:
        questions = Path(tmp) / "planted.txt"
        synthetic.write_questions(questions)
        result = evaluate_analogies(kv, questions)
    figures.update(questions=result.total.questions, correct=result.correct,
                   accuracy=result.accuracy,
                   sections={section.name: section.accuracy for section in result.sections})
    sections = ", ".join(f"{section.name} {section.accuracy:.0%}" for section in result.sections)
    say(f"\nall {result.total.questions:,} planted analogy questions: {result.correct:,} "
        f"correct ({result.accuracy:.1%}; {sections})")

    say("\nnext, real text: download text8 (100 MB of Wikipedia) and train on it")
    say("  wordvec fetch text8")
    say("  wordvec train sg --corpus text8 --out vectors.bin")
    return figures


# Below this some planted words come close to the demo's min_count of 5.
DEMO_MIN_SENTENCES = 5_000


def demo_command(args):
    """``wordvec demo``; the exit status (130 if Ctrl-C stopped the training)."""
    figures = run_demo(n_sentences=args.sentences, workers=args.workers, seed=args.seed)
    return interrupted_status() if figures["interrupted"] else 0


def add_demo_parser(commands):
    """Add ``demo`` to ``commands``."""
    parser = commands.add_parser("demo", help="train on a synthetic corpus and show what it learnt",
                                 description="Generate a corpus with planted analogies, train "
                                             "skip-gram on it, and query the vectors. No "
                                             "download.")
    parser.add_argument("--sentences", type=at_least(DEMO_MIN_SENTENCES),
                        default=synthetic.DEFAULT_SENTENCES, metavar="N",
                        help=f"corpus size, at least {DEMO_MIN_SENTENCES:,} (default: "
                             "%(default)s)")
    parser.add_argument("--workers", type=positive_int, default=2,
                        help="training threads (default: %(default)s)")
    parser.add_argument("--seed", type=int, default=0,
                        help="seeds the corpus and the training (default: %(default)s)")
    parser.set_defaults(run=demo_command)
