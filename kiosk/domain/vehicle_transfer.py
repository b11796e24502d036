"""机动车转籍申请 (seed 002, section 十四): 选择转入地（转入地必须与二手车销售统一发票一致）提交业务.

A vehicle in the citizen's name, sold as a used car to a buyer of another city, has its record
transferred out (转出) to the DMV of the buyer's city. The 二手车销售统一发票 issued for the sale
names that DMV (转入地车辆管理所名称); the 转入地 chosen must be the same (RULES.md: "转籍:
destination must match the used-car invoice").

Choices made here (the seed and RULES.md are silent):
- The invoice is the printed 二手车销售统一发票: 发票代码 12 digits, 发票号码 8 digits, with its
  开票日期 and 车价合计 (whole yuan); the kiosk finds it in the DMV's invoice records by code and
  number and the other two must agree with it (only the holder of the invoice knows them).
- Applied for within TRANSFER_DAYS days of the 开票日期 (《机动车登记规定》: 自机动车交付之日起
  三十日内申请转让登记; the invoice date stands for the 交付); later only at a counter.
- Refused before the form, each with its reason: unhandled traffic violations, an inspection past
  its date or an expired 交强险 (the buyer's DMV takes no such vehicle), an application still
  open for the vehicle (this one or a document being made for it), a vehicle already transferred.
- The 转入地 must be another city than the vehicle's registration (渝 is one city, 重庆).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .errors import DomainError
from .titles import of_title
from .typed import compact

TRANSFER_DAYS = 30
INVOICE_CODE_LEN, INVOICE_NO_LEN = 12, 8
PRICE_MAX = 99_999_999
MUNICIPALITIES = "京津沪渝"  # one city each: the first character of the plate is the whole area


@dataclass(frozen=True)
class City:
    province: str  # 江苏省
    name: str  # 连云港市
    prefix: str  # 苏G (号牌发牌机关代号)

    @property
    def label(self) -> str:
        return self.name if self.province == self.name else f"{self.province}{self.name}"


# GB/T 2260 province code -> (province, [(city, plate prefix)]): the 转入地 a citizen can choose.
_PLACES: dict[str, tuple[str, tuple[tuple[str, str], ...]]] = {
    "11": ("北京市", (("北京市", "京A"),)),
    "12": ("天津市", (("天津市", "津A"),)),
    "31": ("上海市", (("上海市", "沪A"),)),
    "50": ("重庆市", (("重庆市", "渝A"),)),
    "32": ("江苏省", (("南京市", "苏A"), ("无锡市", "苏B"), ("徐州市", "苏C"), ("常州市", "苏D"),
                     ("苏州市", "苏E"), ("南通市", "苏F"), ("连云港市", "苏G"))),
    "33": ("浙江省", (("杭州市", "浙A"), ("宁波市", "浙B"), ("温州市", "浙C"))),
    "42": ("湖北省", (("武汉市", "鄂A"), ("宜昌市", "鄂E"))),
    "43": ("湖南省", (("长沙市", "湘A"), ("株洲市", "湘B"))),
    "44": ("广东省", (("广州市", "粤A"), ("深圳市", "粤B"), ("珠海市", "粤C"), ("东莞市", "粤S"))),
    "51": ("四川省", (("成都市", "川A"), ("绵阳市", "川B"), ("宜宾市", "川Q"), ("南充市", "川R"))),
    "52": ("贵州省", (("贵阳市", "贵A"), ("遵义市", "贵C"))),
    "53": ("云南省", (("昆明市", "云A"),)),
    "61": ("陕西省", (("西安市", "陕A"),)),
}
PROVINCES: dict[str, str] = {code: name for code, (name, _) in _PLACES.items()}
CITIES: dict[str, tuple[City, ...]] = {
    code: tuple(City(name, city, prefix) for city, prefix in cities) for code, (name, cities) in _PLACES.items()}
BY_PREFIX: dict[str, City] = {c.prefix: c for cities in CITIES.values() for c in cities}


def city_field(province_code: str) -> str:
    """The form field of the cities of one province (shown while that province is chosen)."""
    return f"city_{province_code}"


def destination(province_code: str, prefix: str) -> City:
    """The city chosen (its plate prefix) in the province chosen, or why not."""
    if province_code not in CITIES:
        raise DomainError("请选择转入地（省）", "province")
    city = next((c for c in CITIES[province_code] if c.prefix == prefix), None)
    if city is None:
        raise DomainError("请选择转入地（市）", city_field(province_code))
    return city


def same_area(plate: str, prefix: str) -> bool:
    """Whether a vehicle of ``plate`` is registered where ``prefix`` issues plates (渝 is all 重庆)."""
    if prefix[:1] in MUNICIPALITIES:
        return plate[:1] == prefix[:1]
    return plate[:2] == prefix[:2]


def clean_digits(raw: str, length: int, field: str, label: str) -> str:
    text = compact(raw)
    if not text:
        raise DomainError(f"请输入{label}", field)
    if not (text.isascii() and text.isdigit() and len(text) == length):
        raise DomainError(f"{label}应为{length}位数字（现为{len(text)}位）" if text.isascii() and text.isdigit()
                          else f"{label}应为{length}位数字", field)
    return text


def clean_invoice_code(raw: str) -> str:
    return clean_digits(raw, INVOICE_CODE_LEN, "invoice_code", "发票代码")


def clean_invoice_no(raw: str) -> str:
    return clean_digits(raw, INVOICE_NO_LEN, "invoice_no", "发票号码")


def clean_price(raw: str) -> int:
    text = compact(raw).removesuffix("元").replace(",", "")
    if text.endswith(".00"):
        text = text[:-3]
    if not (text.isascii() and text.isdigit()) or not 1 <= int(text) <= PRICE_MAX:
        raise DomainError("请按发票填写车价合计（小写金额，整数元，如 68000）", "price")
    return int(text)


FUTURE_DATE = "开票日期不能晚于今天"


def invoice_date_refusal(issued: date, today: date) -> str:
    """Why an invoice of ``issued`` cannot be used online today ('' when it can)."""
    if issued > today:
        return FUTURE_DATE
    if issued < today - timedelta(days=TRANSFER_DAYS):
        return (f"开票日期已超过{TRANSFER_DAYS}日（应自机动车交付之日起{TRANSFER_DAYS}日内申请），"
                "请携带发票和机动车到车管所窗口办理")
    return ""


EXAMPLE_DAYS_AGO = 3


def example_invoice_date(today: date) -> date:
    """A 开票日期 invoice_date_refusal accepts ``today``, shown as the field's example: a few days ago
    (within TRANSFER_DAYS). The citizen types the invoice's own, which is checked against its record."""
    return today - timedelta(days=min(EXAMPLE_DAYS_AGO, TRANSFER_DAYS))


