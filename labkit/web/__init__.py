"""The phone and projector pages of `labkit serve`: an ASGI app (Starlette) in its own process,
writing the session's journal like any other writer. Server-rendered HTML that works without
JavaScript (plain forms, post-redirect-get); a few lines of vanilla JS only refresh pages live
through Server-Sent Events. Nothing is loaded from elsewhere: no CDN, no third-party assets.

`labkit.web` is a UI layer beside `labkit.tui` and `labkit.cli`: it imports the domain, the
domain never imports it.
"""
