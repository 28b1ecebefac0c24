"""Bridges between the Qt-free engines and the GUI: an asyncio loop thread, batching, signals."""
