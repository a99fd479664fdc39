"""The look-alike engine: pure functions with no database, so the CLI, the API and the benchmarks share it.

parse.py turns whatever a customer pastes into a typed value, fold.py compares strings the way a human
eye does (UTS #39 skeleton, typos), judge.py holds the registry index and gives the verdict.
"""
