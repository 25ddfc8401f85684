"""The extractor: the corpus targets, the written passages, rules, parallel engines, CLI."""

from __future__ import annotations

import csv
import io
import json
import re
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pandas as pd
import pytest

from claimtrail.cli import main
from claimtrail.extraction import extract
from claimtrail.extraction.evaluation import TARGETS, evaluate, score_passages
from claimtrail.extraction.extract import (
    OUTPUT_COLUMNS,
    Article,
    corpus_articles,
    extract_claims,
    run_dask,
    run_local,
)
from claimtrail.io.claims import extraction_gold, load_claims
from claimtrail.io.corpus import load_corpus
from claimtrail.text.numbers import fold_case

DATA = Path(__file__).parent / "data"


def _corpus_articles(root: Path) -> list[Article]:
    return corpus_articles(load_corpus(root).to_dict("records"))


def test_corpus_targets(repo_root: Path) -> None:
    """Recall and precision against the hand coding reach the targets (0.95 and 0.90)."""
    claims = load_claims(repo_root, load_corpus(repo_root))
    found = [row for a in _corpus_articles(repo_root) for row in extract_claims(a)]
    result = evaluate(extraction_gold(claims), found)
    assert result.recall >= TARGETS["recall"], result.misses
    assert result.precision >= TARGETS["precision"], result.false_hits
    accuracy = result.field_accuracy()
    assert accuracy["speaker"] == 1.0 and accuracy["qualifier"] == 1.0


def test_no_non_claims_from_the_corpus(repo_root: Path) -> None:
    found = [row for a in _corpus_articles(repo_root) for row in extract_claims(a)]
    quotes = " | ".join(row["quote"] for row in found)
    for not_a_claim in (
        "nine-minute",
        "9-minute",
        "five-month",
        "aircraft",
        "Su-24",
        "Top 12",
        "1.4 million",
        "2001",
        "2016",
        "August 8",
        "July 23",
    ):
        assert not_a_claim not in quotes
    for row in found:
        text = next(
            a.text for a in _corpus_articles(Path(__file__).parents[1]) if a.id == row["article"]
        )
        assert text[row["start"] : row["end"]] == row["quote"]


def test_development_passages() -> None:
    """The first set of written passages; its failures were read once and general rules
    fixed, so this is a development score, not a held-out one."""
    result = score_passages(DATA / "extraction_passages.jsonl")
    assert result.precision >= 0.90 and result.recall >= 0.85


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("At least 13 people were killed, police said.", [("killed", 13.0, None, None)]),
        (
            "The attack left 7 dead and 40 wounded.",
            [("killed", None, 7.0, None), ("injured", None, 40.0, None)],
        ),
        ("A 5,000-strong force advanced on the town.", [("fighters", None, 5000.0, None)]),
        ("Some 400 people were injured in the blast.", [("injured", None, 400.0, None)]),
        ("Police arrested 45 suspects on Monday.", [("detained", None, 45.0, None)]),
        ("Even if they sent a million soldiers, they would fail.", []),
        ("The convoy of 30 trucks left at 10:30 a.m. on 12 Main Street in 2015.", []),
        ("A 9-year-old girl was among those hurt in the three-day siege.", []),
        ("The air force sent five Su-24 fighter aircraft to the front.", []),
    ],
)
def test_rules(text: str, expected: list) -> None:
    rows = extract_claims(Article("t", text, "2016-05-04"))
    assert [(r["measure"], r["low"], r["best"], r["high"]) for r in rows] == expected


def test_relative_dates_resolve_against_the_statement() -> None:
    text = (
        '"The branch is growing," the envoy said back in April. "There are now 10,000 '
        'fighters. A year ago there were a hundred," he stated.'
    )
    rows = extract_claims(Article("t", text, "2016-08-02"))
    assert [(r["best"], r["as_of"], r["as_of_precision"]) for r in rows] == [
        (10000.0, "2016-04", "month"),
        (100.0, "2015-04", "month"),
    ]


def _generated(n: int) -> list[Article]:
    sentences = [
        "At least {n} people were killed in {place}, officials said on Tuesday.",
        "Some {m} fighters joined the group last year, according to the ministry.",
        "The toll rose to {n} after {k} more bodies were found, police said.",
    ]
    return [
        Article(
            f"d{i:03d}",
            " ".join(
                s.format(n=i + 3, m=10 * i + 5, k=i % 7 + 2, place=f"Town {i}") for s in sentences
            ),
            "2016-05-04",
        )
        for i in range(n)
    ]


def _rows(results) -> list[tuple]:
    return sorted(tuple(str(r[k]) for k in OUTPUT_COLUMNS) for _, rows, _ in results for r in rows)


