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


SECRET = "h3mm3l1g"


@pytest.mark.parametrize(
    "typed",
    [
        f"postgresql://klub:{SECRET}@server.example/arkiv",
        f"postgresql://klub:pa@{SECRET}@server.example/arkiv",  # an @ in the password
        f"postgresql://klub:pa/{SECRET}@server.example/arkiv",  # a / in it: urllib ends the host there
        f"postgresql://klub@server.example/arkiv?password={SECRET}",
        f"postgresql://klub@server.example/arkiv?PASSWORD={SECRET}",
        f"postgresql://klub@server.example/arkiv?sslpassword={SECRET}",
        f"postgresql://klub@server.example/arkiv?%70assword={SECRET}",
        f"host=server.example password={SECRET} dbname=arkiv",
        f"host=server.example password = '{SECRET} med mellemrum' dbname=arkiv",
        f"postgresql://klub:{SECRET}@[::1/arkiv",  # a host urllib cannot read
        f"https://klub:{SECRET}@server.example/",
    ],
)
def test_whatever_is_typed_or_stored_no_message_shows_its_password(typed: str) -> None:
    with pytest.raises(FacilitatorError) as refused:
        checked_target(typed)
    assert SECRET not in str(refused.value)
    assert SECRET not in shown(typed)


@pytest.mark.parametrize(
    "hostile", ["postgresql://klub@server\x1b]0;pwned\x07.example/arkiv", "postgresql://x@y/\x1b[2Jarkiv\nz"]
)
def test_an_address_is_shown_on_one_line_without_escapes(hostile: str) -> None:
    assert not any(c in shown(hostile) for c in "\x1b\x07\n")


def test_every_remote_host_libpq_may_go_to_needs_tls(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("PGHOST", "PGHOSTADDR", "PGSSLMODE", "PGSERVICE"):
        monkeypatch.delenv(name, raising=False)
    for remote in (
        "postgresql://klub@localhost,server.example/arkiv",  # a list of hosts: the second is another machine
        "postgresql://klub@localhost/arkiv?hostaddr=192.0.2.7",  # the address libpq connects to
        "postgresql://klub@[2001:db8::1]/arkiv",
    ):
        assert connect_options(remote)["sslmode"] == "require", remote
    monkeypatch.setenv("PGHOST", "server.example")  # no host in the address: libpq takes PGHOST's
    assert connect_options("postgresql:///arkiv")["sslmode"] == "require"


@pytest.mark.parametrize("mode", ["disable", "allow", "prefer", "Prefer"])
def test_a_mode_that_lets_a_remote_connection_go_without_tls_is_refused(mode: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PGSSLMODE", raising=False)
    with pytest.raises(FacilitatorError, match="TLS"):
        checked_target(f"postgresql://klub@server.example/arkiv?sslmode={mode}")
    monkeypatch.setenv("PGSSLMODE", mode)
    with pytest.raises(FacilitatorError, match="TLS"):
        connect_options("postgresql://klub@server.example/arkiv")
    assert "sslmode" not in connect_options("postgresql://klub@/arkiv?host=/run/postgresql")  # a socket: no TLS there


def test_a_mode_from_the_environment_or_a_service_file_is_not_overridden(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PGSSLMODE", "verify-full")  # a keyword would take the place of the stricter mode
    assert "sslmode" not in connect_options("postgresql://klub@server.example/arkiv")
    monkeypatch.delenv("PGSSLMODE")
    assert "sslmode" not in connect_options("postgresql:///?service=klubarkiv")
