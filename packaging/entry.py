"""The frozen GUI executable's first script: the CLI when started as ``socketdesk-cli``.

In the one-folder app (Linux and macOS) ``socketdesk-cli`` is a link to ``socketdesk``, so the two
programs share one executable and its Python archive (5 MB less); on Windows, where the CLI needs
a console executable of its own, the spec builds one and this only ever starts the GUI.
"""

import os
import sys

if os.path.basename(sys.argv[0]).removesuffix(".exe") == "socketdesk-cli":
    from desktop.cli.main import main
else:
    from desktop.app import main

sys.exit(main())
