"""Checks: each a small documented unit with a stable code (see registry.ALL_CHECKS)."""

from transcheck.checks.base import Check, CheckContext
from transcheck.checks.registry import ALL_CHECKS, find_check, select_checks

__all__ = ["ALL_CHECKS", "Check", "CheckContext", "find_check", "select_checks"]
