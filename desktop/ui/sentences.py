"""Turn the core's sentences and typed errors into text in the interface language.

The UI's name for ``desktop.wording.say`` (the workers render log lines with the same function).
"""

from __future__ import annotations

from desktop.wording import Said, say

__all__ = ["Said", "say"]
