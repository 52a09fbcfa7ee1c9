"""The web console: one server-rendered page (Jinja2) and its local assets, served by the gateway."""
