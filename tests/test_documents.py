"""Reading documents: every kind of input, and every bad input named without stopping."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from claimtrail.io import documents
from claimtrail.io.documents import Document, InputProblem, iter_documents
from claimtrail.io.outputs import atomic_writer


def _split(items):
    docs = [i for i in items if isinstance(i, Document)]
    problems = [i for i in items if isinstance(i, InputProblem)]
    return docs, problems


def test_txt_folder_recursive_sorted(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Second text.", encoding="utf-8")
    (tmp_path / "b" / "3.TXT").write_text("Third text.", encoding="utf-8")
    (tmp_path / "1.txt").write_text("First text.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("not read", encoding="utf-8")
    docs, problems = _split(list(iter_documents([tmp_path])))
    assert [(d.id, d.published) for d in docs] == [("1", None), ("2", None), ("3", None)]
    assert problems == []


def test_other_kinds_of_file_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text("Some 400 people were killed.", encoding="utf-8")
    docs, problems = _split(list(iter_documents([path])))
    assert docs == [] and "expected .txt, .csv, .jsonl" in problems[0].problem


def test_upper_case_suffixes_are_read_as_their_kind(tmp_path: Path) -> None:
    path = tmp_path / "UP.CSV"
    path.write_text("id,text\na,Some 400 people were killed.\n", encoding="utf-8")
    docs, _ = _split(list(iter_documents([path])))
    assert [(d.id, d.text) for d in docs] == [("a", "Some 400 people were killed.")]


def test_unreadable_folder_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "1.txt").write_text("First text.", encoding="utf-8")
    real_walk = os.walk

    def walk(top, onerror=None):  # one sub-folder that cannot be listed
        onerror(PermissionError(13, "Permission denied", str(tmp_path / "locked")))
        yield from real_walk(top, onerror=onerror)

    monkeypatch.setattr(documents.os, "walk", walk)
    docs, problems = _split(list(iter_documents([tmp_path])))
    assert [d.id for d in docs] == ["1"]
    assert problems == [
        InputProblem(str(tmp_path / "locked"), "unreadable folder: Permission denied")
    ]


def test_unreadable_file_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "1.txt"
    path.write_text("First text.", encoding="utf-8")

    def refuse(self: Path, *args: object, **kwargs: object) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", refuse)
    _, problems = _split(list(iter_documents([path])))
    assert problems == [InputProblem(str(path), "unreadable: Permission denied")]


def test_too_large_a_file_is_refused_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 401)  # more than 4 bytes per character allowed

    real_open = Path.open

    def must_not_read(self: Path, *args: object, **kwargs: object) -> object:
        stream = real_open(self, *args, **kwargs)
        stream.read = lambda *_: (_ for _ in ()).throw(AssertionError("read"))
        return stream

    monkeypatch.setattr(Path, "open", must_not_read)
    _, problems = _split(list(iter_documents([path], max_chars=100)))
    assert problems[0].problem == "401 bytes: more than --max-chars 100"


def test_too_long_a_json_line_is_skipped_and_the_next_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "in.jsonl"
    long = json.dumps({"id": "long", "text": "x" * 20_000})
    short = json.dumps({"id": "short", "text": "Some 400 people were killed."})
    path.write_text(long + "\n" + short + "\n", encoding="utf-8")
    monkeypatch.setattr(documents, "_JSON_OVERHEAD", 0)
    docs, problems = _split(list(iter_documents([path], max_chars=1000)))
    assert [d.id for d in docs] == ["short"]
    assert problems[0].source.endswith("in.jsonl, line 1")
    assert problems[0].problem == "line of more than 12,000 bytes: too long a text"


@pytest.mark.parametrize(
    ("record", "problem"),
    [
        (
            {"id": "a", "text": "Some text.", "published": 2016},
            "field 'published' must be a string",
        ),
        ({"id": "a", "text": "Some text.", "published": "2016-13-99"}, "is not a real ISO date"),
        ({"id": None, "text": "Some text."}, "field 'id' must be a string or an integer"),
        ({"id": True, "text": "Some text."}, "field 'id' must be a string or an integer"),
        ({"id": " ", "text": "Some text."}, "field 'id' is empty"),
        ({"text": "Some text."}, "field 'id' must be a string or an integer"),
        ({"id": "a", "text": 5}, "needs an object with 'id' and a string 'text'"),
    ],
)
def test_bad_json_fields_are_named(tmp_path: Path, record: dict, problem: str) -> None:
    path = tmp_path / "in.jsonl"
    good = {"id": "good", "text": "At least 13 people were killed.", "published": "2016-08"}
    path.write_text(json.dumps(record) + "\n" + json.dumps(good) + "\n", encoding="utf-8")
    docs, problems = _split(list(iter_documents([path])))
    assert [(d.id, d.published) for d in docs] == [("good", "2016-08")]
    assert len(problems) == 1 and problem in problems[0].problem
    assert problems[0].source.endswith("in.jsonl, line 1")


def test_bad_bytes_in_one_csv_row_name_the_row_and_spare_the_rest(tmp_path: Path) -> None:
    rows = [f"r{i},Some {i} people were killed.\n".encode() for i in range(1, 2001)]
    rows[1499] = b"r1500,Some caf\xe9 people.\n"
    path = tmp_path / "in.csv"
    path.write_bytes(b"id,text\n" + b"".join(rows))
    docs, problems = _split(list(iter_documents([path])))
    assert len(docs) == 1999 and docs[-1].id == "r2000"
    assert problems == [InputProblem(f"{path}, row 1500", "field 'text' is not valid UTF-8")]


def test_csv_rows_with_extra_or_missing_fields_are_named_and_the_rest_read(
    tmp_path: Path,
) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(
        b"id,text,published\na,Some 400 people were killed.,2016,extra\nb,Dozens hurt.\n"
        b"c,Ten died.,2016\n"
    )
    docs, problems = _split(list(iter_documents([path])))
    assert [(d.id, d.published) for d in docs] == [("c", "2016")]
    assert problems == [
        InputProblem(f"{path}, row 1", "has 4 fields, the header has 3"),
        InputProblem(f"{path}, row 2", "has 2 fields, the header has 3"),
    ]


def test_empty_csv_id_is_named(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text("id,text\n,Some 400 people were killed.\n", encoding="utf-8")
    _, problems = _split(list(iter_documents([path])))
    assert problems == [InputProblem(f"{path}, row 1", "field 'id' is empty")]


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
        ("notext.csv", b"id,body\n1,hello\n", "missing column(s) text"),
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
