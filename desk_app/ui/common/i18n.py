"""The UI language: our translator and Qt's own, switched while running.

``Translations.switch("zh_HK")`` installs ``desk_app_zh_HK.qm`` (shipped in
``desk_app/translations``, found with ``importlib.resources``) and Qt's
``qtbase`` catalogue for the standard dialogs (Hong Kong if Qt has one, else
Taiwan's Traditional Chinese). Installing or removing a translator sends
``LanguageChange`` to every widget, and each view retranslates itself.

``DESK_APP_PSEUDO_LOCALE=stretch`` doubles every string, to catch layouts
that clip longer text.
"""

from __future__ import annotations

import os
from importlib import resources

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QTranslator,
)

LANGUAGES = ("en", "zh_HK")
# each language named in itself, for language menus and choosers
LANGUAGE_NAMES = {"en": "English", "zh_HK": "繁體中文"}
PSEUDO_LOCALE_ENV = "DESK_APP_PSEUDO_LOCALE"
# Qt's own catalogues to try, best first
_QT_CATALOGUES = {"zh_HK": ("qtbase_zh_HK", "qtbase_zh_TW")}


def catalogue_bytes(language: str) -> bytes | None:
    """The compiled translations of ``language`` shipped in the package, if any."""
    entry = resources.files("desk_app") / "translations" / f"desk_app_{language}.qm"
    try:
        return entry.read_bytes()
    except FileNotFoundError:
        return None


class StretchTranslator(QTranslator):
    """A pseudo-locale: every string, translated or not, twice over."""

    def __init__(self, inner: QTranslator | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._inner = inner

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        text = None
        if self._inner is not None:
            text = self._inner.translate(context, source, disambiguation, n)
        text = text or source
        return f"{text} {text}"

    def isEmpty(self) -> bool:
        return False


def system_language() -> str:
    name = QLocale.system().name()
    return "zh_HK" if name.startswith("zh") else "en"


class Translations(QObject):
    """Installs and swaps the translators of one application."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._installed: list[QTranslator] = []
        # the catalogue each installed translator reads from (Qt does not copy it)
        self._buffers: list[bytes] = []
        self.language = "en"

    def switch(self, language: str) -> None:
        if language not in LANGUAGES:
            language = "en"
        app = QCoreApplication.instance()
        assert app is not None, "translations need the application object"
        for translator in self._installed:
            app.removeTranslator(translator)
            translator.deleteLater()
        self._installed = []
        self._buffers = []
        self.language = language
        QLocale.setDefault(QLocale("zh_HK" if language == "zh_HK" else "en_HK"))
        ours = self._ours(language)
        if os.environ.get(PSEUDO_LOCALE_ENV) == "stretch":
            ours = StretchTranslator(ours, self)
        translators = [t for t in (self._qt_own(language), ours) if t is not None]
        if not translators:
            # nothing to install (English): still tell every widget to retranslate
            QCoreApplication.sendEvent(app, QEvent(QEvent.Type.LanguageChange))
        for translator in translators:
            app.installTranslator(translator)
            self._installed.append(translator)

    def _ours(self, language: str) -> QTranslator | None:
        if language == "en":
            return None
        data = catalogue_bytes(language)
        translator = QTranslator(self)
        if data is None or not translator.load(data):
            return None
        self._buffers.append(data)
        return translator

    def _qt_own(self, language: str) -> QTranslator | None:
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for name in _QT_CATALOGUES.get(language, ()):
            translator = QTranslator(self)
            if os.path.exists(os.path.join(folder, f"{name}.qm")) and translator.load(name, folder):
                return translator
        return None
