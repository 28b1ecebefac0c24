"""Headless commands on the same core as the GUI (``socketdesk-cli``, ``python -m desktop.cli``)."""
