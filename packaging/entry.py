"""The frozen GUI executable's first script: the CLI when started as ``socketdesk-cli``.

In the one-folder app (Linux and macOS) ``socketdesk-cli`` is a link to ``socketdesk``, so the two
programs share one executable and its Python archive (5 MB less); on Windows, where the CLI needs
a console executable of its own, the spec builds one and this only ever starts the GUI.

For ``bench/startup.py``: under ``SOCKETDESK_EVENTS=1`` the GUI prints ``socketdesk-event:
started`` as soon as Python runs (a one-file executable has unpacked itself by then), and under
``SOCKETDESK_IMPORTTIME=1`` it prints the import-time profile of ``desktop.app`` instead of
starting (``desktop/import_profile.py``: the bootloader ignores ``PYTHONPROFILEIMPORTTIME``).
"""

import os
import sys

if os.path.basename(sys.argv[0]).removesuffix(".exe") == "socketdesk-cli":
    from desktop.cli.main import main
elif os.environ.get("SOCKETDESK_IMPORTTIME") == "1":
    from desktop import import_profile

    import_profile.install()
    import desktop.app  # noqa: F401 (what is profiled)

    import_profile.report()
    sys.exit(0)
else:
    if os.environ.get("SOCKETDESK_EVENTS") == "1":
        print("socketdesk-event: started", flush=True)
    from desktop.launch import main

sys.exit(main())
