"""核验: check a scanned e-licence code offline (signature, key, validity window) and, online,
against the database (current status, re-application, photo). Never raises on bad input.

The keys trusted are those of the verifier's own key folder and those the terminals on its
database registered (kiosk.services.elicence_keys.trusted_keyring): a counter accepts the codes
of every kiosk on its database, a verifier without one those of the key files it was given."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import Account, DrivingLicence
from ..db.models_elicence import ElectronicLicence
from ..domain.elicence import apply_decision, card_colour, normalize_codes, reapply_reasons
from ..domain.licence import status_text
from . import audit
from .elicence_state import refresh_staleness
from .elicence_card import claims_of
from .elicence_codec import BAD_FORMAT, LicenceClaims, decode_and_verify
from .elicence_codec import PREFIX as FULL_PREFIX
from .elicence_compact import PREFIX as COMPACT_PREFIX
from .elicence_compact import CompactClaims, decode_compact
from .elicence_keys import trusted_keyring
from .env import Env
from .licence_delay import settle

NOT_FOUND = "未找到该驾驶证"
STALE = "驾驶证信息已变更，电子驾驶证需重新申领，此二维码已失效"
NOT_ISSUED = "该驾驶人没有有效的电子驾驶证"
CHANGED = "二维码中的驾驶证信息与当前登记信息不一致，此二维码已失效"
REISSUED = "电子驾驶证已重新签发，此二维码已失效"
NORMAL = status_text("A")  # 正常
# A text with neither profile's prefix (hello, a URL, a payment code) is not a code gone wrong:
# 格式错误 alone left the verifier guessing (tester).
NOT_A_LICENCE_CODE = f"不是电子驾驶证二维码（应以{FULL_PREFIX}或{COMPACT_PREFIX}开头）"


@dataclass
class Report:
    valid: bool
    reason: str
    profile: str = ""  # full / compact
    fields: list[tuple[str, str]] = field(default_factory=list)
    generated_at: datetime | None = None
    expires_at: datetime | None = None
    key_id: str | None = None
    online: bool = False
    colour: str = ""
    logged: bool = False  # an online check of a known licence wrote its audit entry (with the citizen)
    status: str = ""  # the licence status: in the code (offline) or on record now (online), e.g. 正常, 暂扣
    claims: object = field(default=None, repr=False)  # what an authentic code holds (None: not verified)

    @property
    def normal(self) -> bool:
        """Authentic and the licence 正常: the one result a verifier may accept as it is. An
        authentic code of a licence 暂扣, 超分, 违法未处理... is shown in red and says so."""
        return self.valid and self.status == NORMAL

    @property
    def headline(self) -> str:
        """The first thing a verifier reads: 有效, 无效, or authentic but not normal."""
        if not self.valid:
            return f"无效：{self.reason}"
        if not self.normal:
            return f"证件真实，但驾驶证状态异常：{self.status}"
        return f"有效：{self.reason}"

    def as_dict(self) -> dict:
        return {"valid": self.valid, "normal": self.normal, "status": self.status, "headline": self.headline,
                "reason": self.reason, "profile": self.profile, "online": self.online,
                "key_id": self.key_id, "colour": self.colour,
                "generated_at": self.generated_at.isoformat() if self.generated_at else None,
                "expires_at": self.expires_at.isoformat() if self.expires_at else None,
                "fields": {label: value for label, value in self.fields}}


def _date(d) -> str:  # type: ignore[no-untyped-def]
    return "长期" if d is None else f"{d:%Y-%m-%d}"


def offline(env: Env, text: str) -> tuple[Report, object]:
    """-> (report, claims or None)."""
    text = text.strip() if isinstance(text, str) else ""
    if not text.startswith((COMPACT_PREFIX, FULL_PREFIX)):
        return Report(False, NOT_A_LICENCE_CODE), None
    now, ring = env.clock.now(), trusted_keyring(env)
    if text.startswith(COMPACT_PREFIX):
        r = decode_compact(text, ring, now)
        report = Report(r.valid, r.reason, "compact", [], r.issued_at, r.expires_at, r.key_id, claims=r.claims)
        c = r.claims
        if c is not None:
            report.fields = [("档案编号", c.archive_no), ("姓名", c.name or "（请在线核验）"), ("准驾车型", c.classes),
                             ("有效期至", _date(c.valid_to)), ("状态", status_text(c.status)), ("累积记分", f"{c.points}分")]
            report.colour, report.status = card_colour(c.status), status_text(c.status)
        return report, c
    v = decode_and_verify(text, ring, now)
    report = Report(v.valid, v.reason, "full", [], v.issued_at, v.expires_at, v.key_id, claims=v.claims)
    c = v.claims
    if c is not None:
        report.fields = [("证号", c.licence_no), ("姓名", c.name), ("性别", c.sex), ("国籍", c.nationality),
                         ("出生日期", _date(c.birth_date)), ("初次领证日期", _date(c.first_issue_date)),
                         ("准驾车型", c.classes), ("有效期限", f"{_date(c.valid_from)} 至 {_date(c.valid_to)}"),
                         ("档案编号", c.archive_no), ("状态", status_text(c.status)), ("累积记分", f"{c.points}分"),
                         ("发证机关", c.issuing_authority)]
        report.colour, report.status = card_colour(c.status), status_text(c.status)
    return report, c


def holder_of(s: Session, claims: object) -> int | None:
    """The account whose licence an authentic code is (for an audit entry's 群众), or None: the full
    code's 证号 is the holder's ID number, the compact code names the licence by its 档案编号."""
    if isinstance(claims, LicenceClaims):
        return s.scalar(select(Account.id).where(Account.id_number == claims.licence_no))
    if isinstance(claims, CompactClaims):
        return s.scalar(select(DrivingLicence.account_id).where(DrivingLicence.archive_no == claims.archive_no))
    return None


def _stale_against(claims: object, account: Account, lic: DrivingLicence, today: date) -> bool:
    """Does the code carry other data than the record holds now (class, validity, identity)?"""
    current = claims_of(account, lic, today)
    if isinstance(claims, CompactClaims):
        reasons = reapply_reasons({"classes": claims.classes, "valid_to": claims.valid_to},
                                  {"classes": current.classes, "valid_to": current.valid_to})
        return bool(reasons) or claims.name not in (None, current.name)
    assert isinstance(claims, LicenceClaims)
    return bool(reapply_reasons(claims, current)) or (claims.licence_no, claims.name, claims.photo_hash) != (
        current.licence_no, current.name, current.photo_hash)


def verify(env: Env, text: str, *, online: bool = False, verifier: str = "verifier:cli",
           role: str = "verify") -> Report:
    """Check an e-licence code (offline: its signature and age; ``online``: also against the record
    now). An online check of a known licence is audited here, with the citizen, as ``verifier``
    acting in ``role``: the counter's verification desk passes the role the clerk used (核验, or
    窗口民警/辅警); ``kiosk verify`` has no staff and records verifier:cli as verify."""
    try:
        report, claims = offline(env, text)
    except Exception:  # noqa: BLE001 - a verifier never sees a traceback
        return Report(False, BAD_FORMAT)
    if not online or not report.valid or claims is None:
        return report
    report.online = True
    with env.db.write() as s:
        lic = s.scalar(select(DrivingLicence).where(DrivingLicence.archive_no == claims.archive_no))  # type: ignore[attr-defined]
        account = None if lic is None else s.get(Account, lic.account_id)
        if lic is None or account is None:
            report.valid, report.reason = False, NOT_FOUND
            return report
        settle(s, env, account.id)  # a granted delay whose day has come, one run out: as the record is today
        el = s.scalar(select(ElectronicLicence).where(ElectronicLicence.account_id == account.id))
        refresh_staleness(el, lic)
        decision = apply_decision(lic.status)
        now_status = status_text(normalize_codes(lic.status))
        report.fields = _online_fields(account, lic, env.clock.now().date(), getattr(claims, "points", None))
        report.colour, report.status = card_colour(lic.status), now_status
        if not decision.shows_issued:
            report.valid = False
            report.reason = f"驾驶证当前状态为{now_status}，电子驾驶证已失效" if decision.kind == "hidden" \
                else decision.message
        elif el is None or el.state == "needs_reapply":
            report.valid, report.reason = False, STALE if el else NOT_ISSUED
        elif el.state != "issued":
            report.valid, report.reason = False, NOT_ISSUED
        elif _stale_against(claims, account, lic, env.clock.now().date()):
            report.valid, report.reason = False, CHANGED
        elif el.issued_at and report.generated_at and report.generated_at < el.issued_at.replace(microsecond=0):
            report.valid, report.reason = False, REISSUED
        elif now_status != NORMAL:  # 暂扣, 超分... and also 违法未处理: not 正常, red on the card
            report.reason = f"验证通过，驾驶证状态为{now_status}"
        else:
            report.reason = "验证通过，驾驶证状态正常"
        audit.record(s, env, actor=verifier, role=role, action="elicence_verify", account_id=account.id,
                     detail=f"档案编号{lic.archive_no} 在线核验：{report.reason}")
        report.logged = True
        return report


def _online_fields(account: Account, lic: DrivingLicence, today: date,
                   coded_points: int | None = None) -> list[tuple[str, str]]:
    """The record's fields, as an online check shows them. Points are not among what makes a code
    已变更 (a new 记分周期 or a 学法减分 changes them): when the code's differ from the record's, both
    are said, so the verifier comparing with the phone's screen is not left with an unexplained
    difference (tester: a code from 23:59 with 3分 checked at 00:00 of a new cycle showed 0分)."""
    c = claims_of(account, lic, today)
    points = f"{c.points}分" + (f"（二维码内为{coded_points}分，以当前记录为准）"
                               if coded_points is not None and coded_points != c.points else "")
    return [("证号", c.licence_no), ("姓名", c.name), ("性别", c.sex), ("国籍", c.nationality),
            ("出生日期", _date(c.birth_date)), ("初次领证日期", _date(c.first_issue_date)), ("准驾车型", c.classes),
            ("有效期限", f"{_date(c.valid_from)} 至 {_date(c.valid_to)}"), ("档案编号", c.archive_no),
            ("状态", status_text(c.status)), ("累积记分", points), ("发证机关", c.issuing_authority)]
