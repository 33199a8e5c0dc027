"""The reach pages."""
