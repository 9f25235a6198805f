"""Demo lessons for the areas "attitudes" (holdninger) and "measures" (tiltak og virkemidler).

Original Norwegian (bokmål) text. Facts are taken from the seed documents and
from well-known public facts about NAV's measures; amounts and percentages are
deliberately kept general, and readers are pointed to nav.no for current rules.
All people in the case stories are fictional and described by role only.
"""

ALL_TARGET_GROUPS = [
    "unge-med-hull-i-cv",
    "nedsatt-funksjonsevne",
    "psykiske-helseutfordringer",
    "innvandrere-utenfor-arbeidslivet",
]


# ---------------------------------------------------------------------------
# Holdninger (attitudes)
# ---------------------------------------------------------------------------

HVORFOR_INKLUDERE = {
    "slug": "hvorfor-inkludere",
    "title": "Hvorfor inkludere? God forretning og samfunnsansvar",
    "intro": (
        "Inkludering i arbeidslivet er både et samfunnsansvar og en smart måte å sikre "
        "seg arbeidskraft på. Her ser vi på gevinstene for bedriften, bærekraftsmålene og "
        "hva kunder og offentlige innkjøpere legger vekt på."
    ),
    "learning_goals": [
        "Du kan forklare hvorfor inkludering lønner seg for en liten eller mellomstor bedrift.",
        "Du kjenner sammenhengen mellom arbeidsinkludering og FNs bærekraftsmål.",
        "Du vet hvorfor en sosial profil kan få betydning i offentlige anskaffelser.",
    ],
    "minutes": 25,
    "target_groups": [],
    "body": [
        ("heading", "Mange vil jobbe – mange bedrifter trenger folk"),
        (
            "paragraph",
            "<p>I Asker, som i resten av landet, står mange mennesker utenfor arbeidslivet selv "
            "om de gjerne vil ha en jobb. Det kan være unge som har falt ut av skolen og har hull "
            "i CV-en, folk med nedsatt funksjonsevne eller psykiske helseutfordringer, eller "
            "innvandrere som ikke har kommet inn på arbeidsmarkedet – ofte til tross for "
            "utdanning og lang erfaring fra hjemlandet. Samtidig sliter mange små og mellomstore "
            "bedrifter med å finne riktige folk.</p>"
            "<p>Arbeidsinkludering handler om å koble disse to behovene sammen. Det er ikke "
            "veldedighet, men et samarbeid der både bedriften og den nye medarbeideren skal få "
            "noe igjen.</p>",
        ),
        ("heading", "Hva får bedriften igjen?"),
        (
            "paragraph",
            "<p>Bedrifter som har erfaring med inkludering, trekker gjerne fram disse "
            "gevinstene:</p>"
            "<ul>"
            "<li><b>Arbeidskraft og kompetanse</b> – dere når folk som ellers aldri ville "
            "søkt hos dere.</li>"
            "<li><b>Nye perspektiver</b> – medarbeidere med en annen bakgrunn ser ofte "
            "løsninger og kundegrupper dere ikke har tenkt på.</li>"
            "<li><b>Lojalitet</b> – den som har fått en sjanse, blir ofte værende lenge.</li>"
            "<li><b>Kortreist arbeidskraft</b> – mange bor i nærmiljøet og kjenner "
            "lokalsamfunnet.</li>"
            "<li><b>Stolthet</b> – ansatte forteller ofte at de blir stolte av å jobbe i en "
            "bedrift som tar ansvar.</li>"
            "</ul>"
            "<p>Noen kaller dette en trippel bunnlinje: bedriften måler ikke bare økonomiske "
            "resultater, men også sosiale og miljømessige.</p>",
        ),
        (
            "case_story",
            {
                "quote": (
                    "Vi trengte egentlig bare en ekstra hånd de tidlige morgentimene. Gjennom "
                    "arbeidstrening fikk vi en ung mann som hadde vært borte fra skole og jobb i "
                    "to år. I dag har han fast stilling, og det er han som lærer opp alle nye "
                    "på morgenskiftet."
                ),
                "role": "daglig leder",
                "firm_type": "bakeri med 12 ansatte i Asker",
            },
        ),
        ("heading", "Bærekraftsmålene og sosial bærekraft"),
        (
            "paragraph",
            "<p>Mange forbinder bærekraft med klima og miljø, men FNs bærekraftsmål har også en "
            "tydelig sosial side. Mål 8 handler om anstendig arbeid og økonomisk vekst, og mål 10 "
            "om mindre ulikhet. Når dere gir noen en vei inn i arbeidslivet, bidrar dere konkret "
            "til begge. Mål 17, samarbeid for å nå målene, minner oss om at ingen bedrift skal "
            "gjøre dette alene.</p>"
            "<p>Sosial bærekraft handler om at folk kan stole på hverandre, føle seg trygge og "
            "høre til et sted – og om at jobb og utdanning er innen rekkevidde for alle. For mange "
            "er det nettopp på jobben de finner dette fellesskapet.</p>",
        ),
        ("heading", "Inkludering som konkurransefortrinn"),
        (
            "paragraph",
            "<p>Kunder, samarbeidspartnere og ikke minst offentlige innkjøpere spør stadig oftere "
            "hva bedriften gjør for samfunnet rundt seg. Kommuner og andre offentlige "
            "oppdragsgivere kan legge vekt på sosiale hensyn når de kjøper varer og tjenester. "
            "Et mål med Sosial Profil er at sertifiseringen skal bli et kvalitetsstempel som kan "
            "telle i slike anskaffelser. Da blir inkludering ikke bare noe dere gjør fordi det er "
            "riktig, men også noe som kan styrke dere i konkurransen om oppdrag.</p>",
        ),
        (
            "measure",
            {
                "measure": "arbeidstrening",
                "note": (
                    "Arbeidstrening lar dere og kandidaten bli kjent med hverandre før dere tar "
                    "stilling til en ansettelse."
                ),
            },
        ),
        (
            "measure",
            {
                "measure": "midlertidig-lonnstilskudd",
                "note": (
                    "Lønnstilskudd gjør det mindre risikabelt å ansette noen som trenger tid for "
                    "å komme opp i full produksjon."
                ),
            },
        ),
        (
            "paragraph",
            "<p>Vil du gå videre herfra? I leksjonen <a "
            'href="page:fordommer-og-smitteeffekt">Fordommer og smitteeffekt</a> '
            "ser vi på hvordan gode erfaringer sprer seg i en bedrift, og <a "
            'href="page:lonnstilskudd-og-arbeidstrening">arbeidstrening og '
            "lønnstilskudd</a> forklarer de to virkemidlene de fleste starter med. "
            'Alle tiltakene finner du i <a href="page:tiltak">oversikten over '
            "inkluderingstiltak</a>.</p>",
        ),
        (
            "checklist",
            {
                "title": "Før du går videre",
                "items": [
                    "Skriv ned hvilke oppgaver i bedriften dere trenger mer hjelp til.",
                    "Velg ut de to eller tre gevinstene som betyr mest for dere.",
                    "Snakk med de ansatte om hvorfor dere vil satse på inkludering.",
                    "Finn ut om kunder eller oppdragsgivere stiller krav til samfunnsansvar.",
                    "Noter ett bærekraftsmål dere konkret vil bidra til.",
                ],
            },
        ),
        (
            "reflection",
            {
                "question": (
                    "Hva ville det bety for bedriften deres å ha en sosial profil som kunder og "
                    "oppdragsgivere kjenner til?"
                ),
                "guidance": (
                    "Tenk både på bunnlinjen, omdømmet og hvordan de ansatte opplever "
                    "arbeidsplassen. Skriv gjerne ned ett svar for hvert av de tre områdene."
                ),
            },
        ),
    ],
}


