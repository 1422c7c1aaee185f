"""Database addresses: parsed for the psycopg driver, shown without any password."""

from __future__ import annotations

import os
import re

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from models.errors import DatabaseRefused

PG_DRIVER = "postgresql+psycopg"  # the driver of the [postgres] extra


# libpq takes a password in the user information (user:secret@host), as a query parameter
# (?password=secret, which SQLAlchemy's hide_password leaves shown) and in key=value strings.
_PASSWORD_PARAMETER = re.compile(
    r"(?i)((?:^|[?&;\s])(?:password|passwd|pgpassword)\s*=\s*)('(?:[^'\\]|\\.)*'|[^&\s#]*)"
)


def mask_password(target: str) -> str:
    """``target`` with every password in it replaced by ***, even when it is not a valid URL."""
    target = _PASSWORD_PARAMETER.sub(lambda m: m.group(1) + "***", target)
    scheme, sep, rest = target.partition("://")
    if not sep:
        return target
    authority_end = len(rest)
    for stop in ("/", "?", "#"):
        at_or_after = rest.find(stop, rest.rfind("@") + 1 if "@" in rest else 0)
        if at_or_after != -1:
            authority_end = min(authority_end, at_or_after)
    authority, tail = rest[:authority_end], rest[authority_end:]
    credentials, at, host = authority.rpartition("@")
    if not at or ":" not in credentials:
        return target
    return f"{scheme}://{credentials.split(':', 1)[0]}:***@{host}{tail}"


def safe_url(url: URL) -> str:
    """A server's address for messages and title bars: no password in any form."""
    return mask_password(url.render_as_string(hide_password=True))


def parse_url(target: str) -> URL:
    """A --db URL (``postgresql://``, ``postgres://``: the psycopg driver); DatabaseRefused if malformed."""
    try:
        url = make_url(target)
    except (ArgumentError, ValueError) as exc:
        raise DatabaseRefused(
            f"{mask_password(target)} is not a database address "
            "(expected a file, or e.g. postgresql+psycopg://user@host/dbname)."
        ) from exc
    if url.drivername in ("postgres", "postgresql"):
        url = url.set(drivername=PG_DRIVER)
    return url


def _scrub(text_: str, url: URL) -> str:
    """An error text with the URL's password, in any spelling, replaced by ***."""
    from urllib.parse import quote, quote_plus

    passwords = [url.password] if url.password else []
    for key, value in url.query.items():
        if key.lower() in ("password", "passwd"):
            passwords += [value] if isinstance(value, str) else list(value)
    # libpq reads PGPASSWORD when the address has none, and may quote what it used.
    if len(os.environ.get("PGPASSWORD", "")) >= 4:
        passwords.append(os.environ["PGPASSWORD"])
    for password in passwords:
        for spelling in {str(password), quote(str(password), safe=""), quote_plus(str(password))}:
            if spelling:
                text_ = text_.replace(spelling, "***")
    return mask_password(text_)
