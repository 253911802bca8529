"""BATS: its folders read, its four parts reported, several answers accepted (issue 21)."""
import numpy as np
import pytest

from wordvec import KeyedVectors
from wordvec.errors import BenchmarkFileError
from wordvec.evaluation.analogy import evaluate_analogies
from wordvec.evaluation.bats import read_bats_folder
from wordvec.evaluation.suite import benchmark_files, benchmark_kind, evaluate_suite

# Plurals add (0, 1); capitals add (1, 0): every offset is exact.
VECTORS = {"cat": [1, 0, 0], "cats": [1, 1, 0], "dog": [2, 0, 1], "dogs": [2, 1, 1],
           "car": [0, 0, 3], "autos": [0, 1, 3], "france": [0, 3, 0], "paris": [1, 3, 0],
           "italy": [0, 4, 1], "rome": [1, 4, 1]}
KV = KeyedVectors(np.array(list(VECTORS.values()), np.float32), list(VECTORS))


def bats_folder(root):
    inflection = root / "BATS_3.0" / "1_Inflectional_morphology"
    semantics = root / "BATS_3.0" / "3_Encyclopedic_semantics"
    inflection.mkdir(parents=True)
    semantics.mkdir(parents=True)
    (inflection / "I01 [noun - plural_reg].txt").write_text(
        "cat\tcats\ndog\tdogs\ncar\tcars/autos\n", encoding="utf-8")
    (semantics / "E01 [country - capital].txt").write_text(
        "france\tparis\nitaly\trome\n", encoding="utf-8")
    return root / "BATS_3.0"


def test_a_folder_gives_every_pair_of_pairs_of_a_category(tmp_path):
    sections, questions = read_bats_folder(bats_folder(tmp_path))
    assert sections == ["E01 [country - capital]", "I01 [noun - plural_reg]"]
    # 2 pairs make 2 questions, 3 pairs make 6; a' is a's first answer, b keeps them all.
    assert len(questions) == 2 + 6
    assert (1, 3, ("cat", "cats", "car", "cars/autos")) in questions
    assert (1, 1, ("car", "cars", "cat", "cats")) in questions


def test_parts_and_several_right_answers(tmp_path):
    folder = bats_folder(tmp_path)
    assert benchmark_kind(folder) == "analogy"
    result = evaluate_analogies(KV, folder, restrict_vocab=None)
    assert [part.name for part in result.parts] == ["inflectional morphology",
                                                     "encyclopedic semantics"]
    assert result.semantic is None and result.syntactic is None
    # cat : cats :: car : ? is answered "autos", one of car's answers.
    question = next(q for q in result.questions if q.words[:3] == ("cat", "cats", "car"))
    assert question.predicted == "autos" and question.correct
    # "cars" is unknown: car : cars :: ... has an unknown a', and is skipped.
    assert [(p.questions, p.answered, p.correct) for p in result.parts] == [(6, 4, 4), (2, 2, 2)]


def test_a_google_format_file_with_bats_names_is_grouped_by_part(tmp_path):
    path = tmp_path / "bats.txt"
    path.write_text(": I01 [noun - plural_reg]\ncat cats dog dogs\ndog dogs car cars/autos\n"
                    ": E01 [country - capital]\nfrance paris italy rome\n", encoding="utf-8")
    result = evaluate_analogies(KV, path, restrict_vocab=None)
    assert [(p.name, p.correct, p.answered) for p in result.parts] == [
        ("inflectional morphology", 2, 2), ("encyclopedic semantics", 1, 1)]
    rows = evaluate_suite(KV, [path], restrict_vocab=None)
    assert [r.metric for r in rows] == ["accuracy (3cosadd)", "inflectional morphology",
                                        "encyclopedic semantics"]


def test_the_suite_finds_a_bats_folder_beside_the_files(tmp_path):
    bats_folder(tmp_path)
    (tmp_path / "pairs.txt").write_text("cat dog 5\ncar autos 9\n", encoding="utf-8")
    assert [p.name for p in benchmark_files(tmp_path)] == ["pairs.txt", "BATS_3.0"]
    rows = evaluate_suite(KV, tmp_path, restrict_vocab=None)
    assert ("BATS_3.0", "encyclopedic semantics") in [(r.name, r.metric) for r in rows]


def test_a_bad_line_is_named(tmp_path):
    folder = bats_folder(tmp_path)
    bad = folder / "1_Inflectional_morphology" / "I02 [noun - plural_irreg].txt"
    bad.write_text("mouse\tmice\nchild\n", encoding="utf-8")
    with pytest.raises(BenchmarkFileError, match=r"I02 \[noun - plural_irreg\].txt: line 2"):
        read_bats_folder(folder)


def test_a_bats_folder_is_found_by_name_and_colours_a_map(tmp_path, monkeypatch):
    # `wordvec eval --benchmark BATS_3.0`, `explore --analogies BATS_3.0`: names, as in eval/.
    from wordvec.evaluation.analogy import section_words

    bats_folder(tmp_path / "eval")
    monkeypatch.setenv("WORDVEC_DATA", str(tmp_path))
    assert benchmark_kind("BATS_3.0") == "analogy"
    words = section_words("BATS_3.0")
    assert words["I01 [noun - plural_reg]"] == ["cat", "cats", "dog", "dogs", "car", "cars",
                                                "autos"]


def test_a_repeated_word_keeps_its_questions_and_slashes_elsewhere_are_words(tmp_path):
    folder = tmp_path / "bats"
    folder.mkdir()
    (folder / "L01 [hypernyms - animals].txt").write_text("cat\tfeline\ncat\tanimal\ndog\tcanine\n")
    _, questions = read_bats_folder(folder)
    assert len(questions) == 6                  # 3 pairs, the two "cat" lines both kept
    path = tmp_path / "google.txt"
    path.write_text(": family\ncat cats dog dogs/hounds\n", encoding="utf-8")
    result = evaluate_analogies(KV, path, restrict_vocab=None)
    assert result.total.answered == 0           # "dogs/hounds" is one (unknown) word here
