"""A meeting as it is held: the state the chair changes, and nothing that saves or shows it.

Lives here: ``model`` (Meeting and its changes: the items, their timer and notes),
``people`` (attendance, roles, the floor) and ``outcomes`` (decisions, votes, actions,
carry-over), the two parts Meeting is made of; ``checks`` (values from people checked),
``records`` (decisions, votes, actions, attendance), ``speakers`` (the speakers list),
``standard_items`` (the fixed items), ``labels`` (the words for item types and principles),
``written_dates`` (dates read day first, and written back as a referat writes them),
``vote_rule`` (whether a vote carried).
May import: ``agenda`` and the wings below it. Never the store, the output or a UI.
"""
