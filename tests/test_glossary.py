"""The words the office uses (translations/glossary.tsv), held against everything the desk says
in Chinese: the window's .ts, the letters and statements, the emails and the desk's answers.

Where an English text holds a glossary term, its Chinese must hold the term's Chinese and none
of its wrong variants. A string that mixes both languages (a PDF label such as
"Printed 列印") is checked for the wrong variants too. And the window's Chinese keeps no English
words but the names the seeds keep (ID Number, Secret Number …) and the things typed as they
are (commands, settings, file formats).
"""

from __future__ import annotations

import ast
import csv
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from desk_app.schema import alembic_config
from desk_app.services.mail import templates
from desk_app.settings import OfficeInfo

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = ROOT / "translations" / "glossary.tsv"
TS_FILE = ROOT / "translations" / "desk_app_zh_HK.ts"
PACKAGE = ROOT / "desk_app"
#: modules whose strings are bilingual (English, Chinese) pairs written in Python
BILINGUAL_MODULES = sorted(
    [
        *(PACKAGE / "documents").glob("*.py"),
        PACKAGE / "exam_catalogue.py",
        PACKAGE / "settings.py",
        PACKAGE / "services" / "importing" / "catalogue.py",
        PACKAGE / "services" / "mail" / "templates.py",
        PACKAGE / "services" / "knowledge" / "placeholders.py",
        PACKAGE / "services" / "knowledge" / "situation.py",
    ]
)
CJK = re.compile(r"[\u3400-\u9fff]")
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


@dataclass(frozen=True)
class Term:
    english: str
    chinese: tuple[str, ...]
    seeds: str
    avoid: tuple[str, ...]
    other_senses: tuple[str, ...]
    case: bool
    #: the variants wrong in any text at all (marked "!" in the file)
    never: tuple[str, ...] = ()

    def pattern(self) -> re.Pattern[str]:
        flags = 0 if self.case else re.IGNORECASE
        return re.compile(r"(?<![A-Za-z])" + re.escape(_plain(self.english)), flags)


def _plain(english: str) -> str:
    """English as matched: no placeholders, no accelerators, hyphens as spaces."""
    text = PLACEHOLDER.sub(" ", english).replace("&&", "\0").replace("&", "").replace("\0", "&")
    return re.sub(r"\s+", " ", text.replace("-", " "))


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split(";") if part.strip())


def load_glossary() -> list[Term]:
    lines = [
        line
        for line in GLOSSARY.read_text(encoding="utf-8").splitlines()
        if line and line[0] != "#"
    ]
    rows = list(csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert rows[0] == ["english", "zh_HK", "seeds", "avoid", "other_senses", "match"]
    terms = []
    for row in rows[1:]:
        assert len(row) == 6, row
        english, chinese, seeds, avoid, other, match = row
        assert match in ("word", "case"), row
        variants = _split(avoid)
        never = tuple(v[1:] for v in variants if v.startswith("!"))
        terms.append(
            Term(
                english,
                _split(chinese),
                seeds,
                tuple(v.removeprefix("!") for v in variants),
                _split(other),
                match == "case",
                never,
            )
        )
    return terms


TERMS = load_glossary()
RIGHT_WORDS = sorted({zh for term in TERMS for zh in term.chinese})
NEVER = sorted({bad for term in TERMS for bad in term.never})


def faults(english: str, chinese: str, *, must_hold: bool = True) -> list[str]:
    """What in ``chinese`` breaks the glossary, given the ``english`` it translates."""
    found = [f"never {bad}" for bad in NEVER if _wrong(bad, chinese)]
    plain = _plain(english)
    for term in TERMS:
        text = plain
        for sense in term.other_senses:
            text = re.sub(re.escape(_plain(sense)), " ", text, flags=re.IGNORECASE)
        if not term.pattern().search(text):
            continue
        if must_hold and not any(zh in chinese for zh in term.chinese):
            found.append(f"“{term.english}” is {'/'.join(term.chinese)}")
        found += [f"“{term.english}” is not {bad}" for bad in term.avoid if _wrong(bad, chinese)]
    return found


def _spans(word: str, text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.start() + len(word)) for m in re.finditer(re.escape(word), text)]


