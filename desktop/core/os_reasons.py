"""The operating system's reasons (``errno``) as sentences the UI can translate.

``strerror`` is English and cannot be translated where it is shown. The errors users meet get a
``Sentence`` whose English template is the Linux C library's own wording, so ``str()`` (the CLI,
the logs) reads exactly as before while the UI translates it. Others keep the system's words.
"""

from __future__ import annotations

import errno

from desktop.core.sentence import QT_TRANSLATE_NOOP, Sentence, sentence

__all__ = ["os_reason"]

_REASONS: dict[int, str] = {
    errno.ENOSPC: QT_TRANSLATE_NOOP("core", "No space left on device"),
    errno.EDQUOT: QT_TRANSLATE_NOOP("core", "Disk quota exceeded"),
    errno.EACCES: QT_TRANSLATE_NOOP("core", "Permission denied"),
    errno.EPERM: QT_TRANSLATE_NOOP("core", "Operation not permitted"),
    errno.ENOENT: QT_TRANSLATE_NOOP("core", "No such file or directory"),
    errno.EROFS: QT_TRANSLATE_NOOP("core", "Read-only file system"),
    errno.EISDIR: QT_TRANSLATE_NOOP("core", "Is a directory"),
    errno.ENOTDIR: QT_TRANSLATE_NOOP("core", "Not a directory"),
    errno.EEXIST: QT_TRANSLATE_NOOP("core", "File exists"),
    errno.ENAMETOOLONG: QT_TRANSLATE_NOOP("core", "File name too long"),
    errno.EMFILE: QT_TRANSLATE_NOOP("core", "Too many open files"),
    errno.ENFILE: QT_TRANSLATE_NOOP("core", "Too many open files in system"),
    errno.EFBIG: QT_TRANSLATE_NOOP("core", "File too large"),
    errno.EIO: QT_TRANSLATE_NOOP("core", "Input/output error"),
    errno.EBUSY: QT_TRANSLATE_NOOP("core", "Device or resource busy"),
    errno.EADDRINUSE: QT_TRANSLATE_NOOP("core", "Address already in use"),
    errno.EADDRNOTAVAIL: QT_TRANSLATE_NOOP("core", "Cannot assign requested address"),
    errno.ECONNREFUSED: QT_TRANSLATE_NOOP("core", "Connection refused"),
    errno.ECONNRESET: QT_TRANSLATE_NOOP("core", "Connection reset by peer"),
    errno.EPIPE: QT_TRANSLATE_NOOP("core", "Broken pipe"),
    errno.ETIMEDOUT: QT_TRANSLATE_NOOP("core", "Connection timed out"),
    errno.ENETUNREACH: QT_TRANSLATE_NOOP("core", "Network is unreachable"),
    errno.EHOSTUNREACH: QT_TRANSLATE_NOOP("core", "No route to host"),
    errno.ENETDOWN: QT_TRANSLATE_NOOP("core", "Network is down"),
}


def os_reason(error: BaseException) -> Sentence:
    """Why ``error`` happened, as a clause: ours for the usual errnos, else the system's words."""
    number = getattr(error, "errno", None)
    template = _REASONS.get(number) if isinstance(number, int) else None
    if template is not None:
        return sentence(template)
    text = getattr(error, "strerror", None) or str(error)
    return Sentence("{text}", (("text", text),))
