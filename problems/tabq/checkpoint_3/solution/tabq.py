#!/usr/bin/env python3
"""tabq: run a small SQL-like query against a tabular file."""
import sys

from tabqlib.cli import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
