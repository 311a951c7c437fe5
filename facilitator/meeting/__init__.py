"""A meeting as it is held: the state the chair changes, and nothing that saves or shows it.

Lives here: ``model`` (Meeting and its changes), ``records`` (decisions, votes, actions,
attendance), ``speakers`` (the speakers list), ``standard_items`` (the fixed items).
May import: ``agenda`` and the wings below it. Never the store, the output or a UI.
"""