def test_one_worker_n_workers_and_dask_agree() -> None:
    articles = _generated(40)
    one = _rows(run_local(iter(articles), workers=1))
    two = _rows(run_local(iter(articles), workers=2))
    dask = _rows(run_dask(iter(articles), workers=2, batch_size=15))
    assert len(one) >= 80
    assert one == two == dask


def _cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def test_cli_extract_on_raw(repo_root: Path) -> None:
    code, out, err = _cli("extract", str(repo_root / "data" / "raw"))
    assert code == 0 and err == ""  # no progress bar: standard error is not a terminal
    rows = list(csv.DictReader(io.StringIO(out)))
    assert tuple(rows[0]) == OUTPUT_COLUMNS and len(rows) == 17
    first = next(r for r in rows if r["quote"].startswith("an estimated 5,000"))
    assert (first["low"], first["high"], first["as_of"]) == ("5000", "7000", "2015-10")
    assert first["chain"] == "Vladimir Putin > Alahednews > Global Research"


def test_cli_extract_bad_inputs_named_and_others_written(tmp_path: Path) -> None:
    good = tmp_path / "in.jsonl"
    good.write_text(
        json.dumps({"id": "a", "text": "At least 13 people were killed.", "published": "2016-01"})
        + "\n{broken\n",
        encoding="utf-8",
    )
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xff")
    table = tmp_path / "t.csv"
    table.write_text("id,body\n1,x\n", encoding="utf-8")
    big = tmp_path / "big.txt"
    big.write_text("Some 40 people were hurt. " * 10, encoding="utf-8")
    target = tmp_path / "out.jsonl"
    code, _, err = _cli(
        "extract",
        str(good),
        str(tmp_path / "empty.txt"),
        str(tmp_path / "bad.txt"),
        str(table),
        str(big),
        "--max-chars",
        "100",
        "--format",
        "jsonl",
        "-o",
        str(target),
    )
    assert code == 1
    for expected in (
        "in.jsonl, line 2: malformed JSON",
        "empty.txt: empty text",
        "bad.txt: not valid UTF-8",
        "t.csv: missing column(s) text",
        "big.txt: text of",
    ):
        assert expected in err
    rows = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert [(r["article"], r["low"], r["as_of"]) for r in rows] == [("a", 13.0, "2016-01")]


def test_cli_help_documents_options(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["extract", "--help"])
    text = capsys.readouterr().out
    for option in ("--workers", "--engine", "--format", "--quiet", "--scheduler", "--max-chars"):
        assert option in text


def test_outputs_are_plain_values() -> None:
    rows = extract_claims(Article("t", "Some 400 people were injured.", None))
    frame = pd.DataFrame(rows, columns=OUTPUT_COLUMNS)
    assert frame.loc[0, "as_of"] is None and frame.loc[0, "best"] == 400.0


def test_cli_names_a_document_whose_extraction_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import claimtrail.extraction.extract as extract_module

    real = extract_module.extract_claims

    def fragile(article: Article) -> list[dict]:
        if article.id == "b":
            raise RuntimeError("boom")
        return real(article)

    monkeypatch.setattr(extract_module, "extract_claims", fragile)
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.txt").write_text("At least 13 people were killed.", "utf-8")
    code, out, err = _cli("extract", str(tmp_path))
    assert code == 1
    assert "b.txt: extraction failed: RuntimeError: boom" in err
    assert [r["article"] for r in csv.DictReader(io.StringIO(out))] == ["a", "c"]


def test_held_out_passages() -> None:
    """Passages written after the rules were fixed and never used to change them: the
    honest score on new text (measured 0.86 precision, 0.81 recall); guards regressions."""
    result = score_passages(DATA / "extraction_heldout.jsonl")
    assert result.precision >= 0.85 and result.recall >= 0.80


