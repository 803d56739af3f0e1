"""Every key of the desk in one table: the actions take their keys from here,
and Help › Keyboard shortcuts lists it.

The keys of a call are function keys (F2 verify, F6 unlock, F7 reset email,
F8 letter, F9 statement; Shift for the counter's and the supervisor's
variants) because no text box owns them on any platform: the operator's
cursor is in the search box, the Lockouts filter or a call note most of the
time, and a text box takes the keys it edits with before a window shortcut
sees them. On Linux (Qt's X11 key scheme) a line edit keeps Ctrl+U (delete
the line), Ctrl+E (end of line), Ctrl+K, Ctrl+D and Ctrl+Shift+A; on macOS
the Control-letter keys are Emacs moves; and input methods take some
Ctrl+Shift letters (IBus: Ctrl+Shift+U starts Unicode entry). The few
Ctrl keys kept (Ctrl+F, Ctrl+N, Ctrl+Q, Ctrl+Shift+L, Ctrl+Shift+S) are
owned by no text box on any of the three (``tests/test_ui_shortcuts.py``
holds the table of each platform's text-editing keys and checks every key
here against it). The answers' Ctrl+Shift+F stays as a second key for those
used to it, but Fcitx and Microsoft Pinyin take it (their traditional /
simplified switch) while a Chinese input method is on, so the key listed
first, Shift+F3, is one no input method takes: every action's first key is.

Entries without an action (:attr:`Shortcut.bound` False) describe keys the
widgets handle themselves (Enter, Esc, 1–9 in the reason dialog …), so the
sheet lists them too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text


CONTEXT = "Shortcuts"
#: a key name Qt can read ("Ctrl+Enter", "PgUp"); others ("1–9", "↓") are shown as written
_PLAIN = re.compile(r"[A-Za-z0-9]+(\+[A-Za-z0-9]+)*")


class Group(StrEnum):
    """The sheet's sections, in this order."""

    WINDOW = "window"
    CALL = "call"
    SUPERVISOR = "supervisor"
    SEARCH = "search"
    DIALOG = "dialog"
    PREVIEW = "preview"


GROUP_TITLES = {
    Group.WINDOW: QT_TRANSLATE_NOOP("Shortcuts", "Anywhere in the desk"),
    Group.CALL: QT_TRANSLATE_NOOP("Shortcuts", "On the call (the candidate on screen)"),
    Group.SUPERVISOR: QT_TRANSLATE_NOOP("Shortcuts", "Supervisors"),
    Group.SEARCH: QT_TRANSLATE_NOOP("Shortcuts", "Search box, list and notes"),
    Group.DIALOG: QT_TRANSLATE_NOOP("Shortcuts", "In a dialog"),
    Group.PREVIEW: QT_TRANSLATE_NOOP("Shortcuts", "In the print preview"),
}


@dataclass(frozen=True)
class Shortcut:
    #: the action's name (a DeskAction value, or the window's own: find, reload …)
    name: str
    #: portable key texts ("F6", "Ctrl+Shift+L"; Ctrl is ⌘ on a Mac)
    keys: tuple[str, ...]
    group: Group
    #: False for keys a widget handles itself (listed, not bound to an action)
    bound: bool = True

    def sequences(self) -> list[QKeySequence]:
        return [QKeySequence(key) for key in self.keys] if self.bound else []

    def shown(self) -> str:
        """The keys as this platform writes them ("F6", "Ctrl+F / F3", "⌘F" on a Mac)."""
        native = QKeySequence.SequenceFormat.NativeText
        if self.bound:
            return " / ".join(sequence.toString(native) for sequence in self.sequences())
        # keys a widget handles: written as Qt writes them where Qt knows the name
        return " / ".join(
            QKeySequence(key).toString(native) if _PLAIN.fullmatch(key) else key
            for key in self.keys
        )

    def description(self) -> str:
        """What it does, in the current language."""
        return QCoreApplication.translate(CONTEXT, TEXTS[self.name])


