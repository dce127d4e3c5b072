"""actors stage (see DESIGN.md)."""
