"""The raw library broadcast, for bench.fanout to compare against.

Flask-SocketIO in gevent mode, served like the app (gunicorn -k gevent -w 1), with
no auth, no rooms, no coalescing: POST /emit broadcasts the JSON body as `tally`.
"""
from flask import Flask, request
from flask_socketio import SocketIO

app = Flask(__name__)
socketio = SocketIO(app, async_mode="gevent", cors_allowed_origins="*")


@app.get("/api/v1/health")
def health():
    return {"status": "ok"}


@app.post("/emit")
def emit():
    socketio.emit("tally", request.get_json(), namespace="/")
    return {"ok": True}
