"""备案非本人机动车 (seed 002, section 十): a driver records a vehicle in another person's name
(小型汽车, 小型新能源汽车, 香港入出境车, 澳门入出境车) that they drive, proved by the last 6
characters of its 车辆识别代号 or by its owner's details (rules: kiosk.domain.other_vehicle).

It is recorded at once (已办结 in 网办进度, with an SMS and a message): no DMV review follows.
Recorded vehicles show in 我的机动车 marked 非本人, their unhandled violations with them, and the
citizen removes one there (解除备案). A recorded vehicle its owner has since transferred out (机动车转籍,
已转出) is shown as such when listed (非本人（已转出）, 备案已失效), without its dates, and no longer
counts toward the limit: the record is kept until the citizen removes it, nothing changes it at 办结. Format checks are made at 下一步 next to each field; whether
the vehicle exists and the proof fits is checked against the vehicle records at 提交, and one
message then says no more than that the details do not match (another person's vehicle is not
confirmed to exist before it is proved)."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from ..db.models import Account, Application, AuditEntry, Vehicle, Violation
from ..db.models_transfer import OtherVehicle
from ..domain import other_vehicle as rule
from ..domain.errors import DomainError, FormProblems, KeptRefusal, NotFound
from ..domain.ids import mask_name
from ..domain.names import clean_owner_name
from ..domain.vehicle_docs import clean_choice
from . import audit, messaging, offices, profile
from .applications import FINISHED, FieldSpec, Outcome, Prepared, transition
from .env import Env
from .new_cars import NewCarView, new_cars_in
from .owned_vehicles import pending_notes, transferred_plates, transfers_out

KIND = "other_vehicle"
REMOVE = "other_vehicle_remove"
PROOF_FAIL = "other_vehicle_proof_fail"  # audited; PROOF_TRIES of them in a window close the service
TITLE = "备案非本人机动车"
REMOVED_TITLE = messaging.titled(TITLE, "已解除备案")  # told apart from 备案非本人机动车（已办结）
OWN = "本人机动车无需备案，可在【我的机动车】中查看"
INTRO = ("备案本人驾驶的非本人名下的小型汽车、小型新能源汽车、香港入出境车或澳门入出境车，备案后可在【我的机动车】"
         "中查看该车信息和交通违法。请填写号牌，并以车辆识别代号后6位或机动车所有人信息验证。"
         f"每个账户最多备案{rule.MAX_RECORDS}辆，即时办结，可随时解除备案。")
FIELDS = [
    FieldSpec("plate_kind", "号牌种类", "choice"),
    # the province chosen beside the box (the kiosk's own first), the rest typed: no input method at a kiosk
    FieldSpec("plate", "号牌号码", "plate", placeholder="如 A12345、AD12345、ZA123", max_len=12),
    FieldSpec("proof", "验证方式", "choice"),
    FieldSpec("vin6", "车辆识别代号后6位", placeholder="见行驶证", max_len=10, show_if=(("proof", rule.BY_VIN),),
              upper=True),
    FieldSpec("owner_name", "机动车所有人姓名（名称）", placeholder="与行驶证一致", max_len=50,
              show_if=(("proof", rule.BY_OWNER),)),
    FieldSpec("owner_id6", "所有人身份证明号码后6位", placeholder="身份证号码或统一社会信用代码后6位", max_len=10,
              show_if=(("proof", rule.BY_OWNER),)),
]


def _wrong_proofs(session: Session, env: Env, account_id: int) -> int:
    """The account's wrong proofs (vehicle or owner details that matched no vehicle) in the window."""
    since = env.clock.now() - timedelta(hours=rule.PROOF_WINDOW_HOURS)
    return session.scalar(select(func.count()).select_from(AuditEntry).where(
        AuditEntry.action == PROOF_FAIL, AuditEntry.account_id == account_id, AuditEntry.at >= since)) or 0


