"""The algorithms the command line offers, read from each package's own table.

Each algorithm package declares what the command line needs of it in a
tuple ``ALGORITHMS`` of ``wordvec.train.estimator.Algorithm`` (command name,
estimator class, one-line summary, presets). Adding an algorithm to the
command line is one line here.

>>> sorted(ALGORITHMS)
['cbow', 'fasttext', 'fasttext-cbow', 'glove', 'sg', 'sg-shared', 'svd']
>>> ALGORITHMS["sg"].estimator.__name__
'SkipGram'
"""
import glove
import subword
import svd
import w2v

ALGORITHMS = {algorithm.command: algorithm
              for package in (w2v, glove, svd, subword) for algorithm in package.ALGORITHMS}
