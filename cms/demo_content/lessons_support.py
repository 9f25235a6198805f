"""Lessons for the area "support" (støtte og samarbeid), in bokmål.

Pure data, no Django imports. See the package docstring for the format.
All people in the case stories are fictional and named only by role.
"""

LESSONS = {
    "support": [
        {
            "slug": "hvem-kan-hjelpe-deg",
            "title": "Hvem kan hjelpe deg? Samarbeid med NAV og arbeidsinkluderingsbedriftene",
            "intro": (
                "Du trenger ikke kunne hele hjelpeapparatet selv. Her lærer du hvem du "
                "ringer, hva markedskontakten i NAV kan gjøre for deg, og hvordan "
                "arbeidsinkluderingsbedriftene kan bli en fast støttespiller."
            ),
            "learning_goals": [
                "Du vet hvilke aktører i Asker som kan hjelpe bedriften med inkludering, og hva de gjør.",
                "Du kan forberede en første samtale med markedskontakten i NAV.",
                "Du kjenner fordelene ved å ha én fast kontaktperson på begge sider.",
            ],
            "minutes": 25,
            "target_groups": [],
            "body": [
                ("heading", "Du trenger ikke kunne alt selv"),
                (
                    "paragraph",
                    "<p>Mange ledere i små bedrifter forteller det samme: de har lyst til å "
                    "gi noen en sjanse, men hjelpeapparatet virker uoversiktlig. Den gode "
                    "nyheten er at du ikke trenger å kunne systemet. Din jobb er å "
                    "vite hvem du skal ringe, og å være tydelig på hva bedriften trenger.</p>"
                    "<p>Inkludering lykkes best når flere fagmiljøer og sektorer drar i "
                    "samme retning. Det kalles gjerne tverrfaglig og tverrsektorielt "
                    "samarbeid. I praksis betyr det at du som arbeidsgiver står sammen med "
                    "folk som kan arbeidsmarked, helse, opplæring og oppfølging. I Asker er "
                    "dette de viktigste:</p>"
                    "<ul>"
                    "<li><b>NAV Asker</b> – kandidater, lønnstilskudd, arbeidstrening, "
                    "mentor og oppfølging.</li>"
                    "<li><b>Arbeidsinkluderingsbedrifter</b> som Asker Produkt – "
                    "avklaring, arbeidstrening og tett oppfølging av deltakere.</li>"
                    "<li><b>Asker kommune</b> – introduksjonsprogrammet og kontakt med "
                    "flyktningtjenesten.</li>"
                    "<li><b>Fontenehuset Asker</b> – støtte til mennesker med psykiske "
                    "helseutfordringer, blant annet gjennom overgangsarbeid.</li>"
                    "</ul>",
                ),
                ("heading", "Markedskontakten i NAV – døren inn"),
                (
                    "paragraph",
                    "<p>De fleste NAV-kontorer har egne medarbeidere som jobber mot "
                    "arbeidsgivere, ofte kalt markedskontakter. De kjenner jobbsøkerne, "
                    "tiltakene og regelverket, og kan hjelpe deg fra første telefon til "
                    "etter at noen er ansatt. Vet du ikke hvem du skal ringe, kan du bruke "
                    "NAVs arbeidsgivertelefon, 55 55 33 36, og be om å bli satt i kontakt "
                    "med NAV Asker.</p>"
                    "<p>Start med bedriftens behov, ikke med tiltakene. Fortell hvilke "
                    "oppgaver som ligger og venter, hvilke arbeidstider dere har, og hva "
                    "som faktisk er viktig for å lykkes i jobben. Da kan markedskontakten "
                    "lete bredt etter kandidater og foreslå riktig ordning, for eksempel "
                    "arbeidstrening først og deretter ansettelse med lønnstilskudd.</p>",
                ),
                (
                    "case_story",
                    {
                        "quote": (
                            "Jeg ringte NAV for å spørre om én eneste ting, og var sikker på "
                            "at jeg ville bli sendt rundt. I stedet fikk jeg en fast kontakt "
                            "som kom på besøk, så verkstedet vårt og kom tilbake med to "
                            "kandidater. Den ene har vært hos oss i over et år nå."
                        ),
                        "role": "daglig leder",
                        "firm_type": "rørleggerfirma med 9 ansatte i Lier",
                    },
                ),
                ("heading", "Arbeidsinkluderingsbedriftene som samarbeidspartner"),
                (
                    "paragraph",
                    "<p>Arbeidsinkluderingsbedriftene har inkludering som sitt fag. De har "
                    "veiledere som kjenner deltakerne godt, ofte etter uker eller måneder "
                    "med arbeidstrening i eget verksted, kjøkken eller butikk. Når en "
                    "deltaker er klar for en vanlig arbeidsplass, følger veilederen med. Det "
                    "gir deg en samarbeidspartner som kan svare på spørsmål, hjelpe med "
                    "opplæringen og stille opp hvis noe skjærer seg.</p>"
                    "<p>Avklar roller tidlig: Hvem gjør hva, hvem ringer hvem, og hvor ofte "
                    "møtes dere? Utnevn én kontaktperson i egen bedrift, gjerne nærmeste "
                    "leder. Husk også at du ikke trenger helseopplysninger. Det du trenger "
                    "å vite, er hva som skal til for at personen skal lykkes i jobben.</p>",
                ),
                (
                    "measure",
                    {
                        "measure": "oppfolging",
                        "note": (
                            "Gir deg en fast oppfølger fra NAV eller en tiltaksleverandør som "
                            "støtter både deg og den nye medarbeideren."
                        ),
                    },
                ),
                (
                    "measure",
                    {
                        "measure": "arbeidsforberedende-trening",
                        "note": (
                            "En vei inn til bedriften din for deltakere som først har trent "
                            "hos en arbeidsinkluderingsbedrift."
                        ),
                    },
                ),
                (
                    "paragraph",
                    "<p>Hva de ulike aktørene kan tilby av tiltak, står i <a "
                    'href="page:hvem-kan-hjelpe">Hvem kan hjelpe?</a> under Tiltak og '
                    "virkemidler. Hvordan samarbeidet holdes i gang over tid, står i <a "
                    'href="page:oppfolgingstrekanten">oppfølgingstrekanten</a>.</p>',
                ),
                (
                    "checklist",
                    {
                        "title": "Før den første samtalen med NAV",
                        "items": [
                            "Skriv ned hvilke oppgaver som trenger hender, og hvor mange timer i uken.",
                            "Bestem hvem i bedriften som skal være fast kontaktperson.",
                            "Tenk gjennom hva som er absolutte krav, og hva som kan læres på jobben.",
                            "Noter hvilke tider og dager dere kan tilby.",
                            "Spør om navn og direkte nummer til den som skal følge dere opp.",
                            "Avtal når dere skal snakkes igjen.",
                        ],
                    },
                ),
                (
                    "reflection",
                    {
                        "question": (
                            "Hvilken oppgave i bedriften din blir ofte liggende, og som en ny "
                            "person kunne lært seg med god opplæring?"
                        ),
                        "guidance": (
                            "Tenk konkret: lager, kundeservice, rengjøring, pakking, enkle "
                            "administrative oppgaver. En tydelig oppgave er det beste "
                            "utgangspunktet for en god samtale med NAV."
                        ),
                    },
                ),
            ],
        },
        {
            "slug": "oppfolgingstrekanten",
            "title": "Oppfølgingstrekanten: arbeidsgiver, medarbeider og støtteapparat",
            "intro": (
                "En god start er ikke nok; det er oppfølgingen som gjør at ansettelsen "
                "varer. Her lærer du hvordan arbeidsgiver, medarbeider og NAV eller "
                "arbeidsinkluderingsbedriften kan jobbe sammen, og hva du gjør når det "
                "butter."
            ),
            "learning_goals": [
                "Du kjenner rollene i oppfølgingstrekanten og hvem som har ansvar for hva.",
                "Du kan planlegge og gjennomføre korte, faste oppfølgingssamtaler.",
                "Du vet hvilke tegn du bør reagere på, og hvem du kontakter når det blir vanskelig.",
            ],
            "minutes": 30,
            "target_groups": [
                "psykiske-helseutfordringer",
                "nedsatt-funksjonsevne",
                "unge-med-hull-i-cv",
            ],
            "body": [
                ("heading", "Tre parter, ett felles mål"),
                (
                    "paragraph",
                    "<p>Når en person kommer inn i bedriften gjennom et tiltak, er det "
                    "nesten alltid tre parter involvert: deg som arbeidsgiver, den nye "
                    "medarbeideren og en oppfølger fra NAV, en arbeidsinkluderingsbedrift "
                    "eller for eksempel en jobbspesialist. Vi kaller det "
                    "oppfølgingstrekanten. Hver part har sin rolle:</p>"
                    "<ul>"
                    "<li><b>Du som arbeidsgiver</b> har ansvaret for hverdagen: opplæring, "
                    "arbeidsoppgaver, tilbakemeldinger og et godt arbeidsmiljø.</li>"
                    "<li><b>Medarbeideren</b> sier fra om hva som fungerer og ikke, og "
                    "deltar aktivt i å finne løsninger.</li>"
                    "<li><b>Oppfølgeren</b> kjenner regelverket og personen, og kan bidra "
                    "med råd, tilpasninger og en nøytral stemme når noe er vanskelig.</li>"
                    "</ul>"
                    "<p>Trekanten fungerer bare når alle tre snakker sammen.</p>",
                ),
                (
                    "paragraph",
                    "<p>Start med et oppstartsmøte der dere går gjennom mål, oppgaver, "
                    "arbeidstid, hvem som er kontaktperson på jobben og hvordan dere gjør "
                    "det ved sykdom. Skriv ned det dere blir enige om, gjerne på én side. "
                    "Deretter gjelder én enkel regel: hyppig og kort i starten, sjeldnere "
                    "etter hvert. En kvart time hver uke de første ukene er ofte nok. Spør "
                    "hva som har gått bra, hva som har vært vanskelig, og hva dere skal "
                    "prøve fram til neste gang.</p>",
                ),
                (
                    "case_story",
                    {
                        "quote": (
                            "Vi hadde en fast prat hver fredag klokka to, bare ti minutter. "
                            "Da det begynte å gå tyngre etter et par måneder, fanget vi det "
                            "opp tidlig. Vi ringte oppfølgeren, flyttet noen skift og gjorde "
                            "dagene litt kortere en periode. I dag jobber hun nesten full "
                            "stilling og lærer opp de nye."
                        ),
                        "role": "daglig leder",
                        "firm_type": "kafé med 14 ansatte i Asker sentrum",
                    },
                ),
                ("heading", "Når det butter"),
                (
                    "paragraph",
                    "<p>Alle nyansettelser har tunge perioder. Tegn du bør ta på alvor, er for eksempel økende fravær, "
                    "at avtaler ikke holdes, at personen trekker seg unna kollegene, eller "
                    "at du selv merker at tålmodigheten tynnes ut. Vent ikke til neste "
                    "planlagte møte. Ta en rolig prat med medarbeideren, beskriv det du ser "
                    "uten å tolke det, og spør hva som kan hjelpe.</p>"
                    "<p>Ring deretter oppfølgeren. Det er nettopp for slike situasjoner "
                    "trekanten finnes. Ofte kan små grep gjøre stor forskjell: kortere dager "
                    "en periode, andre oppgaver, en fast kollega som mentor eller en "
                    "tydeligere plan for uka. Står dere fast i et lengre sykefravær, kan "
                    "NAV gi tilskudd til ekspertbistand. Og noen ganger er riktig løsning "
                    "å avslutte. Gjør det i så fall ordentlig, sammen med oppfølgeren, og "
                    "gi personen en referanse på det som fungerte.</p>",
                ),
                (
                    "measure",
                    {
                        "measure": "mentor",
                        "note": (
                            "En kollega med avsatt tid til veiledning avlaster lederen og gir "
                            "medarbeideren en trygg person å spørre."
                        ),
                    },
                ),
                (
                    "measure",
                    {
                        "measure": "ekspertbistand",
                        "note": (
                            "Aktuelt når sykefraværet blir langt eller hyppig og dere har "
                            "prøvd det dere kan på egen hånd."
                        ),
                    },
                ),
                (
                    "measure",
                    {
                        "measure": "individuell-jobbstotte",
                        "note": (
                            "Med IPS har du en jobbspesialist i trekanten som følger opp så "
                            "lenge det trengs."
                        ),
                    },
                ),
                (
                    "paragraph",
                    "<p>Oppfølgingen bygger på en god plan fra første dag; se <a "
                    'href="page:opplaering-plan-for-de-forste-ukene">En plan for de første '
                    "ukene</a>. Erfaringer fra andre bedrifter får du i <a "
                    'href="page:nettverk-mellom-bedrifter">nettverk mellom '
                    "bedrifter</a>.</p>",
                ),
                (
                    "checklist",
                    {
                        "title": "Oppfølging som virker",
                        "items": [
                            "Hold et oppstartsmøte med alle tre parter og skriv ned avtalene.",
                            "Sett av faste, korte samtaler, tettest de første ukene.",
                            "Ha navn og nummer til oppfølgeren lett tilgjengelig.",
                            "Gi tilbakemelding ofte, både på det som går bra og det som må endres.",
                            "Ta kontakt tidlig når du ser tegn til at noe butter.",
                            "Evaluer sammen før et tiltak utløper, og planlegg neste steg.",
                        ],
                    },
                ),
                (
                    "reflection",
                    {
                        "question": (
                            "Hvordan ville du tatt opp en bekymring med en ny medarbeider "
                            "uten at det føles som en anklage?"
                        ),
                        "guidance": (
                            "Prøv å formulere to setninger der du beskriver konkret hva du "
                            "har sett, og deretter spør hva som kan hjelpe. Unngå å gjette "
                            "på årsaker."
                        ),
                    },
                ),
                (
                    "reflection",
                    {
                        "question": (
                            "Hvem i bedriften din kunne vært en god mentor, og hva trenger "
                            "den personen fra deg for å lykkes?"
                        ),
                        "guidance": (
                            "Tenk på tid, anerkjennelse og noen å rådføre seg med."
                        ),
                    },
                ),
            ],
        },
        {
            "slug": "nettverk-mellom-bedrifter",
            "title": "Nettverk mellom bedrifter: del erfaringer og bygg en sosial profil",
            "intro": (
                "Bedrifter lærer mest av andre bedrifter. Her ser vi på hvordan nettverk, "
                "næringsforeningen og sertifiseringen i Sosial Profil kan gjøre "
                "inkluderingsarbeidet lettere og mer synlig."
            ),
            "learning_goals": [
                "Du forstår hvorfor erfaringsdeling mellom bedrifter endrer holdninger.",
                "Du vet hvordan næringsforeningen og lokale nettverk kan støtte inkluderingsarbeidet.",
                "Du kan forklare hvordan sertifiseringen kan bli et kvalitetsstempel, også i offentlige anskaffelser.",
            ],
            "minutes": 15,
            "target_groups": [],
            "body": [
                ("heading", "Vi lærer best av hverandre"),
                (
                    "paragraph",
                    "<p>Undersøkelser blant bedrifter viser at mange har gode erfaringer med "
                    "inkludering, men at erfaringene sjelden blir delt. Det er synd, for "
                    "ingenting overbeviser en skeptisk leder bedre enn en annen leder som "
                    "forteller hvordan det faktisk gikk. Når positive erfaringer deles, "
                    "sprer holdningene seg, og terskelen for å prøve blir lavere.</p>"
                    "<p>Nettverk gir også praktisk hjelp. En bedrift som har brukt "
                    "lønnstilskudd, vet hvordan refusjonen fungerer. En annen har gode "
                    "rutiner for opplæring av folk med lite norsk. Noen ganger kan to "
                    "bedrifter dele en kandidat, for eksempel en i rolig sesong hos den ene "
                    "og travel sesong hos den andre.</p>",
                ),
                ("heading", "Sertifisering som kvalitetsstempel"),
                (
                    "paragraph",
                    "<p>Sertifiseringen i Sosial Profil viser at bedriften har tilegnet seg "
                    "kunnskap om inkludering og tar samfunnsansvar på alvor. Målet er at den "
                    "skal bli et anerkjent kvalitetsstempel, også i offentlige anskaffelser. "
                    "Offentlige innkjøpere kan allerede i dag legge vekt på sosiale hensyn, "
                    "og en dokumentert sosial profil kan bli et konkurransefortrinn. "
                    "Sertifiseringen er foreløpig ikke en norsk standard, og innholdet "
                    "utvikles videre.</p>"
                    "<p>Bruk sertifiseringen aktivt: Fortell om den på nettsiden, i tilbud "
                    "og når dere rekrutterer. Mange arbeidssøkere, også de som ikke trenger "
                    "tiltak, vil gjerne jobbe i en bedrift som gir folk en sjanse.</p>",
                ),
                (
                    "measure",
                    {
                        "measure": "jobbasker-mentorprogram",
                        "note": (
                            "En konkret måte å bidra på gjennom næringsforeningen: bli mentor "
                            "og del nettverket ditt."
                        ),
                    },
                ),
                (
                    "measure",
                    {
                        "measure": "varig-tilrettelagt-arbeid",
                        "note": (
                            "Innkjøp og oppdrag til arbeidsinkluderingsbedrifter gir varig "
                            "arbeid og er lett å komme i gang med."
                        ),
                    },
                ),
                (
                    "paragraph",
                    "<p>Nettverket er et godt sted å dele erfaringer om <a "
                    'href="page:fordommer-og-smitteeffekt">holdninger og smitteeffekt</a>. '
                    "Hele verktøykassen finner du under <a "
                    'href="page:verktoykasse">Verktøykassen</a>.</p>',
                ),
                (
                    "checklist",
                    {
                        "title": "Slik bygger du nettverk for inkludering",
                        "items": [
                            "Finn to eller tre bedrifter i nærheten som også jobber med inkludering.",
                            "Avtal et fast treffpunkt, for eksempel en frokost hvert kvartal.",
                            "Del både det som gikk bra og det som var vanskelig.",
                            "Delta på møteplassene til Asker Næringsforening.",
                            "Vurder å bli mentor i JobbAsker eller et lignende program.",
                            "Vis fram sertifiseringen på nettsiden og i tilbud.",
                        ],
                    },
                ),
                (
                    "reflection",
                    {
                        "question": (
                            "Hvilken erfaring fra din egen bedrift, god eller dårlig, ville "
                            "vært mest nyttig for en annen leder å høre om?"
                        ),
                        "guidance": (
                            "Tenk på et konkret øyeblikk. Historier om hva dere gjorde "
                            "annerledes etter et feilsteg, er ofte de mest lærerike."
                        ),
                    },
                ),
            ],
        },
    ]
}
