"""Scoring: pure functions from a model and answers to frozen results.

Owns the results (`results`), the score itself (`compute`), next steps (`priorities`), the
CI gate (`gate`), team aggregation (`team`) and the comparison of two reports
(`comparison`). May import the file kinds (`model`, `answers`, `report`), `rounding` and
`errors`; never reads files, prints or renders.
"""
