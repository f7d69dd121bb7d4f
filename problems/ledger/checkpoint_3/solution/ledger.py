#!/usr/bin/env python3
"""ledger: a small plain-text bookkeeping tool.

Usage: python3 ledger.py COMMAND [OPTIONS]
"""
import sys

from ledgerlib.app import run


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:], sys.stdout, sys.stderr))
