"""`bulk_work()`: Python's cycle collector held off while a long task builds millions of
small objects.

Reading a benchmark-sized session (10,000 questions, 30,000 answers, 300,000 marks) makes
millions of dicts that live until the task ends. The collector runs after every few hundred
new objects and, now and then, walks every object alive: the report's steps grew about 35 times
for 10 times the items, and merging the session took 2.2 s instead of 0.6 s. Held off, they
grow linearly again. Nothing these tasks make refers to itself, so nothing waits for the
collector; reference counting still frees everything as usual, and the collector runs again as
soon as the last such task ends (tasks on several threads count up and down together).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_running = 0
_was_enabled = False


@contextmanager
def bulk_work() -> Iterator[None]:
    global _running, _was_enabled
    with _lock:
        if _running == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _running += 1
    try:
        yield
    finally:
        with _lock:
            _running -= 1
            if _running == 0 and _was_enabled:
                gc.enable()
