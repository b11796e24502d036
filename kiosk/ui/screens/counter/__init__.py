"""Counter terminal screens (issue 5): one screen per file; the staff home builds its menu from
the signed-in staff member's roles (menu.py), and every service they call checks the role again."""
