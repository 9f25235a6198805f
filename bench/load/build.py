"""`make load`, step 1: the benchmark's data of one size in the load database.

    python -m bench.load.build S|M|L

Empties the database and builds what `make bench` builds at that size (see
bench/data.py: the demo, firms in runs of 20 with their people, attendance,
progress and quiz attempts, certifications, validation cases with evidence
files, five years of follow-up reports, placements), so the load runs against
a database of that size; bench/load/prepare.py then adds the load's accounts.
"""

import sys

import django

django.setup()


def main() -> int:
    from bench.data import build, size_from

    size = size_from(sys.argv[1])
    build(size)
    print(f"load: size {size.name}: {size.describe()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
