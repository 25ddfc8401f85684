"""The claimtrail command line: reuse and provenance on the corpus and on bad input."""

from __future__ import annotations

import csv
import io
import json
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
from prov.model import ProvDocument

from claimtrail.cli import REUSE_COLUMNS, main


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def test_reuse_on_raw(repo_root: Path, tmp_path: Path) -> None:
    target = tmp_path / "reuse.csv"
    code, _, err = _run("reuse", str(repo_root / "data" / "raw"), "-o", str(target))
    assert code == 0 and err == ""
    rows = list(csv.DictReader(target.open(encoding="utf-8")))
    assert tuple(rows[0]) == REUSE_COLUMNS
    assert {(r["article_a"][:3], r["article_b"][:3]) for r in rows} == {("003", "004")}
    text = (repo_root / "data" / "raw" / (rows[0]["article_a"] + ".txt")).read_text("utf-8")
    for row in rows:
        assert text[int(row["start_a"]) : int(row["end_a"])] == row["text_a"]


def test_reuse_reports_bad_input_and_still_writes(repo_root: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe")
    raw = repo_root / "data" / "raw"
    code, out, err = _run(
        "reuse",
        str(raw / "003_29fed247de3de071.txt"),
        str(raw / "004_119cd0e1bfcc1b19.txt"),
        str(bad),
    )
    assert code == 1
    assert "bad.txt: not valid UTF-8" in err
    assert len(out.splitlines()) > 1


def test_provenance_json_reads_back(repo_root: Path, tmp_path: Path) -> None:
    target = tmp_path / "prov.json"
    code, _, _ = _run("provenance", "--root", str(repo_root), "-o", str(target))
    assert code == 0
    content = target.read_text(encoding="utf-8")
    document = ProvDocument.deserialize(content=content, format="json")
    assert len(document.get_records()) > 50
    assert "ct:claim_C01" in json.loads(content)["entity"]


def test_provenance_provn(repo_root: Path) -> None:
    code, out, _ = _run("provenance", "--root", str(repo_root), "--format", "provn")
    assert code == 0 and out.startswith("document")


def test_help_documents_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["reuse", "--help"])
    assert exit_info.value.code == 0
    text = capsys.readouterr().out
    assert "--min-words" in text and "text_a" in text
