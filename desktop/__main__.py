"""``python -m desktop``: start the GUI."""

import sys

from desktop.app import main

sys.exit(main())
