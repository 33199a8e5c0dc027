"""Demo: a realistic estate for `make run`, with the accounts the README lists."""


def init_app(app):
    from app.demo.cli import demo_cli

    app.cli.add_command(demo_cli)
