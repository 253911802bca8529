"""wordvec: the shared core (corpus, vocabulary, vectors, evaluation, CLI)."""
__version__ = "0.1.0"
