"""Simplified Chinese is compiled, complete, and chosen by locale or by the user's override."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QSettings
from PySide6.QtWidgets import QApplication

from desktop.app import Application
from desktop.settings import Settings
from desktop.ui.translations import TRANSLATIONS_DIR, install_translations

# The sources stay out of the package; the compiled .qm files are inside it (desktop/assets).
TS_DIR = Path(__file__).resolve().parents[2] / "resources" / "translations"


def _remove_translators(app: QCoreApplication) -> None:
    from PySide6.QtCore import QTranslator

    for translator in app.findChildren(QTranslator):
        app.removeTranslator(translator)
        translator.deleteLater()
    QLocale.setDefault(QLocale("en"))


def test_every_string_is_translated() -> None:
    tree = ET.parse(TS_DIR / "socketdesk_zh_CN.ts")
    unfinished = [
        m.findtext("source")
        for m in tree.iter("message")
        if m.find("translation").get("type") in ("unfinished", "obsolete")
        # plural messages (numerus="yes") keep their text in <numerusform> children
        or not "".join(m.find("translation").itertext()).strip()
    ]
    assert unfinished == []
    assert (TRANSLATIONS_DIR / "socketdesk_zh_CN.qm").is_file()


def test_chinese_override_translates_the_window(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    qapp = QApplication.instance()
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    settings.set(Settings.LANGUAGE, "zh_CN")
    app = Application(qapp, settings, show_crash_dialogs=False)
    qtbot.addWidget(app.window)
    try:
        assert app.language == "zh_CN"
        tabs = [app.window.tabs.tabText(i) for i in range(3)]
        assert tabs == ["调试台", "局域网聊天", "HTTP"]
        assert app.window.workbench.tcp_client.connect_button.text() == "连接"
    finally:
        app.shutdown()
        _remove_translators(qapp)


def test_english_choice_installs_only_the_plural_forms(qapp) -> None:  # type: ignore[no-untyped-def]
    _remove_translators(qapp)
    assert install_translations(qapp, "en") == "en"
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"
    one = QCoreApplication.translate("TcpServerPanel", "%n client(s) connected", None, 1)
    two = QCoreApplication.translate("TcpServerPanel", "%n client(s) connected", None, 2)
    assert (one, two) == ("1 client connected", "2 clients connected")


def test_system_locale_chinese_is_followed(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A user on a Chinese desktop (LANG=zh_CN.UTF-8) gets Chinese with the default setting."""
    import os
    import subprocess
    import sys

    code = (
        "from PySide6.QtWidgets import QApplication\n"
        "from PySide6.QtCore import QSettings\n"
        "from desktop.app import Application\n"
        "from desktop.settings import Settings\n"
        "q = QApplication([])\n"
        f"s = Settings(QSettings({str(tmp_path / 's.ini')!r}, QSettings.Format.IniFormat))\n"
        "a = Application(q, s, False)\n"
        "print(a.language, a.window.tabs.tabText(0))\n"
        "a.shutdown()\n"
    )
    env = {
        **os.environ,
        "LANG": "zh_CN.UTF-8",
        "LC_ALL": "zh_CN.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
    }
    for lang, expected in (("zh_CN.UTF-8", "zh_CN 调试台"), ("en_US.UTF-8", "en Workbench")):
        env["LANG"] = env["LC_ALL"] = lang
        out = subprocess.run(
            [sys.executable, "-c", code],
            env=env,
            capture_output=True,
            text=True,
            check=True,
            timeout=60,
        )
        assert out.stdout.strip() == expected


def test_the_override_beats_a_chinese_system(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """On a Chinese desktop, English chosen in Preferences gives English; "system" follows it."""
    import os
    import subprocess
    import sys

    code = (
        "from PySide6.QtWidgets import QApplication\n"
        "from PySide6.QtCore import QSettings\n"
        "from desktop.app import Application\n"
        "from desktop.settings import Settings\n"
        "from desktop.ui.translations import language_for\n"
        "q = QApplication([])\n"
        f"s = Settings(QSettings({str(tmp_path / 's.ini')!r}, QSettings.Format.IniFormat))\n"
        "s.set(Settings.LANGUAGE, 'en')\n"
        "a = Application(q, s, False)\n"
        "print(language_for('system'), a.language, a.window.tabs.tabText(0))\n"
        "a.shutdown()\n"
    )
    env = {**os.environ, "LANG": "zh_CN.UTF-8", "LC_ALL": "zh_CN.UTF-8"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    out = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert out.stdout.strip() == "zh_CN en Workbench"
