"""Hostile and careless input: each kind named, nothing lost, nothing destroyed.

The table of what each kind of bad input gets is in book/method.md; every row of it is
checked here (or in tests/test_linear_time.py for pathological texts).
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import signal
import socket
import stat
import subprocess
import sys
import threading
import time
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimtrail.cli import _workers, build_parser, main
from claimtrail.extraction.extract import Article, extract_claims
from claimtrail.io.corpus import CorpusError, load_corpus
from claimtrail.io.csvrows import Row, RowProblem, read_rows
from claimtrail.io.documents import Document, InputProblem, iter_documents
from claimtrail.io.errors import DataError, read_table
from claimtrail.io.outputs import atomic_writer, check_output, csv_cell
from claimtrail.text.numbers import find_numbers

GOOD = "At least 13 people were killed, police said."


def _cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def _split(items: list) -> tuple[list[Document], list[InputProblem]]:
    return (
        [i for i in items if isinstance(i, Document)],
        [i for i in items if isinstance(i, InputProblem)],
    )


# --- outputs that never destroy ----------------------------------------------------------


def test_output_onto_a_folder_is_refused_before_any_work(tmp_path: Path) -> None:
    reads = []
    code, _, err = _cli("extract", str(tmp_path / "never-read.txt"), "-o", str(tmp_path))
    assert code == 2 and "output is a folder" in err and reads == []
    assert "never-read" not in err  # refused before the inputs were looked at


@pytest.mark.parametrize("command", ["extract", "reuse"])
def test_output_onto_an_input_is_refused(tmp_path: Path, command: str) -> None:
    source = tmp_path / "a.txt"
    source.write_text(GOOD, encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(source)
    for target in (source, link):
        code, _, err = _cli(command, str(source), "-o", str(target))
        assert code == 2 and "output is the input" in err
    assert source.read_text(encoding="utf-8") == GOOD


def test_output_onto_a_text_inside_an_input_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    code, _, err = _cli("extract", str(tmp_path), "-o", str(tmp_path / "b.txt"))
    assert code == 2 and "inside the input folder" in err
    code, _, _ = _cli("extract", str(tmp_path), "-o", str(tmp_path / "claims.csv"))
    assert code == 0


def test_output_onto_a_device_is_written_as_a_stream(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text(GOOD, encoding="utf-8")
    before = os.stat("/dev/null")
    code, _, _ = _cli("extract", str(source), "-o", "/dev/null")
    after = os.stat("/dev/null")
    assert code == 0 and stat.S_ISCHR(after.st_mode) and after.st_ino == before.st_ino


def test_output_onto_a_pipe_is_written_as_a_stream(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text(GOOD, encoding="utf-8")
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    received: list[str] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_text("utf-8")))
    reader.start()
    code, _, _ = _cli("extract", str(source), "-o", str(pipe))
    reader.join(timeout=30)
    assert code == 0 and stat.S_ISFIFO(pipe.stat().st_mode)
    assert "At least 13 people" in received[0]


def test_output_onto_a_socket_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "sock"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    try:
        with pytest.raises(DataError, match="not a regular file"):
            check_output(path)
    finally:
        server.close()


def test_output_through_a_link_replaces_the_target_and_keeps_the_link(tmp_path: Path) -> None:
    target = tmp_path / "real.csv"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)
    link = tmp_path / "link.csv"
    link.symlink_to(target)
    with atomic_writer(link) as stream:
        stream.write("new\n")
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "new\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640  # the file keeps its mode


def test_a_new_output_gets_the_usual_mode(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        with atomic_writer(tmp_path / "out.csv") as stream:
            stream.write("x\n")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "out.csv").stat().st_mode) == 0o644


def test_output_in_a_missing_folder_is_still_made(tmp_path: Path) -> None:
    check_output(tmp_path / "new" / "out.csv")  # atomic_writer makes the folder
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(DataError, match="Not a directory"):
        check_output(tmp_path / "file" / "out.csv")


# --- inputs of unknown size --------------------------------------------------------------


def test_a_pipe_or_a_device_as_input_is_refused_unread(tmp_path: Path) -> None:
    pipe = tmp_path / "in.txt"
    os.mkfifo(pipe)  # reading it would wait for a writer for ever
    folder = tmp_path / "folder"
    folder.mkdir()
    os.mkfifo(folder / "also.txt")
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    docs, problems = _split(list(iter_documents([pipe, "/dev/zero", folder])))
    assert [d.id for d in docs] == ["good"]
    assert [p.source for p in problems] == [str(pipe), "/dev/zero", str(folder / "also.txt")]
    assert all("not a regular file" in p.problem for p in problems)


# --- one bad record loses only itself ----------------------------------------------------


def test_bad_json_records_fail_alone(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    lines = [
        json.dumps({"id": "a", "text": GOOD}),
        "[" * 100_000 + "]" * 100_000,  # nested too deeply for the parser
        '{"id": "\\ud800", "text": "x"}',  # a lone surrogate cannot be written out
        '{"id": "c", "text": "10 people died.\\udc00"}',
        '{"id": 1' + "0" * 5000 + ', "text": "x"}',  # more digits than Python reads
        json.dumps({"id": "b", "text": GOOD}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    target = tmp_path / "out.jsonl"
    code, _, err = _cli("extract", str(path), "--format", "jsonl", "-o", str(target))
    assert code == 1
    assert f"{path}, line 2: malformed JSON: nested too deeply" in err
    assert f"{path}, line 3: field 'id' holds a lone surrogate" in err
    assert f"{path}, line 4: field 'text' holds a lone surrogate" in err
    assert f"{path}, line 5: malformed JSON" in err
    written = [json.loads(line)["article"] for line in target.read_text("utf-8").splitlines()]
    assert written == ["a", "b"]


def test_an_undecodable_file_name_fails_alone(tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path)
    with open(os.path.join(folder, b"caf\xe9.txt"), "wb") as stream:
        stream.write(GOOD.encode())
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    code, out, err = _cli("extract", str(tmp_path))
    assert code == 1 and "file name is not valid UTF-8" in err
    assert [r["article"] for r in csv.DictReader(io.StringIO(out))] == ["good"]


# --- strict CSV --------------------------------------------------------------------------


def test_an_unclosed_quote_loses_only_its_row(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text('id,text\na,"Ten people died.\nb,Twelve people died.\nc,Five died.\n', "utf-8")
    docs, problems = _split(list(iter_documents([path])))
    assert [d.id for d in docs] == ["b", "c"]
    assert problems[0].source == f"{path}, row 1"
    assert "opened on line 2 is never closed" in problems[0].problem


def test_text_after_a_closing_quote_is_named(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text('id,text\na,"Ten" died\nb,Five died.\n', encoding="utf-8")
    docs, problems = _split(list(iter_documents([path])))
    assert [d.id for d in docs] == ["b"]
    assert problems == [
        InputProblem(f"{path}, row 1", "malformed CSV on line 2: ',' expected after '\"'")
    ]


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "is empty"),
        (b"\n\n  \n", "is empty"),
        ("id,text\na,x\n".encode("utf-16"), "is UTF-16"),
        (b"id,id\na,b\n", "names column 'id' twice"),
    ],
)
def test_a_csv_that_cannot_be_read_at_all_is_one_problem(
    tmp_path: Path, content: bytes, problem: str
) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(content)
    _, problems = _split(list(iter_documents([path])))
    assert len(problems) == 1 and problem in problems[0].problem


def test_a_utf8_byte_order_mark_is_read(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(b"\xef\xbb\xbfid,text\na,Ten died.\n")
    assert [d.id for d in _split(list(iter_documents([path])))[0]] == ["a"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'article_id,file\n001,"a.txt\n002,b.txt\n', "row 1 (line 2): malformed CSV"),
        (b"article_id,file\n001,a.txt,extra\n", "row 1 (line 2): has 3 fields"),
        (b"article_id,file\n001,caf\xe9\n", "row 1, field 'file': not valid UTF-8"),
        ("article_id,file\n001,a\n".encode("utf-16"), "is UTF-16"),
        (b"", "is empty"),
        (b"article_id\n001\n", "missing column(s) file"),
    ],
)
def test_a_broken_data_file_is_one_error_naming_file_and_row(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "table.csv"
    path.write_bytes(content)
    with pytest.raises(DataError) as caught:
        read_table(path, ("article_id", "file"), "the table")
    assert str(caught.value).startswith(str(path)) and message in str(caught.value)


def test_data_file_values_are_strings_with_empty_cells_missing(tmp_path: Path) -> None:
    path = tmp_path / "table.csv"
    path.write_text('a,b\n" x ",\n', encoding="utf-8")
    frame = read_table(path, ("a", "b"), "the table")
    assert frame.loc[0, "a"] == " x " and frame["b"].isna().all()
    assert str(frame.dtypes["a"]) == "string"


def test_a_broken_corpus_listing_does_not_break_an_unrelated_extract(
    corpus_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (corpus_copy / "data" / "articles.csv").write_bytes(b'article_id,file\n"broken\n')
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "a.txt").write_text(GOOD, encoding="utf-8")
    monkeypatch.chdir(corpus_copy)
    code, out, err = _cli("extract", str(outside / "a.txt"))
    # the one line on standard error says the document had no publication date
    assert code == 0 and "At least 13" in out
    assert err.count("\n") == 1 and err.startswith("1 of 1 document(s) had no publication date")
    code, _, err = _cli("extract", str(corpus_copy / "data" / "raw"))
    assert code == 2 and "articles.csv" in err  # the corpus itself still needs its listing


# --- security ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["../secret.txt", "001_/../../x.txt", "/etc/passwd", ".."])
def test_a_listed_file_must_be_a_bare_name_inside_raw(corpus_copy: Path, name: str) -> None:
    listing = corpus_copy / "data" / "articles.csv"
    rows = list(csv.DictReader(listing.open(encoding="utf-8")))
    rows[0]["file"] = name
    with listing.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    with pytest.raises(CorpusError, match="row 1, field 'file'"):
        load_corpus(corpus_copy)


@pytest.mark.parametrize("value", ['=HYPERLINK("x")', "@SUM(A1)", "+cmd", "-2+3", "\tx", "\rx"])
def test_formula_cells_are_neutralised(value: str) -> None:
    assert csv_cell(value) == "'" + value
    assert csv_cell(value, raw=True) == value
    assert csv_cell(-2.0) == -2  # numbers are not text: never prefixed


def test_cli_csv_neutralises_formula_ids_unless_raw(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": "=cmd|' /C calc'!A0", "text": GOOD}) + "\n", "utf-8")
    _, out, _ = _cli("extract", str(path))
    assert next(csv.DictReader(io.StringIO(out)))["article"] == "'=cmd|' /C calc'!A0"
    _, out, _ = _cli("extract", str(path), "--raw-csv")
    assert next(csv.DictReader(io.StringIO(out)))["article"] == "=cmd|' /C calc'!A0"


def test_reuse_csv_neutralises_formula_ids(tmp_path: Path) -> None:
    text = "The group said that " + " ".join(f"word{i}" for i in range(40)) + " today."
    (tmp_path / "=a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "@b.txt").write_text("Elsewhere. " + text, encoding="utf-8")
    code, out, _ = _cli("reuse", str(tmp_path), "--include-furniture")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and rows and {rows[0]["article_a"], rows[0]["article_b"]} == {"'=a", "'@b"}


# --- numbers -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("killed 1\u200b000 people", 1000.0),  # zero-width space
        ("killed 5\u00a0000 people", 5000.0),  # no-break space between thousands
        ("killed 5\u202f000 people", 5000.0),  # narrow no-break space
        ("killed 5\u200e,000 people", 5000.0),  # left-to-right mark
        ("killed \u20661,500\u2069 people", 1500.0),  # isolates
    ],
)
def test_invisible_characters_neither_split_nor_hide_a_figure(text: str, value: float) -> None:
    found = find_numbers(text)
    assert [e.best for e in found] == [value]
    assert text[found[0].start : found[0].end] == found[0].text


def test_a_figure_too_large_for_a_float_is_not_read_and_jsonl_stays_json(tmp_path: Path) -> None:
    huge = "1" + "0" * 400
    assert find_numbers(f"killed {huge} people") == []
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": "a", "text": f"Some {huge} people died."}) + "\n", "utf-8")
    _, out, _ = _cli("extract", str(path), "--format", "jsonl")
    for line in out.splitlines():
        json.loads(line, parse_constant=lambda name: pytest.fail(f"{name} in JSON"))


# --- workers, signals --------------------------------------------------------------------


def test_workers_are_capped_at_the_cores_unless_asked(capsys: pytest.CaptureFixture[str]) -> None:
    cores = len(os.sched_getaffinity(0))
    args = build_parser().parse_args(["extract", "x", "--workers", "1000"])
    assert _workers(args) == cores and "capped at" in capsys.readouterr().err
    args = build_parser().parse_args(["extract", "x", "--workers", "1000", "--oversubscribe"])
    assert _workers(args) == 1000


def test_sigterm_leaves_no_temporary_file_and_no_worker(tmp_path: Path) -> None:
    psutil = pytest.importorskip("psutil")
    path = tmp_path / "in.jsonl"
    text = "At least 13 people were killed on Monday, police said. " * 200
    path.write_text(
        "".join(json.dumps({"id": f"d{i}", "text": text}) + "\n" for i in range(4000)), "utf-8"
    )
    out = tmp_path / "out" / "claims.csv"
    out.parent.mkdir()
    command = [sys.executable, "-m", "claimtrail.cli", "extract", str(path), "-o", str(out)]
    process = subprocess.Popen([*command, "--workers", "2", "--oversubscribe", "--quiet"])
    deadline = time.monotonic() + 60
    children: list = []
    while time.monotonic() < deadline and not (len(children) >= 2 and list(out.parent.iterdir())):
        time.sleep(0.2)  # wait for the temporary output and the two workers
        children = psutil.Process(process.pid).children(recursive=True)
    assert len(children) >= 2
    time.sleep(0.5)
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=60) == 128 + signal.SIGTERM
    assert list(out.parent.iterdir()) == []
    gone, alive = psutil.wait_procs(children, timeout=30)
    assert alive == []


# --- property-based ----------------------------------------------------------------------

_SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@_SETTINGS
@given(data=st.binary(max_size=400), suffix=st.sampled_from([".txt", ".csv", ".jsonl"]))
def test_random_bytes_give_documents_or_named_problems(
    tmp_path: Path, data: bytes, suffix: str
) -> None:
    path = tmp_path / f"in{suffix}"
    path.write_bytes(data)
    for item in iter_documents([path]):
        assert isinstance(item, Document | InputProblem)
        assert str(path) in item.source
        if isinstance(item, Document):
            item.id.encode("utf-8")  # writable
            item.text.encode("utf-8")


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=300))
def test_random_unicode_is_extracted_without_error(text: str) -> None:
    for row in extract_claims(Article("x", text, "2016-05-04")):
        assert text[row["start"] : row["end"]] == row["quote"]


_CELLS = st.text(alphabet='ab ,"\n\r', max_size=6)


@_SETTINGS
@given(st.lists(st.lists(_CELLS, min_size=1, max_size=4), min_size=1, max_size=6))
def test_random_csv_quoting_never_merges_rows_silently(tmp_path: Path, rows: list) -> None:
    path = tmp_path / "in.csv"
    with path.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows([["h1", "h2"], *rows])
    read = list(read_rows(path))
    good = [r for r in read if isinstance(r, Row)]
    assert all(isinstance(r, Row | RowProblem) for r in read)
    assert len(read) == len(rows)  # one item per row written: none merged, none lost
    assert [list(r.values.values()) for r in good] == [r for r in rows if len(r) == 2]


def test_a_temporary_file_never_outlives_a_failed_write(tmp_path: Path) -> None:
    with pytest.raises(KeyboardInterrupt), atomic_writer(tmp_path / "out.csv") as stream:
        stream.write("half")
        raise KeyboardInterrupt
    assert list(tmp_path.iterdir()) == []
    shutil.rmtree(tmp_path)


# --- validation of the coded data --------------------------------------------------------


def _edited_copy(source: Path, target: Path, row: int, changes: dict[str, str]) -> Path:
    """A copy of the CSV ``source`` with cells of data row ``row`` (from 1) changed."""
    rows = list(csv.DictReader(source.open(encoding="utf-8")))
    rows[row - 1].update(changes)
    with target.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return target


@pytest.mark.parametrize("value", ["inf", "NaN", "1e3", "abc", "-5", "5,000", "1" + "0" * 400])
def test_a_bad_bound_in_claims_is_one_message_naming_its_cell(
    repo_root: Path, tmp_path: Path, value: str
) -> None:
    from claimtrail.io.claims import ClaimsError, read_claims

    source = repo_root / "data" / "claims.csv"
    field = next(b for b in ("best", "low", "high") if next(csv.DictReader(source.open()))[b])
    path = _edited_copy(source, tmp_path / "claims.csv", 1, {field: value})
    with pytest.raises(ClaimsError) as caught:
        read_claims(path)
    assert str(caught.value).splitlines() == [
        f"{path}, row 1, field '{field}': {value!r} is not a plain number (digits)"
    ]


@pytest.mark.parametrize(
    ("as_of", "problem"),
    [("2099", "is in the future"), ("1900", "before 1950"), ("2016-12", "after the publication")],
)
def test_absurd_or_late_as_of_dates_are_refused(
    repo_root: Path, tmp_path: Path, as_of: str, problem: str
) -> None:
    from claimtrail.io.claims import ClaimsError, check_claims, read_claims
    from claimtrail.io.populations import load_nesting

    corpus = load_corpus(repo_root)
    source = repo_root / "data" / "claims.csv"
    first = next(csv.DictReader(source.open(encoding="utf-8")))
    published = corpus.set_index("article_id").loc[first["article_id"], "published"]
    assert published < "2016-12"  # the article of the first claim is older
    precision = {4: "year", 7: "month"}[len(as_of)]
    changes = {"as_of": as_of, "as_of_precision": precision}
    path = _edited_copy(source, tmp_path / "claims.csv", 1, changes)
    with pytest.raises(ClaimsError) as caught:
        check_claims(read_claims(path), corpus, path, load_nesting(repo_root))
    assert "row 1, field 'as_of'" in str(caught.value) and problem in str(caught.value)


HOSTILE_URL = 'https://example.org/"><img src=x onerror=alert(1)>'


def test_a_reference_address_must_be_a_real_address(repo_root: Path, tmp_path: Path) -> None:
    from claimtrail.io.reference import load_reference

    (tmp_path / "data" / "reference").mkdir(parents=True)
    shutil.copy(repo_root / "data" / "populations.csv", tmp_path / "data" / "populations.csv")
    source = repo_root / "data" / "reference" / "estimates.csv"
    _edited_copy(source, tmp_path / "data" / "reference" / "estimates.csv", 2, {"url": HOSTILE_URL})
    with pytest.raises(DataError, match="row 2, field 'url'.*not allowed in an address"):
        load_reference(tmp_path)


def test_a_reference_address_is_escaped_where_rendered() -> None:
    from claimtrail.publish.tables import cell_html

    for url in (HOSTILE_URL, HOSTILE_URL.replace(" ", "/")):  # shown as text, or as a link
        shown = cell_html(url, "url")
        assert "<img" not in shown and '"><' not in shown
    assert 'href="https://example.org/&quot;&gt;&lt;img/src' in shown


def test_an_article_address_must_be_a_real_address(corpus_copy: Path) -> None:
    listing = corpus_copy / "data" / "articles.csv"
    _edited_copy(listing, listing.with_suffix(".tmp"), 1, {"original_url": HOSTILE_URL})
    listing.with_suffix(".tmp").replace(listing)
    with pytest.raises(CorpusError, match="row 1, field 'original_url'"):
        load_corpus(corpus_copy)


def test_a_dask_batch_without_workers_is_reported_after_the_timeout() -> None:
    from dask.distributed import LocalCluster

    from claimtrail.extraction.extract import run_dask

    with LocalCluster(n_workers=0, processes=False, dashboard_address=None) as cluster:
        articles = iter([Article("a", GOOD), Article("b", GOOD)])
        results = list(run_dask(articles, scheduler=cluster.scheduler_address, timeout=2))
    reason = "Dask: no result within 2 s (workers lost?)"
    assert results == [("a", [], reason), ("b", [], reason)]
