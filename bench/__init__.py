"""Speed measurements, not part of the product: `make bench` (page timings in one
process, see bench/run.py) and `make load` (Locust against gunicorn, see
bench/load/). Nothing here is installed or imported by the site."""
