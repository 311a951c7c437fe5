"""The Textual app on top of the core: screens, widgets, dialogs and the key contract.

Nothing here holds meeting state; widgets show the core's ``Meeting`` and actions call
its methods, and the session is what opens, saves and closes a meeting.

Lives here: ``app`` (build_app, the one app class), ``commands`` and ``command_keys`` (the
key contract: ids, keys, message keys), ``protocols`` (what the app may ask of a screen),
``literal`` (the one way text becomes Content), ``type_ahead``, ``startup`` (the garbage
collector at start), ``timefmt``; ``screens/``, ``widgets/``, ``dialogs/``; the TCSS.
May import: ``session`` and every wing below it, and Textual (the only wing that may).
Imported by: ``cli`` alone, lazily, for the commands that open the app.
"""
