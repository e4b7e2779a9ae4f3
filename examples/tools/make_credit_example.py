#!/usr/bin/env python3
"""Builds the credit example's model coefficients and holdout file from UCI Adult (a development tool, not run
by the build, tests or CI).

    /usr/bin/python3 examples/tools/make_credit_example.py PATH/TO/adult.data PATH/TO/adult.test \
        examples/src/test/resources/data/adult-holdout.csv

Needs Debian's python3-pandas and python3-sklearn. It fits a logistic regression on adult.data with six features,
prints the coefficients (copied, rounded to 6 decimals, into CreditModel.java), and writes adult.test as a clean CSV
(header row, comma-separated, the label without adult.test's trailing dot) with two extra columns computed with
the rounded coefficients: `score` (probability of >50K) and `y_pred` (the label at score >= 0.5).
CreditModelArtifactTest checks that the Java model reproduces `y_pred` for every row.
"""
import sys

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression

COLS = ("age workclass fnlwgt education education-num marital-status occupation relationship race sex "
        "capital-gain capital-loss hours-per-week native-country income").split()


def features(df):
    return pd.DataFrame({
        "age": df["age"], "education-num": df["education-num"], "hours-per-week": df["hours-per-week"],
        "log-capital-gain": np.log1p(df["capital-gain"]), "log-capital-loss": np.log1p(df["capital-loss"]),
        "married": (df["marital-status"] == "Married-civ-spouse").astype(float),
    })


def main(train_path, test_path, out_path):
    train = pd.read_csv(train_path, header=None, names=COLS, sep=", ", engine="python", dtype=str)
    test = pd.read_csv(test_path, header=None, names=COLS, sep=", ", engine="python", dtype=str, skiprows=1)
    for df in (train, test):
        for c in ("age", "education-num", "hours-per-week", "capital-gain", "capital-loss"):
            df[c] = df[c].astype(float)
    model = LogisticRegression(max_iter=2000).fit(features(train), (train["income"] == ">50K").astype(int))
    coef = [round(float(c), 6) for c in model.coef_[0]]
    intercept = round(float(model.intercept_[0]), 6)
    print("intercept", intercept, "coefficients", dict(zip(features(train).columns, coef)))
    z = intercept + features(test).values @ np.array(coef)
    score = 1.0 / (1.0 + np.exp(-z))
    out = test.copy()
    out["income"] = out["income"].str.rstrip(".")
    for c in ("age", "education-num", "hours-per-week", "capital-gain", "capital-loss"):
        out[c] = out[c].astype(int)
    out["score"] = [f"{s:.6f}" for s in score]
    out["y_pred"] = np.where(score >= 0.5, ">50K", "<=50K")
    out.to_csv(out_path, index=False)


if __name__ == "__main__":
    main(*sys.argv[1:4])