FORDOMMER_OG_SMITTEEFFEKT = {
    "slug": "fordommer-og-smitteeffekt",
    "title": "Fordommer, erfaringer og smitteeffekten",
    "intro": (
        "Holdninger endres sjelden av fakta alene, men av erfaringer. Lær hvordan fordommer "
        "kan stå i veien for inkludering, og hvordan gode erfaringer kan deles og smitte over "
        "på andre bedrifter."
    ),
    "learning_goals": [
        "Du kan kjenne igjen vanlige fordommer mot personer som står utenfor arbeidslivet.",
        "Du forstår hvordan positive erfaringer kan spre seg mellom bedrifter.",
        "Du vet hvordan du kan dele erfaringer på en måte som respekterer medarbeideren.",
    ],
    "minutes": 25,
    "target_groups": list(ALL_TARGET_GROUPS),
    "body": [
        ("heading", "Vi har alle forestillinger"),
        (
            "paragraph",
            "<p>Alle mennesker bruker forenklinger for å forstå verden. Det er naturlig, men det "
            "blir et problem når forenklingene avgjør hvem som får en sjanse. Mange arbeidsgivere "
            "har tanker som disse, uten at de noen gang har sagt dem høyt:</p>"
            "<ul>"
            "<li>«Et hull i CV-en betyr nok at han ikke gidder å jobbe.»</li>"
            "<li>«Folk med psykiske plager er mye borte.»</li>"
            "<li>«Hun snakker ikke perfekt norsk, så kundene vil ikke forstå henne.»</li>"
            "<li>«Det blir altfor mye styr å tilrettelegge for noen med funksjonsnedsettelse.»</li>"
            "</ul>"
            "<p>Noen ganger finnes det et snev av sannhet i slike bekymringer. Men oftere handler "
            "de om usikkerhet og manglende erfaring enn om den konkrete personen som står foran "
            "deg.</p>",
        ),
        ("heading", "Fra fordom til erfaring"),
        (
            "paragraph",
            "<p>Det som oftest endrer holdninger, er møtet med et menneske. Når en leder eller "
            "kollega faktisk har jobbet sammen med en person med hull i CV-en eller en psykisk "
            "lidelse, blir bildet mer nyansert. Man ser en kollega med egne styrker, ikke en "
            "diagnose eller en kategori.</p>"
            "<p>Derfor er arbeidstrening og andre utprøvingsordninger så nyttige for "
            "inkludering. De gir en trygg ramme der dere kan bli kjent med en kandidat, og der "
            "kandidaten får vist hva hun eller han kan. Det viktigste spørsmålet er ikke «hva er "
            "problemet?», men «hva trenger personen for å lykkes hos oss?».</p>",
        ),
        (
            "case_story",
            {
                "quote": (
                    "Jeg var ærlig talt skeptisk da NAV ringte. Jeg trodde en ung mann med angst "
                    "ville bli et ekstra ansvar på travle dager. Men han var nøyaktig og "
                    "pliktoppfyllende, og kundene likte ham. Nå forteller jeg om det på hvert "
                    "eneste nettverksmøte, og to andre firmaer har tatt kontakt med NAV etterpå."
                ),
                "role": "rørleggermester og eier",
                "firm_type": "rørleggerfirma med 7 ansatte",
            },
        ),
        ("heading", "Smitteeffekten: del det som fungerer"),
        (
            "paragraph",
            "<p>Bedrifter som har prøvd, opplever ofte at det har lønt seg, men de snakker lite "
            "om det utad. Når en bedriftsleder forteller en annen om en god "
            "erfaring, veier det tyngre enn en brosjyre. En slik delingskultur gir ringvirkninger: "
            "én bedrift går foran, og flere følger etter.</p>"
            "<p>Dere kan bidra på flere måter:</p>"
            "<ul>"
            "<li>Fortell om erfaringene i nettverk, bransjeforeninger og på sosiale medier.</li>"
            "<li>Inviter andre ledere på besøk, og la dem snakke med dere som har gjort det.</li>"
            "<li>Vær ærlig også om det som var krevende – det gjør historien troverdig.</li>"
            "</ul>"
            "<p>Husk at historien også tilhører medarbeideren. Del aldri helseopplysninger eller "
            "andre personlige forhold uten at personen selv har sagt ja, og la gjerne "
            "vedkommende bestemme hvordan historien skal fortelles.</p>",
        ),
        (
            "measure",
            {
                "measure": "arbeidstrening",
                "note": (
                    "Gir en trygg ramme der fordommer kan byttes ut med egne erfaringer, for både "
                    "dere og kandidaten."
                ),
            },
        ),
        (
            "measure",
            {
                "measure": "individuell-jobbstotte",
                "note": (
                    "For personer med psykiske helseutfordringer kan en jobbspesialist følge opp "
                    "både medarbeideren og dere som arbeidsgiver."
                ),
            },
        ),
        (
            "paragraph",
            "<p>Holdninger endres sjelden av informasjon alene, men av erfaringer "
            "som blir delt. Les hvordan ledelsen kan legge til rette for det i <a "
            'href="page:ledelse-og-arbeidsmiljo">Ledelse og arbeidsmiljø</a>, og se '
            "hvordan en fast veileder gjør hverdagen tryggere for alle i <a "
            'href="page:opplaering-veileder-og-mentor-pa-arbeidsplassen">veileder '
            "og mentor på arbeidsplassen</a>.</p>",
        ),
        (
            "checklist",
            {
                "title": "Sjekk dine egne holdninger",
                "items": [
                    "Skriv ned hvilke bekymringer du selv har for å ta inn noen fra målgruppene.",
                    "Spør deg selv om bekymringen gjelder personen eller en kategori.",
                    "Snakk med en bedrift som allerede har erfaring med inkludering.",
                    "Vurder kandidater ut fra hva de kan, ikke hva de mangler.",
                    "Avtal med medarbeideren hva som kan deles før dere forteller historien videre.",
                ],
            },
        ),
        (
            "reflection",
            {
                "question": (
                    "Hvilken fordom tror du er mest utbredt i din bransje, og hvilken erfaring "
                    "kunne ha utfordret den?"
                ),
                "guidance": (
                    "Tenk på konkrete situasjoner du har hørt om eller selv opplevd. Diskuter "
                    "gjerne spørsmålet med en kollega eller med de andre deltakerne på kurset."
                ),
            },
        ),
    ],
}