def _recorded(session: Session, account_id: int) -> list[tuple[OtherVehicle, Vehicle]]:
    return list(session.execute(select(OtherVehicle, Vehicle).join(Vehicle, OtherVehicle.vehicle_id == Vehicle.id)
                                .where(OtherVehicle.account_id == account_id).order_by(OtherVehicle.id)).all())


def _gone(session: Session, rows: list[tuple[OtherVehicle, Vehicle]]) -> dict[str, tuple[date, str]]:
    """plate -> (day, 转入地) of the recorded vehicles their owners have since transferred out (备案已失效)."""
    moved = transfers_out(session, list({v.owner_id for _, v in rows}))
    return {v.plate: moved[(v.owner_id, v.plate)] for _, v in rows if (v.owner_id, v.plate) in moved}


def _in_force(session: Session, account_id: int) -> tuple[list[Vehicle], dict[str, tuple[date, str]]]:
    """The account's recorded vehicles still in force (those the limit counts), and those transferred out."""
    rows = _recorded(session, account_id)
    gone = _gone(session, rows)
    return [v for _, v in rows if v.plate not in gone], gone


def gone_line(plate: str, moved: tuple[date, str]) -> str:
    return f"{plate}已于{moved[0]:%Y-%m-%d}转出至{moved[1]}，备案已失效"


