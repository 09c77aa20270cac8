"""The per-file time budget's clock, which long but legitimate work may wind forward.

:mod:`disclosure_metrics.ingest` arms a real-time interval timer (``ITIMER_REAL``) around each
parse. OCR is slow by nature (seconds per page), so a reader OCR-ing a page grants itself that
page's allowance with :func:`extend` instead of the whole file sharing one budget meant for
text. Without a running timer (tests, other threads) this does nothing.

Example::

    >>> extend(60.0)  # no timer running here: nothing happens
    False
"""

from __future__ import annotations

import signal
import threading


def extend(seconds: float) -> bool:
    """Add ``seconds`` to a running ``ITIMER_REAL``; True when a timer was running."""
    if (
        not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
    ):
        return False
    remaining, interval = signal.getitimer(signal.ITIMER_REAL)
    if remaining <= 0:
        return False
    signal.setitimer(signal.ITIMER_REAL, remaining + seconds, interval)
    return True
