"""Reading documents: every kind of input, and every bad input named without stopping."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimtrail.documents import Document, InputProblem, iter_documents
from claimtrail.outputs import atomic_writer


def _split(items):
    docs = [i for i in items if isinstance(i, Document)]
    problems = [i for i in items if isinstance(i, InputProblem)]
    return docs, problems


def test_txt_folder_recursive_sorted(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Second text.", encoding="utf-8")
    (tmp_path / "1.txt").write_text("First text.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("not read", encoding="utf-8")
    docs, problems = _split(list(iter_documents([tmp_path], published={"1.txt": "2016-08"})))
    assert [(d.id, d.published) for d in docs] == [("1", "2016-08"), ("2", None)]
    assert problems == []


def test_csv_and_jsonl(tmp_path: Path) -> None:
    table = tmp_path / "in.csv"
    table.write_text('id,text,published\na,"Some 400 people, he said.",2015-04\nb,,\n', "utf-8")
    lines = tmp_path / "in.jsonl"
    lines.write_text(
        json.dumps({"id": 7, "text": "At least 13 killed."})
        + "\n{not json\n\n"
        + json.dumps({"id": "x"})
        + "\n",
        encoding="utf-8",
    )
    docs, problems = _split(list(iter_documents([table, lines])))
    assert [(d.id, d.published) for d in docs] == [("a", "2015-04"), ("7", None)]
    assert [(p.source.split("/")[-1], p.problem.split(":")[0]) for p in problems] == [
        ("in.csv, row 2", "empty text"),
        ("in.jsonl, line 2", "malformed JSON"),
        ("in.jsonl, line 4", "needs an object with 'id' and a string 'text'"),
    ]


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("bad.txt", b"caf\xe9", "not valid UTF-8 at byte 3"),
        ("empty.txt", b"  \n", "empty text"),
        ("notext.csv", b"id,body\n1,hello\n", "no column text"),
        ("date.csv", b"id,text,published\n1,hello,August\n", "field 'published'"),
        ("big.txt", b"x" * 101, "exceeds --max-chars 100"),
    ],
)
def test_bad_inputs_are_named(tmp_path: Path, name: str, content: bytes, problem: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text("A good text.", encoding="utf-8")
    docs, problems = _split(list(iter_documents([path, good], max_chars=100)))
    assert [d.id for d in docs] == ["good"]  # the other documents still come through
    assert len(problems) == 1 and problem in problems[0].problem
    assert name in problems[0].source


def test_missing_path(tmp_path: Path) -> None:
    _, problems = _split(list(iter_documents([tmp_path / "nope.txt"])))
    assert problems[0].problem == "no such file or folder"


def test_atomic_writer_keeps_old_file_on_error(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("old\n", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_writer(target) as stream:
        stream.write("half")
        raise RuntimeError("interrupted")
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]
    with atomic_writer(target) as stream:
        stream.write("new\n")
    assert target.read_text(encoding="utf-8") == "new\n"
