"""Demo units for workplace mentors (arbeidsplassmentor), and work-area units
for trainees in a placement (butikk, kafé og kjøkken, renhold, generelle
arbeidslivsferdigheter), written for the demo.

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

# Work-area units for trainees in a placement (issue 14): what a person in work
# trial, wage subsidy or an apprenticeship learns in one kind of work, written
# in plain, short Norwegian for the trainee to read. Same shape as UNITS.
WORK_AREA_UNITS = [
    (
        "ARB-B1",
        "Arbeid i butikk",
        "1",
        2,
        "Enheten er for deg som jobber i en butikk. Den viser at du kan sette "
        "fram varer, holde butikken ryddig og hjelpe kundene.",
        "Observasjon fra mentoren på arbeidsplassen\nVitneutsagn fra en kollega\n"
        "Bilde av en hylle du har fylt opp\nRefleksjonsnotat",
        [
            (
                "Ta imot og sette fram varer",
                [
                    "Pakke ut varene og se at de er hele",
                    "Sette varene på riktig plass, med de eldste varene fremst",
                    "Ta bort varer som er gått ut på dato",
                ],
            ),
            (
                "Holde butikken ryddig og trygg",
                [
                    "Rydde og vaske slik butikken har bestemt",
                    "Si fra til en kollega når noe er ødelagt eller farlig",
                ],
            ),
            (
                "Hjelpe kunder",
                [
                    "Hilse på kunden og spørre hva kunden trenger",
                    "Vise kunden veien til varen, eller hente en kollega som kan "
                    "hjelpe",
                ],
            ),
        ],
    ),
    (
        "ARB-K1",
        "Arbeid på kafé og kjøkken",
        "1",
        3,
        "Enheten er for deg som jobber på en kafé eller et kjøkken. Den viser at "
        "du følger reglene for hygiene, kan lage enkel mat og kan servere og "
        "rydde.",
        "Observasjon fra mentoren på arbeidsplassen\nVitneutsagn fra en kollega\n"
        "Temperaturliste du har fylt ut\nRefleksjonsnotat",
        [
            (
                "Følge reglene for hygiene på kjøkkenet",
                [
                    "Vaske hendene før arbeidet og etter pausen",
                    "Holde rå mat og ferdig mat hver for seg",
                    "Sjekke temperaturen i kjøleskapet og skrive den på listen",
                ],
            ),
            (
                "Lage enkel mat og drikke",
                [
                    "Følge en oppskrift steg for steg",
                    "Bruke kniver og kjøkkenmaskiner på en trygg måte",
                ],
            ),
            (
                "Servere og rydde",
                [
                    "Servere mat og drikke på en vennlig måte",
                    "Rydde bordene og ta oppvasken slik kafeen har bestemt",
                ],
            ),
        ],
    ),
    (
        "ARB-R1",
        "Renhold",
        "entry",
        2,
        "Enheten er for deg som gjør rent på en arbeidsplass. Den viser at du "
        "bruker riktig utstyr på en trygg måte og gjør rent etter en plan.",
        "Observasjon fra mentoren på arbeidsplassen\nVitneutsagn fra en kollega\n"
        "Renholdsliste du har krysset av på\nRefleksjonsnotat",
        [
            (
                "Bruke riktig utstyr og vaskemiddel",
                [
                    "Velge riktig klut og riktig vaskemiddel til jobben",
                    "Se på faremerkene på vaskemiddelet og bruke hansker når det "
                    "trengs",
                    "Blande vaskemiddel og vann i riktig mengde",
                ],
            ),
            (
                "Gjøre rent etter en plan",
                [
                    "Følge renholdsplanen for rommet",
                    "Vaske fra rent til skittent og fra høyt til lavt",
                    "Krysse av på listen når jobben er gjort",
                ],
            ),
        ],
    ),
    (
        "ARB-G1",
        "Generelle arbeidslivsferdigheter",
        "entry",
        1,
        "Enheten er for alle som er nye på en arbeidsplass. Den viser at du møter "
        "som avtalt, samarbeider med andre og følger reglene på jobben.",
        "Observasjon fra mentoren på arbeidsplassen\nVitneutsagn fra en kollega "
        "eller leder\nRefleksjonsnotat",
        [
            (
                "Møte på jobb som avtalt",
                [
                    "Komme presis til arbeidstiden",
                    "Si fra til lederen før arbeidstiden hvis du er syk eller "
                    "kommer for sent",
                ],
            ),
            (
                "Samarbeide med andre",
                [
                    "Spørre om hjelp når du ikke forstår en oppgave",
                    "Gjøre det du har avtalt med mentoren eller lederen",
                    "Være vennlig mot kolleger og kunder",
                ],
            ),
            (
                "Følge reglene på arbeidsplassen",
                [
                    "Følge reglene for sikkerhet og bruke verneutstyr når det trengs",
                    "Ta pause til avtalt tid",
                ],
            ),
        ],
    ),
]

# Pathways of work-area units for trainees (`Pathway.for_trainees`); same shape
# as PATHWAYS. A certificate on them does not make anyone a validated mentor.
TRAINEE_PATHWAYS = [
    (
        "Arbeidsområder",
        "arbeidsomrader",
        3,
        "Kompetanse fra arbeidstrening, lønnstilskudd eller lære, validert per "
        "arbeidsområde: butikk, kafé og kjøkken, renhold og generelle "
        "arbeidslivsferdigheter.",
        ["ARB-B1", "ARB-K1", "ARB-R1", "ARB-G1"],
    ),
]
