"""`python -m retention_desktop`: the same entry point as the `retention-desktop` command."""

import sys

from retention_desktop.cli import main

sys.exit(main())
