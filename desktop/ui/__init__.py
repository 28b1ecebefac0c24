"""Widgets, models and dialogs. Never imports ``socket``: all I/O goes through desktop.workers."""
