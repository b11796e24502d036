"""网办: the generic online-application flow every service goes through.

A service describes its form, its checks and its effect (``OnlineService``); this module runs it:
prepare -> validate -> (SMS code to a phone to confirm) -> submit. Submitting creates the
application with its serial number (业务流水号), the first timeline entry, an audit entry and a
message, all in one transaction with the service's own effect.
"""
from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..db.models import Account, Application, ApplicationEvent, Message, Notice
from ..domain.errors import DomainError, FieldErrors, KeptRefusal, NotFound, sentence
from ..domain.ids import mask_phone, normalize_phone  # noqa: F401  (mask_phone re-exported for screens)
from ..domain.titles import of_title  # noqa: F401  (re-exported: counter_applications)
from . import audit, codes, messaging
from .booking import APPLICATION_STATUS_TEXT
from .booking import KIND as BOOKING_KIND
from .env import Env


WAITING = "受理中"  # an application the DMV is still working on (the counter finishes it)
FINISHED, TURNED_BACK = "已办结", "已退办"  # how it ends: done, or turned back (退办, with the reason)


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label: str
    # text / phone / code (letters and digits: spaces typed are dropped, as in a phone's) / number (digits
    # only, as 有效天数 or a 发票号码: spaces dropped too; the number pad shows beside it, as beside a phone's
    # or a code's; not a date, whose 「-」 the pad has not) / choice / agree (a box to tick: the value is "1" when ticked)
    # / plate (号牌号码: the province chosen from a list, context ``home_province`` first, the rest typed;
    # the value is the two joined, kiosk.domain.plate_entry)
    kind: str = "text"
    placeholder: str = ""
    max_len: int = 100
    required: bool = True
    note: str = ""  # a text to read shown above the field (e.g. the declaration an agree box is about)
    # Shown (and sent) only while each named choice field has the given value, e.g. (("way", "现场教育"),).
    show_if: tuple[tuple[str, str], ...] = ()
    upper: bool = False  # letters upper-cased as typed (a VIN, a plate number typed whole), as a plate's rest


@dataclass
class Prepared:
    """What the form shows: fields, their current values and the choices of choice fields."""

    intro: str
    fields: list[FieldSpec]
    initial: dict[str, str] = field(default_factory=dict)
    choices: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # name -> [(label, value)]
    context: dict[str, object] = field(default_factory=dict)  # service-private facts


@dataclass(frozen=True)
class Outcome:
    status: str
    note: str
    message: str  # inbox / SMS text
    # What the service does with the application once it exists (e.g. link a row made in apply to it).
    created: Callable[[Application], None] | None = None


class OnlineService(Protocol):
    kind: str
    title: str
    code_purpose: str

    def prepare(self, session: Session, env: Env, account: Account) -> Prepared: ...
    def validate(self, form: dict[str, str], prepared: Prepared) -> dict[str, str]: ...
    def phone_to_confirm(self, clean: dict[str, str], prepared: Prepared) -> str | None: ...
    def summary(self, clean: dict[str, str], prepared: Prepared) -> list[tuple[str, str]]: ...
    def apply(self, session: Session, env: Env, account: Account, clean: dict[str, str],
              prepared: Prepared) -> Outcome: ...


@dataclass(frozen=True)
class Checked:
    clean: dict[str, str]
    summary: list[tuple[str, str]]
    phone_to_confirm: str | None


@dataclass(frozen=True)
class Submitted:
    serial_no: str
    title: str
    status: str
    note: str
    summary: list[tuple[str, str]]


@dataclass(frozen=True)
class EventView:
    at: datetime
    status: str
    note: str


@dataclass(frozen=True)
class ApplicationView:
    serial_no: str
    title: str
    status: str
    created_at: datetime
    updated_at: datetime
    events: list[EventView]
    payload: dict
    kind: str = ""

    @property
    def status_text(self) -> str:
        """The status as 网办进度 shows it: a placed exam booking's says whether its fee is paid, in
        the words of the booking screens (预约成功（未缴费）, 预约成功（已缴费）)."""
        if self.kind == BOOKING_KIND:
            return APPLICATION_STATUS_TEXT.get(self.status, self.status)
        return self.status


def _account(session: Session, account_id: int) -> Account:
    account = session.get(Account, account_id)
    if account is None or account.registered_at is None:
        raise NotFound("账户不存在或未注册")
    return account


def prepare(env: Env, service: OnlineService, account_id: int) -> Prepared:
    with env.db.read() as s:
        return service.prepare(s, env, _account(s, account_id))


