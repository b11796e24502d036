"""车管所 (offices) and 考场 (exam sites) from a JSON file, for a real hall (``kiosk sites load``) and
for the demo data alike: {"offices": [{"city", "name", "address", "phone"}], "sites": [{"office",
"name"}]}, a site naming its office by name. The bundled list, SEED (assets/demo/offices.json), is
seed 001's Chongqing offices, with two Lianyungang entries for the city of seed 000 (see its
``_source``). Loading adds only what is missing, offices and sites matched by name; a site gets
its office's address and phone. A file that is wrong anywhere is refused whole, before anything
is written."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..config import ASSETS
from ..db.models import ExamSite, Office
from ..db.session import DEMO_TURN, take_turn
from ..domain.errors import DomainError
from .env import Env

SEED = ASSETS / "demo" / "offices.json"
# The longest value each column takes (kiosk.db.models): PostgreSQL refuses a longer one.
OFFICE_FIELDS = {"city": 20, "name": 60, "address": 200, "phone": 30}
SITE_FIELDS = {"office": 60, "name": 80}
SHAPE = "文件须为一个 JSON 对象，含 offices（车管所）和 sites（考场）两个列表"


@dataclass(frozen=True)
class SiteList:
    offices: tuple[dict[str, str], ...]  # each with OFFICE_FIELDS
    sites: tuple[dict[str, str], ...]  # each with SITE_FIELDS


@dataclass(frozen=True)
class Added:
    offices: int
    sites: int


@dataclass(frozen=True)
class OfficeSites:
    city: str
    name: str
    address: str
    phone: str
    sites: tuple[str, ...]


def read(path: Path = SEED) -> SiteList:
    """The file's offices and sites, each entry checked; DomainError (Chinese) for a file that is
    not there, not UTF-8 JSON, or not of that shape."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DomainError(f"找不到文件：{path}") from None
    except IsADirectoryError:
        raise DomainError(f"{path} 是目录，不是文件") from None
    except UnicodeDecodeError:
        raise DomainError(f"文件 {path} 不是 UTF-8 编码的文本") from None
    except OSError as exc:
        raise DomainError(f"无法读取文件 {path}（{exc.strerror or exc}）") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DomainError(f"文件 {path} 不是有效的 JSON（第{exc.lineno}行第{exc.colno}列）") from None
    if not isinstance(data, dict) or not isinstance(data.get("offices"), list) \
            or not isinstance(data.get("sites"), list):
        raise DomainError(SHAPE)
    offices = tuple(_entry(o, "offices", i, OFFICE_FIELDS) for i, o in enumerate(data["offices"], 1))
    sites = tuple(_entry(s, "sites", i, SITE_FIELDS) for i, s in enumerate(data["sites"], 1))
    _unique(offices, "offices", "车管所")
    _unique(sites, "sites", "考场")
    return SiteList(offices, sites)


def _entry(item: Any, key: str, number: int, fields: dict[str, int]) -> dict[str, str]:
    where = f"{key} 第{number}项"
    if not isinstance(item, dict):
        raise DomainError(f"{where}须为 JSON 对象（含 {'、'.join(fields)}）")
    entry = {}
    for field, longest in fields.items():
        value = item.get(field)
        if not isinstance(value, str) or not value.strip():
            raise DomainError(f"{where}缺少 {field}（须为非空的文字）")
        if len(value.strip()) > longest:
            raise DomainError(f"{where}的 {field} 超过{longest}个字")
        entry[field] = value.strip()
    return entry


def _unique(entries: tuple[dict[str, str], ...], key: str, what: str) -> None:
    seen: set[str] = set()
    for number, entry in enumerate(entries, 1):
        if entry["name"] in seen:
            raise DomainError(f"{key} 第{number}项的{what}名称「{entry['name']}」与前面的重复")
        seen.add(entry["name"])


def add_missing(s: Session, listed: SiteList) -> Added:
    """Inside the caller's write transaction: the offices and sites of ``listed`` not in the
    database yet (matched by name). A site's office is one of the file's or one already in the
    database; one that is neither is refused (DomainError) before anything is added."""
    by_name: dict[str, Office] = {o.name: o for o in s.scalars(select(Office))}
    known = set(by_name) | {o["name"] for o in listed.offices}
    for number, site in enumerate(listed.sites, 1):
        if site["office"] not in known:
            raise DomainError(f"sites 第{number}项（{site['name']}）所属的车管所「{site['office']}」"
                              f"不在文件的 offices 中，数据库中也没有")
    offices = 0
    for o in listed.offices:
        if o["name"] not in by_name:
            by_name[o["name"]] = Office(city=o["city"], name=o["name"], address=o["address"], phone=o["phone"])
            s.add(by_name[o["name"]])
            offices += 1
    s.flush()
    existing = set(s.scalars(select(ExamSite.name)))
    sites = 0
    for site in listed.sites:
        if site["name"] not in existing:
            office = by_name[site["office"]]
            s.add(ExamSite(office_id=office.id, name=site["name"], address=office.address, phone=office.phone))
            existing.add(site["name"])
            sites += 1
    return Added(offices, sites)


def load(env: Env, listed: SiteList | None = None) -> Added:
    """``kiosk sites load``: the missing offices and sites of ``listed`` (default: SEED's), in one
    transaction, taking turns with a demo load on another terminal (both add offices)."""
    listed = read() if listed is None else listed  # a bad file: refused before the database is opened
    with env.db.write() as s:
        take_turn(s, DEMO_TURN)
        return add_missing(s, listed)


def listed_sites(env: Env) -> list[OfficeSites]:
    """Every office, in the order it was added, with its sites' names."""
    with env.db.read() as s:
        names: dict[int, list[str]] = {}
        for office_id, name in s.execute(select(ExamSite.office_id, ExamSite.name).order_by(ExamSite.id)):
            names.setdefault(office_id, []).append(name)
        return [OfficeSites(o.city, o.name, o.address, o.phone, tuple(names.get(o.id, ())))
                for o in s.scalars(select(Office).order_by(Office.id))]
