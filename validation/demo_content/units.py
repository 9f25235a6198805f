"""Demo units for workplace mentors (arbeidsplassmentor), written for the demo.

Each unit: (code, title, level, credits, purpose, suggested evidence,
[(outcome, [criteria…]), …]).
"""

UNITS = [
    (
        "AM-01",
        "Ta imot og introdusere en ny kollega med behov for tilrettelegging",
        "2",
        3,
        "Enheten gjelder mentoren som tar imot en ny medarbeider i arbeidstrening, "
        "lønnstilskudd eller lære, og som sørger for at første tid på arbeidsplassen "
        "blir trygg og forutsigbar, med tilrettelegging som er avtalt på forhånd.",
        "Introduksjonsplan du har laget\nObservasjon på arbeidsplassen\n"
        "Vitneutsagn fra leder eller kollega\nRefleksjonsnotat",
        [
            (
                "Forberede arbeidsplassen før første arbeidsdag",
                [
                    "Avklare med leder og den nye hva som skal tilrettelegges",
                    "Lage en introduksjonsplan for de første ukene",
                    "Informere kollegaer om det de trenger å vite, uten å dele "
                    "opplysninger den nye ikke har samtykket til",
                ],
            ),
            (
                "Gjennomføre en god første arbeidsdag",
                [
                    "Vise arbeidsplassen, rutiner og sikkerhetsregler",
                    "Presentere den nye for kollegaene og fortelle hvem som kan "
                    "svare på spørsmål",
                    "Gi arbeidsoppgaver som passer den nyes forutsetninger",
                ],
            ),
            (
                "Tilpasse opplæringen til den nye",
                [
                    "Forklare arbeidsoppgaver trinn for trinn og på flere måter",
                    "Sjekke at den nye har forstått, uten å skape press",
                ],
            ),
            (
                "Følge opp avtalt tilrettelegging",
                [
                    "Holde oversikt over hva som er avtalt og hvem som har ansvar",
                    "Melde fra til leder når tilretteleggingen må endres",
                ],
            ),
        ],
    ),
    (
        "AM-02",
        "Følge opp og gi tilbakemelding underveis",
        "2",
        3,
        "Enheten gjelder mentorens faste oppfølging av en medarbeider i et "
        "inkluderingsløp: samtaler, tilbakemeldinger og justering av mål og "
        "oppgaver etter hvert som personen utvikler seg.",
        "Notater fra oppfølgingssamtaler\nObservasjon av en samtale\n"
        "Faglig samtale med validereren\nRefleksjonsnotat",
        [
            (
                "Planlegge og gjennomføre oppfølgingssamtaler",
                [
                    "Avtale faste tidspunkter for samtaler",
                    "Bruke mål fra arbeidsplanen som utgangspunkt for samtalen",
                    "Skrive et kort referat som den ansatte får lese og kommentere",
                ],
            ),
            (
                "Gi konstruktive tilbakemeldinger",
                [
                    "Peke på konkrete ting som har gått bra",
                    "Beskrive det som bør endres som handlinger, ikke som egenskaper "
                    "ved personen",
                    "Avtale sammen hva som skal være neste steg",
                ],
            ),
            (
                "Oppdage og håndtere utfordringer tidlig",
                [
                    "Kjenne igjen tegn på at den ansatte ikke har det bra eller ikke "
                    "mestrer oppgavene",
                    "Ta opp bekymringer med den ansatte og med leder på en respektfull "
                    "måte",
                ],
            ),
        ],
    ),
    (
        "AM-03",
        "Samarbeide med NAV og arbeidsinkluderingsbedrifter",
        "3",
        2,
        "Enheten gjelder mentorens samarbeid med dem som står rundt personen: "
        "veilederen i NAV, en arbeidsinkluderingsbedrift eller en annen "
        "tiltaksarrangør, slik at avtaler, tilskudd og oppfølging henger sammen.",
        "Referat fra trepartsmøte\nVitneutsagn fra NAV-veileder\n"
        "Faglig samtale med validereren",
        [
            (
                "Kjenne rollene i et inkluderingsløp",
                [
                    "Forklare hva NAV, tiltaksarrangøren, leder og mentor har "
                    "ansvar for",
                    "Vite hvilke virkemidler bedriften bruker, som arbeidstrening, "
                    "lønnstilskudd og mentortilskudd",
                ],
            ),
            (
                "Delta i trepartssamarbeid",
                [
                    "Forberede seg til møter med NAV og den ansatte",
                    "Bidra med konkrete observasjoner fra arbeidsplassen",
                    "Følge opp det som blir avtalt i møtet",
                ],
            ),
            (
                "Ivareta personvern og taushetsplikt",
                [
                    "Dele bare de opplysningene som trengs, og bare med samtykke",
                    "Oppbevare notater om den ansatte trygt",
                ],
            ),
        ],
    ),
]

# (name, slug, credits required, description, unit codes)
PATHWAYS = [
    (
        "Arbeidsplassmentor",
        "arbeidsplassmentor",
        6,
        "For mentorer som tar imot og følger opp nye medarbeidere med behov for "
        "tilrettelegging.",
        ["AM-01", "AM-02"],
    ),
    (
        "Arbeidslivsveileder",
        "arbeidslivsveileder",
        8,
        "For veiledere som også samarbeider med NAV og arbeidsinkluderingsbedrifter "
        "(svensk: handledare).",
        ["AM-01", "AM-02", "AM-03"],
    ),
]