def check(service: OnlineService, form: dict[str, str], prepared: Prepared) -> Checked:
    """The service's ``validate``; several wrong fields come in the form's order (the screen's), so
    the first named, the one focused, is the first on screen (审验教育 checks 教育场次 first)."""
    try:
        clean = service.validate(form, prepared)
    except FieldErrors as exc:
        raise in_form_order(exc, prepared) from None
    return Checked(clean, service.summary(clean, prepared), service.phone_to_confirm(clean, prepared))


def in_form_order(exc: FieldErrors, prepared: Prepared) -> FieldErrors:
    """``exc``'s problems sorted by their field's place in the form; those naming no field of the
    form keep their order after them."""
    order = [spec.name for spec in prepared.fields]
    problems = sorted(exc.problems, key=lambda p: order.index(p[0]) if p[0] in order else len(order))
    return exc if problems == exc.problems else FieldErrors(problems)


def field_problem(service: OnlineService, form: dict[str, str], prepared: Prepared, name: str,
                  empty_too: bool = False) -> str:
    """What the service's own checks (``validate``, no database) say of the field ``name`` as it
    stands alone: said under it as Enter leaves it, before the next field is typed (a 4-digit phone
    number; a 体检日期 no longer valid). Run with every other typed field left empty (the choices
    and boxes as they are), so only the value's own checks count: one that needs another field
    typed (the same phone and address as on record, an invoice's record) waits for 下一步, as does
    an empty field's 请输入 ('', unless ``empty_too``: the form's own words for an empty field, which
    the screen keeps under it while another choice is made). '' when nothing is wrong with it."""
    if not empty_too and not form.get(name, "").strip():
        return ""
    typed = {spec.name for spec in prepared.fields if spec.kind not in ("choice", "agree")}
    alone = {key: value if key == name or key not in typed else "" for key, value in form.items()}
    try:
        service.validate(alone, prepared)
    except FieldErrors as exc:
        return next((message for field, message in exc.problems if field == name), "")
    except DomainError as exc:
        return exc.message if exc.field == name else ""
    return ""


def send_confirm_code(env: Env, service: OnlineService, account_id: int, phone: str) -> codes.CodeSent:
    phone = normalize_phone(phone)
    with env.db.write() as s:
        return codes.send_code(s, env, phone, service.code_purpose, account_id)


def placeholder_serial() -> str:
    """A unique serial number to insert with, until the row's id gives the real one."""
    return "tmp-" + secrets.token_hex(8)


def serial_for(created: datetime, app_id: int) -> str:
    """业务流水号: the day the application was made and its id."""
    return f"{created:%y%m%d}{app_id:010d}"


def create(session: Session, env: Env, account: Account, *, kind: str, title: str, status: str,
           note: str, payload: dict) -> Application:
    """Create an application with its serial number and first timeline entry."""
    now = env.clock.now()
    app = Application(serial_no=placeholder_serial(), account_id=account.id, kind=kind,
                      title=title, status=status, payload=payload, terminal_id=env.terminal_id,
                      created_at=now, updated_at=now)
    session.add(app)
    session.flush()
    app.serial_no = serial_for(now, app.id)
    session.add(ApplicationEvent(application_id=app.id, at=now, status=status, note=note))
    return app


def transition(session: Session, env: Env, app: Application, status: str, note: str) -> None:
    now = env.clock.now()
    app.status, app.updated_at = status, now
    session.add(ApplicationEvent(application_id=app.id, at=now, status=status, note=note))


def submit(env: Env, service: OnlineService, account_id: int, form: dict[str, str], code: str = "") -> Submitted:
    """Validate again (never trust the screen), check the code, apply, record: one transaction."""
    with env.db.read() as s:
        prepared = service.prepare(s, env, _account(s, account_id))
    checked = check(service, form, prepared)
    try:
        if checked.phone_to_confirm:
            with env.db.write() as s:  # the failed attempt must be kept even when we refuse
                problem = codes.consume_code(s, env, checked.phone_to_confirm, service.code_purpose, code)
                if problem is None:
                    return _apply(s, env, service, account_id, checked, prepared)
            raise codes.refusal(problem)
        with env.db.write() as s:
            return _apply(s, env, service, account_id, checked, prepared)
    except KeptRefusal as refused:  # rolled back with the rest: recorded on its own
        with env.db.write() as s:
            audit.record(s, env, actor=f"citizen:{account_id}", action=refused.action, account_id=account_id,
                         detail=refused.detail)
        raise


