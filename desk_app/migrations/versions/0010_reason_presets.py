"""reason presets: the common reasons of each desk action, chosen with one key

- ``reason_preset``: per action (unlock, send_reset, temp_password,
  change_email, reissue_letter, print_statement) up to nine reasons, in
  English and Chinese (Hong Kong), numbered as the desk shows them;
- seeded with the reasons callers give most, in the seeds' words.

Revision ID: 0010_reason_presets
Revises: 0009_search_keys
Create Date: 2026-12-07 09:00:00
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

from desk_app.models.base import UtcDateTime

revision: str = "0010_reason_presets"
down_revision: str | None = "0009_search_keys"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: (action, English, Chinese) in the order the desk numbers them
SEEDS: tuple[tuple[str, str, str], ...] = (
    ("unlock", "Caller verified: locked out after wrong passwords", "來電者身分已核實：輸入錯誤密碼後被封鎖"),
    ("unlock", "Needs the results today: cannot wait for the lock to end", "今日需要查閱成績，未能等候封鎖解除"),
    ("unlock", "Remembered the password after the lock", "封鎖後已記起密碼"),
    ("send_reset", "Forgotten password: reset link to the registered email", "忘記密碼：重設連結寄往登記電郵"),
    ("send_reset", "Reset email not received: sent again", "未收到重設密碼電郵：再次寄出"),
    ("send_reset", "Locked out and wants a new password", "帳戶被封鎖，要求設定新密碼"),
    ("temp_password", "Forgotten password: identity document seen at the counter", "忘記密碼：已於櫃檯核對身分證明文件"),
    ("temp_password", "Cannot open the registered email", "未能開啟登記電郵"),
    ("change_email", "No longer has the registered email", "已不能使用登記電郵"),
    ("change_email", "Email mistyped at registration", "登記時輸入錯誤電郵"),
    ("reissue_letter", "Letter lost", "遺失密碼信"),
    ("reissue_letter", "Letter never received", "未有收到密碼信"),
    ("reissue_letter", "Letter damaged or unreadable", "密碼信損毀或無法閱讀"),
    ("print_statement", "For a university or school application", "申請大學或學校之用"),
    ("print_statement", "For an employer", "僱主要求"),
    ("print_statement", "Original statement lost", "遺失成績報告正本"),
)  # fmt: skip


def upgrade() -> None:
    table = op.create_table(
        "reason_preset",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text_en", sa.String(length=200), nullable=False),
        sa.Column("text_zh", sa.String(length=200), nullable=True),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["updated_by_id"], ["staff.id"], name=op.f("fk_reason_preset_updated_by_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reason_preset")),
        sa.UniqueConstraint("action", "position", name="uq_reason_preset_action"),
    )
    now = datetime.now(UTC)
    positions: dict[str, int] = {}
    rows = []
    for action, english, chinese in SEEDS:
        positions[action] = positions.get(action, 0) + 1
        rows.append(
            {
                "action": action,
                "position": positions[action],
                "text_en": english,
                "text_zh": chinese,
                "updated_at": now,
            }
        )
    op.bulk_insert(table, rows)


def downgrade() -> None:
    op.drop_table("reason_preset")
