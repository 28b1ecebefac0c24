"""Benchmarks that run a baseline and SocketDesk side by side in one run and print ratios."""
