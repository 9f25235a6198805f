"""Original Norwegian (bokmål) demo content for the course material.

Pure data, no Django imports; `cms.demo` loads it into Wagtail. Facts come from
the seed documents and well-known public facts about NAV's measures; the text is
our own.

Formats
-------
Area keys: "attitudes", "measures", "target_groups", "training", "support".

Target group slugs: "unge-med-hull-i-cv", "nedsatt-funksjonsevne",
"psykiske-helseutfordringer", "innvandrere-utenfor-arbeidslivet".

A lesson is a dict::

    {
        "slug": "hvorfor-inkludere",             # unique across all lessons
        "title": "Hvorfor inkludere?",
        "intro": "One or two sentences (used as the search description).",
        "learning_goals": ["Du kan ...", "Du vet ..."],
        "minutes": 20,                             # estimated study time
        "target_groups": ["unge-med-hull-i-cv"],   # slugs, may be empty
        "body": [                                  # (block type, value) in order
            ("heading", "Et mellomtittel"),
            ("paragraph", "<p>Rich text HTML: p, b, i, ul/ol/li, a href only.</p>"),
            ("case_story", {"quote": "...", "role": "daglig leder", "firm_type": "bakeri med 12 ansatte"}),
            ("checklist", {"title": "...", "items": ["...", "..."]}),
            ("reflection", {"question": "...", "guidance": "..."}),
            ("measure", {"measure": "<measure slug>", "note": "why it is relevant here"}),
        ],
    }

A module of lessons defines LESSONS = {area_key: [lesson, ...]}.
`catalogue.py` defines TARGET_GROUPS, PROVIDERS and MEASURES.
"""
