"""Names from a peer become one safe path component; taken names are numbered."""

from __future__ import annotations

import itertools
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.ipmsg.safe_names import (
    FALLBACK_NAME,
    NAME_BYTES_MAX,
    candidates,
    safe_name,
    unique_name,
)

TABLE = {
    "report.txt": "report.txt",
    "报告 2024.docx": "报告 2024.docx",
    ".bashrc": ".bashrc",
    "": FALLBACK_NAME,
    ".": FALLBACK_NAME,
    "..": FALLBACK_NAME,
    "...": FALLBACK_NAME,
    "../../etc/passwd": ".._.._etc_passwd",
    "/etc/passwd": "_etc_passwd",
    "\\\\server\\share": "__server_share",
    "C:": "C_",
    "C:\\Windows\\evil.dll": "C__Windows_evil.dll",
    "a/b": "a_b",
    "a\\b": "a_b",
    "a\0b": "a_b",
    "\x1b[31mred": "_[31mred",
    "line\nbreak\r": "line_break_",
    "tab\there": "tab_here",
    "\x7f": "_",
    "evil\u202etxt.exe": "evil_txt.exe",
    "CON": "_CON",
    "con.txt": "_con.txt",
    "Nul.tar.gz": "_Nul.tar.gz",
    "COM1": "_COM1",
    "lpt9.log": "_lpt9.log",
    "COM¹": "_COM¹",
    "CON .txt": "_CON .txt",
    "CONSOLE": "CONSOLE",
    "COM10": "COM10",
    "name.": "name",
    "name. . ": "name",
    " lead": " lead",
    'a*b?c"d<e>f|g': "a_b_c_d_e_f_g",
    "\ud800lone": "_lone",
}


@pytest.mark.parametrize(("name", "expected"), TABLE.items(), ids=[repr(k) for k in TABLE])
def test_table(name: str, expected: str) -> None:
    assert safe_name(name) == expected


def test_long_names_are_cut_to_255_utf8_bytes_keeping_the_extension() -> None:
    long = "汉" * 200 + ".txt"
    result = safe_name(long)
    assert len(result.encode("utf-8")) <= NAME_BYTES_MAX
    assert result.endswith(".txt") and result.startswith("汉")
    assert len(safe_name("a" * 1000).encode("utf-8")) == NAME_BYTES_MAX


def test_candidates_number_before_the_extension() -> None:
    assert list(itertools.islice(candidates("a.txt"), 3)) == ["a.txt", "a (2).txt", "a (3).txt"]
    assert list(itertools.islice(candidates("v1.2", folder=True), 2)) == ["v1.2", "v1.2 (2)"]
    assert list(itertools.islice(candidates(".bashrc"), 2)) == [".bashrc", ".bashrc (2)"]
    assert list(itertools.islice(candidates("../x"), 2)) == [".._x", ".._x (2)"]
    assert list(itertools.islice(candidates("README"), 2)) == ["README", "README (2)"]


def test_candidates_of_long_names_stay_within_the_limit() -> None:
    for candidate in itertools.islice(candidates("名" * 300 + ".jpeg"), 12):
        assert len(candidate.encode("utf-8")) <= NAME_BYTES_MAX
        assert candidate.endswith(".jpeg")


def test_unique_name_skips_every_taken_name() -> None:
    taken = {"a.txt", "a (2).txt"}
    assert unique_name("a.txt", taken.__contains__) == "a (3).txt"
    with pytest.raises(ValueError, match="no free name"):
        unique_name("a.txt", lambda _: True, limit=5)


def _is_one_safe_component(name: str) -> bool:
    upper = name.split(".", 1)[0].rstrip(" ").upper()
    return (
        bool(name)
        and name not in (".", "..")
        and not any(c in '/\\:*?"<>|' for c in name)
        and not any(unicodedata.category(c) in ("Cc", "Cs") for c in name)
        and not name.endswith((".", " "))
        and upper not in {"CON", "PRN", "AUX", "NUL"}
        and not (upper[:3] in ("COM", "LPT") and upper[3:] in list("123456789¹²³"))
        and len(name.encode("utf-8")) <= NAME_BYTES_MAX
    )


@given(st.text(max_size=400))
@settings(max_examples=500)
def test_any_name_becomes_one_safe_component(name: str) -> None:
    assert _is_one_safe_component(safe_name(name))


@given(st.text(max_size=300), st.booleans())
@settings(max_examples=200)
def test_every_candidate_is_safe_and_distinct(name: str, folder: bool) -> None:
    some = list(itertools.islice(candidates(name, folder=folder), 5))
    assert all(_is_one_safe_component(c) for c in some)
    assert len(set(some)) == len(some)
