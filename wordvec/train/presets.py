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
