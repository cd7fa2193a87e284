"""The desktop window: a thin PySide6 shell over the headless core (no eligibility logic here)."""
