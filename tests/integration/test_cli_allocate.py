"""``kiosk allocate``'s text: priority seats said apart from the run's placements, only sessions where
anyone has a seat (tester's finding 14); ``--json`` keeps its format."""
from __future__ import annotations

import contextlib
import io
import json

from sqlalchemy import select

from kiosk.__main__ import main
from kiosk.db.models import ExamSession, ExamSite
from kiosk.services.booking_submit import BookingRequest
from tests.booking_helpers import add_learners, book, sessions


def allocate(env, *extra: str) -> str:  # type: ignore[no-untyped-def]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["--db", env.settings.db_url, "--now", "2026-12-02T09:00", "allocate", "--date", "2026-12-02",
                     *extra]) == 0
    return out.getvalue()


def named(env, session_id: int) -> str:  # type: ignore[no-untyped-def]
    """场次7（2026-12-04 08:30 考场名 科目二）: staff know a session by its day, time and site, not its id."""
    with env.db.read() as s:
        day, start, subject, site = s.execute(
            select(ExamSession.exam_date, ExamSession.start_time, ExamSession.subject, ExamSite.name)
            .join(ExamSite, ExamSite.id == ExamSession.site_id).where(ExamSession.id == session_id)).one()
    return f"场次{session_id}（{day:%Y-%m-%d} {start:%H:%M} {site} {['', '科目一', '科目二', '科目三', '科目四'][subject]}）"


def test_priority_seats_are_said_apart_and_empty_sessions_counted(env, people):
    p = people["permit_expiring"]
    target = sessions(env, p, 2, "2026-12-04", "2026-12-04", priority=True)[0]
    book(env, p, BookingRequest(2, "priority", (target.id,)))  # placed at once
    learner = add_learners(env, 1)[0]
    book(env, learner, BookingRequest(2, "self", (target.id,)))
    env.clock.advance(days=1)
    lines = allocate(env).splitlines()
    assert "预约成功1人" in lines[0] and lines[0].endswith("；另有优先预约1人（预约时已安排）")
    assert lines[1] == f"  {named(env, target.id)}：已安排2人（含优先预约1人） / 考位{target.seats}个"
    data = json.loads(allocate(env, "--json"))  # a second run changes nothing; the format is the issue's
    assert set(data) == {"date", "placed", "unplaced", "sessions"}
    assert all(set(x) == {"id", "seats", "placed"} for x in data["sessions"])
    assert {"id": target.id, "seats": target.seats, "placed": 2} in data["sessions"]
    others = len(data["sessions"]) - 1
    assert others > 0 and lines[2:] == [f"  其余{others}个场次无人安排"]  # not one line each


def test_a_second_run_heads_the_sessions_as_the_state_that_stands(env, people):
    """Run again, nothing is allocated: the session lines come under 当日场次现有安排：, not straight
    after 没有待安排的考试计划 as if this run had placed them; --json stays as it was."""
    learner = add_learners(env, 1)[0]
    target = sessions(env, learner, 2, "2026-12-04", "2026-12-04")[0]
    book(env, learner, BookingRequest(2, "self", (target.id,)))
    env.clock.advance(days=1)
    first = allocate(env).splitlines()
    assert "当日场次现有安排：" not in first and first[1] == f"  {named(env, target.id)}：已安排1人 / 考位{target.seats}个"
    again = allocate(env).splitlines()
    assert again[:3] == ["2026-12-02 没有待安排的考试计划（已安排过，本次未作更改）", "当日场次现有安排：",
                         f"  {named(env, target.id)}：已安排1人 / 考位{target.seats}个"]
    assert again[3].startswith("  其余") and len(again) == 4
    data = json.loads(allocate(env, "--json"))
    assert set(data) == {"date", "placed", "unplaced", "sessions"} and data["placed"] == 0


def test_an_earlier_day_still_to_allocate_is_said_on_stderr_and_to_the_clerk(env, people):
    """Tester (session 24): 12-06 ran before 12-05 without a word, though an application whose range
    reaches both days' plans is placed by the earlier one. The later day still runs; the CLI says so
    on stderr (the JSON keeps its keys) and the counter's question says so before it is confirmed."""
    from datetime import date

    from kiosk.services import allocation_preview

    learner = add_learners(env, 1)[0]
    target = sessions(env, learner, 2, "2026-12-04", "2026-12-04")[0]  # a plan published on 12-02
    assert allocation_preview.preview(env, date(2026, 12, 1)).earlier == ()  # none waiting before it
    book(env, learner, BookingRequest(2, "self", (target.id,)))
    env.clock.advance(days=2)  # 2026-12-03
    assert allocation_preview.earlier(env, date(2026, 12, 3)) == (date(2026, 12, 2),)  # the one applied in
    # the clerk's question names it too, with the demo's 12-01 plan (its exams still to come, never allocated)
    assert allocation_preview.preview(env, date(2026, 12, 3)).earlier == (date(2026, 12, 1), date(2026, 12, 2))
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        assert main(["--db", env.settings.db_url, "--now", "2026-12-03T09:00", "allocate", "--date", "2026-12-03",
                     "--json"]) == 0
    assert set(json.loads(out.getvalue())) == {"date", "placed", "unplaced", "sessions"}
    assert err.getvalue().strip() == "注意：更早的预约结果公布日2026-12-02尚有未安排的考试计划，宜先按公布日先后安排。"
    assert allocate(env) and allocation_preview.earlier(env, date(2026, 12, 3)) == ()
    assert allocation_preview.preview(env, date(2026, 12, 3)).earlier == (date(2026, 12, 1),)


