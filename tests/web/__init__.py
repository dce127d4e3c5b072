"""Web tests (a package, so that this folder's conftest.py cannot shadow the top-level one)."""