LEDELSE_OG_ARBEIDSMILJO = {
    "slug": "ledelse-og-arbeidsmiljo",
    "title": "Ledelse og kultur: slik forbereder du arbeidsplassen",
    "intro": (
        "Inkludering lykkes når lederen går foran og kollegene er med. Her får du råd om "
        "hvordan du forankrer arbeidet, forbereder arbeidsmiljøet og tar imot en ny "
        "medarbeider på en god måte."
    ),
    "learning_goals": [
        "Du vet hvorfor lederens holdning er avgjørende for å lykkes med inkludering.",
        "Du kan planlegge hvordan kollegene skal forberedes og involveres.",
        "Du kan legge opp en god første tid for en ny medarbeider.",
    ],
    "minutes": 15,
    "target_groups": list(ALL_TARGET_GROUPS),
    "body": [
        ("heading", "Lederen setter tonen"),
        (
            "paragraph",
            "<p>I en liten bedrift merker alle hva sjefen mener. Viser du som leder at "
            "inkludering er et bevisst valg du står for, blir det lettere for de ansatte å ta "
            "imot en ny kollega med åpent sinn. Virker du derimot usikker, eller presenterer det "
            "som noe dere «må», sprer usikkerheten seg fort.</p>"
            "<p>Å forankre arbeidet betyr at beslutningen er tydelig, at noen har ansvaret og at "
            "det er satt av tid. Det gjelder særlig i travle perioder, når det er fristende å la "
            "opplæringen skli.</p>",
        ),
        ("heading", "Forbered kollegene"),
        (
            "paragraph",
            "<p>Det er kollegene som skal jobbe side om side med den nye medarbeideren hver dag. "
            "Ta dem med på råd tidlig:</p>"
            "<ul>"
            "<li>Fortell hvorfor bedriften satser på inkludering, og hva dere håper å få "
            "til.</li>"
            "<li>Forklar hvilke oppgaver den nye skal ha, og hvem som skal lære bort hva.</li>"
            "<li>Gi rom for spørsmål og bekymringer – det er bedre at de kommer fram før oppstart "
            "enn etter.</li>"
            "<li>Bli enige om at personlige opplysninger tilhører den nye medarbeideren. Det er "
            "hun eller han som bestemmer hva kollegene skal vite om helse eller bakgrunn.</li>"
            "</ul>",
        ),
        (
            "measure",
            {
                "measure": "mentor",
                "note": (
                    "Med mentortilskudd fra NAV kan en erfaren kollega få satt av tid til å lære "
                    "opp og støtte den nye medarbeideren."
                ),
            },
        ),
        (
            "paragraph",
            "<p>Som leder trenger du ikke gjøre alt selv. <a "
            'href="page:hvem-kan-hjelpe-deg">Hvem kan hjelpe deg?</a> viser hvem du '
            "kan ringe, og <a "
            'href="page:opplaering-plan-for-de-forste-ukene">opplæringsplanen for '
            "de første ukene</a> gir deg et konkret sted å begynne.</p>",
        ),
        (
            "checklist",
            {
                "title": "Klar for en ny kollega",
                "items": [
                    "Beslutningen om å inkludere er tydelig forankret hos ledelsen.",
                    "Kollegene har fått informasjon og mulighet til å stille spørsmål.",
                    "En fadder eller mentor er utpekt og har fått satt av tid.",
                    "Det finnes en enkel opplæringsplan for de første ukene.",
                    "Dere har avtalt faste tidspunkter for korte oppfølgingssamtaler.",
                    "Alle vet hvem de skal kontakte hos NAV eller tiltaksarrangøren hvis noe "
                    "oppstår.",
                ],
            },
        ),
        (
            "reflection",
            {
                "question": (
                    "Hvordan blir nye medarbeidere tatt imot hos dere i dag, og hva ville du "
                    "gjort annerledes for en som har vært lenge utenfor arbeidslivet?"
                ),
                "guidance": (
                    "Gå gjennom en vanlig første arbeidsdag steg for steg. Hvor kan den nye bli "
                    "usikker eller føle seg alene? Hva kan fadderen eller lederen gjøre akkurat "
                    "der?"
                ),
            },
        ),
    ],
}


