"""Pathway rules as dated, sourced data, and their evaluation against a person's facts."""
