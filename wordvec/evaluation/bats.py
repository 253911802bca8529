"""BATS, the Bigger Analogy Test Set (Gladkova, Drozd and Matsuoka 2016), by its four parts.

BATS 3.0 has 40 categories of word pairs, ten in each of four parts, told
apart by the first letter of the category's code:

* I01-I10: inflectional morphology (``noun - plural_reg``: album albums);
* D01-D10: derivational morphology (``verb+er_irreg``: teach teacher);
* E01-E10: encyclopedic semantics (``country - capital``: france paris);
* L01-L10: lexicographic semantics (``hypernyms - animals``: ant insect).

Two layouts are read. The published one is a folder (one folder per part,
one file per category, ``I01 [noun - plural_reg].txt``), each line a word, a
tab, and its answers, several allowed (``ant<TAB>insect/arthropod``). The
other is a file in Google's format whose ``: section`` lines carry BATS's
names (``: I01 [noun - plural_reg]``); its answers may list alternatives the
same way (``a b c d1/d2``).

The questions of a folder follow BATS's own scheme for 3CosAdd: within a
category, every ordered pair of two different pairs (a, a'), (b, b') asks
a : a' :: b : ?, with a' the first answer listed for a; any of b's answers is
right. (The authors' LRCos is not implemented.)

>>> part_of("I01 [noun - plural_reg]"), part_of("capital-world")
('inflectional morphology', None)
"""
import re
from pathlib import Path

from ..errors import BenchmarkFileError

PARTS = {"I": "inflectional morphology", "D": "derivational morphology",
         "E": "encyclopedic semantics", "L": "lexicographic semantics"}
_CODE = re.compile(r"^([IDEL])(\d\d)\b")


def part_of(section):
    """The BATS part of a section or category name, or None if it is not a BATS name."""
    found = _CODE.match(section.strip())
    return PARTS[found.group(1)] if found else None


def category_files(folder):
    """The category files of a BATS folder (``I01 [...].txt``), in code order."""
    files = [path for path in Path(folder).rglob("*.txt") if _CODE.match(path.name)]
    return sorted(files, key=lambda path: path.name)


def is_bats_folder(path):
    """Whether ``path`` is a folder holding BATS category files."""
    return Path(path).is_dir() and bool(category_files(path))


def read_bats_folder(folder):
    """Section names and questions of a BATS folder, as ``analogy`` reads a file.

    Returns ``(sections, questions)``: the category names (file names
    without ``.txt``), and ``[(section index, line number, (a, a', b,
    "b1/b2/..."))]``, every ordered pair of two different pairs of a category.
    """
    sections, questions = [], []
    for path in category_files(folder):
        pairs = []
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            parts = line.split("\t") if "\t" in line else line.split(None, 1)
            answers = [word.strip() for word in parts[1].split("/")] if len(parts) == 2 else []
            answers = [word for word in answers if word]
            if len(parts) != 2 or not parts[0].strip() or not answers:
                raise BenchmarkFileError(f"{path}: line {number}: expected a word, a tab and "
                                         f"its answers (a/b for several), got {line!r}")
            pairs.append((number, parts[0].strip(), answers))
        if len(pairs) < 2:
            raise BenchmarkFileError(f"{path}: a category needs at least 2 pairs to make a "
                                     f"question, found {len(pairs)}")
        sections.append(path.stem)
        index = len(sections) - 1
        for i, (_, a, a_answers) in enumerate(pairs):
            for j, (number, b, b_answers) in enumerate(pairs):
                if j != i:
                    questions.append((index, number, (a, a_answers[0], b, "/".join(b_answers))))
    if not questions:
        raise BenchmarkFileError(f"{folder}: no BATS category files (I01 [...].txt) found")
    return sections, questions
