"""Known corpora and benchmark sets, their download, and a synthetic corpus.

* ``corpora.registry``: what each dataset is and where it lives;
* ``corpora.fetch``: verified downloads into a cache;
* ``corpora.synthetic``: the demo corpus with planted analogies.

The registry is re-exported here. The function ``fetch`` is not, on purpose:
a package attribute named like a submodule would hide ``corpora.fetch`` the
module. Write ``from corpora.fetch import fetch``.

Example
-------
>>> from corpora import get, names
>>> get("wiki17m").layout
'one line'
>>> names("similarity")[:2]
['wordsim353', 'simlex999']
"""
from .registry import DATASETS, Dataset, find, get, how_to_get, local_path, names

__all__ = ["DATASETS", "Dataset", "find", "get", "how_to_get", "local_path", "names"]
