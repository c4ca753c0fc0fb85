"""The interview: `csm-check interactive` asking question by question and saving as it goes.

Owns the session flow (`session`), opening it (`setup`), its settings and endings
(`settings`), the keys it understands (`keys`), what it shows (`view`) and the terminal it
talks to (`terminal`). May import the use cases (`csm_check.assess`) and everything below
them, Rich for its screen, never Typer: the CLI adapter in `csm_check.cli` calls it.
"""
