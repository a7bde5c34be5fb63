"""A rich progress bar with ETA for the pipeline's stages (only used on a terminal)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeRemainingColumn,
)

_LABEL = {"read": "reading", "embed": "embedding", "check": "checking"}


@contextmanager
def rich_progress() -> Iterator[Callable[[str, int, int], None]]:
    columns = (TextColumn("{task.description:<10}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, transient=True) as bar:
        tasks: dict[str, TaskID] = {}

        def update(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(_LABEL.get(stage, stage), total=total)
            bar.update(tasks[stage], completed=done, total=total)

        yield update
