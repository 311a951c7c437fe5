"""The share address: no password kept or shown, TLS for a host that is not this machine."""

from __future__ import annotations

import pytest

from facilitator.errors import FacilitatorError
from facilitator.shared.target import checked_target, connect_options, shown


@pytest.mark.parametrize(
    "url", ["postgresql://klub:kode@server.example/arkiv", "postgresql://klub@server.example/arkiv?password=kode", "https://x/y"]
)
def test_an_address_with_a_password_or_of_another_kind_is_refused(url: str) -> None:
    with pytest.raises(FacilitatorError) as refused:
        checked_target(url)
    assert "kode" not in str(refused.value)


def test_a_password_stored_by_hand_is_never_shown() -> None:
    assert shown("postgresql://klub:kode@server.example:5433/arkiv?password=kode&sslmode=verify-full") == (
        "postgresql://klub:***@server.example:5433/arkiv?sslmode=verify-full"
    )
    assert shown("postgresql://klub@server.example/arkiv") == "postgresql://klub@server.example/arkiv"


def test_a_remote_host_needs_tls_and_a_local_one_does_not() -> None:
    assert connect_options("postgresql://klub@server.example/arkiv")["sslmode"] == "require"
    assert connect_options("postgresql://klub@/arkiv?host=server.example")["sslmode"] == "require"
    assert "sslmode" not in connect_options("postgresql://klub@server.example/arkiv?sslmode=verify-full")
    for local in ("postgresql://klub@localhost/arkiv", "postgresql://klub@/arkiv?host=/run/postgresql", "postgresql:///arkiv"):
        assert "sslmode" not in connect_options(local)
    assert connect_options("postgresql://klub@localhost/arkiv")["connect_timeout"] == 5
