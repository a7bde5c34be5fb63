"""Reporters: they only render a RunResult. Only this package imports rich or writes HTML."""
