"""Implementation of the ledger command-line tool."""