class OtherVehicleRecord:
    kind = code_purpose = KIND
    title = TITLE

    def prepare(self, session: Session, env: Env, account: Account) -> Prepared:
        recorded, gone = _in_force(session, account.id)
        if why := rule.limit_refusal(len(recorded)) or rule.proof_refusal(_wrong_proofs(session, env, account.id)):
            raise DomainError(why)
        own = list(session.scalars(select(Vehicle.plate).where(Vehicle.owner_id == account.id)))
        listed = "、".join(v.plate for v in recorded)
        intro = INTRO + (f"\n您已备案非本人机动车{len(recorded)}辆：{listed}。" if recorded else "")
        intro += "".join(f"\n{gone_line(p, m)}（不计入备案数量）。" for p, m in gone.items())
        choices = {"plate_kind": [(k, k) for k in rule.KINDS], "proof": [(p, p) for p in rule.PROOFS]}
        context = {"own": own, "recorded": [v.plate for v in recorded], "gone": list(gone),
                   "home_province": offices.home_province(session)}
        return Prepared(intro, FIELDS, {"proof": rule.BY_VIN}, choices, context)

    def validate(self, form: dict[str, str], prepared: Prepared) -> dict[str, str]:
        problems = FormProblems()
        kind = problems.check(rule.clean_kind, form.get("plate_kind", ""))
        plate = problems.check(rule.clean_plate, form.get("plate", ""), kind) if kind else None
        if plate and plate in prepared.context["own"]:  # type: ignore[operator]
            problems.add(OWN, "plate")
        elif plate and plate in prepared.context["recorded"]:  # type: ignore[operator]
            problems.add(f"您已备案{plate}，无需重复备案", "plate")
        elif plate and plate in prepared.context.get("gone", ()):  # type: ignore[operator]
            problems.add(f"{plate}已办理转籍（转出），不能备案", "plate")
        proof = problems.check(clean_choice, form.get("proof", ""), rule.PROOFS, "proof", "验证方式")
        clean = {"plate_kind": kind or "", "plate": plate or "", "proof": proof or ""}
        if proof == rule.BY_VIN:
            clean["vin6"] = problems.check(rule.clean_vin6, form.get("vin6", "")) or ""
        elif proof == rule.BY_OWNER:
            clean["owner_name"] = problems.check(clean_owner_name, form.get("owner_name", ""), field="owner_name",
                                                 label="机动车所有人姓名（名称）", max_len=50) or ""
            clean["owner_id6"] = problems.check(rule.clean_proof, form.get("owner_id6", ""), "owner_id6",
                                                "所有人身份证明号码后6位") or ""
        problems.raise_found()
        return clean

    def phone_to_confirm(self, clean: dict[str, str], prepared: Prepared) -> str | None:
        return None  # the citizen is signed in; the vehicle's record does not change

    def summary(self, clean: dict[str, str], prepared: Prepared) -> list[tuple[str, str]]:
        if clean["proof"] == rule.BY_VIN:
            proof = f"车辆识别代号后6位 {clean['vin6']}"
        else:
            proof = f"机动车所有人 {clean['owner_name']}，身份证明号码后6位 {clean['owner_id6']}"
        return [("号牌种类", clean["plate_kind"]), ("号牌号码", clean["plate"]), ("验证信息", proof),
                ("办理方式", "提交后即时备案")]

    def apply(self, session: Session, env: Env, account: Account, clean: dict[str, str],
              prepared: Prepared) -> Outcome:
        # The account row locked (PostgreSQL: FOR UPDATE), then counted again: two kiosks, one limit.
        session.scalar(select(Account).where(Account.id == account.id).with_for_update())
        count = len(_in_force(session, account.id)[0])  # one transferred out counts no more
        wrong = _wrong_proofs(session, env, account.id)
        if why := rule.limit_refusal(count) or rule.proof_refusal(wrong):
            raise DomainError(why)
        vehicle = session.scalar(select(Vehicle).where(Vehicle.plate == clean["plate"]))
        if vehicle is not None and vehicle.owner_id == account.id:
            raise DomainError(OWN, "plate")
        owner = session.get(Account, vehicle.owner_id) if vehicle is not None else None
        if vehicle is None or owner is None or not rule.proof_matches(clean["proof"], clean, vehicle.vin, owner.name,
                                                                     owner.id_number):
            raise KeptRefusal(rule.no_match(wrong), "plate", PROOF_FAIL, clean["plate"])
        if vehicle.plate in transferred_plates(session, owner.id):
            raise DomainError(f"{vehicle.plate}已办理转籍（转出），不能备案", "plate")
        kind = rule.kind_of(vehicle.plate, vehicle.vehicle_type)
        if kind is None:
            raise DomainError(f"该车为{vehicle.vehicle_type}，只能备案小型汽车、小型新能源汽车、香港入出境车、澳门入出境车",
                              "plate")
        if kind != clean["plate_kind"]:
            raise DomainError(f"号牌种类与该车登记信息不符（该车为{kind}），请返回上一步修改", "plate_kind")
        if session.scalar(select(OtherVehicle.id).where(OtherVehicle.account_id == account.id,
                                                        OtherVehicle.vehicle_id == vehicle.id)) is not None:
            raise DomainError(f"您已备案{vehicle.plate}，无需重复备案", "plate")
        row = OtherVehicle(account_id=account.id, vehicle_id=vehicle.id, plate_kind=kind, recorded_at=env.clock.now())
        session.add(row)
        session.flush()

        def created(app: Application) -> None:
            row.application_id = app.id
            app.payload = {"plate_kind": kind, "plate": vehicle.plate, "proof": clean["proof"]}  # not the proof itself

        note = f"已备案非本人机动车{vehicle.plate}（{kind}），可在【我的机动车】中查看该车信息和交通违法"
        return Outcome(FINISHED, note, f"{FINISHED}：{note}。", created)


@dataclass(frozen=True)
class OtherView:
    vehicle: profile.VehicleView
    plate_kind: str
    recorded_at: datetime
    owner: str  # masked: 赵*
    moved: tuple[date, str] | None = None  # (day, 转入地) once its owner transferred it out: 备案已失效

    @property
    def gone(self) -> str:
        """该车已于2026-12-03转出至江苏省连云港市，备案已失效 (no 。), or "" while it is here."""
        return gone_line("该车", self.moved) if self.moved else ""


