"""The command line: a thin shell over the headless core."""
