"""The bench's sizes are the ones the scale issue names."""

import pytest

from bench.data import SIZES, size_from


@pytest.mark.parametrize(
    ("name", "firms", "participants", "attempts", "cases", "files"),
    [
        ("S", 12, 60, 600, 30, 300),
        ("M", 100, 1_000, 10_000, 500, 5_000),
        ("L", 2_000, 20_000, 200_000, 10_000, 100_000),
    ],
)
def test_sizes(name, firms, participants, attempts, cases, files):
    size = SIZES[name]
    assert size.firms == firms
    assert size.participants == participants
    assert size.participants * size.attempts_per_person == attempts
    assert size.cases == cases
    assert size.cases * size.files_per_case == files
    assert size_from(name.lower()) == size


def test_unknown_size_is_refused_with_the_known_ones():
    with pytest.raises(SystemExit, match="S, M, L"):
        size_from("XL")


def test_a_firm_count_makes_a_small_custom_size():
    size = size_from("L", firms=3)
    assert (size.firms, size.participants, size.cases) == (3, 15, 3)
