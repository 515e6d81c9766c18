"""Formulas named after the legal concept, vectorised with numpy over households x levels.

Every function takes ``PeilParameters`` and integer-cent arrays and returns integer-cent
arrays. They do no I/O and build no explanation: the explanation is assembled afterwards
from the same intermediate arrays (see regels.uitleg).
"""