@dataclass(frozen=True)
class VehiclesPage:
    """我的机动车: the citizen's own vehicles (those transferred out: plate -> day), the recorded others,
    and the own new vehicles not yet registered (新车（未注册登记）)."""

    own: list[profile.VehicleView]
    transferred: dict
    others: list[OtherView]
    new: list[NewCarView] = field(default_factory=list)
    pending: dict[str, list[str]] = field(default_factory=dict)  # plate -> owned_vehicles.pending_notes

    def warnings(self) -> list[str]:
        """The lines in red under the list. 检验 and 续保 are asked only of a vehicle the citizen still
        owns: not of one transferred out (its record is the new city's), nor of a 非本人 one (its
        owner's duty; its dates still show （已过期）). Unhandled violations are asked of every vehicle
        shown: the one who drove handles them, which is why 非本人 vehicles are recorded."""
        held = [v for v in self.own if v.plate not in self.transferred]
        lines = [f"{v.plate}检验有效期已过，请尽快办理机动车检验。" for v in held if v.inspection_overdue]
        lines += [f"{v.plate}交强险已过期，请尽快续保。" for v in held if v.insurance_expired]
        return lines + [f"{v.plate}有{v.unhandled_violations}起交通违法未处理，请及时处理。"
                        for v in self.own + [o.vehicle for o in self.others] if v.unhandled_violations]


def _views(s: Session, env: Env, vehicles: list[Vehicle]) -> dict[str, profile.VehicleView]:
    """plate -> the vehicle as 我的机动车 shows it, its unhandled violations with it (as profile.vehicles_in)."""
    found: dict[int, list[profile.ViolationView]] = {}
    for x in s.scalars(select(Violation).where(Violation.vehicle_id.in_([v.id for v in vehicles]),
                                               Violation.handled_at.is_(None)).order_by(Violation.occurred_at)):
        found.setdefault(x.vehicle_id, []).append(profile.ViolationView(x.occurred_at, x.place, x.behaviour,
                                                                        x.points, x.fine))
    today = env.clock.now().date()
    return {v.plate: profile.VehicleView(v.plate, v.vehicle_type, v.brand, v.inspection_due, v.insurance_due, v.phone,
                                         v.address, len(found.get(v.id, ())), today, tuple(found.get(v.id, ())),
                                         v.registered_on, v.use_nature) for v in vehicles}


def page_of(env: Env, account_id: int) -> VehiclesPage:
    with env.db.read() as s:
        own = profile.vehicles_in(s, env, account_id)
        rows = _recorded(s, account_id)
        views = _views(s, env, [v for _, v in rows])
        owners = dict(s.execute(select(Account.id, Account.name).where(
            Account.id.in_([v.owner_id for _, v in rows]))).all()) if rows else {}
        gone = _gone(s, rows)
        others = [OtherView(views[v.plate], o.plate_kind, o.recorded_at, mask_name(owners.get(v.owner_id, "")),
                            gone.get(v.plate)) for o, v in rows]
        return VehiclesPage(own, transferred_plates(s, account_id), others,
                            new_cars_in(s, env.clock.now().date(), account_id), pending_notes(s, account_id))


def remove(env: Env, account_id: int, plate: str) -> str:
    """解除备案 of one recorded vehicle: gone from 我的机动车 at once; audited, with a message."""
    with env.db.write() as s:
        account = s.get(Account, account_id)
        vehicle_id = s.scalar(select(Vehicle.id).where(Vehicle.plate == plate))
        which = (OtherVehicle.account_id == account_id, OtherVehicle.vehicle_id == vehicle_id)
        made_by = s.scalar(select(OtherVehicle.application_id).where(*which)) if vehicle_id else None
        gone = s.execute(delete(OtherVehicle).where(*which)).rowcount if vehicle_id else 0
        if account is None or not gone:
            raise NotFound(f"您未备案{plate}（可能已解除备案），列表已更新")
        audit.record(s, env, actor=f"citizen:{account_id}", action=REMOVE, account_id=account_id, detail=plate)
        note = f"已解除非本人机动车{plate}的备案"
        if made_by is not None and (app := s.get(Application, made_by)) is not None:  # 网办进度 says so under it
            transition(s, env, app, FINISHED, note)
        messaging.notify(s, env, account, REMOVED_TITLE, f"您{note}。如需再次备案，请在【备案非本人机动车】中办理。")
        return note
