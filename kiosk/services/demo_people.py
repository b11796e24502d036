"""The demo identities: each one is in a situation some service needs (issue list in README)."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..domain.ids import id_check_char


def make_id(region: str, birth: str, seq: int) -> str:
    first17 = f"{region}{birth}{seq:03d}"
    return first17 + id_check_char(first17)


@dataclass(frozen=True)
class Person:
    key: str
    name: str
    region: str
    birth: str  # YYYYMMDD
    seq: int  # odd = male
    situation: str
    registered: bool = True
    licence: dict | None = None  # classes, status, points, years (since first issue), photo
    permit: dict | None = None  # class, accepted_days_ago, issued_days_ago|None, history
    vehicles: tuple[dict, ...] = ()
    unit: bool = False
    extra: dict = field(default_factory=dict)

    @property
    def id_number(self) -> str:
        return self.extra.get("credit_code") or make_id(self.region, self.birth, self.seq)

    @property
    def phone(self) -> str:
        return f"1392300{self.seq % 10000:04d}"


def _lic(classes: str = "C1", status: str = "A", points: int = 0, years: int = 6, photo: bool = True,
         expires_in_days: int | None = None) -> dict:
    return {"classes": classes, "status": status, "points": points, "years": years, "photo": photo,
            "expires_in_days": expires_in_days}


def _car(plate: str, kind: str = "小型轿车", brand: str = "长安牌", inspection_days: int = 200,
         insurance_days: int = 150, violations: int = 0, registered_years: int = 4, use: str = "非营运",
         transfer_in: tuple[str, int] | None = None) -> dict:
    """A vehicle: inspection and 交强险 valid for that many days from today (negative: expired that
    many days ago), and that many unhandled traffic violations (kiosk.services.demo.VIOLATIONS);
    first registered ``registered_years`` before its inspection is due (4: today is in the 4th year
    of registration, when a 非营运 small car applies for its 检验标志 online; 6 or 10: inspected
    at a station that year), 使用性质 ``use``; ``transfer_in``: (过户 or 转入, that many days ago) when the
    car came to its owner so (在用车选号), else registered new to them."""
    return {"plate": plate, "type": kind, "brand": brand, "inspection_days": inspection_days,
            "insurance_days": insurance_days, "violations": violations, "registered_years": registered_years,
            "use": use, "transfer_in": transfer_in}


PEOPLE: tuple[Person, ...] = (
    Person("learner_new", "张伟", "500103", "20000315", 11, "新学员，尚未参加科目一",
           permit={"class": "C1", "accepted_days_ago": 12, "issued_days_ago": None}),
    Person("failed_k2", "李娜", "500106", "19980722", 22, "昨天科目二两次考试均不合格",
           permit={"class": "C1", "accepted_days_ago": 90, "issued_days_ago": 60, "k2_failed_yesterday": True}),
    Person("permit_expiring", "王芳", "500107", "19950101", 42, "学习驾驶证明4个月后到期（可优先预约）",
           permit={"class": "C1", "accepted_days_ago": 1000, "issued_days_ago": 975}),
    Person("driver_normal", "刘洋", "500112", "19880824", 55, "驾驶证正常，有一辆车（注册登记第4年，可申领免检车检验标志），有留存照片",
           licence=_lic(), vehicles=(_car("渝A12345", inspection_days=49),)),  # within 3 months of its inspection
    Person("revoked", "陈静", "500108", "19900412", 62, "驾驶证吊销", licence=_lic(status="F")),
    Person("locked", "杨帆", "500105", "19850630", 71, "驾驶证锁定", licence=_lic(status="L")),
    Person("violation", "赵磊", "500103", "19921111", 83, "驾驶证违法未处理；渝B5K821有2起交通违法未处理",
           licence=_lic(status="H", points=3), vehicles=(_car("渝B5K821", "小型普通客车", "比亚迪牌", violations=2),)),
    Person("points_nine", "黄敏", "500106", "19870209", 92, "本记分周期已记10分", licence=_lic(points=10)),
    Person("two_cars", "周杰", "500112", "19790918", 105, "名下两辆机动车；渝AD12345交强险已过期，400天前过户给本人",
           licence=_lic(classes="C1E", years=15),
           vehicles=(_car("渝A8D2Q7", "小型轿车", "吉利牌", registered_years=12),
                     _car("渝AD12345", "小型新能源汽车", "比亚迪牌", insurance_days=-10, registered_years=8,
                          transfer_in=("过户", 400)))),
    Person("no_photo", "吴霞", "500107", "19930505", 112, "驾驶证正常，无留存照片", licence=_lic(photo=False)),
    Person("full_score", "徐明", "500108", "19830303", 125, "驾驶证超分（满12分），可申请满分学习考试",
           licence=_lic(status="B", points=12)),
    Person("suspended", "孙丽", "500105", "19911225", 132, "驾驶证暂扣（不能补领，可换领）", licence=_lic(status="D", points=6)),
    Person("truck_driver", "马超", "320703", "19760614", 145, "持A2驾驶证的货车司机；苏G52731逾期未检验",
           licence=_lic(classes="A2D", years=20),
           vehicles=(_car("苏G52731", "重型半挂牵引车", "解放牌", inspection_days=-20,
                                registered_years=8, use="营运"),)),
    Person("waiting_b2", "朱红", "320706", "19970808", 152, "B2学员，科目二等待期未满",
           permit={"class": "B2", "accepted_days_ago": 60, "issued_days_ago": 5}),
    Person("k3_ready", "胡斌", "500103", "19990130", 165, "C2学员，科目二已合格，可约科目三",
           permit={"class": "C2", "accepted_days_ago": 150, "issued_days_ago": 120, "k2_passed": True}),
    Person("four_fails", "郭涛", "500106", "19940419", 171, "C1学员，科目二已四次预约均不合格",
           permit={"class": "C1", "accepted_days_ago": 400, "issued_days_ago": 380, "k2_failed_bookings": 4}),
    Person("k2_ready", "陈晨", "500105", "20010505", 176, "C1学员，科目一已合格，可预约科目二（普通预约）",
           permit={"class": "C1", "accepted_days_ago": 120, "issued_days_ago": 90}),
    Person("no_licence", "何琳", "500112", "20010914", 182, "已注册，无驾驶证无车辆"),
    Person("face_fails", "高峰", "500107", "19860727", 195, "未注册；人脸比对总不通过，可用驾驶证预留手机号在线注册",
           registered=False, licence=_lic()),
    Person("new_user", "林晓", "320703", "20020228", 202, "未注册，可用实人认证注册", registered=False),
    Person("cancelled", "罗军", "500108", "19890101", 215, "驾驶证注销", licence=_lic(status="G")),
    Person("renew_soon", "梁雪", "500105", "19800808", 222, "驾驶证将于60天内到期（可期满换证）", licence=_lic(expires_in_days=60)),
    Person("expired_long", "韩冬", "500106", "19750606", 241, "驾驶证有效期满已超过一年（不能在线换证或延期）",
           licence=_lic(status="M", years=20, expires_in_days=-400)),
    Person("teen", "谢雨", "500103", "20100320", 232, "16岁，未到C1申领年龄", ),
    # 学习教育业务 (学法减分, 驾驶人审验教育)
    Person("points_study", "宋佳", "500103", "19900615", 242, "本记分周期已记4分，可申请学法减分；新车（车辆识别代号LSVAU2184T2184356）未注册，可申请临时号牌",
           licence=_lic(points=4), vehicles=(_car("渝A6P318", "小型轿车", "大众牌", registered_years=6),)),
    Person("probation", "唐宁", "500106", "20010210", 252, "实习期内（领证不足1年），已记2分，不能学法减分",
           licence=_lic(points=2, years=0)),
    Person("car_overdue", "邓凯", "500107", "19840912", 265, "已记3分，名下机动车逾期未检验，不能学法减分",
           licence=_lic(points=3), vehicles=(_car("渝A9K006", inspection_days=-20),)),
    Person("coach_driver", "韩刚", "500112", "19780520", 275, "A1大型客车驾驶人，本记分周期已记9分（审验教育只能现场教育）",
           licence=_lic(classes="A1", points=9, years=18)),
    Person("lorry_driver", "冯莉", "320703", "19820417", 282, "B2大型货车驾驶人，本记分周期已记3分（审验教育可网络教育）",
           licence=_lic(classes="B2", points=3, years=12)),
    Person("unit", "重庆山城物流有限公司", "500000", "00000000", 300, "单位用户（统一社会信用代码）", unit=True,
           vehicles=(_car("渝D72518", "重型厢式货车", "东风牌", registered_years=3, use="营运"),),
           extra={"credit_code": "91500000MA5U000010", "agent": "刘洋"}),
    # A second priority learner, so two kiosks can race for a session's last priority seat (README).
    # Added last: the ids of the rows made before it stay as they were.
    Person("permit_expiring_2", "曹宇", "500106", "19960612", 291,
           "学习驾驶证明4个月后到期（可优先预约，可与王芳约同一场次）",
           permit={"class": "C1", "accepted_days_ago": 985, "issued_days_ago": 960}),
)

FACE_ALWAYS_FAILS = frozenset(p.id_number for p in PEOPLE if p.key == "face_fails")

STAFF = (
    ("J1001", "王警官", ["counter"], "kiosk-1001", "100100"),
    ("J1002", "李审核", ["review"], "kiosk-1002", "100200"),
    ("J1003", "赵考务", ["exam_admin"], "kiosk-1003", "100300"),
    ("H2001", "钱核验", ["verify"], "kiosk-2001", "200100"),
    ("A0001", "孙管理", ["admin", "counter", "review", "exam_admin"], "kiosk-0001", "000100"),
)