# ---------------------------------------------------------------------------
# Tiltak og virkemidler (measures)
# ---------------------------------------------------------------------------

HVEM_KAN_HJELPE = {
    "slug": "hvem-kan-hjelpe",
    "title": "Hvem kan hjelpe? NAV, kommunen og tiltaksarrangørene",
    "intro": (
        "Dere trenger ikke å klare inkluderingen alene. Her får du oversikt over aktørene som "
        "kan hjelpe bedriften med kandidater, tiltak, tilskudd og oppfølging – i Asker og "
        "ellers i landet."
    ),
    "learning_goals": [
        "Du kjenner de viktigste aktørene som hjelper arbeidsgivere med inkludering.",
        "Du vet hva NAV, kommunen og arbeidsinkluderingsbedriftene kan bidra med.",
        "Du vet hvor du kan ta den første kontakten.",
    ],
    "minutes": 15,
    "target_groups": [],
    "body": [
        ("heading", "Et lag rundt bedriften"),
        (
            "paragraph",
            "<p>Mange arbeidsgivere synes det offentlige støtteapparatet er vanskelig å finne "
            "fram i. Det finnes mange ordninger, mange aktører og mange forkortelser. Den gode "
            "nyheten er at dere ikke trenger å kunne alt. Det viktigste er å vite hvem som gjør "
            "hva, og hvem dere kan ringe.</p>"
            "<p>Erfaringer fra samarbeid mellom NAV og partene i arbeidslivet viser at "
            "inkludering lykkes best når bedriften har en fast kontaktperson, får kandidater som "
            "passer til behovet sitt, og blir fulgt opp både før, under og etter at noen "
            "starter.</p>",
        ),
        ("heading", "NAV"),
        (
            "paragraph",
            "<p>For de fleste bedrifter er NAV den viktigste samarbeidspartneren. NAV kjenner "
            "arbeidssøkerne, kan foreslå kandidater og forvalter de fleste tiltakene, som "
            "arbeidstrening, lønnstilskudd, mentor og inkluderingstilskudd. Mange NAV-kontorer, "
            "også NAV Asker, har egne medarbeidere som jobber mot arbeidsgivere, ofte kalt "
            "markedskontakter. I tillegg har NAV en egen telefonlinje og egne sider for "
            "arbeidsgivere på nav.no. For unge under 30 år har NAV en egen ungdomsinnsats som "
            "skal få dem raskt i gang med jobb eller utdanning.</p>",
        ),
        (
            "measure",
            {
                "measure": "oppfolging",
                "note": (
                    "Oppfølging fra NAV eller en tiltaksarrangør gjør at bedriften ikke står "
                    "alene når noe er uklart."
                ),
            },
        ),
        (
            "measure",
            {
                "measure": "introduksjonsprogrammet",
                "note": (
                    "Kommunens program for nyankomne flyktninger trenger bedrifter som kan tilby "
                    "praksisplasser."
                ),
            },
        ),
        (
            "measure",
            {
                "measure": "overgangsarbeid-fontenehuset",
                "note": (
                    "En lokal mulighet for bedrifter som vil gi personer med psykiske "
                    "helseutfordringer en vei tilbake til jobb."
                ),
            },
        ),
        (
            "paragraph",
            "<p>Samarbeidet i praksis, med faste kontaktpersoner og tydelige "
            "roller, er tema i <a "
            'href="page:oppfolgingstrekanten">oppfølgingstrekanten</a>. Vil du vite '
            "mer om de enkelte virkemidlene, les <a "
            'href="page:lonnstilskudd-og-arbeidstrening">arbeidstrening og '
            'lønnstilskudd forklart</a> eller bla i <a href="page:tiltak">alle '
            "inkluderingstiltakene</a>.</p>",
        ),
        (
            "checklist",
            {
                "title": "Finn kontaktene deres",
                "items": [
                    "Finn NAVs sider for arbeidsgivere på nav.no og noter telefonnummeret.",
                    "Be om en fast kontaktperson eller markedskontakt hos NAV.",
                    "Finn ut hvilke arbeidsinkluderingsbedrifter som finnes i nærheten.",
                    "Spør kommunen om de trenger praksisplasser til introduksjonsprogrammet.",
                    "Lag en kort beskrivelse av oppgavene og kompetansen dere trenger.",
                ],
            },
        ),
        (
            "reflection",
            {
                "question": (
                    "Hvilken av aktørene i denne leksjonen ville det vært mest naturlig for din "
                    "bedrift å kontakte først, og hvorfor?"
                ),
                "guidance": (
                    "Tenk på hvilke målgrupper og oppgaver som passer best hos dere. Et "
                    "rørleggerfirma vil kanskje samarbeide med andre enn en kafé eller et kontor. "
                    "Det finnes ikke ett riktig svar."
                ),
            },
        ),
    ],
}


