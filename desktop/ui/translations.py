"""Load the interface translation: the system locale, unless the user chose a language."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from desktop.resources import resource_path

__all__ = ["LANGUAGES", "TRANSLATIONS_DIR", "install_translations", "language_for"]

TRANSLATIONS_DIR = resource_path("translations")
# Language codes offered in the menu, with their names in their own language.
LANGUAGES = {"en": "English", "zh_CN": "简体中文"}


def language_for(choice: str) -> str:
    """The language code for a setting value: "system" follows the system's locale (Chinese
    locales give "zh_CN", every other "en"); a code stands for itself."""
    locale = QLocale.system() if choice == "system" else QLocale(choice)
    return "zh_CN" if locale.language() == QLocale.Language.Chinese else "en"


def install_translations(app: QApplication, choice: str) -> str:
    """Install translators for ``choice`` ("system" or a code of LANGUAGES).

    Returns:
        The language code in effect ("en" when no translation applies; English then has its
        plural forms from ``socketdesk_en.qm``).
    """
    code = language_for(choice)
    if code == "zh_CN" and not _install(app, code):
        code = "en"
    if code == "en":
        # English is the source language; its translation holds only the plural forms
        # ("1 client connected", "2 clients connected"), Qt's documented way for numerus text.
        _install(app, "en")
        return code
    qt_base = QTranslator(app)  # Qt's own strings: standard buttons, context menus
    if qt_base.load(f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_base)
    QLocale.setDefault(QLocale(code))
    return code


def _install(app: QApplication, code: str) -> bool:
    """Install ``socketdesk_<code>.qm``; False when it is missing or unreadable."""
    ours = QTranslator(app)
    if not ours.load(str(TRANSLATIONS_DIR / f"socketdesk_{code}.qm")):
        ours.deleteLater()
        return False
    app.installTranslator(ours)
    return True
