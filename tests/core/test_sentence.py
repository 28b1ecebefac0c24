"""Sentences keep their English template and facts until shown; errors carry one."""

from __future__ import annotations

from desktop.core.errors import ConnectRefused, ConnectTimeout, NetError, PermissionDenied
from desktop.core.sentence import QT_TRANSLATE_NOOP, Sentence, sentence


def test_str_is_the_english_sentence_with_its_facts() -> None:
    said = sentence(
        QT_TRANSLATE_NOOP("core", "Sent {count} bytes to {address}."),
        count=3,
        address="127.0.0.1:7",
    )
    assert str(said) == "Sent 3 bytes to 127.0.0.1:7."
    assert said.fact("count") == 3


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


def test_a_translation_with_a_broken_field_falls_back_to_the_source() -> None:
    said = sentence("Saved {count} bytes.", count=5)
    assert said.render(lambda _t: "已保存 {cuont} 字节。") == "Saved 5 bytes."


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
