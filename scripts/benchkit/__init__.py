"""The benchmark behind `make bench` (scripts/bench.py), and the servers it shares with the tests.

One module per kind of figure: `builds` (with `buildrun` and `scale`), `links`,
`weight`, `firstsearch`, `lighthouse`; `stats` times interleaved runs, `budgets` holds the targets
from the brief and `report` writes the table and the JSON. `nginxserver` runs the
recommended nginx configuration and `staticserver` Python's own, for the benchmark
and the browser tests alike. None of it is needed to build or check the site (kb).
"""
