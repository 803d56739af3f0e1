"""The request id an action carries is in its audit entry: was it done?"""

from __future__ import annotations

from sqlalchemy import select

from desk_app.models import AuditEvent
from desk_app.services.registry import Services
from desk_app.services.requests import as_request, current_request_id, new_request_id
from tests.support.factories import add_staff, make_candidate


def test_an_action_inside_a_request_is_found_done_by_its_id(services: Services) -> None:
    make_candidate(services)
    supervisor = add_staff(services, "supervisor", "sup.lee")
    done, never = new_request_id(), new_request_id()
    assert len(done) == 32 and done != never
    with as_request(done):
        assert current_request_id() == done
        services.notes.add(supervisor, "SMR123456", "called about the lock", channel="phone")
    assert current_request_id() is None
    assert services.connection.request_done(done)
    assert not services.connection.request_done(never)
    with services.db.read() as session:
        ids = session.scalars(select(AuditEvent.request_id).order_by(AuditEvent.id)).all()
    assert ids[-1] == done and ids.count(done) == 1
    assert all(i is None for i in ids[:-1])  # outside a request: no id
    assert services.audit.verify().ok  # not part of the hash: the chain still verifies
