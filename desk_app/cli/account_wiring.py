"""The account services for the command line, built from the process's shared parts.

They are cheap to build; the registry hands the same parts (database,
settings, clock, hasher) to each.
"""

from __future__ import annotations

from desk_app.cli.common import CliContext
from desk_app.services.accounts import AccountService
from desk_app.services.desk_actions import DeskActionService
from desk_app.services.lockouts import LockoutService
from desk_app.services.verification import VerificationService


def account_service(context: CliContext) -> AccountService:
    s = context.services
    return AccountService(s.db, s.settings, s.clock, s.hasher)


def lockout_service(context: CliContext) -> LockoutService:
    s = context.services
    return LockoutService(s.db, s.settings, s.clock)


def verification_service(context: CliContext) -> VerificationService:
    s = context.services
    return VerificationService(s.db, s.settings, s.clock)


def desk_action_service(context: CliContext) -> DeskActionService:
    s = context.services
    return DeskActionService(s.db, s.settings, s.clock, s.hasher)
