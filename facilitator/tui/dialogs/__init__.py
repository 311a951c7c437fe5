"""Modal dialogs: the first field has the focus, Tab moves on, Enter saves, Escape cancels."""