def test_a_date_in_full_width_digits_is_read_as_the_screens_read_it(env, people):
    """Tester: ``allocate --date ２０２６-１２-０２`` was refused, although every screen takes it."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["--db", env.settings.db_url, "--now", "2026-12-02T09:00", "allocate", "--date",
                     "２０２６-１２-０２", "--json"]) == 0
    assert json.loads(out.getvalue())["date"] == "2026-12-02"


def test_today_is_the_kiosks_own_day_for_a_daily_timer(env, people):
    """`kiosk allocate --date today`, run by a timer just after midnight in Beijing, allocates the day
    of the kiosk's clock (北京时间; pinned here with --now), not the machine's `date +%F`."""
    learner = add_learners(env, 1)[0]
    target = sessions(env, learner, 2, "2026-12-04", "2026-12-04")[0]
    book(env, learner, BookingRequest(2, "self", (target.id,)))
    for word in ("today", "今天"):
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            assert main(["--db", env.settings.db_url, "--now", "2026-12-02T00:05", "allocate", "--date", word,
                         "--json"]) == 0
        data = json.loads(out.getvalue())
        assert data["date"] == "2026-12-02"
        assert {"id": target.id, "seats": target.seats, "placed": 1} in data["sessions"]
        assert data["placed"] == (1 if word == "today" else 0)  # the second run changes nothing


def test_a_date_that_is_neither_is_refused_with_both_forms(env, capsys):
    assert main(["--db", env.settings.db_url, "allocate", "--date", "tomorrow"]) == 2
    assert "--date 须为 2026-12-03 这样的日期或 today，收到 'tomorrow'" in capsys.readouterr().err


def test_a_date_that_names_no_day_is_told_so_as_the_screens_say_it(env, capsys):
    """--date 2026-02-30 was told the form it was written in (tester)."""
    assert main(["--db", env.settings.db_url, "allocate", "--date", "2026-02-30"]) == 2
    assert capsys.readouterr().err == "kiosk: --date 2026年2月只有28天，收到 '2026-02-30'\n"


def test_a_day_still_to_come_is_refused_with_a_space_after_the_date(env, capsys):
    """It read 2030-01-01还未到预约结果公布日; the counter's field shows the same message."""
    assert main(["--db", env.settings.db_url, "--now", "2026-12-02T09:00", "allocate", "--date", "2030-01-01"]) == 1
    assert capsys.readouterr().err == "kiosk: 2030-01-01 还未到预约结果公布日，不能提前安排考试\n"


def test_a_day_without_plans_still_names_an_earlier_day_left_unallocated(env, people):
    """The daily timer's run on a day with no plans of its own: the day its machine was off (plans
    left unallocated, applicants waiting) is still named on stderr, as on a day with plans."""
    learner = add_learners(env, 1)[0]
    target = sessions(env, learner, 2, "2026-12-04", "2026-12-04")[0]  # a plan published on 12-02
    book(env, learner, BookingRequest(2, "self", (target.id,)))
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        assert main(["--db", env.settings.db_url, "--now", "2027-06-01T00:05", "allocate", "--date", "today"]) == 0
    assert out.getvalue().startswith("2027-06-01 没有待安排的考试计划")
    assert err.getvalue().startswith("注意：更早的预约结果公布日2026-12-02")


def test_a_day_allocated_already_is_said_so_with_json_too_and_at_the_counter(env, people):
    """Tester (two runs at once from cron and a shell): the --json of the run that found the day done
    read 0 and 0 like a day nobody waited in, with nothing on stderr; the counter hedged
    （可能已安排过）. Now stderr says 已安排过，本次未作更改 (the JSON keeps its keys), and the counter's
    line and result say it as the command line does; a day with no plan at all says only 没有待安排."""
    from datetime import date

    from kiosk.services import allocation_preview, allocation_service
    from kiosk.ui.screens.counter.exam_plans_text import allocation_text

    learner = add_learners(env, 1)[0]
    target = sessions(env, learner, 2, "2026-12-04", "2026-12-04")[0]
    book(env, learner, BookingRequest(2, "self", (target.id,)))
    env.clock.advance(days=1)
    allocate(env)
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        data = json.loads(allocate(env, "--json"))
    assert set(data) == {"date", "placed", "unplaced", "sessions"} and data["placed"] == 0
    assert "2026-12-02 没有待安排的考试计划（已安排过，本次未作更改）" in err.getvalue()
    day = date(2026, 12, 2)
    assert allocation_preview.preview(env, day).allocated >= 1  # the demo's plans of the day and this one
    said = allocation_preview.nothing_to_allocate(day, allocation_preview.preview(env, day).allocated > 0)
    assert said == "2026-12-02 没有待安排的考试计划（已安排过，本次未作更改）"
    assert allocation_text(allocation_service.run(env, day)) == said + "。"
    none = date(2026, 11, 20)
    assert allocation_preview.preview(env, none).allocated == 0
    assert allocation_text(allocation_service.run(env, none)) == "2026-11-20 没有待安排的考试计划。"
