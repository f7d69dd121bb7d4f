"""Implementation of the tabq command-line tool."""
