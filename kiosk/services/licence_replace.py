"""驾驶证补换领 (seed 002 section 二): 补领, 换领, 期满换证 and 驾驶证转入 on the generic flow.

The application ends 受理中: the DMV makes the new card, and a clerk finishes it (``finish``)
when it was posted or collected; only then does a renewal's new validity period or a transfer's
new 发证机关 take effect. How the new card reaches the citizen (posted or collected, and how that
is said) is in licence_replace_delivery.
"""
from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy.orm import Session

from ..db.models import Account, Application, DrivingLicence
from ..domain.errors import DomainError, FormProblems, sentence
from ..domain.full_score import FULL
from ..domain.licence import city_of_authority
from ..domain.licence_delay import without_status
from ..domain.licence_renewal import (CERT_NO_LEN, HELD, certificate_refusal, clean_certificate_no,
                                      example_examined_on, names, next_validity, overdue_all_refusal,
                                      overdue_refusal, reissue_refusal, renewal_refusal, validity_text)
from ..domain.typed import DATE_LEN, required_date
from . import elicence_state, licence_common as common
from .full_score import finished as full_scores_finished
from .licence_delay import delays_of, status_today, valid_to_text
from .offices import cities_of, label, listed, place
from .applications import WAITING, FieldSpec, Outcome, Prepared
from .date_examples import SHAPE, format_message, with_examples
from .env import Env
from .licence_replace_delivery import DELIVERY, FINISH, _delivery, _how, _then

NOTICE = "温馨提示：原机动车驾驶证未收回，业务办理完成后，原驾驶证将作废，请自行销毁。"
INTRO = ("驾驶证遗失或损毁的，选择补领或换领直接办理即可；如到期换证，请先到就近医疗机构体检网点进行"
         "驾驶人体检，再选择【期满换证】；如需将驾驶证转入到其他城市，请选择【驾驶证转入】及相应的转入地。")


def notice(status: str) -> str:
    """The seed's 温馨提示 (the old card is still with its holder: destroy it), unless the card is
    held by the police (暂扣, 扣押, 扣留: a 换领 is possible then, a 补领 is not): it is not the
    holder's to destroy, and the licence still may not be used while held."""
    held = names(status, HELD)
    if not held:
        return NOTICE
    return (f"温馨提示：您的驾驶证处于{held}期间，原驾驶证由公安交管部门保管，业务办理完成后原驾驶证作废；"
            f"{held}期间不得驾驶机动车。")


KINDS = [("补领（驾驶证遗失）", "lost"), ("换领（驾驶证损毁）", "damaged"),
         ("换领（登记信息发生变化）", "changed"), ("期满换证", "renew"), ("驾驶证转入（转入其他城市）", "transfer")]
KIND_NAMES = {"lost": "补领", "damaged": "换领", "changed": "换领", "renew": "期满换证", "transfer": "驾驶证转入"}
RENEW, TRANSFER, MAIL, COUNTER = (("kind", "renew"),), (("kind", "transfer"),), (("delivery", "mail"),), \
    (("delivery", "counter"),)
HOME_KINDS = ("lost", "damaged", "changed", "renew")  # the card is made in the licence's own city
LONG_TERM = "您的驾驶证期满换证将换发长期有效的驾驶证，本终端暂不能办理，请到车管所窗口办理"
FIELDS = [
    FieldSpec("kind", "业务类型", "choice"),
    FieldSpec("cert_no", "身体条件证明编号", "code", "体检网点出具的证明上的编号", max_len=CERT_NO_LEN[1], show_if=RENEW),
    FieldSpec("cert_date", "体检日期", placeholder=SHAPE, max_len=DATE_LEN, show_if=RENEW),  # prepare: an example
    FieldSpec("city", "转入地", "choice", show_if=TRANSFER),
    FieldSpec("delivery", "新驾驶证领取方式", "choice"),
    FieldSpec("address", "邮寄地址", placeholder="省市区街道门牌号", max_len=100, show_if=MAIL),
]