LONNSTILSKUDD_OG_ARBEIDSTRENING = {
    "slug": "lonnstilskudd-og-arbeidstrening",
    "title": "Arbeidstrening og lønnstilskudd forklart for arbeidsgivere",
    "intro": (
        "Arbeidstrening og lønnstilskudd er blant de mest brukte virkemidlene når en bedrift "
        "vil ta inn noen som står utenfor arbeidslivet. Her lærer du hva de går ut på, hvordan "
        "de skiller seg fra hverandre og hva som forventes av dere."
    ),
    "learning_goals": [
        "Du kan forklare forskjellen på arbeidstrening og lønnstilskudd.",
        "Du vet forskjellen på midlertidig og varig lønnstilskudd.",
        "Du kjenner arbeidsgiverens ansvar når dere tar imot en deltaker.",
    ],
    "minutes": 50,
    "target_groups": list(ALL_TARGET_GROUPS),
    "body": [
        ("heading", "Arbeidstrening: bli kjent uten å ansette"),
        (
            "paragraph",
            "<p>Arbeidstrening betyr at en person som trenger å prøve seg i arbeidslivet, får "
            "være hos dere i en periode uten å være ansatt. Deltakeren får ytelsen sin fra NAV, "
            "ikke lønn fra bedriften. Målet kan være å få arbeidserfaring, lære et fag eller "
            "språket, få en referanse eller finne ut hva personen kan klare.</p>"
            "<p>Dere inngår en skriftlig avtale med NAV og deltakeren om mål, arbeidsoppgaver, "
            "arbeidstid og varighet. Bedriften utpeker en kontaktperson som har ansvar for "
            "opplæring og oppfølging på arbeidsplassen. Arbeidstrening skal ikke erstatte "
            "ordinære ansatte; deltakeren kommer i tillegg til den vanlige bemanningen.</p>",
        ),
        ("heading", "Lønnstilskudd: ansatt med støtte"),
        (
            "paragraph",
            "<p>Med lønnstilskudd ansetter dere personen på vanlige lønns- og arbeidsvilkår, og "
            "NAV dekker en del av lønnskostnadene i en periode. Tilskuddet skal veie opp for at "
            "medarbeideren ennå ikke er fullt produktiv, eller trenger mer opplæring enn "
            "andre.</p>"
            "<ul>"
            "<li><b>Midlertidig lønnstilskudd</b> er for personer som har vanskelig for å få jobb "
            "på ordinære vilkår. Det gis for en avgrenset periode, og tilskuddet kan trappes ned "
            "etter hvert som medarbeideren blir mer selvstendig.</li>"
            "<li><b>Varig lønnstilskudd</b> er for personer med varig og betydelig nedsatt "
            "arbeidsevne. Behovet vurderes jevnlig, men tilskuddet kan vare så lenge behovet "
            "er der.</li>"
            "</ul>"
            "<p>Hvor stor del av lønnen som dekkes, og hvor lenge, avhenger av regelverket og av "
            "personens behov. Reglene endres fra tid til annen, så sjekk alltid gjeldende satser "
            "og vilkår på nav.no.</p>",
        ),
        (
            "case_story",
            {
                "quote": (
                    "Vi startet med tre måneder arbeidstrening for en kvinne som nettopp var "
                    "ferdig med introduksjonsprogrammet. Hun var flink med kundene, men trengte "
                    "mer tid på kassen og med norsken. Da vi ansatte henne, fikk vi lønnstilskudd "
                    "det første året. Det ga oss ro til å gjøre opplæringen ordentlig."
                ),
                "role": "innehaver",
                "firm_type": "kafé med 9 ansatte",
            },
        ),
        ("heading", "Hva passer for dere?"),
        (
            "paragraph",
            "<p>Arbeidstrening passer ofte når verken dere eller kandidaten vet om jobben er "
            "riktig, eller når personen trenger å bygge opp arbeidsevne og faste rutiner. "
            "Lønnstilskudd passer når dere ønsker å ansette, men trenger støtte for å ta "
            "risikoen. Mange bruker begge etter hverandre: først arbeidstrening, deretter "
            "ansettelse med lønnstilskudd. Det er NAV som vurderer hvilke tiltak personen kan "
            "få, men dere kan gjerne si hva dere ønsker.</p>"
            "<p>Uansett tiltak har dere det samme ansvaret for arbeidsmiljø og sikkerhet som for "
            "alle andre på arbeidsplassen. God inkludering handler om mer enn papirene: den nye "
            "skal oppleve å være en del av laget.</p>",
        ),
        ("heading", "Slik går det til, steg for steg"),
        (
            "paragraph",
            "<p>Det meste av papirarbeidet gjør NAV, men det hjelper å vite hva som skjer "
            "og når. En vanlig gang ser slik ut:</p>"
            "<ol>"
            "<li><b>Dere beskriver behovet.</b> Hvilke oppgaver trenger hender, hvor mange "
            "timer i uken, og hva er absolutte krav? Jo mer konkret, desto lettere er det å "
            "finne en som passer.</li>"
            "<li><b>NAV foreslår en kandidat.</b> Ofte kjenner veilederen personen godt og "
            "kan fortelle hva som har fungert før. Dere møtes til en samtale, gjerne med "
            "veilederen til stede.</li>"
            "<li><b>Dere blir enige om en avtale.</b> Avtalen beskriver mål, oppgaver, "
            "arbeidstid, varighet og hvem som følger opp. Den signeres av bedriften, "
            "deltakeren og NAV før første arbeidsdag.</li>"
            "<li><b>Perioden starter.</b> Den første uken handler om å bli kjent med "
            "kollegene, rutinene og sikkerheten, ikke om å produsere mest mulig.</li>"
            "<li><b>Dere følger opp underveis.</b> Korte, faste samtaler er bedre enn ett "
            "langt møte når noe allerede har gått galt.</li>"
            "<li><b>Dere evaluerer og bestemmer neste steg.</b> Ansettelse, en ny periode "
            "med et annet mål, eller en god avslutning med en referanse.</li>"
            "</ol>"
            "<p>Hvem i NAV du skal ringe for å komme i gang, står i "
            '<a href="page:hvem-kan-hjelpe">Hvem kan hjelpe?</a>.</p>',
        ),
        ("heading", "Avtalen: det som bør stå der"),
        (
            "paragraph",
            "<p>En god avtale er kort og konkret. Den sier hva deltakeren skal gjøre og lære, "
            "og hvordan dere vil merke at det går framover. Skriv gjerne mål som kan "
            "observeres: «kan gjøre klar varemottaket alene», «møter presis tre dager på "
            "rad», «kan bruke kassen i lunsjrushet». Slike mål gjør evalueringen enkel og "
            "rettferdig for begge parter.</p>"
            "<p>Avtal også hva som skjer ved fravær, hvem deltakeren melder fra til, og hvem "
            "dere ringer i NAV hvis noe skjer. Deltakere på arbeidstrening er som hovedregel "
            "dekket av NAVs yrkesskadeforsikring, men sjekk hva som gjelder for akkurat "
            "dette tiltaket. Arbeidsmiljøloven gjelder for alle som er på arbeidsplassen, "
            "også den som ikke er ansatt: verneutstyr, opplæring i sikkerhet og et ordentlig "
            "sted å spise er like viktig her som for de faste.</p>"
            "<p>Ved lønnstilskudd er dere arbeidsgiver fullt ut. Det betyr arbeidsavtale, "
            "lønn etter tariff eller det som er vanlig i bransjen, feriepenger og "
            "pensjon. Tilskuddet søkes og utbetales etter avtale med NAV, vanligvis "
            "etterskuddsvis ut fra faktisk utbetalt lønn.</p>",
        ),
        (
            "case_story",
            {
                "quote": (
                    "Vi skrev tre mål i avtalen, og det første var bare å komme presis. Det "
                    "hørtes lite ut, men etter fire uker visste vi at han var til å stole på, "
                    "og da var resten mye lettere å lære bort. Nå har han fast stilling og "
                    "lærer opp den neste."
                ),
                "role": "lagerleder",
                "firm_type": "byggvarehandel med 28 ansatte",
            },
        ),
        ("heading", "Hva koster det bedriften?"),
        (
            "paragraph",
            "<p>Arbeidstrening koster bedriften først og fremst tid. Noen må lære bort, svare "
            "på spørsmål og følge opp, og det tar mer tid de første ukene enn de siste. Sett "
            "av tid til det i turnusen, ellers blir det den travleste kollegaen som tar "
            "jobben i tillegg til sin egen. I noen tilfeller kan NAV gi "
            '<a href="page:tilrettelegging-mentor-og-oppstart">mentortilskudd</a> som dekker '
            "noe av tiden en kollega bruker.</p>"
            "<p>Ved lønnstilskudd betaler dere lønn, og får en del av den dekket. Regn med "
            "at den nye medarbeideren trenger mer oppfølging enn andre en stund, og at det "
            "er nettopp det tilskuddet skal kompensere for. Mange bedrifter forteller at "
            "regnestykket går i pluss før tilskuddsperioden er over, fordi de har fått en "
            "stabil medarbeider de ellers ikke ville funnet.</p>",
        ),
        ("heading", "Når det ikke går som planlagt"),
        (
            "paragraph",
            "<p>Ikke alle perioder ender i en ansettelse, og det er ikke et nederlag. Noen "
            "finner ut at bransjen ikke passer, andre blir syke eller flytter. Det viktigste "
            "er at problemer tas opp tidlig. Ring veilederen i NAV eller tiltaksbedriften "
            "før det har gått for langt: de har sett det meste før, og kan ofte foreslå en "
            "enkel endring i oppgaver eller arbeidstid.</p>"
            "<p>Hvis perioden må avsluttes, gjør det ryddig. Si hva som fungerte, gi en "
            "ærlig referanse og tenk gjennom hva dere selv kan gjøre annerledes neste gang. "
            "Hvordan samarbeidet med NAV og tiltaksbedriften kan holdes i gang over tid, "
            'står i <a href="page:oppfolgingstrekanten">oppfølgingstrekanten</a>.</p>',
        ),
        ("heading", "Etter tilskuddsperioden"),
        (
            "paragraph",
            "<p>Målet med et midlertidig lønnstilskudd er en vanlig jobb når perioden er "
            "over. Begynn å snakke om det i god tid: Hva gjenstår før medarbeideren klarer "
            "jobben på lik linje med andre, og hva trenger dere for å beholde henne eller "
            "ham? Noen trenger fortsatt litt tilrettelegging, andre er klare for mer ansvar "
            "eller et fagbrev; se "
            '<a href="page:opplaering-kompetanselop-kurs-og-fagbrev">kompetanseløp, kurs og '
            "fagbrev</a>.</p>"
            "<p>For medarbeidere med varig nedsatt arbeidsevne kan varig lønnstilskudd være "
            "riktig. Da vurderes behovet jevnlig sammen med NAV. Alle tiltakene med vilkår "
            'og tilbydere finner du i <a href="page:tiltak">oversikten over '
            "inkluderingstiltak</a>.</p>",
        ),
        ("heading", "Vanlige spørsmål fra arbeidsgivere"),
        (
            "paragraph",
            "<p><b>Må vi ansette etter arbeidstreningen?</b> Nei. Men perioden bør ha et "
            "mål, og det beste målet er en jobb, hos dere eller et annet sted.</p>"
            "<p><b>Kan deltakeren jobbe fullt fra første dag?</b> Ofte er det lurt å starte "
            "med færre timer og øke gradvis. Det avtales med NAV og deltakeren.</p>"
            "<p><b>Hvem betaler hvis deltakeren blir syk?</b> På arbeidstrening får "
            "deltakeren fortsatt ytelsen sin fra NAV. Ved lønnstilskudd gjelder de vanlige "
            "reglene for sykepenger, som for andre ansatte.</p>"
            "<p><b>Kan vi få lønnstilskudd for en vi allerede har ansatt?</b> Som hovedregel "
            "må tilskuddet avtales før ansettelsen. Snakk med NAV før dere skriver "
            "arbeidsavtalen.</p>"
            "<p><b>Hva om det ikke fungerer?</b> Ta kontakt med NAV tidlig. Avtalen kan "
            "endres eller avsluttes, og dere står ikke alene med det.</p>",
        ),
        (
            "measure",
            {
                "measure": "arbeidstrening",
                "note": (
                    "En utprøving uten ansettelse, der deltakeren beholder ytelsen sin fra NAV."
                ),
            },
        ),
        (
            "measure",
            {
                "measure": "midlertidig-lonnstilskudd",
                "note": (
                    "For deg som vil ansette, men trenger støtte mens den nye medarbeideren "
                    "lærer seg jobben."
                ),
            },
        ),
        (
            "measure",
            {
                "measure": "varig-lonnstilskudd",
                "note": (
                    "For medarbeidere med varig nedsatt arbeidsevne, der behovet for støtte ikke "
                    "går over."
                ),
            },
        ),
        (
            "paragraph",
            "<p>Hvem du bør snakke med før du søker, står i <a "
            'href="page:hvem-kan-hjelpe">Hvem kan hjelpe?</a>. Hvordan du '
            "tilrettelegger de første ukene, og hva en mentor kan gjøre, står i <a "
            'href="page:tilrettelegging-mentor-og-oppstart">tilrettelegging, mentor '
            "og oppstart</a>.</p>",
        ),
        (
            "checklist",
            {
                "title": "Før avtalen signeres",
                "items": [
                    "Beskriv arbeidsoppgavene og hva deltakeren skal lære.",
                    "Avklar med NAV hvilket tiltak som passer, og hvor lenge det kan vare.",
                    "Utpek en kontaktperson i bedriften og sett av tid til oppfølging.",
                    "Bli enige om hvordan og hvor ofte dere skal evaluere.",
                    "Tenk gjennom hva som skal til for at perioden kan ende i en ansettelse.",
                    "Sjekk gjeldende regler og satser på nav.no.",
                ],
            },
        ),
        (
            "reflection",
            {
                "question": (
                    "Hvilke arbeidsoppgaver hos dere kunne passet for en person på "
                    "arbeidstrening, og hva måtte til for at det ble en fast stilling etterpå?"
                ),
                "guidance": (
                    "Tenk på oppgaver som er viktige, men som ofte blir liggende. En god "
                    "arbeidstrening gir reell erfaring og leder helst fram mot en jobb, ikke bare "
                    "til en midlertidig ekstra hånd."
                ),
            },
        ),
    ],
}


