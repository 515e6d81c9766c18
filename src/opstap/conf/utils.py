"""One helper to read settings from the environment, typed by its default."""

import os
from typing import Any

_TRUE = {"1", "true", "yes", "ja", "on"}


def config(name: str, default: Any = None, *, split: bool = False) -> Any:
    raw = os.environ.get(name)
    if raw is None:
        return default
    if split:
        return [part.strip() for part in raw.split(",") if part.strip()]
    if isinstance(default, bool):
        return raw.strip().lower() in _TRUE
    if isinstance(default, int):
        return int(raw)
    return raw