def full_score_in_period(session: Session, lic: DrivingLicence, today: date) -> bool:
    """Whether the points reached 12 while ``lic`` is the licence (L162 Art 68: the next one is then as
    long as this one, not 10 years or 长期): 超分 now, or a 满分教育 finished since its validity began
    (finishing it clears 超分; one finished after the expiry, before the renewal is done, is for
    points of this licence too)."""
    return FULL in lic.status or full_scores_finished(
        session, lic.account_id, (lic.valid_from, today + timedelta(days=1))) > 0


def office_fields(home: str, targets: list[str], places: dict[str, str]) -> list[FieldSpec]:
    """One office choice per case, so that only the offices of the city making the card are listed:
    the licence's own city for each kind but 转入, the chosen 转入地 for 转入 (show_if is an AND of
    equalities, hence one field per kind and per city). Each city named with its province (``places``)."""
    label = "领取网点（新驾驶证制作地{}的车管所）"
    return ([FieldSpec(f"office_{k}", label.format(places.get(home, home)), "choice",
                       show_if=(*COUNTER, ("kind", k))) for k in HOME_KINDS]
            + [FieldSpec(f"office_to{i}", label.format(places[c]), "choice",
                         show_if=(*COUNTER, *TRANSFER, ("city", c))) for i, c in enumerate(targets)])


def office_field(kind: str, city: str, targets: list[str]) -> str:
    """The name of the office field on view for ``kind`` (and the 转入地 ``city``)."""
    return f"office_to{targets.index(city)}" if kind == "transfer" else f"office_{kind}"


