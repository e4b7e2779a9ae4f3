#!/usr/bin/env python3
"""Builds the drift reference of the credit example: a seeded 5,000-row sample of UCI Adult's adult.data (the
training split), converted like make_credit_example.py converts adult.test (a development tool, not run by the
build, tests or CI; standard library only).

    python3 examples/tools/make_drift_reference.py PATH/TO/adult.data \
        examples/src/test/resources/data/adult-train-sample.csv

Rows keep their order in adult.data; separators ", " become ","; missing values stay "?"; no model columns.
"""
import random
import sys

COLS = ("age workclass fnlwgt education education-num marital-status occupation relationship race sex "
        "capital-gain capital-loss hours-per-week native-country income").split()


def main(src, out, n=5000, seed=20261126):
    with open(src, encoding="utf-8") as f:
        rows = [line.rstrip("\n").split(", ") for line in f if line.strip()]
    rows = [r for r in rows if len(r) == len(COLS)]
    keep = sorted(random.Random(seed).sample(range(len(rows)), n))
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write(",".join(COLS) + "\n")
        for i in keep:
            f.write(",".join(rows[i]) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
