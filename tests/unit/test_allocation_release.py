"""allocation_release._count_group against counting one applicant at a time."""
from __future__ import annotations

import random
from collections import Counter
from datetime import date, datetime, timedelta

import pytest

from kiosk.domain.allocation import Applicant
from kiosk.services.allocation_release import _count_group

DAY0, T0 = date(2027, 1, 1), datetime(2026, 12, 1, 9, 0)


@pytest.mark.parametrize("seed", range(6))
def test_one_sweep_counts_as_one_by_one(seed):
    rng = random.Random(seed)
    group, created = [], {}
    for i in range(rng.randint(1, 60)):
        start = DAY0 + timedelta(days=rng.randint(0, 40))
        group.append(Applicant(i, None, "system", 2, "C1", (), start, start + timedelta(days=rng.randint(0, 20))))
        created[i] = T0 + timedelta(hours=rng.randint(0, 24 * 30))
    plans = {}
    for p in range(rng.randint(1, 8)):
        opens = T0 + timedelta(hours=rng.randint(-48, 24 * 30))
        closes = opens + timedelta(hours=rng.randint(1, 24 * 20))
        plans[(opens, closes)] = [(DAY0 + timedelta(days=rng.randint(-5, 70)), 100 * p + j)
                                  for j in range(rng.randint(1, 6))]
    found: Counter[int] = Counter()
    _count_group(list(group), created, plans, found)
    expected: Counter[int] = Counter()
    for (opens, closes), sessions in plans.items():
        for day, sid in sessions:
            expected[sid] += sum(1 for a in group if opens <= created[a.booking_id] < closes
                                 and a.date_from <= day <= a.date_to)
    assert found == +expected
