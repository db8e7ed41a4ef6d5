"""The benchmark behind `make bench`: build time, growth, link checking, weight, handouts.

One module per kind of figure; `budgets` holds the targets from the brief and
`report` writes the table and the JSON. scripts/bench.py runs them in order.
"""
