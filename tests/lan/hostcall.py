"""Child side of ``LanHost.start``: (func, args) pickled on stdin, the outcome pickled to stdout."""

from __future__ import annotations

import pickle
import sys


def main() -> None:
    func, args = pickle.loads(sys.stdin.buffer.read())
    try:
        outcome = (True, func(*args))
    except Exception as error:  # sent back to the parent, which re-raises it
        outcome = (False, error)
    sys.stdout.buffer.write(pickle.dumps(outcome))


if __name__ == "__main__":
    main()
