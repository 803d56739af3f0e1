"""the standard exam catalogue, with each exam's grades, CEFR levels and paper ranges

A real office starts from an empty database and imports the exam board's
files, which name exams by code or name and give grades, CEFR levels and
scores that the importer checks against the exam. So the database holds
the standard catalogue (desk_app/exam_catalogue.py) from this revision on:

* ``exam_grade`` and ``exam_cefr``: the grades an exam awards and the CEFR
  levels it reports, best first;
* ``paper.score_min`` / ``paper.score_max``: a paper's range (the exam's,
  except Young Learners papers: 1–5 shields);
* the catalogue's exams and papers are inserted where their code is not
  there yet; an exam already there (the demo made the same ones) keeps its
  row and gains its grades and CEFR levels.

Revision ID: 0004_import_catalogue
Revises: 0003_reset_link
Create Date: 2026-12-01 22:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from desk_app.exam_catalogue import EXAMS, StandardExam

revision: str = "0004_import_catalogue"
down_revision: str | None = "0003_reset_link"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# the tables as this revision knows them (not the models, which move on)
_exam = sa.table(
    "exam",
    sa.column("id", sa.Integer),
    sa.column("code", sa.String),
    sa.column("name_en", sa.String),
    sa.column("name_zh", sa.String),
    sa.column("has_paper_breakdown", sa.Boolean),
    sa.column("score_min", sa.Integer),
    sa.column("score_max", sa.Integer),
)
_paper = sa.table(
    "paper",
    sa.column("id", sa.Integer),
    sa.column("exam_id", sa.Integer),
    sa.column("position", sa.Integer),
    sa.column("name_en", sa.String),
    sa.column("name_zh", sa.String),
    sa.column("score_min", sa.Integer),
    sa.column("score_max", sa.Integer),
)
_grade = sa.table(
    "exam_grade",
    sa.column("exam_id", sa.Integer),
    sa.column("position", sa.Integer),
    sa.column("name", sa.String),
)
_cefr = sa.table(
    "exam_cefr",
    sa.column("exam_id", sa.Integer),
    sa.column("position", sa.Integer),
    sa.column("level", sa.String),
)


def _create_tables() -> None:
    op.create_table(
        "exam_grade",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("exam_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["exam_id"], ["exam.id"], name=op.f("fk_exam_grade_exam_id_exam"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exam_grade")),
        sa.UniqueConstraint("exam_id", "name", name=op.f("uq_exam_grade_exam_id")),
    )
    op.create_table(
        "exam_cefr",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("exam_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("level", sa.String(length=8), nullable=False),
        sa.ForeignKeyConstraint(
            ["exam_id"], ["exam.id"], name=op.f("fk_exam_cefr_exam_id_exam"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exam_cefr")),
        sa.UniqueConstraint("exam_id", "level", name=op.f("uq_exam_cefr_exam_id")),
    )


def _add_paper_ranges() -> None:
    with op.batch_alter_table("paper", schema=None) as batch_op:
        batch_op.add_column(sa.Column("score_min", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("score_max", sa.Integer(), nullable=True))
    exam_of_paper = _exam.c.id == _paper.c.exam_id
    op.execute(
        _paper.update().values(
            score_min=sa.select(_exam.c.score_min).where(exam_of_paper).scalar_subquery(),
            score_max=sa.select(_exam.c.score_max).where(exam_of_paper).scalar_subquery(),
        )
    )


def _insert_exam(connection: sa.Connection, exam: StandardExam) -> int:
    existing = connection.scalar(sa.select(_exam.c.id).where(_exam.c.code == exam.code))
    low, high = exam.paper_range
    if existing is None:
        connection.execute(
            _exam.insert().values(
                code=exam.code,
                name_en=exam.name_en,
                name_zh=exam.name_zh,
                has_paper_breakdown=exam.has_paper_breakdown,
                score_min=exam.score_min,
                score_max=exam.score_max,
            )
        )
        existing = connection.scalar(sa.select(_exam.c.id).where(_exam.c.code == exam.code))
        assert existing is not None
        for position, (name_en, name_zh) in enumerate(exam.papers, start=1):
            connection.execute(
                _paper.insert().values(
                    exam_id=existing, position=position, name_en=name_en, name_zh=name_zh,
                    score_min=low, score_max=high,
                )
            )  # fmt: skip
    else:
        connection.execute(
            _paper.update()
            .where(_paper.c.exam_id == existing)
            .values(score_min=low, score_max=high)
        )
    return int(existing)


def _catch_up_sequences(connection: sa.Connection) -> None:
    """On PostgreSQL, move the id sequences past rows inserted with explicit ids.

    Demo data (and older tests) wrote exams and papers with explicit ids,
    which do not advance a SERIAL's sequence; the catalogue's inserts below
    take their ids from it and would collide.
    """
    if connection.dialect.name != "postgresql":
        return
    for name in ("exam", "paper"):
        connection.execute(
            sa.text(
                f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                f"COALESCE((SELECT max(id) FROM {name}), 0) + 1, false)"
            )
        )


def _insert_catalogue() -> None:
    connection = op.get_bind()
    _catch_up_sequences(connection)
    for exam in EXAMS:
        exam_id = _insert_exam(connection, exam)
        if connection.scalar(sa.select(_grade.c.exam_id).where(_grade.c.exam_id == exam_id)):
            continue
        for position, name in enumerate(exam.grades, start=1):
            connection.execute(_grade.insert().values(exam_id=exam_id, position=position, name=name))
        for position, level in enumerate(exam.cefr_levels, start=1):
            connection.execute(
                _cefr.insert().values(exam_id=exam_id, position=position, level=level)
            )


def upgrade() -> None:
    _create_tables()
    _add_paper_ranges()
    _insert_catalogue()
    with op.batch_alter_table("paper", schema=None) as batch_op:
        batch_op.alter_column("score_min", existing_type=sa.Integer(), nullable=False)
        batch_op.alter_column("score_max", existing_type=sa.Integer(), nullable=False)


def downgrade() -> None:
    with op.batch_alter_table("paper", schema=None) as batch_op:
        batch_op.drop_column("score_max")
        batch_op.drop_column("score_min")
    op.drop_table("exam_cefr")
    op.drop_table("exam_grade")
