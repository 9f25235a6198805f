"""`python -m bench`: the page benchmark (see bench/run.py)."""

import sys

from bench.run import main

sys.exit(main())