def _wrong(bad: str, chinese: str) -> bool:
    """Whether ``bad`` stands in ``chinese`` on its own, not as part of a right word that
    reaches beyond it (考試部顧客服務中心 holds 顧客服務; 網上查閱成績網站 holds 成績網站)."""
    right = [span for zh in RIGHT_WORDS for span in _spans(zh, chinese)]
    for start, end in _spans(bad, chinese):
        covered = any(s < end and start < e and (s < start or e > end) for s, e in right)
        if not covered:
            return True
    return False


# -- where the pairs come from ---------------------------------------------------------------


def ts_pairs() -> Iterator[tuple[str, str, str]]:
    root = ET.parse(TS_FILE).getroot()
    for context in root.iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            source = message.findtext("source", "")
            translation = message.find("translation")
            assert translation is not None
            forms = [form.text or "" for form in translation.iter("numerusform")]
            for text in forms or [translation.text or ""]:
                yield f"{name}: {source}", source, text


def _literal(node: ast.expr) -> str | None:
    """A string constant or an f-string (its fields as {}), else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        parts = []
        for value in node.values:
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                parts.append(value.value)
            else:
                parts.append("{}")
        return "".join(parts)
    return None


def python_pairs(path: Path) -> Iterator[tuple[str, str, str, bool]]:
    """(where, English, Chinese, must_hold): each (English, Chinese) tuple, and each string
    that mixes both languages (checked for wrong variants only)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    paired: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Tuple) and len(node.elts) == 2:
            first, second = (_literal(e) for e in node.elts)
            if first and second and not CJK.search(first) and CJK.search(second):
                paired.add(id(node.elts[1]))
                yield f"{path.name}:{node.lineno}", first, second, True
    for node in ast.walk(tree):
        text = _literal(node) if isinstance(node, ast.expr) else None
        if text and id(node) not in paired and CJK.search(text) and re.search("[A-Za-z]", text):
            yield f"{path.name}:{node.lineno}", text, text, False


def mail_pairs() -> Iterator[tuple[str, str, str]]:
    """Every email as sent: its English half and its Chinese half, and both subjects."""
    office, at = OfficeInfo(), datetime(2026, 11, 21, 2, 0, tzinfo=UTC)
    makers = {
        "registered": lambda lang: templates.registration_successful(lang, office),
        "registered_out": lambda lang: templates.registration_successful(
            lang, office, results_out=True
        ),
        "reset": lambda lang: templates.password_reset(lang, office, "https://x.test/r", 60),
        "temp": lambda lang: templates.temporary_password_issued(lang, office, at),
        "email_old": lambda lang: templates.email_changed_old_address(lang, office, "a@b.hk", at),
        "email_new": lambda lang: templates.email_changed_new_address(lang, office, at),
        "letter": lambda lang: templates.letter_reissued(lang, office, registered=False, at=at),
        "letter_registered": lambda lang: templates.letter_reissued(
            lang, office, registered=True, at=at
        ),
        "results": lambda lang: templates.results_available(
            lang,
            office,
            exam=("A2 Key", "A2 Key"),
            session=("July 2014", "2014年7月"),
            certificates=(date(2014, 9, 2), date(2014, 9, 30)),
        ),
    }
    for name, make in makers.items():
        english, chinese = make("en"), make("zh_HK")
        first, second = english.body.split("—" * 24)
        yield f"mail {name}", first, second
        yield f"mail {name} (subject)", english.subject, chinese.subject


def answer_pairs() -> Iterator[tuple[str, str, str]]:
    """The desk's first answers, as the migration writes them (the seeds' FAQ)."""
    from alembic.script import ScriptDirectory

    module = ScriptDirectory.from_config(alembic_config()).get_revision("0006_knowledge").module
    for key, title_en, title_zh, body_en, body_zh in module.SEED_ANSWERS:
        yield f"answer {key} (title)", title_en, title_zh
        yield f"answer {key}", body_en, body_zh


# -- the checks -------------------------------------------------------------------------------


def test_the_glossary_holds_the_seeds_terms() -> None:
    chinese = {zh for term in TERMS for zh in term.chinese}
    for word in ("考生編號", "密碼信", "成績報告", "自訂密碼", "忘記密碼", "封鎖",
                 "考試部顧客服務中心", "Secret Number", "打印", "重新載入", "電郵"):  # fmt: skip
        assert word in chinese, word
    for term in TERMS:
        assert term.seeds, term.english
        # a term's wrong variant is never inside its right word
        assert not [bad for bad in term.avoid for zh in term.chinese if bad in zh], term


