"""``python -m analytics.store [--if-missing] [PATH]``: (re)build the demo store."""

from analytics.store.demo import main

raise SystemExit(main())
