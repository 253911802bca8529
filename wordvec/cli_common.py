"""What the ``wordvec`` commands share: number arguments and aligned tables.

Split from ``cli.py`` so that ``cli_train.py`` can use them too without the
two modules importing each other.

Example
-------
>>> print(table([("words", "1,000"), ("dimensions", "100")], right={1}))
words       1,000
dimensions    100
>>> positive_int("0")
Traceback (most recent call last):
    ...
argparse.ArgumentTypeError: must be at least 1, got 0
"""
import argparse


def at_least(minimum):
    """An argparse ``type``: a whole number >= ``minimum``, or a one-line error."""
    def whole_number(text):
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"must be at least {minimum:,}, got {value:,}")
        return value
    return whole_number


positive_int = at_least(1)


def table(rows, right=()):
    """Rows of cells as aligned text; columns in ``right`` are right-aligned."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(cell.rjust(width) if i in right else cell.ljust(width)
                               for i, (cell, width) in enumerate(zip(row, widths))).rstrip()
                     for row in rows)
