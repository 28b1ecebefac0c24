"""curl command lines in and out: import one as a raw request, export a request as curl or Python.

``from_curl`` builds the request curl would send (curl 7.88's header order: Host first, then its
own headers, then ``-H`` ones; curl's default ``User-Agent: curl/VERSION`` is left out, as the
version is unknown). Options it cannot honour are listed in ``notes``, never raised.
``to_curl`` and ``to_python`` go the other way; what curl cannot send exactly is said in
comment lines at the top of the command.
"""

from __future__ import annotations

from desktop.core.http.curl_import import CurlImport, CurlImportError
from desktop.core.http.curl_options import read_options
from desktop.core.http.curl_request import build_import
from desktop.core.http.shell import ShellSyntaxError, split_words
from desktop.core.http.snippet import to_curl, to_python
from desktop.core.sentence import QT_TRANSLATE_NOOP, sentence

__all__ = ["CurlImport", "CurlImportError", "from_curl", "to_curl", "to_python"]


def from_curl(command: str) -> CurlImport:
    """Read a curl command line (bash syntax).

    Raises:
        CurlImportError: the line is not well-formed, is not a curl command, has no URL, or an
            option lacks its value.
    """
    try:
        words = split_words(command)
    except ShellSyntaxError as error:
        raise CurlImportError(error.sentence) from None
    if not words or not words[0].rsplit("/", 1)[-1].startswith("curl"):
        raise CurlImportError(
            sentence(QT_TRANSLATE_NOOP("core", "The command does not start with curl."))
        )
    options, urls, notes = read_options(words[1:])
    if not urls:
        raise CurlImportError(sentence(QT_TRANSLATE_NOOP("core", "The curl command has no URL.")))
    if len(urls) > 1:
        notes.append(
            sentence(
                QT_TRANSLATE_NOOP("core", "Only the first of {count} URLs is imported."),
                count=len(urls),
            )
        )
    return build_import(options, urls[0], notes)
