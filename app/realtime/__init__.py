"""Live updates over Socket.IO (API.md, Live updates; DESIGN.md, Serving).

Clients connect with the HTTP API's access token and subscribe to rooms that
HTTP would show them; domain signals become events; tallies are coalesced.
With REDIS_URL, a Redis queue joins several server processes. Domains never
import this package.
"""


def init_app(app):
    from app.realtime.access import watch_sessions
    from app.realtime.live import Live, connect_listeners
    from app.realtime.namespace import LiveNamespace
    from app.realtime.outage import RedisHealth
    from app.realtime.server import bind, is_serving

    health = RedisHealth()
    socketio = bind(app, health)
    namespace = LiveNamespace("/")
    socketio.on_namespace(namespace)
    live = Live(app, health, serving=is_serving(), socketio=socketio, namespace=namespace)
    app.extensions["realtime"] = live
    if hasattr(socketio.server.manager, "publish_access"):
        socketio.server.manager.on_access_changed = live.recheck_here
    watch_sessions()
    connect_listeners(live)
    if live.serving:
        from app.realtime.draining import drain_on_term

        live.start()
        drain_on_term(socketio.server.eio)
