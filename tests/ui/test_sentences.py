"""The UI shows the core's sentences in the interface language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

from desktop.core.errors import ConnectRefused
from desktop.core.sentence import CORE_CONTEXT, sentence
from desktop.ui.sentences import say

_TABLE = {
    "Could not connect to {address}: {detail}.": "无法连接到 {address}：{detail}。",
    "the connection was refused (is a server listening there?)": (
        "连接被拒绝（那里有服务器在监听吗？）"
    ),
}


class _Chinese(QTranslator):
    """A translator with two of the core's templates in Chinese."""

    def translate(self, context, source, disambiguation=None, n=-1):  # type: ignore[no-untyped-def]
        return _TABLE.get(source) if context == CORE_CONTEXT else None


def test_say_translates_typed_errors_sentences_and_keeps_ui_text(qapp) -> None:  # type: ignore[no-untyped-def]
    translator = _Chinese()
    QCoreApplication.installTranslator(translator)
    try:
        assert say(ConnectRefused("127.0.0.1", 9)) == (
            "无法连接到 127.0.0.1:9：连接被拒绝（那里有服务器在监听吗？）。"
        )
        assert say(sentence("Untranslated {x}.", x=1)) == "Untranslated 1."
        assert say("已经翻译的界面文字") == "已经翻译的界面文字"
    finally:
        QCoreApplication.removeTranslator(translator)
    assert say(ConnectRefused("127.0.0.1", 9)).startswith("Could not connect to 127.0.0.1:9")
