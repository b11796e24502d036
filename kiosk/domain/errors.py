"""Domain errors carry a message a citizen can read (Chinese) and an optional field name."""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any, TypeVar

T = TypeVar("T")


class DomainError(Exception):
    """A rule was broken. ``message`` is shown to the user as is; ``field`` names the input."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


def sentence(text: str) -> str:
    """``text`` ending with 。: a message is a clause (said next to a field), and a refusal said
    alone (a whole page's, a list's) reads as a sentence."""
    return text if not text or text.endswith(("。", "！", "？")) else text + "。"


# The services word their refusals for the citizen at the kiosk (您名下没有机动车驾驶证) and the ID
# number checks (domain.ids) speak to the one typing it (您输入了3位). Said to a member of staff about
# someone else's record or a line of a file nobody typed there (`kiosk elicence show`, 考试成绩录入's
# CSV import), they speak of that person and of what was received (收到3位).
FOR_STAFF = (("您名下", "该身份证号码名下"), ("您的", "该驾驶人的"), ("您还没有", "该驾驶人还没有"), ("您输入了", "收到"))


def for_staff(message: str) -> str:
    """``message`` worded for staff (FOR_STAFF)."""
    for citizen, staff in FOR_STAFF:
        message = message.replace(citizen, staff)
    return message


class StillPending(DomainError):
    """An application of the kind (or for the same vehicle) is still 受理中, so no new one is taken:
    ``message`` names it (业务流水号) and says what to do now; a screen offers 查看网办进度 opening on
    it (``serial_no``). ``field``: the choice it concerns (a vehicle, of several), when not the whole service."""

    def __init__(self, message: str, serial_no: str, field: str | None = None) -> None:
        super().__init__(message, field)
        self.serial_no = serial_no


class TooSoon(DomainError):
    """A new SMS code was asked for before the resend wait ended; ``seconds`` are left of it."""

    def __init__(self, message: str, field: str | None, seconds: int) -> None:
        super().__init__(message, field)
        self.seconds = seconds


class CodeStillValid(TooSoon):
    """TooSoon while the code this terminal sent is still valid: it is in the citizen's messages, so
    a screen says where it went and until when it works, and in demo mode shows that SMS (``sms_id``,
    the outbox row; None when there is none) on the phone bar again, as the phone would still show it
    (tester: 返回, then 登录 again within the 60 s, and the code was nowhere to be seen).
    ``phone`` is for the demo phone bar only; screens show ``phone_masked``."""

    def __init__(self, message: str, field: str | None, seconds: int, *, phone: str, phone_masked: str,
                 sent_at: datetime, expires_at: datetime, sms_id: int | None) -> None:
        super().__init__(message, field, seconds)
        self.phone, self.phone_masked = phone, phone_masked
        self.sent_at, self.expires_at, self.sms_id = sent_at, expires_at, sms_id


class CodeRefused(DomainError):
    """The SMS code typed was not taken (wrong, expired, used up by wrong tries, not 6 digits, none
    sent): a screen empties the code field, so the next code can be typed in full. ``gone``: the
    code the screen said was sent can no longer be used at all (expired, used, dead after too many
    wrong tries, replaced on another terminal): the line saying where it went goes too.
    ``resend_now``: a new code may be asked for at once (the resend wait no longer holds: the code
    was used), so the 重新发送 countdown stops."""

    def __init__(self, message: str, field: str | None = None, *, gone: bool = False,
                 resend_now: bool = False) -> None:
        super().__init__(message, field)
        self.gone = gone
        self.resend_now = resend_now


class WrongValue(DomainError):
    """The value typed was compared with the record and is not the one there (注册's 预留手机号码),
    each such try counted against a limit: a screen takes it out of its field and keeps the message,
    as it does a refused SMS code, so the right value can be typed at once (the field was full and
    refused it) and the wrong one is never sent again by accident."""


class KeptRefusal(DomainError):
    """A refusal kept although the transaction it was found in is rolled back: the service that
    submitted it records ``action`` (with ``detail``) in the audit log afterwards, so a limit on
    such tries can count them (备案非本人机动车's wrong proofs)."""

    def __init__(self, message: str, field: str | None, action: str, detail: str = "") -> None:
        super().__init__(message, field)
        self.action = action
        self.detail = detail


class NotFound(DomainError):
    pass


class PermissionDenied(DomainError):
    pass


class StaffRevoked(PermissionDenied):
    """The staff account was deactivated, or the role taken away, since the clerk signed in:
    the counter signs the clerk out."""


class Conflict(DomainError):
    """Someone else changed the data first (e.g. the last seat was taken)."""


class FieldErrors(DomainError):
    """Several fields of one form are wrong: ``problems`` holds each one's (field, message), in the
    order of the form, so a citizen is told of all of them at once instead of one per submission.
    ``message`` and ``field`` are the first one's, for code that shows a single error."""

    def __init__(self, problems: list[tuple[str | None, str]]) -> None:
        field, message = problems[0]
        super().__init__(message, field)
        self.problems = list(problems)

    def __str__(self) -> str:
        return "；".join(message for _, message in self.problems)


class FormProblems:
    """Checks a form field by field without stopping at the first problem. ``check`` runs one
    check and keeps its DomainError (the first per field: the next ones on it are about the same
    input); ``raise_found`` then raises them together. Checks that depend on another field's value
    are run only when that value passed (a check's result is None when it did not)."""

    def __init__(self) -> None:
        self.problems: list[tuple[str | None, str]] = []
        self._pending: StillPending | None = None  # the first problem, when it is one (a screen offers 查看网办进度)

    def add(self, message: str, field: str | None) -> None:
        if field is None or field not in (f for f, _ in self.problems):
            self.problems.append((field, message))

    def check(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
        """``fn(*args, **kwargs)``, or None with its problem(s) kept."""
        try:
            return fn(*args, **kwargs)
        except FieldErrors as exc:
            for field, message in exc.problems:
                self.add(message, field)
        except DomainError as exc:
            if not self.problems and isinstance(exc, StillPending):
                self._pending = exc  # its 业务流水号 kept
            self.add(exc.message, exc.field)
        return None

    def raise_found(self, order: tuple[str, ...] = ()) -> None:
        """Nothing when every check passed; one problem as a DomainError (the StillPending raised,
        when it is that), several as FieldErrors. ``order``: the form's fields, for problems found
        out of it (a rule over several fields checked after each one alone); others keep their place
        after them."""
        if order:
            self.problems.sort(key=lambda p: order.index(p[0]) if p[0] in order else len(order))
        if len(self.problems) == 1:
            field, message = self.problems[0]
            raise self._pending or DomainError(message, field)
        if self.problems:
            raise FieldErrors(self.problems)
