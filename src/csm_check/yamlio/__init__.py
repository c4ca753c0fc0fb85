"""YAML in and out, safely: `read` parses strictly with located nodes, `build` turns the node
tree into Python data (duplicate keys caught), `write` quotes scalars and comments so that
hand-laid YAML reads back unchanged. May import `errors`, `i18n` and `sanitize` only.
"""