def test_cli_workers_and_dask_write_what_one_worker_writes(tmp_path: Path) -> None:
    for article in _generated(40):
        (tmp_path / f"{article.id}.txt").write_text(article.text, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")  # a problem among the documents
    _, one, one_err = _cli("extract", str(tmp_path))
    _, two, two_err = _cli("extract", str(tmp_path), "--workers", "2")
    _, dask, dask_err = _cli("extract", str(tmp_path), "--engine", "dask", "--workers", "2")
    assert len(one.splitlines()) > 80
    assert one == two == dask  # the same rows in the same order
    assert "empty.txt: empty text" in one_err and one_err == two_err == dask_err


def test_local_workers_read_ahead_only_a_few_batches() -> None:
    taken = []

    def articles():
        for article in _generated(400):
            taken.append(article.id)
            yield article

    results = run_local(articles(), workers=2, batch_size=4)
    next(results)
    # at most two batches per worker in flight, and the batch that was being filled
    assert len(taken) <= 2 * 2 * 4 + 4
    results.close()


def test_progress_bar_on_a_terminal_and_off_when_quiet(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    (tmp_path / "a.txt").write_text("At least 13 people were killed.", encoding="utf-8")
    for quiet, expect_bar in (([], True), (["--quiet"], False)):
        terminal = Terminal()
        monkeypatch.setattr("sys.stderr", terminal)
        with redirect_stdout(io.StringIO()):
            assert main(["extract", str(tmp_path), *quiet]) == 0
        assert ("articles: 1doc" in terminal.getvalue()) is expect_bar


def test_corpus_dates_go_to_corpus_files_only(repo_root: Path, tmp_path: Path) -> None:
    # 003 prints no date of its own (no dateline): outside the corpus it has none
    raw = repo_root / "data" / "raw" / "003_29fed247de3de071.txt"
    copy = tmp_path / raw.name  # the same name outside the corpus: its date is unknown
    copy.write_bytes(raw.read_bytes())
    in_corpus = list(csv.DictReader(io.StringIO(_cli("extract", str(raw))[1])))
    elsewhere = list(csv.DictReader(io.StringIO(_cli("extract", str(copy))[1])))
    assert len(in_corpus) == len(elsewhere) > 0
    assert all(r["as_of"] for r in in_corpus) and not any(r["as_of"] for r in elsewhere)


@pytest.mark.parametrize("option", ["--workers", "--max-chars"])
def test_counts_must_be_positive(option: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["extract", "x.txt", option, "0"])
    assert "must be at least 1, not 0" in capsys.readouterr().err


def _claims(text: str, published: str | None = "2016-05-04", title: str | None = None) -> list:
    rows = extract_claims(Article("t", text, published, title=title))
    return [(r["measure"], r["low"], r["best"], r["high"]) for r in rows]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the measure from the word that governs the counted phrase
        (
            "The attack claimed the lives of five citizens and injured 90 others.",
            [("killed", None, 5.0, None), ("injured", None, 90.0, None)],
        ),
        ("Four martyrs fell in the town.", [("killed", None, 4.0, None)]),
        ("Three soldiers were martyred on Sunday.", [("killed", None, 3.0, None)]),
        (
            "Twelve people died, a monitoring group said.",
            [("killed", None, 12.0, None)],
        ),
        ("At least eight died in the raid.", [("killed", 8.0, None, None)]),
        ("Medics said scores of them were wounded.", [("injured", 40.0, None, None)]),
        ("Several people were killed.", [("killed", 3.0, None, None)]),
        (
            "Two medics and 11 activists were detained.",
            [("detained", None, 2.0, None), ("detained", None, 11.0, None)],
        ),
        (
            "The blast killed 30 people including two women and left 29 others injured.",
            [
                ("killed", None, 30.0, None),
                ("killed", None, 2.0, None),
                ("injured", None, 29.0, None),
            ],
        ),
        ("Clashes killed and wounded dozens of fighters.", [("casualties", 24.0, None, None)]),
        ("ISIL lost 13 of its fighters in the battle.", [("killed", None, 13.0, None)]),
        ("The group executed 24 civilians.", [("killed", None, 24.0, None)]),
        (
            "The war has drawn thousands of jihadists from abroad.",
            [("fighters", 2000.0, None, None)],
        ),
        (
            "The war has killed more than 300000 people while 60000 are missing.",
            [("killed", 300000.0, None, None)],
        ),
        # death-toll updates
        (
            "Rescuers found more bodies, which raised the death toll from the blast to 61.",
            [("killed", None, 61.0, None)],
        ),
        ("The toll rose to 120 on Sunday.", [("killed", None, 120.0, None)]),
        ("The number of civilians killed has risen to 20.", [("killed", None, 20.0, None)]),
        # numbers that are not counts
        ("09-07-2016 Rocket fire hit the town at 1459 on Monday.", []),
        ("Children under the age of eight were evacuated.", []),
        ("Ahmed 24 said the bus was full.", []),
        ("The jets struck 12 targets across 10 square kilometers.", []),
        (
            "More than a quarter of a million people have been killed since 2011.",
            [("killed", 250000.0, None, None)],
        ),
        # noun phrases without commas
        (
            "Air strikes killed 84 people mostly women and children in Aleppo.",
            [("killed", None, 84.0, None)],
        ),
        (
            "The army killed 28 and wounded 30 Daesh terror group militants on Monday.",
            [("killed", None, 28.0, None), ("injured", None, 30.0, None)],
        ),
    ],
)
def test_wire_report_rules(text: str, expected: list) -> None:
    assert _claims(text) == expected


def test_headline_repeated_in_the_text_gives_one_row() -> None:
    title = "Car bomb kills 22 in Syria"
    text = f"Sun 05 Jul 2015 {title}. At least 22 people were killed by a car bomb on Sunday."
    rows = extract_claims(Article("t", text, "2015-07-05", title=title))
    assert [(r["quote"], r["low"]) for r in rows] == [("At least 22 people", 22.0)]
    # without the headline known, both are read
    assert len(extract_claims(Article("t", text, "2015-07-05"))) == 2
    # a headline figure the body does not state is kept
    title = "Scores killed in gas attack"
    text = f"{title}. At least 72 people died on Tuesday."
    rows = extract_claims(Article("t", text, "2017-04-04", title=title))
    assert [r["low"] for r in rows] == [40.0, 72.0]


