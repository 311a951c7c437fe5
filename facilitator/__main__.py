"""Allow ``python -m facilitator`` to behave exactly like the console script."""

from facilitator.cli import main

raise SystemExit(main())
