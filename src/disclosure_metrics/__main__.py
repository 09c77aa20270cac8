"""``python -m disclosure_metrics`` is the ``disclosure-metrics`` command."""

from .cli import main

main()
