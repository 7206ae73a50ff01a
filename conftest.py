"""The test suite's shared fixtures, for tests/ and for the components' own tests (components/*/test_*.py).

They live in plugin modules rather than in tests/conftest.py so that one session (one real build,
one Chromium) serves both folders.
"""

pytest_plugins = ("tests.fixtures_project", "tests.browser.fixtures_browser")
