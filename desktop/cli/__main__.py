"""``python -m desktop.cli``."""

import sys

from desktop.cli.main import main

sys.exit(main())
