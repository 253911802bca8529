"""Outlier detection: OPP and accuracy (issue 21), checked by hand."""
import math

import numpy as np
import pytest

from wordvec import KeyedVectors
from wordvec.errors import BenchmarkFileError
from wordvec.evaluation.outliers import evaluate_outliers, outlier_position, read_outlier_groups
from wordvec.evaluation.suite import benchmark_kind, evaluate_suite


def at(degrees):
    return [math.cos(math.radians(degrees)), math.sin(math.radians(degrees))]


# Three cats at 0, 10 and 20 degrees; a car at 90; a kitten at 5, inside the group.
WORDS = ["cat", "lion", "tiger", "car", "kitten", "big", "truck"]
KV = KeyedVectors(np.array([at(0), at(10), at(20), at(90), at(5), at(45), at(80)], np.float32),
                  WORDS)


def write(path, groups):
    lines = [",category,outliers,words"]
    for i, (name, words, outliers) in enumerate(groups):
        lines.append(f'{i},{name},"{outliers + [""]!r}","{words!r}"')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_positions_by_hand():
    group = np.array([at(0), at(10), at(20)])
    # The car's summed cosine (0.087 + 0.259 + 0.423 = 0.769) is below every cat's: last.
    assert outlier_position(group, np.array(at(90))) == 3
    # The kitten: compactness cat 0 deg 2.9207, lion 2.9658, tiger 2.8904, kitten 2.9583:
    # only the lion ranks above it.
    assert outlier_position(group, np.array(at(5))) == 1


def test_opp_and_accuracy_equal_the_hand_computation(tmp_path):
    path = write(tmp_path / "cats.csv", [("cats", ["cat", "lion", "tiger"], ["car", "kitten"])])
    result = evaluate_outliers(KV, path)
    # OP / n: the car 3/3, the kitten 1/3; OPP = (1 + 1/3) / 2 = 66.7%; one of two found.
    assert result.opp == pytest.approx(100 * (1 + 1 / 3) / 2)
    assert (result.cases, result.answered, result.detected) == (2, 2, 1)
    assert result.accuracy == 0.5 and result.accuracy_ci[0] < 0.5 < result.accuracy_ci[1]


def test_missing_words_skip_their_cases_and_multi_words_use_their_parts(tmp_path):
    path = write(tmp_path / "cats.csv", [
        ("cats", ["cat", "lion", "tiger"], ["car", "unicorn", "big_truck"]),
        ("beasts", ["cat", "dragon"], ["car", "truck"]),          # dragon unknown: skipped
    ])
    result = evaluate_outliers(KV, path)
    assert (result.cases, result.answered) == (5, 2)
    assert result.missing == ["dragon", "unicorn"]
    assert result.accuracy_all == result.detected / 5


@pytest.mark.parametrize("body,message", [
    ('0,x,"[\'a\']","[\'b\']"', "the group 'x' has 1 cluster word"),
    ('0,x,"[]","[\'b\', \'c\']"', "the group 'x' has no outliers"),
    ('0,x,"__import__(\'os\')","[\'b\', \'c\']"', "the outliers column is not a list"),
    ('0,x,"[\'a\']"', "expected 4 columns"),
])
def test_bad_files_name_the_line(tmp_path, body, message):
    path = tmp_path / "bad.csv"
    path.write_text(",category,outliers,words\n" + body + "\n", encoding="utf-8")
    with pytest.raises(BenchmarkFileError, match=f"line 2: {message}"):
        read_outlier_groups(path)


def test_the_suite_reports_accuracy_and_opp(tmp_path):
    path = write(tmp_path / "cats.csv", [("cats", ["cat", "lion", "tiger"], ["car", "kitten"])])
    assert benchmark_kind(path) == "outliers"
    rows = evaluate_suite(KV, [path])
    assert [(r.metric, round(r.value, 4), r.answered, r.total) for r in rows] == [
        ("accuracy", 0.5, 2, 2), ("OPP", 0.6667, 2, 2)]
    assert rows[0].ci is not None and rows[1].ci is None
