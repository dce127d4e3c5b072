"""Scorers that compare Tightrope's output with gold files, behind ``tightrope eval …``."""
