"""Named hyperparameter sets: the record shared by every algorithm's presets.

Each algorithm package lists its own presets (``w2v/presets.py``,
``glove/presets.py``); this module holds what they share, so that the
command line treats them alike (``wordvec train ALGO --preset NAME``).

>>> preset = Preset("tiny", "glove", "for tests", "nowhere", {"dim": 8},
...                 {"glove": {"epochs": 2}})
>>> preset.params_for("glove")
{'dim': 8, 'epochs': 2}
>>> find_preset({"tiny": preset}, "tiny").source
'nowhere'

Settings that suit a corpus depend on its size: the papers tuned theirs on
billions of tokens. An algorithm may say which of its presets suits which
size (``Algorithm.by_corpus_size``); ``preset_for_corpus`` is the one rule
that reads it, and ``corpus_rule`` says it in words for a report.

>>> sizes = ((100_000_000, "small-corpus"),)
>>> preset_for_corpus(sizes, 17_000_000), preset_for_corpus(sizes, 2_000_000_000)
('small-corpus', None)
>>> token_count(569_077), token_count(99_700_000), token_count(16_687_029)
('0.569M', '99.7M', '16.7M')
>>> corpus_rule("glove", sizes)
'glove: small-corpus below 100M tokens, its defaults above'
"""
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Preset:
    """A named set of hyperparameters and where it comes from.

    Parameters
    ----------
    name : str
        What ``--preset`` takes.
    algorithm : str
        The algorithm the source recommends or uses.
    description : str
        One line: what the set is for.
    source : str
        The citation: a file of a released tool, or a paper.
    params : dict
        Keyword arguments for the package's estimators.
    per_algorithm : dict
        Algorithm -> keyword arguments that apply to it only; they win over
        ``params``.
    """

    name: str
    algorithm: str
    description: str
    source: str
    params: dict
    per_algorithm: dict = field(default_factory=dict)

    def params_for(self, algorithm):
        """The keyword arguments for ``algorithm``: ``params`` updated by its overrides.

        A new dict each call: changing it changes no preset.
        """
        return {**self.params, **self.per_algorithm.get(algorithm, {})}


def find_preset(presets, name):
    """``presets[name]``, or a ValueError naming the presets there are."""
    try:
        return presets[name]
    except KeyError:
        raise ValueError(f"unknown preset {name!r}; the presets are: "
                         f"{', '.join(presets)}") from None


def preset_for_corpus(by_corpus_size, n_tokens):
    """The preset that ``by_corpus_size`` gives a corpus of ``n_tokens``, or None (defaults).

    ``by_corpus_size``: ``(below this many tokens, preset name)`` pairs, smallest first.
    """
    for below, name in by_corpus_size:
        if n_tokens < below:
            return name
    return None


def token_count(n):
    """A number of tokens, short: 570,000 -> '0.57M', 17_000_000 -> '17M', 2e9 -> '2B'."""
    if n >= 1e9:
        return f"{n / 1e9:.3g}B"
    return f"{n / 1e6:.3g}M" if n >= 1e5 else f"{n:,}"


def corpus_rule(command, by_corpus_size):
    """The rule of ``by_corpus_size`` in words, for a report."""
    if not by_corpus_size:
        return f"{command}: its defaults at every size"
    parts, low = [], None
    for below, name in by_corpus_size:
        span = f"below {token_count(below)}" if low is None else \
            f"from {token_count(low)} to {token_count(below)}"
        parts.append(f"{name} {span} tokens")
        low = below
    return f"{command}: {', '.join(parts)}, its defaults above"