def test_the_check_finds_the_faults_it_is_for() -> None:
    assert faults("Statement", "成績單") == [
        "never 成績單",
        "“statement” is 成績報告",
        "“statement” is not 成績單",
    ]
    assert "“letter” is not 信件" in faults("Reissue letter", "補發信件")
    assert "“reset email” is not 重設電郵" in faults("Reset email", "重設電郵")
    assert "“override” is not 越權" in faults("Override reason:", "越權處理原因")
    assert "“print” is not 列印" in faults("Printed 列印", "Printed 列印", must_hold=False)
    assert faults("Print…", "打印…") == []
    # some variants are wrong whatever the English says
    assert faults("How to read your results", "如何閱讀成績單") == ["never 成績單"]
    # another sense of the word is not the term: letters of the alphabet, a server's certificate
    assert faults("{letters} letter(s), then digits", "個英文字母") == []
    assert faults("The mail server's certificate is not for {host}", "憑證") == []
    # the office's own name keeps the seeds' 顧客服務
    assert faults("the Exams Customer Service Centre", "考試部顧客服務中心") == []


def test_the_window_uses_the_office_words() -> None:
    found = [f"{where} → {zh}: {f}" for where, en, zh in ts_pairs() for f in faults(en, zh)]
    assert not found, "\n".join(found)


@pytest.mark.parametrize("path", BILINGUAL_MODULES, ids=lambda p: p.name)
def test_the_letters_statements_and_emails_use_the_office_words(path: Path) -> None:
    found = [
        f"{where} → {zh}: {f}"
        for where, en, zh, must in python_pairs(path)
        for f in faults(en, zh, must_hold=must)
    ]
    assert not found, "\n".join(found)


def test_the_emails_as_sent_use_the_office_words() -> None:
    found = [f"{where}: {f}" for where, en, zh in mail_pairs() for f in faults(en, zh)]
    assert not found, "\n".join(found)


def test_the_desk_answers_use_the_office_words() -> None:
    found = [f"{where}: {f}" for where, en, zh in answer_pairs() for f in faults(en, zh)]
    assert not found, "\n".join(found)


#: English that stays in the window's Chinese: the names the seeds keep, what is typed as it is
KEPT_IN_ENGLISH = (
    "ID Number", "Secret Number", "Forgotten your password?", "Results Desk",
    "desk-app", "db upgrade", "db password", "mail password", "statement verify", "statement",
    "--as STAFF", "--as ADMIN", "--role admin", "--db", "CODE", "STAFF", "ADMIN",
    "sqlite:///FILE", "postgresql+psycopg://USER@HOST/DATABASE",
    "[smtp] username", "[smtp] ca_file", "[smtp] security", "[smtp] host", "[office]",
    "reset_link_base", "pdf_font", "release_date", "centre_name", "ca_file", "username",
    "security", "port", "ssl", "starttls", "STARTTLS", "none", "Asia/Hong_Kong",
    "operator", "counter", "supervisor", "admin", "phone", "email", "en", "zh_HK",
    "SQLite", "PostgreSQL", "UTF-8", "CSV", "Excel", "PDF", "TOML", "UTC", "NUL",
    "xlsx", "xls", "csv", "pdf", "serial", "keyring", "Debian", "apt-get install",
    "YYYY-MM-DD", "YYYY-MM", "DD/MM/YYYY", "KETFS", "TW056", "CEFR",
    "Ctrl", "Shift", "Enter", "Esc", "Alt",
    "JSON lines", "jsonl", "--format", "audit verify --file",
)  # fmt: skip


def english_left(chinese: str) -> list[str]:
    text = PLACEHOLDER.sub(" ", chinese)
    text = re.sub(r"\(&[A-Za-z]\)", " ", text)
    for kept in sorted(KEPT_IN_ENGLISH, key=len, reverse=True):
        text = re.sub(r"(?<![A-Za-z])" + re.escape(kept) + r"(?![A-Za-z])", " ", text)
    return re.findall(r"[A-Za-z]{2,}", text)


def test_no_english_is_left_in_the_window_s_chinese() -> None:
    assert english_left("按「Load more」查看 {count} 個 ID Number(&L)") == ["Load", "more"]
    found = [
        f"{where} → {zh}: {left}" for where, _en, zh in ts_pairs() if (left := english_left(zh))
    ]
    assert not found, "\n".join(found)
