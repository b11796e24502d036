"""Subcommands of ``kiosk``, one module per area. Each module has ``register(sub)`` that adds its
parsers (setting ``handler`` with ``set_defaults``); a handler is ``handler(args, env) -> int``. options.py
has what every subcommand shares (--db, --now, --terminal-id after it too) and the parser class, whose
help and refusals are Chinese; help_format.py lays the help out by terminal cells."""
