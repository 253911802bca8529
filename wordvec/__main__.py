"""``python -m wordvec ...`` runs the command line, like the ``wordvec`` script.

>>> python -m wordvec demo      # doctest: +SKIP
"""
import sys

from .cli import main

sys.exit(main())
