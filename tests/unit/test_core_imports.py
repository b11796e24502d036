"""The core (domain, db, services) never pulls in the UI toolkit (DESIGN.md, convention 1)."""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent("""
    import importlib, json, pkgutil, sys
    imported = []
    for name in ("kiosk.domain", "kiosk.services", "kiosk.db"):
        package = importlib.import_module(name)
        imported.append(name)
        for info in pkgutil.walk_packages(package.__path__, name + "."):
            if info.name.startswith("kiosk.db.migrations"):
                continue  # Alembic scripts run inside an Alembic context only
            importlib.import_module(info.name)
            imported.append(info.name)
    ui = sorted(m for m in sys.modules if m.split(".")[0] in ("textual", "rich") or m.startswith("kiosk.ui"))
    print(json.dumps({"imported": imported, "ui": ui}))
""")


def test_core_modules_import_without_textual_or_rich() -> None:
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    imported = set(result["imported"])
    # the walk really covered the core, not just the package roots
    for module in ("kiosk.domain.ids", "kiosk.domain.clock", "kiosk.domain.errors", "kiosk.db.models",
                   "kiosk.db.session", "kiosk.db.migrate", "kiosk.services.auth", "kiosk.services.applications",
                   "kiosk.services.contacts", "kiosk.services.messaging", "kiosk.services.staff",
                   "kiosk.services.demo", "kiosk.services.bootstrap", "kiosk.services.audit"):
        assert module in imported
    assert result["ui"] == []