def destination_refusal(plate: str, chosen: City, invoice_dest: str | None) -> str:
    """The 转入地 chosen against the vehicle's own city and the invoice's (its plate prefix; None
    while no invoice of the vehicle was found) ('' when it may be). An invoice naming a 转入地 that
    is not one of the kiosk's (its prefix not in BY_PREFIX) matches no choice: said so, not passed."""
    if same_area(plate, chosen.prefix):
        return f"{plate}已在{chosen.label}登记，同城交易无需转籍，请办理转移登记"
    if invoice_dest is None or invoice_dest == chosen.prefix:
        return ""
    on_invoice = BY_PREFIX.get(invoice_dest)
    if on_invoice is None:
        return (f"该发票的转入地（号牌发牌机关代号{invoice_dest}）不在本机可选的转入地中，不能在线申请转籍，"
                "请携带发票到车管所窗口办理")
    return f"转入地必须与二手车销售统一发票一致：该发票的转入地为{on_invoice.label}"


def vehicle_refusals(*, today: date, inspection_due: date, insurance_due: date, unhandled: int,
                     open_serial: str = "", open_title: str = "", transferred_on: date | None = None) -> list[str]:
    """Why a vehicle cannot be transferred out now, whatever is typed (empty when it can)."""
    if transferred_on is not None:
        return [f"该车已于{transferred_on:%Y-%m-%d}办理转籍（转出），不能再次申请"]
    reasons = []
    if open_serial:
        reasons.append(f"该车有一笔{of_title(open_title)}正在办理（业务流水号{open_serial}），办结后方可申请转籍")
    if unhandled:
        reasons.append(f"该车有{unhandled}起交通违法未处理，请先处理")
    if inspection_due < today:
        reasons.append(f"该车检验有效期已于{inspection_due:%Y-%m-%d}届满，请先办理机动车检验")
    if insurance_due < today:
        reasons.append(f"该车交强险已于{insurance_due:%Y-%m-%d}到期，请先续保交强险")
    return reasons
