"""``python -m tightrope`` runs the CLI."""

from tightrope.cli import main

main()
