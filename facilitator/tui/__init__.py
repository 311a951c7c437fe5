"""The Textual app on top of the core: screens, widgets, dialogs and the key contract.

Nothing here holds meeting state; widgets show the core's ``Meeting`` and actions call
its methods. Only this package imports Textual (a test checks that).
"""
