"""The office's settings: policy numbers, office details, mail server.

Plain data with the seeds' values as defaults. ``config.py`` reads overrides
from the config file; nothing here touches Qt or the database.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class PasswordPolicy:
    """The seeds: at least 8 characters, made of letters and at least 2 digits."""

    min_length: int = 8
    min_digits: int = 2
    min_letters: int = 1
    max_length: int = 128


@dataclass(frozen=True)
class LockoutPolicy:
    """The seeds: the 3rd consecutive wrong password locks for 30 minutes."""

    threshold: int = 3
    lock_minutes: int = 30
    #: whether an attempt made while locked starts the 30 minutes again
    extend_on_attempt: bool = False
    #: wrong Secret Numbers at registration are counted and locked the same way
    secret_threshold: int = 3
    secret_lock_minutes: int = 30
    #: a source address with lockouts on at least this many accounts in
    #: ``attack_window_minutes`` is flagged as a likely attack
    attack_accounts: int = 5
    attack_window_minutes: int = 60


@dataclass(frozen=True)
class DeskPolicy:
    """How long a caller verification lasts, reset tokens, and so on."""

    verification_minutes: int = 15
    #: failed verifications on one candidate within a day before it is flagged
    verification_failures_flag: int = 3
    reset_token_minutes: int = 60
    search_page_size: int = 50
    #: a result found more than this many days after its release moment gets
    #: no "results available" email (a late import, a desk long switched off)
    release_notice_days: int = 7
    #: how often a running desk looks for releases that are due
    release_check_minutes: int = 5


@dataclass(frozen=True)
class IdNumberFormat:
    """Default: 1–3 letters then 3–9 digits, or 3–9 digits alone."""

    pattern: str = r"[A-Z]{0,3}[0-9]{3,9}"

    def matches(self, normalised: str) -> bool:
        return re.fullmatch(self.pattern, normalised) is not None


@dataclass(frozen=True)
class OfficeInfo:
    """Printed on letters and statements and used in emails (defaults: the seeds).

    Addresses are the office's to give: the defaults are only those the seeds
    print (the results website and the help page). ``reset_link_base`` (the
    website's page that takes a reset token) and ``verify_website`` (where an
    institution checks a statement's code) are empty until configured: the
    desk then sends no reset links, and statements say to verify through the
    office (hotline, email) instead of printing a QR code that leads nowhere.
    """

    name_en: str = "Exams Customer Service Centre"
    name_zh: str = "考試部顧客服務中心"
    address_en: str = "3 Supreme Court Road, Admiralty, Hong Kong"
    address_zh: str = "香港金鐘法院道3號"
    hotline: str = "2913 5100"
    email: str = "examinations@britishcouncil.org.hk"
    results_website: str = "https://candidates.cambridgeenglish.org"
    results_help: str = "www.britishcouncil.hk/en/exam/cambridge/results"
    #: e.g. "https://results.example.org/reset": the link is this + "?token=…"
    reset_link_base: str = ""
    #: e.g. "https://results.example.org/verify": the QR code is this + "?code=…"
    verify_website: str = ""
    timezone: str = "Asia/Hong_Kong"


@dataclass(frozen=True)
class SmtpSettings:
    host: str = "localhost"
    port: int = 25
    #: "none", "starttls" or "ssl"
    security: str = "none"
    #: a PEM file of certificate authorities to trust instead of the system's
    #: (an office with its own); empty: the system's trust store
    ca_file: str = ""
    username: str = ""
    sender: str = "Results Desk <no-reply@results-desk.invalid>"
    timeout_seconds: float = 10.0
    max_attempts: int = 8
    #: first retry after this many seconds, doubling each time
    backoff_seconds: int = 60


@dataclass(frozen=True)
class HashingPolicy:
    """argon2id cost: RFC 9106's second recommended option by default."""

    time_cost: int = 3
    memory_kib: int = 65536
    parallelism: int = 4


@dataclass(frozen=True)
class StaffPolicy:
    min_password_length: int = 10
    lock_threshold: int = 5
    lock_minutes: int = 15


@dataclass(frozen=True)
class Settings:
    password: PasswordPolicy = field(default_factory=PasswordPolicy)
    lockout: LockoutPolicy = field(default_factory=LockoutPolicy)
    desk: DeskPolicy = field(default_factory=DeskPolicy)
    id_format: IdNumberFormat = field(default_factory=IdNumberFormat)
    office: OfficeInfo = field(default_factory=OfficeInfo)
    smtp: SmtpSettings = field(default_factory=SmtpSettings)
    hashing: HashingPolicy = field(default_factory=HashingPolicy)
    staff: StaffPolicy = field(default_factory=StaffPolicy)
    #: a path to a TrueType font with Traditional Chinese glyphs for PDFs
    pdf_font: str = ""
    pdf_font_bold: str = ""
