"""The printkit pages."""