def _apply(s: Session, env: Env, service: OnlineService, account_id: int, checked: Checked,
           prepared: Prepared) -> Submitted:
    account = _account(s, account_id)
    outcome = service.apply(s, env, account, checked.clean, prepared)
    app = create(s, env, account, kind=service.kind, title=service.title, status=outcome.status,
                 note=outcome.note, payload=dict(checked.clean))
    if outcome.created:
        outcome.created(app)
    audit.record(s, env, actor=f"citizen:{account.id}", action=service.kind, account_id=account.id,
                 detail=f"{app.serial_no} {outcome.status}")
    messaging.notify(s, env, account, messaging.titled(service.title, outcome.status), f"您的{of_title(service.title)}（业务流水号{app.serial_no}）{outcome.message}")
    return Submitted(app.serial_no, service.title, outcome.status, outcome.note, checked.summary)


def decided_title(title: str, decision: str) -> str:
    """The inbox title of a decision on an application of ``title``: 学法减分（已办结）,
    驾驶证电子版申领（审核不通过）. The message sent when it was taken has its status then (学法减分（受理中）),
    so the two are told apart in the inbox (tester: two rows 补换领行驶证, then two 驾驶证电子版申领)."""
    return messaging.titled(title, decision)


def waiting(session: Session, account_id: int, kind: str) -> list[Application]:
    """The account's applications of ``kind`` still 受理中, oldest first (one-at-a-time checks)."""
    return list(session.scalars(select(Application).where(
        Application.account_id == account_id, Application.kind == kind, Application.status == WAITING)
        .order_by(Application.id)))


def decision_of(env: Env, account_id: int, serial_no: str) -> tuple[str, str] | None:
    """For the citizen's result page of an application still waiting for someone else (受理中 at a
    counter, a photo 待审核 by a reviewer), read again while it waits: its status now and its latest
    entry's note (行驶证已邮寄，请注意查收。, 审核不通过：照片背景不是白色。), so the page follows the
    decision; None if the account has no such application."""
    with env.db.read() as s:
        app = s.scalar(select(Application).where(Application.account_id == account_id,
                                                 Application.serial_no == serial_no))
        if app is None:
            return None
        last = s.scalar(select(ApplicationEvent).where(ApplicationEvent.application_id == app.id)
                        .order_by(ApplicationEvent.id.desc()).limit(1))
        return app.status, sentence(last.text) if last is not None else ""


def list_for(env: Env, account_id: int) -> list[ApplicationView]:
    with env.db.read() as s:
        return list_in(s, account_id)


def list_in(s: Session, account_id: int) -> list[ApplicationView]:
    """list_for within a read the caller holds. Each entry reads as a sentence, with its 。: notes
    stored by the services (受理, 优先预约成功, ...) are also sewn into longer texts (the message adds
    its own 。) and have none."""
    rows = s.scalars(select(Application).where(Application.account_id == account_id)
                     .options(selectinload(Application.events))
                     .order_by(Application.created_at.desc(), Application.id.desc()).limit(200))
    results = _allocation_results(s, account_id)
    return [ApplicationView(a.serial_no, a.title, a.status, a.created_at, a.updated_at,
                            _timeline([EventView(e.at, e.status, sentence(e.text)) for e in a.events],
                                      results.get(a.serial_no)),
                            dict(a.payload), a.kind)
            for a in rows]


def _allocation_results(s: Session, account_id: int) -> dict[str, list[EventView]]:
    """Serial number -> the 网办进度 entries publication-day allocation gave it: its inbox message
    (the notice's status and note, at the message's time) is the entry (kiosk.services.allocation_sql)."""
    found: dict[str, list[EventView]] = {}
    for ref, at, status, note in s.execute(
            select(Message.ref, Message.created_at, Notice.status, Notice.note).join(Notice, Notice.id == Message.notice_id)
            .where(Message.account_id == account_id, Message.channel == "inbox", Notice.status.is_not(None))
            .order_by(Message.id)):
        found.setdefault(ref, []).append(EventView(at, status, note))
    return found


def _timeline(events: list[EventView], results: list[EventView] | None) -> list[EventView]:
    """The stored entries with the allocation's in time order: an allocation entry goes before any
    stored one of its time or later (written after the run: a fee paid at once, under a clock that
    stands still); the application had none such before it, since it waited for the run."""
    for r in results or ():
        i = next((k for k, e in enumerate(events) if e.at >= r.at), len(events))
        events.insert(i, r)
    return events
