"""A joint meeting as the tests write it: four DS members and two HK members of two groups,
and a guest apart (issue 20's done-when meeting)."""

from __future__ import annotations

JOINT = """format = 1
[meeting]
title = "Fællesmøde med HK-klubben"
kind = "klubmøde"
groups = ["Socialrådgiverklubben", "HK-klubben"]
participants = [
  { name = "Anne", organisation = "DS" },
  { name = "Bo", organisation = "DS" },
  { name = "Cecilie", organisation = "DS" },
  { name = "Dorte", organisation = "DS" },
  { name = "Hanne", organisation = "HK" },
  { name = "Ib", organisation = "HK" },
]
guests = ["Eva Holm, konsulent fra DS"]
[[item]]
title = "Arbejdsmiljø"
"""
