"""The keys of `make run` and of the test suite. They are published in this repository, so
production refuses them (opstap.conf.production); the environments that use them import them from here."""

DEMO_SECRET_KEY = "opstap-demo-alleen-lokaal-nooit-in-productie"  # noqa: S105 - public on purpose
DEMO_FIELD_ENCRYPTION_KEY = "b3BzdGFwLWRlbW8tc2xldXRlbC0zMi1ieXRlcy0hISE="
TEST_SECRET_KEY = "opstap-test-sleutel"  # noqa: S105 - public on purpose
TEST_FIELD_ENCRYPTION_KEY = "dGVzdC1zbGV1dGVsLW9wc3RhcC0zMi1ieXRlcy0hISE="

OPENBARE_SECRET_KEYS = frozenset({DEMO_SECRET_KEY, TEST_SECRET_KEY})
OPENBARE_FIELD_ENCRYPTION_KEYS = frozenset({DEMO_FIELD_ENCRYPTION_KEY, TEST_FIELD_ENCRYPTION_KEY})
