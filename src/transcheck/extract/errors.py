"""The one error extraction raises (re-exported as ``transcheck.extract.ExtractError``).

It lives in its own module so the format modules can raise it without importing the
package ``__init__`` (which imports them).
"""

from __future__ import annotations


class ExtractError(ValueError):
    """A file cannot be read into segments; the message says why (the caller adds the path)."""
