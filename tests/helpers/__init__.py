"""Shared test helpers: real servers on loopback, strict-mode skips."""