class LicenceReplacement:
    kind = "licence_replace"
    title = "驾驶证补换领"
    code_purpose = "licence_replace"
    finish_choices = ("已邮寄", "已在窗口领取")
    finish_by = ("delivery", FINISH)  # the way that matches the delivery asked for

    def prepare(self, session: Session, env: Env, account: Account) -> Prepared:
        lic = common.own_licence(session, account)
        common.refuse_if_open(session, account, self.kind, self.title)
        offices = listed(session)
        known = cities_of(offices)
        home = city_of_authority(lic.issuing_authority, known)
        targets = [c for c in known if c != home]
        # 转入地 named with its province (江苏省连云港市): a city name alone (连云港) reads like demo data
        places = {c: place(c, offices) for c in known}

        def of(city: str | None) -> list[tuple[str, str]]:
            return [(label(o), str(o.id)) for o in offices if city is None or o.city == city]

        choices = {"kind": KINDS, "delivery": DELIVERY, "city": [(places[c], c) for c in targets]}
        choices |= {f"office_{k}": of(home) for k in HOME_KINDS}
        choices |= {f"office_to{i}": of(c) for i, c in enumerate(targets)}
        today = env.clock.now().date()
        delays = delays_of(session, lic)
        intro = (f"{INTRO}\n{notice(lic.status)}\n当前驾驶证：{lic.classes}  有效期至{valid_to_text(lic, delays, today)}  "
                 f"发证机关：{lic.issuing_authority}")
        status = status_today(lic, delays, today)  # a 延期换证 granted before the expiry covers it from then
        context = {"today": today, "status": status, "valid_from": lic.valid_from, "valid_to": lic.valid_to,
                   "full_score": full_score_in_period(session, lic, today), "home": home or "", "targets": targets, "places": places,
                   "offices": {str(o.id): (o.city, o.name, o.address) for o in offices}}
        refusals = {label: kind_refusal(kind, context) for label, kind in KINDS}
        if all(refusals.values()):  # told before the form, as the 延期 services do
            each = "\n".join(f"{k}：{str(r).rstrip('。')}。" for k, r in refusals.items())
            raise DomainError(overdue_all_refusal(today, lic.valid_to, "N" in status)
                              or "不能在线办理驾驶证补换领：\n" + each)
        # A kind refused whatever is typed (期满换证 before its window, say) is said under 业务类型 as
        # soon as it is chosen, not after the rest is typed and 下一步 pressed.
        # Said as a sentence, as the vehicle lists' refusals are (请于...起申请 had no 。; tester)
        context["notes"] = {"kind": {kind: sentence(refusal) for kind in KIND_NAMES
                                     if (refusal := kind_refusal(kind, context))}}
        fields = with_examples(FIELDS, context, {"cert_date": example_examined_on(today)})  # one it accepts today
        return Prepared(intro, fields + office_fields(home or "", targets, places),
                        {"delivery": "mail", "address": lic.address}, choices, context)

    def validate(self, form: dict[str, str], prepared: Prepared) -> dict[str, str]:
        """Every field on view checked, each problem next to its field (all told at once)."""
        ctx, problems = prepared.context, FormProblems()
        kind = form.get("kind", "")
        if kind not in KIND_NAMES:
            problems.add("请选择业务类型", "kind")
        elif refusal := kind_refusal(kind, ctx):
            # that alone: not also the papers of a 期满换证 that cannot be asked for yet (tester: 请输入
            # 身体条件证明上的编号 and 请输入体检日期 under 请于2036-07-26起申请)
            problems.add(sentence(refusal), "kind")  # the same line as the note when it was chosen
            problems.raise_found()
        clean = {"kind": kind}
        city: str | None = str(ctx["home"])
        if kind == "renew":
            clean.update(self._renewal(form, prepared, problems))
        elif kind == "transfer":
            city = form.get("city", "")
            if city not in [v for _, v in prepared.choices["city"]]:
                problems.add("请选择转入地", "city")
                city = None
            clean["city"] = city or ""
            places = ctx["places"]
            assert isinstance(places, dict)
            clean["city_name"] = places.get(city, city or "")  # as chosen, with its province
        targets = ctx["targets"]
        assert isinstance(targets, list)
        # The office choice on view follows the kind (and the 转入地): none while either is missing.
        office = office_field(kind, city, targets) if kind in KIND_NAMES and city is not None else None
        clean.update(_delivery(form, ctx, city or "", office, problems))
        problems.raise_found()
        return clean

    def _renewal(self, form: dict[str, str], prepared: Prepared, problems: FormProblems) -> dict[str, str]:
        ctx = prepared.context
        today, valid_to = ctx["today"], ctx["valid_to"]
        assert isinstance(today, date) and isinstance(valid_to, date)
        number = problems.check(clean_certificate_no, form.get("cert_no", "")) or ""
        examined = problems.check(required_date, form.get("cert_date", ""), "cert_date", "体检日期",
                                  format_message(prepared, "cert_date", "体检日期"))
        if examined is not None and (refusal := certificate_refusal(examined, today)):
            problems.add(refusal, "cert_date")
        return {"cert_no": number, "cert_date": examined.isoformat() if examined else "",
                "valid_to": valid_to.isoformat()}

    def phone_to_confirm(self, clean: dict[str, str], prepared: Prepared) -> str | None:
        return None  # the citizen is signed in; nothing changes the phone

    def summary(self, clean: dict[str, str], prepared: Prepared) -> list[tuple[str, str]]:
        label = dict((v, k) for k, v in KINDS)[clean["kind"]]
        rows = [("业务类型", label)]
        if clean["kind"] == "renew":
            ctx = prepared.context
            start, end = next_validity(ctx["valid_from"], ctx["valid_to"], bool(ctx["full_score"]))  # type: ignore[arg-type]
            rows += [("身体条件证明编号", clean["cert_no"]), ("体检日期", clean["cert_date"]),
                     ("新驾驶证有效期限", f"{start:%Y-%m-%d} 至 {validity_text(end)}（办结后生效）")]
        if clean["kind"] == "transfer":
            rows.append(("转入地", clean["city_name"]))
        rows.append(("领取方式", _how(clean)))
        return rows + [("温馨提示", notice(str(prepared.context["status"])).removeprefix("温馨提示："))]

    def apply(self, session: Session, env: Env, account: Account, clean: dict[str, str],
              prepared: Prepared) -> Outcome:
        """In the write transaction: what prepare() saw may have changed since (another kiosk)."""
        lic = common.own_licence(session, account, lock=True)
        common.refuse_if_open(session, account, self.kind, self.title)
        if clean["kind"] == "lost":
            refusal = reissue_refusal(lic.status)
            if refusal:
                raise DomainError(refusal, "kind")
        what, then = KIND_NAMES[clean["kind"]], _then(clean)
        return Outcome(WAITING, f"{what}申请已受理，新驾驶证制作完成后{then}",
                       f"已受理（{what}），新驾驶证制作完成后{then}。{notice(lic.status)}")

    def finish(self, session: Session, env: Env, app: Application, how: str) -> str:
        """The new card was posted or collected: the renewal's period or the transfer takes effect.
        An e-licence issued before no longer matches a new validity or 发证机关: the note (the
        citizen's SMS) says to apply again (tester: the e-licence page said it later, unannounced)."""
        clean = app.payload
        expected = FINISH[clean["delivery"]]
        if how != expected:
            raise DomainError(f"该申请的领取方式为{_how(clean)}，请以【{expected}】办结")
        lic = common.own_licence(session, _account(session, app), lock=True)
        note = self._finish(session, env, clean, how, lic)
        if elicence_state.stale_after_change(session, lic):
            return f"{note}。{elicence_state.REAPPLY_HINT}。"  # two sentences: each ends with 。
        return note

    def _finish(self, session: Session, env: Env, clean: dict, how: str, lic: DrivingLicence) -> str:
        what = KIND_NAMES[clean["kind"]]
        if clean["delivery"] == "counter":  # where it was collected: the office the citizen was sent to
            how = f"已在{clean.get('office_name') or '车管所'}窗口领取"
        if clean["kind"] == "lost":  # the licence may have been held since the application
            refusal = reissue_refusal(lic.status, next_step=False)  # the clerk's: the citizen is told by 退办
            if refusal:
                raise DomainError(f"{refusal}，请退办")
        if clean["kind"] == "renew":
            return f"{self._renew(session, lic, clean, env.clock.now().date())}；新驾驶证{how}，原驾驶证作废"
        if clean["kind"] == "transfer":
            lic.issuing_authority = common.authority_for(clean["city"])
            return f"驾驶证已转入{clean.get('city_name') or clean['city']}，发证机关：{lic.issuing_authority}；新驾驶证{how}，原驾驶证作废"
        return f"{what}的驾驶证{how}，原驾驶证作废"

    def _renew(self, session: Session, lic: DrivingLicence, clean: dict, today: date) -> str:
        if lic.valid_to.isoformat() != clean["valid_to"]:
            raise DomainError(f"驾驶证有效期已不是申请时的有效期（至{clean['valid_to']}），请核对后办理")
        start, end = next_validity(lic.valid_from, lic.valid_to, full_score_in_period(session, lic, today))
        if end is None:
            raise DomainError("换发长期有效驾驶证须在车管所业务系统中办理")
        lic.valid_from, lic.valid_to = start, end
        # no longer 逾期未换证 / 延期换证 / 延期体检: the 身体条件证明 was just supplied
        lic.status = without_status(lic.status, "MNP")
        return f"期满换证：新驾驶证有效期限{start:%Y-%m-%d}至{validity_text(end)}"


def kind_refusal(kind: str, ctx: dict[str, object]) -> str | None:
    """Why a 业务类型 is refused for this licence whatever else is typed (``ctx``: prepare's context)."""
    today, valid_from, valid_to, status = ctx["today"], ctx["valid_from"], ctx["valid_to"], str(ctx["status"])
    full_score = bool(ctx["full_score"])
    assert isinstance(today, date) and isinstance(valid_from, date) and isinstance(valid_to, date)
    if kind == "renew":  # 期满换证 has its own window
        if refusal := renewal_refusal(today, valid_to, delayed="N" in status):
            return refusal
        return LONG_TERM if next_validity(valid_from, valid_to, full_score)[1] is None else None
    if refusal := overdue_refusal(today, valid_to, delayed="N" in status):
        return refusal
    return reissue_refusal(status) if kind == "lost" else None


def _account(session: Session, app: Application) -> Account:
    account = session.get(Account, app.account_id)
    assert account is not None
    return account
