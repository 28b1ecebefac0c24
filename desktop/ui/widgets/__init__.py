"""Widgets shared by the workspaces."""