TILRETTELEGGING_OG_MENTOR = {
    "slug": "tilrettelegging-mentor-og-oppstart",
    "title": "Tilrettelegging, mentor og hvordan dere kommer i gang",
    "intro": (
        "Små tilpasninger og god oppfølging avgjør ofte om et arbeidsforhold lykkes. Her ser vi "
        "på inkluderingstilskudd, hjelpemidler og mentortilskudd, og på hvordan dere tar den "
        "første kontakten med NAV."
    ),
    "learning_goals": [
        "Du vet hva inkluderingstilskudd og hjelpemidler kan brukes til.",
        "Du kan forklare hvordan en mentor kan støtte en ny medarbeider.",
        "Du kjenner stegene for å komme i gang med NAV.",
    ],
    "minutes": 30,
    "target_groups": [
        "nedsatt-funksjonsevne",
        "psykiske-helseutfordringer",
        "unge-med-hull-i-cv",
    ],
    "body": [
        ("heading", "Tilrettelegging er ofte enklere enn du tror"),
        (
            "paragraph",
            "<p>Når arbeidsgivere hører ordet tilrettelegging, ser mange for seg dyre "
            "ombygginger. I praksis handler det oftest om små grep: en annen arbeidstid, en fast "
            "plass i et roligere hjørne, en skriftlig sjekkliste, et justerbart bord eller et "
            "dataprogram som leser opp tekst. Slike tilpasninger koster lite, men kan bety svært "
            "mye for den det gjelder.</p>"
            "<p>Gir tilretteleggingen bedriften ekstra utgifter, kan dere søke NAV om "
            "<b>inkluderingstilskudd</b>. Det skal dekke merkostnader når dere ansetter eller tar "
            "inn en person som trenger tilpasning, for eksempel utstyr eller tilpasset "
            "programvare. Søk før utgiftene påløper, og ta vare på kvitteringene. Ved mer varige "
            "og personlige behov, som spesialutstyr for en person med nedsatt funksjonsevne, kan "
            "NAV hjelpe med hjelpemidler på arbeidsplassen.</p>",
        ),
        ("heading", "Mentor: en kollega med tid"),
        (
            "paragraph",
            "<p>Den viktigste ressursen i inkluderingsarbeidet er ofte en erfaren kollega som "
            "viser vei. Med mentortilskudd kan NAV dekke en del av tiden en ansatt bruker på å "
            "lære opp, veilede og støtte en person på arbeidstrening, med lønnstilskudd eller i "
            "en vanlig stilling. En god mentor er tålmodig, tydelig og tilgjengelig, og vet når "
            "det er lurt å ta kontakt med lederen eller NAV.</p>"
            "<p>Husk at også mentoren trenger støtte. Avtal hvor mye tid som skal settes av, og "
            "la mentoren slippe noen andre oppgaver i perioden.</p>",
        ),
        (
            "case_story",
            {
                "quote": (
                    "Den nye montøren vår hørte dårlig, og vi var redde for at det ville bli "
                    "vanskelig på travle byggeplasser. Løsningen ble et hjelpemiddel via NAV og "
                    "en mentor fra eget arbeidslag. Etter et halvt år er det ingen som lurer på "
                    "om det fungerer lenger."
                ),
                "role": "prosjektleder",
                "firm_type": "elektrofirma med 25 ansatte",
            },
        ),
        (
            "measure",
            {
                "measure": "inkluderingstilskudd",
                "note": (
                    "Dekker merutgifter til tilrettelegging når dere tar inn en person som "
                    "trenger det. Søk før utgiftene kommer."
                ),
            },
        ),
        (
            "measure",
            {
                "measure": "mentor",
                "note": (
                    "Gir en kollega tid til opplæring og støtte, slik at det ikke går ut over "
                    "den daglige driften."
                ),
            },
        ),
        (
            "measure",
            {
                "measure": "hjelpemidler-arbeidsplassen",
                "note": (
                    "For personlige og mer varige behov, for eksempel ved nedsatt hørsel, syn "
                    "eller bevegelighet."
                ),
            },
        ),
        ("heading", "Slik kommer dere i gang"),
        (
            "paragraph",
            "<p>Det første steget er en telefon eller en e-post. Slik går mange fram:</p>"
            "<ul>"
            "<li>Ring NAVs telefonlinje for arbeidsgivere, eller ta kontakt med markedskontakten "
            "på NAV-kontoret i kommunen. Kontaktinformasjonen finner du på nav.no.</li>"
            "<li>Fortell hvilke oppgaver dere har, hvilken kompetanse dere trenger og om dere er "
            "åpne for en bestemt målgruppe.</li>"
            "<li>Møt kandidaten, gjerne sammen med en veileder fra NAV eller en "
            "tiltaksarrangør.</li>"
            "<li>Bli enige om tiltak, tilrettelegging og oppfølging, og skriv det ned i en "
            "avtale.</li>"
            "<li>Evaluer underveis, og si fra tidlig hvis noe ikke fungerer.</li>"
            "</ul>"
            "<p>Reglene for tilskudd endres fra tid til annen. Sjekk derfor alltid gjeldende "
            "vilkår på nav.no før dere legger planer.</p>",
        ),
        (
            "paragraph",
            "<p>En god oppstart begynner med en plan. Bruk malen i <a "
            'href="page:opplaering-plan-for-de-forste-ukene">En plan for de første '
            "ukene</a>, og les om <a "
            'href="page:malgruppe-funksjonsevne-og-psykisk-helse">tilrettelegging '
            "ved nedsatt funksjonsevne og psykiske helseutfordringer</a> hvis det "
            "er aktuelt for dere.</p>",
        ),
        (
            "checklist",
            {
                "title": "Klar for første samtale med NAV",
                "items": [
                    "Vi har en kort beskrivelse av oppgavene vi trenger hjelp til.",
                    "Vi vet hvem i bedriften som kan være mentor eller kontaktperson.",
                    "Vi har tenkt gjennom hvilke tilpasninger vi kan tilby.",
                    "Vi har skrevet ned spørsmål om tilskudd og oppfølging.",
                    "Vi har funnet kontaktinformasjonen til NAV på nav.no.",
                ],
            },
        ),
        (
            "reflection",
            {
                "question": (
                    "Hvem hos dere kunne vært en god mentor, og hva trenger den personen for å "
                    "lykkes i rollen?"
                ),
                "guidance": (
                    "Tenk på egenskaper som tålmodighet og evne til å forklare, ikke bare faglig "
                    "dyktighet. Spør gjerne kollegaen selv hva som skal til."
                ),
            },
        ),
    ],
}


LESSONS = {
    "attitudes": [
        HVORFOR_INKLUDERE,
        FORDOMMER_OG_SMITTEEFFEKT,
        LEDELSE_OG_ARBEIDSMILJO,
    ],
    "measures": [
        HVEM_KAN_HJELPE,
        LONNSTILSKUDD_OG_ARBEIDSTRENING,
        TILRETTELEGGING_OG_MENTOR,
    ],
}
