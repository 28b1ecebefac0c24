"""The socket workbench workspace."""
