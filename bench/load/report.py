"""`make load`: Locust's statistics as one line per endpoint.

    python -m bench.load.report PREFIX_stats.csv USERS

prints, for each endpoint and then for all requests of the run:

    load users=<n> <endpoint> requests=<n> rps=<per second> p50_ms=<ms>
        p95_ms=<ms> p99_ms=<ms> errors=<n>      (on one line)

and, from PREFIX_stats_history.csv, the worst p95 of all requests in any
10-second window (the login burst shows there), then each kind of failure with
its count and Locust's error text. Percentiles are Locust's
(response times rounded to two significant digits).
"""

import csv
import sys
from pathlib import Path


def main() -> int:
    stats_path, users = Path(sys.argv[1]), sys.argv[2]
    if not stats_path.exists():
        print(f"load users={users}: no statistics (see Locust's log)")
        return 1
    with stats_path.open(encoding="utf-8") as stats:
        rows = list(csv.DictReader(stats))
    rows.sort(key=lambda row: (row["Name"] == "Aggregated", row["Name"]))
    for row in rows:
        name = "all" if row["Name"] == "Aggregated" else row["Name"].replace(" ", "-")
        print(
            f"load users={users} {name} requests={row['Request Count']} "
            f"rps={float(row['Requests/s']):.1f} p50_ms={row['50%']} "
            f"p95_ms={row['95%']} p99_ms={row['99%']} errors={row['Failure Count']}"
        )
    history = stats_path.with_name(stats_path.name.replace("_stats", "_stats_history"))
    if history.exists():
        with history.open(encoding="utf-8") as lines:
            windows = [
                row
                for row in csv.DictReader(lines)
                if row["Name"] == "Aggregated" and row["95%"] not in ("", "N/A")
            ]
        if windows:
            worst = max(windows, key=lambda row: float(row["95%"]))
            start = int(windows[0]["Timestamp"])
            print(
                f"# users={users}: worst p95 over Locust's rolling window "
                f"{worst['95%']} ms at {int(worst['Timestamp']) - start} s"
            )
    failures = stats_path.with_name(stats_path.name.replace("_stats", "_failures"))
    if failures.exists():
        with failures.open(encoding="utf-8") as lines:
            for row in csv.DictReader(lines):
                print(
                    f"# users={users}: {row['Occurrences']} × {row['Method']} "
                    f"{row['Name']}: {row['Error']}"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
