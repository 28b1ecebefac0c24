"""curl's options: which are read, which are only noted, and the words of a command as options.

``read_options`` turns the words after ``curl`` into ``(long name, value)`` pairs, the URLs and
notes on what is ignored, as curl 7.88 reads them (short clusters such as ``-sSL``, ``-XPOST``).
"""

from __future__ import annotations

from desktop.core.http.curl_import import CurlImportError
from desktop.core.sentence import QT_TRANSLATE_NOOP, Sentence, sentence

__all__ = ["read_options"]

# Options taking a value that are read, by their long name.
_VALUED = {
    "-X": "--request", "-H": "--header", "-d": "--data", "-u": "--user", "-b": "--cookie",
    "-A": "--user-agent", "-e": "--referer", "-r": "--range", "-E": "--cert", "-m": "--max-time",
}  # fmt: skip
_READ = {*_VALUED.values(), "--data-ascii", "--data-raw", "--data-binary", "--data-urlencode"}
_READ |= {"--url", "--request-target", "--oauth2-bearer"}
# Read into the target's settings rather than the request.
_TARGET = {"--cacert", "--cert", "--key", "--connect-timeout", "--max-time", "--max-redirs"}
_READ |= _TARGET
# Flags that are read.
_FLAGS = {"-k": "--insecure", "-I": "--head", "-G": "--get", "-0": "--http1.0", "-L": "--location"}
_READ_FLAGS = {*_FLAGS.values(), "--compressed", "--http1.1", "--path-as-is"}
# Options about curl's own output or progress: nothing to do with the request.
_SILENT = {"-s", "-S", "-v", "-i", "-f", "-#", "-N", "--silent", "--show-error", "--verbose"}
_SILENT |= {"--include", "--fail", "--progress-bar", "--no-buffer", "--globoff", "-g"}
# Options that take a value but are not honoured (listed in notes).
_UNSUPPORTED_VALUED = set("oOxTFcDwKUyYzCtQ") | {
    "--output", "--proxy", "--resolve", "--connect-to",
    "--capath", "--cert-type", "--key-type", "--write-out",
    "--upload-file", "--form", "--form-string", "--cookie-jar", "--retry",
    "--interface", "--limit-rate", "--dump-header", "--trace", "--trace-ascii", "--proxy-user",
    "--ciphers", "--config", "--tls-max", "--output-dir", "--unix-socket", "--json",
}  # fmt: skip


def read_options(words: list[str]) -> tuple[list[tuple[str, str]], list[str], list[Sentence]]:
    """``(name, value)`` pairs in order (long names; flags have ``""``), URLs and notes."""
    options: list[tuple[str, str]] = []
    urls: list[str] = []
    notes: list[Sentence] = []
    i = 0
    while i < len(words):
        word = words[i]
        i += 1
        if word == "--":
            urls += words[i:]
            break
        if not word.startswith("-") or word == "-":
            urls.append(word)
            continue
        for name, inline in _expand(word):
            if not _takes_value(name):
                _flag(name, options, notes)
                continue
            value = inline
            if value is None:
                if i >= len(words):
                    raise CurlImportError(
                        sentence(
                            QT_TRANSLATE_NOOP("core", "The option {name} needs a value."),
                            name=name,
                        )
                    )
                value, i = words[i], i + 1
            if name == "--url":
                urls.append(value)
            elif name in _READ:
                options.append((name, value))
            else:
                notes.append(
                    sentence(
                        QT_TRANSLATE_NOOP("core", "{option} {value} is ignored."),
                        option=name,
                        value=value,
                    )
                )
    return options, urls, notes


def _takes_value(name: str) -> bool:
    return name in _READ or name in _UNSUPPORTED_VALUED or name.lstrip("-") in _UNSUPPORTED_VALUED


def _flag(name: str, options: list[tuple[str, str]], notes: list[Sentence]) -> None:
    if name in _READ_FLAGS:
        options.append((name, ""))
    elif name in {"--http2", "--http2-prior-knowledge", "--http3"}:
        notes.append(
            sentence(
                QT_TRANSLATE_NOOP("core", "{option} is ignored: requests are sent as HTTP/1.1."),
                option=name,
            )
        )
    elif name not in _SILENT:
        notes.append(
            sentence(
                QT_TRANSLATE_NOOP("core", "The option {option} is not supported and is ignored."),
                option=name,
            )
        )


def _expand(word: str) -> list[tuple[str, str | None]]:
    """One word as options: ``--name``, or ``-abc`` / ``-XPOST`` clusters of short ones."""
    if word.startswith("--"):
        return [(word, None)]
    out: list[tuple[str, str | None]] = []
    for index, letter in enumerate(word[1:], start=1):
        short = "-" + letter
        if short in _VALUED or letter in _UNSUPPORTED_VALUED:
            rest = word[index + 1 :]
            out.append((_VALUED.get(short, short), rest or None))
            break
        out.append((_FLAGS.get(short, short), None))
    return out
