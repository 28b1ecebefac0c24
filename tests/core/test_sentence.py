"""Sentences: English for the CLI, any language through a translator, counts with plurals."""

from __future__ import annotations

import pytest

from desktop.core.errors import ConnectRefused, ConnectTimeout, NetError, PermissionDenied
from desktop.core.sentence import QT_TRANSLATE_NOOP, Sentence, english_plural, sentence, translate


def test_str_is_the_english_sentence_with_nested_clauses() -> None:
    error = ConnectRefused("127.0.0.1", 9)
    assert str(error) == (
        "Could not connect to 127.0.0.1:9: the connection was refused "
        "(is a server listening there?)."
    )
    assert error.sentence.fact("address") == "127.0.0.1:9"


def test_render_translates_the_template_and_each_clause() -> None:
    said = sentence(
        QT_TRANSLATE_NOOP("core", "Could not {doing}: {reason}."),
        doing=sentence(QT_TRANSLATE_NOOP("core", "read a chat message")),
        reason="x",
    )
    table = {
        "Could not {doing}: {reason}.": "无法{doing}：{reason}。",
        "read a chat message": "读取聊天消息",
    }
    assert said.render(lambda t: table.get(t, t)) == "无法读取聊天消息：x。"


def test_a_broken_translation_falls_back_to_the_english_template() -> None:
    said = sentence("{peer} left.", peer="Amy")
    assert said.render(lambda _t: "{someone} 离开了。") == "Amy left."


@pytest.mark.parametrize(
    ("template", "n", "english"),
    [
        ("%n client(s) connected", 1, "1 client connected"),
        ("%n client(s) connected", 2, "2 clients connected"),
        ("%n client(s) connected", 0, "0 clients connected"),
        ("%n match(es)", 3, "3 matches"),
        ("after %n tr(y|ies)", 1, "after 1 try"),
        ("after %n tr(y|ies)", 6, "after 6 tries"),
        ("after %n byte(s) (was|were) received", 1, "after 1 byte was received"),
        ("after %n byte(s) (was|were) received", 3821, "after 3821 bytes were received"),
        ("%n (in the limit)", 2, "2 (in the limit)"),
    ],
)
def test_english_plural(template: str, n: int, english: str) -> None:
    assert english_plural(template, n) == english


def test_a_counted_sentence_is_english_without_qt_and_plural_through_a_translator() -> None:
    tries = translate("core", "%n tr(y|ies)", None, 1).counting(3)
    failed = sentence(QT_TRANSLATE_NOOP("core", "Not sent after {tries}."), tries=tries)
    assert tries.count == 3 and str(failed) == "Not sent after 3 tries."
    seen: list[tuple[str, int]] = []

    def plural(template: str, n: int) -> str:
        seen.append((template, n))
        return template.replace("%n", str(n)).replace("tr(y|ies)", "次尝试")

    assert failed.render(lambda t: t, plural) == "Not sent after 3 次尝试."
    assert seen == [("%n tr(y|ies)", 3)]


def test_with_facts_adds_to_a_counted_sentence() -> None:
    said = translate("core", "%n message(s) to {peer}", None, 1).counting(1).with_facts(peer="Li")
    assert str(said) == "1 message to Li"


def test_render_translates_the_template_and_nested_clauses() -> None:
    table = {
        "Could not connect to {address}: {detail}.": "无法连接到 {address}：{detail}。",
        "no answer within {seconds} s": "{seconds} 秒内无应答",
    }
    error = ConnectTimeout("127.0.0.1", 9, 2.5)
    assert (
        error.sentence.render(lambda t: table.get(t, t))
        == "无法连接到 127.0.0.1:9：2.5 秒内无应答。"
    )
    assert str(error) == "Could not connect to 127.0.0.1:9: no answer within 2.5 s."


def test_plain_text_is_kept_as_it_is() -> None:
    error = NetError("a peer's own {words}")
    assert str(error) == "a peer's own {words}"
    table = {"a peer's own {words}": "X"}  # the text is a fact, never a template to translate
    assert error.sentence.render(lambda t: table.get(t, t)) == "a peer's own {words}"


def test_errors_keep_their_facts() -> None:
    refused = ConnectRefused("::1", 80)
    assert (refused.host, refused.port) == ("::1", 80)
    assert str(refused).startswith("Could not connect to [::1]:80: the connection was refused")
    assert "administrator" in str(PermissionDenied("0.0.0.0", 80))
    assert "administrator" not in str(PermissionDenied("0.0.0.0", 8080))
    assert isinstance(refused.sentence, Sentence)