@pytest.mark.parametrize(
    ("text", "published", "as_of", "scope"),
    [
        # a weekday named in a report of that weekday is that day
        ("Tuesday 4 Apr 2017 Shelling killed 58 people on Tuesday.", None, "2017-04-04", "event"),
        ("Shelling killed 58 people on Tuesday.", "2017-04-04", "2017-04-04", "event"),
        ("Shelling killed 58 people on Monday.", "2017-04-04", "2017-04-03", "event"),
        # the dateline, not the dataset's date, is the date of the text
        ("27-07-2016 A bomb killed 44 people on Wednesday.", "2016-07-20", "2016-07-27", "event"),
        # cumulative tolls are as of when they are current
        (
            "More than 400,000 people have been killed since March 2011.",
            "2016-08-02",
            "2016-08-02",
            "cumulative",
        ),
        (
            "At least 135 civilians have been killed since Wednesday, activists said.",
            "2016-12-07",
            "2016-12-07",
            "cumulative",
        ),
        (
            "Air strikes killed 84 people in the past three days, the army said on Monday.",
            "2016-10-31",
            "2016-10-31",
            "cumulative",
        ),
        ("At least 19 people were killed overnight.", "2016-11-21", "2016-11", "event"),
        ("Five people were killed.", None, None, "event"),
    ],
)
def test_as_of_and_scope(text: str, published: str | None, as_of: str | None, scope: str) -> None:
    rows = extract_claims(Article("t", text, published))
    assert [(r["as_of"], r["scope"]) for r in rows] == [(as_of, scope)]


def test_cli_dates_from_option_column_or_sidecar(tmp_path: Path) -> None:
    folder = tmp_path / "texts"
    folder.mkdir()
    text = "Shelling killed 12 people on Tuesday."
    for name in ("a", "b", "c"):
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    (folder / "a.json").write_text(json.dumps({"published": "2017-04-04"}), encoding="utf-8")
    code, out, err = _cli("extract", str(folder))
    rows = {r["article"]: r["as_of"] for r in csv.DictReader(io.StringIO(out))}
    assert code == 0 and rows == {"a": "2017-04-04", "b": "", "c": ""}
    assert err.count("\n") == 1 and err.startswith("2 of 3 document(s) had no publication date")
    code, out, err = _cli("extract", str(folder), "--published", "2017-04-05")
    rows = {r["article"]: r["as_of"] for r in csv.DictReader(io.StringIO(out))}
    assert code == 0 and err == ""
    assert rows == {"a": "2017-04-04", "b": "2017-04-04", "c": "2017-04-04"}  # Tuesday


def test_cli_bad_published_option_and_sidecar_are_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        main(["extract", str(tmp_path), "--published", "2017-13-01"])
    assert "2017-13-01" in capsys.readouterr().err
    (tmp_path / "a.txt").write_text("Five people died.", encoding="utf-8")
    (tmp_path / "a.json").write_text(json.dumps({"published": "yesterday"}), encoding="utf-8")
    code, _, err = _cli("extract", str(tmp_path))
    assert code == 1 and "a.json: field 'published'" in err


def test_cli_title_column_gives_one_row_for_a_repeated_headline(tmp_path: Path) -> None:
    table = tmp_path / "reports.csv"
    title = "Car bomb kills 22 in Syria"
    with open(table, "w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["id", "published", "title", "text"])
        writer.writerow(["r1", "2015-07-05", title, f"{title}. At least 22 people were killed."])
    code, out, _ = _cli("extract", str(table))
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and [r["quote"] for r in rows] == ["At least 22 people"]


LOWER_CASE_PATTERN_TEXT = (
    "SINCE March 2011 the WAR HAS KILLED 400,000, Officials SAID. So Far 12 Died In The Past "
    "Three Days, the Ministry Reported; the Five-Year Conflict that Began in İdlib, he Wrote. "
    "Even IF 40"
)


@pytest.mark.parametrize(
    "pattern", [extract._REPORTING, extract._CUMULATIVE, extract._HYPOTHETICAL]
)
def test_lower_case_patterns_find_in_folded_text_what_they_find_ignoring_case(pattern) -> None:
    text = LOWER_CASE_PATTERN_TEXT
    ignoring_case = re.compile(pattern.pattern, re.IGNORECASE)
    found = [m.span() for m in pattern.finditer(fold_case(text))]
    assert found == [m.span() for m in ignoring_case.finditer(text)]
    assert found
