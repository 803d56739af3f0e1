"""exam-day letter batches, "results available" notices, how an exam scores

- ``letter_batch`` and ``letter.batch_id``: the centre's print runs of letters;
- ``release_notice``: one row per entry once the release job has decided
  about its "your results are available" email; results released before
  this revision are recorded as ``untracked``, so an upgraded desk does not
  email candidates about results they have had for a long time;
- ``exam.scoring``: "scale", "shields" (Young Learners) or "marks" (Delta),
  set for the Cambridge exam codes the desk's catalogue uses;
- an index on ``result.release_at`` (due releases, the next release).

Revision ID: 0005_release_letters
Revises: 0004_import_catalogue
Create Date: 2026-11-23 09:00:00
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

from desk_app.models.base import UtcDateTime

revision: str = "0005_release_letters"
down_revision: str | None = "0004_import_catalogue"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SHIELDS = ("YLE-STARTERS", "YLE-MOVERS", "YLE-FLYERS")
MARKS = ("DELTA1", "DELTA2", "DELTA3")


def upgrade() -> None:
    with op.batch_alter_table("exam", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("scoring", sa.String(length=8), server_default="scale", nullable=False)
        )
    exam = sa.table("exam", sa.column("code", sa.String), sa.column("scoring", sa.String))
    for codes, scoring in ((SHIELDS, "shields"), (MARKS, "marks")):
        op.execute(exam.update().where(exam.c.code.in_(codes)).values(scoring=scoring))

    op.create_table(
        "letter_batch",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("centre_id", sa.Integer(), nullable=False),
        sa.Column("printed_at", UtcDateTime(), nullable=False),
        sa.Column("printed_by_id", sa.Integer(), nullable=False),
        sa.Column("new_letters", sa.Integer(), nullable=False),
        sa.Column("reissued", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["centre_id"], ["centre.id"], name=op.f("fk_letter_batch_centre_id_centre")
        ),
        sa.ForeignKeyConstraint(
            ["printed_by_id"], ["staff.id"], name=op.f("fk_letter_batch_printed_by_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_letter_batch")),
    )
    with op.batch_alter_table("letter_batch", schema=None) as batch_op:
        batch_op.create_index(
            "ix_letter_batch_centre_printed", ["centre_id", "printed_at"], unique=False
        )
    with op.batch_alter_table("letter", schema=None) as batch_op:
        batch_op.add_column(sa.Column("batch_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_letter_batch_id"), ["batch_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_letter_batch_id_letter_batch"), "letter_batch", ["batch_id"], ["id"]
        )

    op.create_table(
        "release_notice",
        sa.Column("entry_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("release_at", UtcDateTime(), nullable=False),
        sa.Column("decided_at", UtcDateTime(), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("outbox_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["candidate_id"],
            ["candidate.id"],
            name=op.f("fk_release_notice_candidate_id_candidate"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["entry.id"],
            name=op.f("fk_release_notice_entry_id_entry"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["outbox_id"],
            ["outbox_message.id"],
            name=op.f("fk_release_notice_outbox_id_outbox_message"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("entry_id", name=op.f("pk_release_notice")),
    )
    with op.batch_alter_table("release_notice", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_release_notice_candidate_id"), ["candidate_id"], unique=False
        )
    with op.batch_alter_table("result", schema=None) as batch_op:
        batch_op.create_index("ix_result_release_at", ["release_at"], unique=False)

    # results already out when this revision is applied: no late emails about them
    now = datetime.now(UTC)
    result = sa.table(
        "result", sa.column("entry_id", sa.Integer), sa.column("release_at", UtcDateTime)
    )
    entry = sa.table("entry", sa.column("id", sa.Integer), sa.column("candidate_id", sa.Integer))
    notice = sa.table(
        "release_notice",
        sa.column("entry_id", sa.Integer),
        sa.column("candidate_id", sa.Integer),
        sa.column("release_at", UtcDateTime),
        sa.column("decided_at", UtcDateTime),
        sa.column("outcome", sa.String),
    )
    released = (
        sa.select(
            result.c.entry_id,
            entry.c.candidate_id,
            result.c.release_at,
            sa.literal(now, UtcDateTime()),
            sa.literal("untracked", sa.String()),
        )
        .select_from(result.join(entry, entry.c.id == result.c.entry_id))
        .where(result.c.release_at <= sa.literal(now, UtcDateTime()))
    )
    op.execute(
        notice.insert().from_select(
            ["entry_id", "candidate_id", "release_at", "decided_at", "outcome"], released
        )
    )


def downgrade() -> None:
    with op.batch_alter_table("result", schema=None) as batch_op:
        batch_op.drop_index("ix_result_release_at")
    with op.batch_alter_table("release_notice", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_release_notice_candidate_id"))
    op.drop_table("release_notice")
    with op.batch_alter_table("letter", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_letter_batch_id_letter_batch"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_letter_batch_id"))
        batch_op.drop_column("batch_id")
    with op.batch_alter_table("letter_batch", schema=None) as batch_op:
        batch_op.drop_index("ix_letter_batch_centre_printed")
    op.drop_table("letter_batch")
    if op.get_bind().dialect.name == "sqlite":
        # in place (SQLite 3.35+): a batch copy of exam would drop a table that
        # entries and papers still reference
        op.execute("ALTER TABLE exam DROP COLUMN scoring")
    else:
        op.drop_column("exam", "scoring")
