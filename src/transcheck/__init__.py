"""transcheck: translation-consistency QA for be/ru/en article versions."""

__version__ = "0.1.0"
