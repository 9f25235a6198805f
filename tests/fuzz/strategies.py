"""Hypothesis strategies for hostile form input.

Every value is what a browser (or someone with curl) can send: strings, or lists
of strings for a repeated key. The mix leans on what has broken Django sites
before: NUL and other control characters, right-to-left overrides, strings far
past any `max_length`, numbers past what a database column holds, impossible
dates, choices that are not offered, and ids of rows that do not exist.
"""

import json
import string

from hypothesis import strategies as st

# Characters that have caused trouble: NUL (PostgreSQL refuses it in text), the
# right-to-left override and zero-width joiner (spoofed names), a lone
# surrogate's neighbours, CR/LF (header injection), spreadsheet formula starts.
NASTY_CHARACTERS = "\x00\u202e\u200d\ufeff\r\n\t=+-@<>\"'&;%\\/\u0085\u2028\U0001f600"

NASTY_STRINGS = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "\u202egnp.exe",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    '=HYPERLINK("http://example.org")',
    "../../etc/passwd",
    "%00",
    "null",
    "None",
    "true",
    "on",
    "[]",
    "{}",
    "ÆØÅ æøå",
    "𝕳𝖊𝖑𝖑𝖔",
]

NUMBERS = [
    "0",
    "-1",
    "1",
    "2",
    "1.5",
    "1e309",
    "-1e309",
    "NaN",
    "inf",
    "-inf",
    "１２",  # full-width digits: int() accepts them, some validators do not
    "٣",  # Arabic-Indic three
    str(2**31),
    str(2**63),
    str(-(2**63) - 1),
    str(10**30),
    "9" * 400,
    "0x10",
    "1_000",
]

DATES = [
    "2024-02-30",
    "2023-02-29",
    "2024-02-29",
    "0000-01-01",
    "0001-01-01",
    "9999-12-31",
    "10000-01-01",
    "2024-13-01",
    "2024-01-01T25:61",
    "2024-06-01T12:00",
    "2024-06-01 12:00:00+99:00",
    "31.12.2024",
    "1970-01-01",
    "-2024-01-01",
]

HUGE_LENGTHS = [256, 1_001, 10_001, 100_001]


def junk_text() -> st.SearchStrategy[str]:
    """One hostile string (never a surrogate: a browser cannot send one)."""
    unicode_text = st.text(alphabet=st.characters(codec="utf-8"), max_size=40)
    nasty_text = st.text(alphabet=NASTY_CHARACTERS + string.ascii_letters, max_size=40)
    huge = st.builds(
        lambda char, size: char * size,
        st.sampled_from(["a", "æ", "\x00", "9", "\u202e", "😀"]),
        st.sampled_from(HUGE_LENGTHS),
    )
    return st.one_of(
        st.sampled_from(NASTY_STRINGS),
        st.sampled_from(NUMBERS),
        st.sampled_from(DATES),
        st.integers().map(str),
        unicode_text,
        nasty_text,
        huge,
    )


def field_value(good: list[str] | tuple[str, ...] = ()) -> st.SearchStrategy:
    """A value for one key: hostile text, sometimes a plausible one, sometimes a
    list where a single value is expected (a repeated key)."""
    single = junk_text()
    if good:
        single = st.one_of(st.sampled_from(list(good)), single)
    return st.one_of(single, st.lists(single, min_size=2, max_size=4))


def form_data(
    names: list[str], good: dict[str, list[str]] | None = None
) -> st.SearchStrategy[dict]:
    """A POST body as a dict: some of the expected keys (missing ones are the
    missing-key case), each with a hostile or plausible value, plus stray keys."""
    good = good or {}
    known = st.fixed_dictionaries(
        {}, optional={name: field_value(good.get(name, ())) for name in names}
    )
    stray = st.dictionaries(
        st.text(
            alphabet=string.ascii_letters + "-_[]0" + "\x00", min_size=1, max_size=12
        ),
        field_value(),
        max_size=3,
    )
    return st.builds(lambda a, b: {**b, **a}, known, stray)


def formset_management(prefix: str) -> st.SearchStrategy[dict]:
    """The management form of a formset, mostly abused (a flood of forms, a
    negative count, text)."""
    count = st.one_of(
        st.sampled_from(["0", "1", "2", "-1", "1001", str(10**9), "", "x"]),
        junk_text(),
    )
    return st.fixed_dictionaries(
        {},
        optional={
            f"{prefix}-TOTAL_FORMS": count,
            f"{prefix}-INITIAL_FORMS": count,
            f"{prefix}-MIN_NUM_FORMS": count,
            f"{prefix}-MAX_NUM_FORMS": count,
        },
    )


RAW_CONTENT_TYPES = [
    "application/json",
    "text/plain",
    "application/xml",
    "multipart/form-data",  # no boundary
    "multipart/form-data; boundary=x",
    "application/x-www-form-urlencoded; charset=utf-16",
    "application/x-www-form-urlencoded; charset=nonsense",
    "application/octet-stream",
]


def raw_body(names: list[str]) -> st.SearchStrategy[tuple[str, bytes]]:
    """A body the form parser was not made for: wrong content type, broken
    encoding, JSON, duplicate keys, a multipart without a boundary."""
    json_body = st.dictionaries(
        st.sampled_from(names or ["x"]), junk_text(), max_size=4
    ).map(lambda d: json.dumps(d).encode())
    duplicate_keys = st.lists(
        st.tuples(st.sampled_from(names or ["x"]), junk_text()), max_size=6
    ).map(
        lambda pairs: "&".join(
            f"{key}={value.encode('utf-8', 'surrogatepass').hex()}"
            for key, value in pairs
        ).encode()
    )
    binary = st.binary(max_size=200)
    percent_junk = st.sampled_from(
        [b"%", b"%zz=1", b"a=%ff%fe", b"=", b"&&&", b"a", b"\xff\xfe=\x00"]
    )
    return st.tuples(
        st.sampled_from(RAW_CONTENT_TYPES),
        st.one_of(json_body, duplicate_keys, binary, percent_junk),
    )
