"""Test tools: generators of synthetic inputs used by tests and benchmarks (not shipped)."""
