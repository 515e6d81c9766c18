"""Version of the rule base. Bump it (and docs/changelog-regels.md) on every rule change:
patch = fix or new value, minor = new rule or parameter, major = contract change."""

REGELVERSIE = "2026.4.0"
