"""Append-only audit log of every staff action and every access to a citizen's record.

Entries keep a short code (``action``); screens show its Chinese name (``action_name``), at most
NAME_MAX characters: the 操作 column of 审计日志 is that wide, so 说明 stays on screen beside it
(the entry's detail says the rest, e.g. 须人工退费, or what a clerk tried and what refused it:
停用, 角色变更, or a role never held: 查询群众档案（该工作人员账户已停用）, 查询群众档案（无窗口民警/辅警角色）)."""
from __future__ import annotations

from sqlalchemy.orm import Session

from ..db.models import AuditEntry
from .env import Env

NAME_MAX = 9
ACTION_NAMES = {
    "sign_in": "群众登录",
    "register": "群众注册",
    "unit_register": "单位用户注册",
    "face_check_pass": "人脸识别通过",
    "face_check_fail": "人脸识别未通过",
    "reserved_phone_fail": "预留手机号不一致",
    "licence_contact": "变更驾驶证联系方式",
    "vehicle_contact": "变更机动车联系方式",
    "licence_replace": "驾驶证补换领",
    "licence_delay_renewal": "延期换领驾驶证",
    "licence_delay_medical": "延期提交身体证明",
    "licence_delay_review": "延期驾驶证审验",
    "licence_delay_lapsed": "延期到期转逾期",
    "licence_delay_began": "延期开始生效",
    "vehicle_licence_reissue": "补换领行驶证",
    "plate_reissue": "补换领机动车号牌",
    "inspection_mark_reissue": "补领检验合格标志",
    "exempt_inspection_mark": "免检车申领检验标志",
    "temp_plate": "申请新车临时号牌",
    "plate_new": "新车选号",
    "plate_used": "在用车选号",
    "vehicle_transfer": "机动车转籍申请",
    "other_vehicle": "备案非本人机动车",
    "other_vehicle_remove": "解除非本人车备案",
    "other_vehicle_proof_fail": "非本人车验证不符",
    "points_study_lapsed": "学法减分申请失效",
    "points_study": "学法减分",
    "review_education": "驾驶人审验教育",
    "full_score": "满分学习考试",
    "elicence_apply": "申领驾驶证电子版",
    "elicence_photo": "更换电子驾驶证照片",
    "elicence_show": "出示电子驾驶证",
    "elicence_verify": "核验电子驾驶证",
    "photo_approved": "照片审核通过",
    "photo_rejected": "照片审核退回",
    "exam_booking": "考试预约",
    "exam_priority": "优先预约",
    "exam_cancel": "取消考试预约",
    "exam_cancel_counter": "窗口取消考试预约",
    "exam_certificate_print": "打印预约凭证",
    "exam_fee": "考试费缴纳",
    "exam_fee_refund": "考试费退回",
    "exam_fee_refund_failed": "考试费退回失败",
    "exam_allocate": "考试预约安排",
    "exam_result": "录入考试成绩",
    "exam_results_import": "导入考试成绩",
    "exam_session_create": "新建考试场次",
    "exam_session_save": "修改考试场次",
    "citizen_lookup": "查询群众档案",
    "application_finish": "窗口办结网办业务",
    "application_refuse": "窗口退办网办业务",
    "phone_reset": "重置群众手机号码",
    "phone_unbound": "解除重复绑定手机号",
    "audit_search": "查询审计日志",
    "audit_search_refused": "查他人审计日志被拒",
    "staff_sign_in": "工作人员登录",
    "staff_sign_in_failed": "工作人员登录失败",
    "staff_refused": "权限失效，拒绝办理",
    "staff_denied": "无权限，拒绝办理",
    "staff_sign_out": "工作人员退出登录",
    "staff_exit": "退出自助模式",
    "staff_exit_failed": "退出自助模式失败",
    "counter_exit": "退出窗口程序",
    "counter_exit_failed": "退出窗口程序失败",
    "lock": "锁定屏幕",
    "unlock": "解锁屏幕",
    "unlock_failed": "解锁屏幕失败",
    "staff_create": "新建工作人员账户",
    "staff_password_reset": "重置工作人员密码",
    "staff_password_change": "修改初始密码",
    "staff_pin_reset": "重置工作人员PIN",
    "staff_deactivate": "停用工作人员账户",
    "staff_reactivate": "启用工作人员账户",
    "staff_roles_change": "修改工作人员角色",
}


def action_name(action: str) -> str:
    """The Chinese name of an action code (the code itself when it has none)."""
    return ACTION_NAMES.get(action, action)


def actions_matching(text: str) -> list[str]:
    """Codes whose Chinese name contains ``text`` (the audit search accepts either)."""
    return [code for code, name in ACTION_NAMES.items() if text and text in name]


# Entries made by an admin command on the server (kiosk/cli), not by a clerk at a counter: the
# command named as README names it, so a supervisor can tell which one it was. Keyed by the actor
# the command records and the action ("" for any): ``kiosk review`` and ``kiosk elicence show``
# both record staff:cli; ``kiosk allocate`` records system.
COMMAND = "命令行"
COMMANDS = {
    ("verifier:cli", ""): "核验命令（kiosk verify）",
    ("staff:cli", "photo_approved"): "审核命令（kiosk review）",
    ("staff:cli", "photo_rejected"): "审核命令（kiosk review）",
    ("staff:cli", "elicence_show"): "出示命令（kiosk elicence show）",
    ("staff:cli", ""): "命令行（kiosk）",
    ("cli", ""): "成绩录入命令（kiosk exam-result）",
    ("system", "exam_allocate"): "安排命令（kiosk allocate）",
    ("system", "staff_create"): "建账命令（kiosk staff add）",
    ("system", "staff_roles_change"): "角色命令（kiosk staff role）",
}


def _command(actor: str, action: str) -> str:
    return COMMANDS.get((actor, action)) or COMMANDS.get((actor, ""), "")


def actor_name(actor: str, action: str = "") -> str:
    """Who acted, short for the 操作人 column: 'staff:J1001' -> 'J1001', 'citizen:3' -> '群众',
    'system' -> '系统', an admin command (verifier:cli, staff:cli, cli) -> '命令行'; never the raw
    actor string of a known kind (``actor_label`` says which command)."""
    if _command(actor, action):
        return COMMAND
    kind, _, who = actor.partition(":")
    if kind == "staff":
        return who
    return {"citizen": "群众", "system": "系统"}.get(kind, actor)


def actor_label(actor: str, action: str = "") -> str:
    """Who acted, in full for the line under the table: the command with its name, e.g.
    核验命令（kiosk verify）; 群众（未注册） for a registration that failed; else ``actor_name``."""
    if command := _command(actor, action):
        return command
    if actor == "citizen:unregistered":
        return "群众（未注册）"
    return actor_name(actor, action)


def record(session: Session, env: Env, *, actor: str, action: str, account_id: int | None = None,
           detail: str = "", role: str = "") -> None:
    session.add(AuditEntry(at=env.clock.now(), actor=actor, role=role, terminal_id=env.terminal_id,
                           account_id=account_id, action=action, detail=detail[:400]))
