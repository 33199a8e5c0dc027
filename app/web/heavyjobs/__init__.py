"""The heavyjobs pages."""
