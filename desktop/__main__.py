"""``python -m desktop``: start the GUI."""

import sys

from desktop.launch import main

sys.exit(main())
