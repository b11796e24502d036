"""亮证/亮码: the e-licence card and a freshly signed code for it.

Every code is signed twice at the same instant: the full profile ``DL1:`` (all the licence
data, COSE_Sign1, needs 65x33 cells) and the compact profile ``DL2:`` (kiosk.services.
elicence_compact, 45x23 cells, fits 80x24). The screen draws the full one when it fits and
the compact one otherwise; ``kiosk verify`` accepts both. Signing keys: data_dir/keys; the
public half is registered in the database for the other terminals (kiosk.services.elicence_keys).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import object_session

from ..config import ELICENCE_TTL_RANGE
from ..db.models import Account, DrivingLicence
from ..db.models_elicence import ElectronicLicence
from ..domain.elicence import apply_decision, card_colour, normalize_codes
from ..domain.errors import DomainError, NotFound, sentence
from ..domain.licence_delay import KINDS as DELAY_KINDS, delayed_to_text, running_delays
from ..domain.ids import birth_date, mask_id, normalize_id_number, sex_of
from ..domain.licence import status_text
from . import audit, photos
from .elicence_state import refresh_staleness
from .elicence_steps import refusal_step
from .elicence_codec import LicenceClaims, encode, photo_digest
from .elicence_compact import CompactClaims, encode_compact
from .elicence_keys import signing_key
from .env import Env
from .licence_delay import delays_of, settle, status_delayed_text
from .licence_points import points_of

NATIONALITY = "中国"


def ttl_seconds(env: Env) -> int:
    """Code lifetime from the settings ($KIOSK_ELICENCE_TTL, default 60 s; the variable outside 5 s..1 h
    is refused at start), kept within that range for settings made in code too."""
    low, high = ELICENCE_TTL_RANGE
    return max(low, min(int(env.settings.elicence_ttl_seconds), high))


@dataclass(frozen=True)
class CardView:
    name: str
    fields: tuple[tuple[str, str], ...]  # (label, value) in card order
    colour: str  # green / red
    status_text: str
    photo: tuple[tuple[tuple[str, str], ...], ...]  # half-block thumbnail colours, may be empty
    account_id: int


@dataclass(frozen=True)
class Code:
    full: str
    compact: str
    generated_at: datetime
    expires_at: datetime
    ttl: int
    key_id: str

    @property
    def texts(self) -> tuple[str, str]:
        """In order of preference: draw the first that fits."""
        return self.full, self.compact


def _issued(s, account_id: int, today: date | None = None  # type: ignore[no-untyped-def]
            ) -> tuple[Account, DrivingLicence, ElectronicLicence]:
    """The account, its licence and its issued e-licence, or why there is no card to show; ``today``
    (the citizen's card page): a status that takes the card away says the next step too."""
    account = s.get(Account, account_id)
    lic = s.scalar(select(DrivingLicence).where(DrivingLicence.account_id == account_id))
    el = s.scalar(select(ElectronicLicence).where(ElectronicLicence.account_id == account_id))
    if account is None or lic is None:
        raise NotFound("您名下没有机动车驾驶证")
    decision = apply_decision(lic.status)
    if not decision.shows_issued:
        step = refusal_step(today, lic.status, lic.valid_from, lic.valid_to, True) if today else None
        raise DomainError(f"{sentence(decision.message)}\n{step}" if step else decision.message)
    if refresh_staleness(el, lic) or (el is not None and el.state == "needs_reapply"):
        raise DomainError("驾驶证准驾车型、有效期或发证机关已变更，需重新申领电子驾驶证")
    if el is None or el.state != "issued":
        raise DomainError("您还没有电子驾驶证，请先申领")
    return account, lic, el


def _fields(account: Account, lic: DrivingLicence, masked: bool, today: date) -> tuple[tuple[str, str], ...]:
    number = mask_id(account.id_number) if masked else account.id_number
    valid_to = f"{lic.valid_to:%Y-%m-%d}" if lic.valid_to else "长期"
    s = object_session(lic)
    # a 延期换证 granted before the expiry is said after 有效期限 from the day it is granted, while the
    # status (and the code's claims) stay 正常 until the expiry (licence_delay.delays_of, its pending)
    known = delays_of(s, lic) if s is not None else None
    delays = running_delays(lic.status, known.granted, today, known.pending) if known is not None else {}
    renewal = DELAY_KINDS[0].status  # 延期换证: the licence may be renewed until then (the code's claims as before)
    if renewal in delays:
        valid_to += delayed_to_text(delays[renewal])
    return (
        ("证号", number), ("姓名", account.name), ("性别", sex_of(account.id_number)),
        ("国籍", NATIONALITY), ("出生日期", f"{birth_date(account.id_number):%Y-%m-%d}"),
        ("初次领证日期", f"{lic.first_issued_on:%Y-%m-%d}"), ("准驾车型", lic.classes),
        ("有效期限", f"{lic.valid_from:%Y-%m-%d} 至 {valid_to}"), ("档案编号", lic.archive_no),
        ("状态", _status(lic.status, delays)), ("累积记分", f"{points_of(lic, today)}分"),
        ("发证机关", lic.issuing_authority),
    )


def _status(status: str, delays: dict[str, date]) -> str:
    """The 状态 row: 延期体检 and 延期审验 with the day granted to, as 延期换证's is with 有效期限 (tester:
    the card said 延期体检 with no end, as if it were for ever). Only a status the licence shows."""
    return status_delayed_text(normalize_codes(status), delays)  # the counter's summary says it alike


def _view(account: Account, lic: DrivingLicence, masked: bool, today: date) -> CardView:
    thumb = tuple(tuple(row) for row in photos.thumbnail(_photo(lic)))
    return CardView(account.name, _fields(account, lic, masked, today), card_colour(lic.status),
                    status_text(normalize_codes(lic.status)), thumb, account.id)


def account_for(env: Env, raw_id: str) -> int:
    id_number = normalize_id_number(raw_id, today=env.clock.now().date())
    with env.db.read() as s:
        account_id = s.scalar(select(Account.id).where(Account.id_number == id_number))
    if account_id is None:
        raise NotFound("未找到该身份证号码对应的驾驶人", "id_number")
    return account_id


def staff_card(env: Env, raw_id: str) -> CardView:
    """The card for staff and scripts (``kiosk elicence show``): not masked, audited. (The kiosk's
    card, masked, comes with its code from ``display``.)"""
    account_id = account_for(env, raw_id)
    with env.db.write() as s:
        account, lic, _el = _issued(s, account_id)
        audit.record(s, env, actor="staff:cli", action="elicence_show", account_id=account.id)
        return _view(account, lic, False, env.clock.now().date())


def _photo(lic: DrivingLicence) -> bytes | None:
    """The licence's photo, read in the session the licence was read in (photos.read)."""
    s = object_session(lic)
    return photos.read(s, lic.photo) if s is not None else None


def claims_of(account: Account, lic: DrivingLicence, today: date) -> LicenceClaims:
    data = _photo(lic)
    photo_hash = photo_digest(data) if data is not None else None
    return LicenceClaims(
        archive_no=lic.archive_no, licence_no=account.id_number, name=account.name,
        sex=sex_of(account.id_number), nationality=NATIONALITY, birth_date=birth_date(account.id_number),
        first_issue_date=lic.first_issued_on, classes=lic.classes, valid_from=lic.valid_from,
        valid_to=lic.valid_to, issuing_authority=lic.issuing_authority, status=normalize_codes(lic.status),
        points=min(max(points_of(lic, today), 0), 255), photo_hash=photo_hash)


def fresh_code(env: Env, account_id: int) -> Code:
    """Sign the licence as it is now; valid for ttl_seconds(env) from the clock's now."""
    with env.db.read() as s:
        account, lic, _el = _issued(s, account_id)
        claims = claims_of(account, lic, env.clock.now().date())
    return _sign(env, claims)


@dataclass(frozen=True)
class Display:
    """Everything the kiosk's card screen shows, read at one instant: the card and the code signed
    from the same licence record, or, when the licence is no longer displayed (吊销, 锁定, needs
    re-applying...), neither and only ``message`` saying why."""
    card: CardView | None
    code: Code | None
    message: str = ""


def display(env: Env, account_id: int, opening: bool = False) -> Display:
    """The citizen's card (number masked) and a fresh code for it, from one read of the licence.
    ``opening``: the citizen just asked for it (audited once; the screen's refreshes are not)."""
    try:
        with (env.db.write() if opening else env.db.read()) as s:
            today = env.clock.now().date()
            if opening:  # a granted delay whose day has come, one run out: as the record is today
                settle(s, env, account_id)
            account, lic, _el = _issued(s, account_id, today)
            if opening:
                audit.record(s, env, actor=f"citizen:{account.id}", action="elicence_show", account_id=account.id)
            view, claims = _view(account, lic, True, today), claims_of(account, lic, today)
    except DomainError as exc:  # said alone, in the card's place: a sentence (重新申领电子驾驶证 had no 。; tester)
        return Display(None, None, sentence(exc.message))
    return Display(view, _sign(env, claims))


def _sign(env: Env, claims: LicenceClaims) -> Code:
    key, kid = signing_key(env)  # its public key registered before the code leaves the terminal
    now = env.clock.now()
    ttl = ttl_seconds(env)
    compact = CompactClaims(claims.archive_no, claims.classes, claims.status, claims.valid_to, claims.points,
                            claims.name)
    return Code(encode(claims, key, kid, now, ttl), encode_compact(compact, key, kid, now, ttl), now,
                now + timedelta(seconds=ttl), ttl, kid)
