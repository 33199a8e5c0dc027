"""Plain Chinese error pages for people who reach a wrong link in a browser."""
from flask import render_template_string

from app.errors import HTTP_MESSAGES

PAGE = """<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ message }}</title>
<style nonce="{{ csp_nonce() }}">body{font:20px/1.6 system-ui,sans-serif;margin:2rem;color:#1a1a1a}a{color:#0b57d0}</style>
</head><body><h1>{{ message }}</h1><p><a href="/">返回首页</a></p></body></html>"""


def html_error_page(status: int):
    _, message = HTTP_MESSAGES.get(status, ("http_error", "请求没有成功"))
    return render_template_string(PAGE, message=message), status
