"""Real peers started by the tests (nginx), on loopback only, always stopped in teardown."""