#: what each key does, in English (context "Shortcuts")
TEXTS = {
    "find": QT_TRANSLATE_NOOP("Shortcuts", "Go to the search box"),
    "answers": QT_TRANSLATE_NOOP("Shortcuts", "Search the answers (the desk's FAQ)"),
    "export": QT_TRANSLATE_NOOP("Shortcuts", "Export: search results, audit log, lockout history"),
    "reload": QT_TRANSLATE_NOOP("Shortcuts", "Load the candidate and the list again"),
    "shortcuts": QT_TRANSLATE_NOOP("Shortcuts", "This list of keys"),
    "quit": QT_TRANSLATE_NOOP("Shortcuts", "Quit Results Desk"),
    "verify_caller": QT_TRANSLATE_NOOP("Shortcuts", "Verify the caller"),
    "record_document": QT_TRANSLATE_NOOP("Shortcuts", "Identity document seen (counter)"),
    "unlock": QT_TRANSLATE_NOOP("Shortcuts", "Unlock early"),
    "temp_password": QT_TRANSLATE_NOOP("Shortcuts", "Temporary password (counter)"),
    "send_reset": QT_TRANSLATE_NOOP("Shortcuts", "Send a password-reset email"),
    "change_email": QT_TRANSLATE_NOOP("Shortcuts", "Change the registered email"),
    "reissue_letter": QT_TRANSLATE_NOOP("Shortcuts", "Reissue the letter, then print it"),
    "print_statement": QT_TRANSLATE_NOOP("Shortcuts", "Reprint the statement, then print it"),
    "add_note": QT_TRANSLATE_NOOP("Shortcuts", "Write a call note"),
    "view_lockouts": QT_TRANSLATE_NOOP("Shortcuts", "The lockouts view"),
    "batch_statements": QT_TRANSLATE_NOOP("Shortcuts", "Batch reprint of statements"),
    "list": QT_TRANSLATE_NOOP("Shortcuts", "From the search box into the list"),
    "open": QT_TRANSLATE_NOOP("Shortcuts", "Open the candidate selected"),
    "back": QT_TRANSLATE_NOOP("Shortcuts", "Back to the search box; there, clear it"),
    "tabs": QT_TRANSLATE_NOOP(
        "Shortcuts", "The candidate's tabs: overview, timeline, letters, notes"
    ),
    "save_note": QT_TRANSLATE_NOOP(
        "Shortcuts", "Save the call note (also the reason offered after an action)"
    ),
    "presets": QT_TRANSLATE_NOOP("Shortcuts", "Choose one of the reasons listed"),
    "default": QT_TRANSLATE_NOOP("Shortcuts", "Do it (the dialog's main button)"),
    "cancel": QT_TRANSLATE_NOOP("Shortcuts", "Cancel and close"),
    "next_field": QT_TRANSLATE_NOOP("Shortcuts", "Next field"),
    "print": QT_TRANSLATE_NOOP("Shortcuts", "Print (then Enter in the print dialog)"),
    "save_pdf": QT_TRANSLATE_NOOP("Shortcuts", "Save as a PDF file"),
    "pages": QT_TRANSLATE_NOOP("Shortcuts", "Previous and next page"),
    "close_preview": QT_TRANSLATE_NOOP("Shortcuts", "Close the preview"),
}

_W, _C, _S = Group.WINDOW, Group.CALL, Group.SUPERVISOR
_SEARCH, _D, _P = Group.SEARCH, Group.DIALOG, Group.PREVIEW

TABLE: tuple[Shortcut, ...] = (
    Shortcut("find", ("Ctrl+F", "F3"), _W),
    Shortcut("answers", ("Shift+F3", "Ctrl+Shift+F"), _W),
    Shortcut("export", ("Ctrl+Shift+S",), _W),
    Shortcut("reload", ("F5",), _W),
    Shortcut("shortcuts", ("F1",), _W),
    Shortcut("quit", ("Ctrl+Q",), _W),
    Shortcut("verify_caller", ("F2",), _C),
    Shortcut("record_document", ("Shift+F2",), _C),
    Shortcut("unlock", ("F6",), _C),
    Shortcut("temp_password", ("Shift+F6",), _C),
    Shortcut("send_reset", ("F7",), _C),
    Shortcut("change_email", ("Shift+F7",), _C),
    Shortcut("reissue_letter", ("F8",), _C),
    Shortcut("print_statement", ("F9",), _C),
    Shortcut("add_note", ("Ctrl+N",), _C),
    Shortcut("view_lockouts", ("Ctrl+Shift+L",), _S),
    Shortcut("batch_statements", ("Shift+F9",), _S),
    Shortcut("list", ("↓",), _SEARCH, bound=False),
    Shortcut("open", ("Enter",), _SEARCH, bound=False),
    Shortcut("back", ("Esc",), _SEARCH, bound=False),
    Shortcut("tabs", ("Alt+O/T/E/N",), _SEARCH, bound=False),
    Shortcut("save_note", ("Ctrl+Enter",), _SEARCH, bound=False),
    Shortcut("presets", ("1–9",), _D, bound=False),
    Shortcut("default", ("Enter",), _D, bound=False),
    Shortcut("cancel", ("Esc",), _D, bound=False),
    Shortcut("next_field", ("Tab",), _D, bound=False),
    Shortcut("print", ("Ctrl+P", "Enter"), _P, bound=False),
    Shortcut("save_pdf", ("Ctrl+S",), _P, bound=False),
    Shortcut("pages", ("PgUp", "PgDown"), _P, bound=False),
    Shortcut("close_preview", ("Esc",), _P, bound=False),
)

BY_NAME = {shortcut.name: shortcut for shortcut in TABLE}


def keys_of(name: str) -> list[QKeySequence]:
    """The key sequences of the bound entry ``name``."""
    return BY_NAME[name].sequences()


def key_text(name: str) -> str:
    """The first key of ``name`` as the platform writes it, for sentences ("Verify first (F2).")."""
    sequences = keys_of(name)
    return sequences[0].toString(QKeySequence.SequenceFormat.NativeText) if sequences else ""
