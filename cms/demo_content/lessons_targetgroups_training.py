"""Lessons for the areas "target_groups" (målgrupper) and "training" (opplæring).

Original Norwegian (bokmål) text. Facts come from the seed documents and
well-known public facts about NAV's measures; people in the case stories are
fictional and named only by role. Readers are told to check nav.no or the
municipality for current rules.
"""

LESSONS = {
    "target_groups": [
        # ------------------------------------------------------------------
        {
            "slug": "malgruppe-unge-med-hull-i-cv",
            "title": "Unge med hull i CV-en",
            "intro": (
                "Mange unge har falt ut av skole eller jobb og har tomme felt i CV-en. "
                "Her lærer du å se forbi hullet, møte den unge på en god måte og bruke "
                "hjelpen fra NAV til å komme i gang."
            ),
            "learning_goals": [
                "Du kan forklare hvorfor et hull i CV-en sjelden sier noe om hva en ung person kan bidra med.",
                "Du vet hvordan du kan legge opp intervju og oppstart slik at unge får en reell sjanse.",
                "Du kjenner til tiltak fra NAV som gjør det tryggere å prøve.",
            ],
            "minutes": 25,
            "target_groups": ["unge-med-hull-i-cv"],
            "body": [
                ("heading", "Hva skjuler seg bak et hull i CV-en?"),
                (
                    "paragraph",
                    "<p>Et hull i CV-en er en periode der det ikke står noe: ingen skole, "
                    "ingen jobb, ingen kurs. Mange arbeidsgivere ser hullet som et "
                    "faresignal. Men bak de tomme månedene ligger det som regel helt "
                    "vanlige forklaringer. Noen sluttet på videregående fordi skolen ikke "
                    "passet for dem. Noen har hatt det vanskelig hjemme, noen har slitt "
                    "med angst eller døgnrytme, og andre har sendt mange søknader uten "
                    "svar og til slutt gitt opp.</p>"
                    "<p>Det de fleste har til felles, er at de vil ha en jobb og et sted "
                    "å høre til. Det som mangler, er ofte erfaring, referanser og en "
                    "arbeidsgiver som tør å gi dem den første sjansen. Nettopp her kan "
                    "en liten bedrift utgjøre en stor forskjell.</p>",
                ),
                ("heading", "Møt personen, ikke papiret"),
                (
                    "paragraph",
                    "<p>Når du intervjuer en ung person med lite erfaring, får du mer ut "
                    "av å snakke om interesser og hverdag enn om vitnemål. Spør hva "
                    "personen liker å holde på med, hva de har fått til tidligere, og "
                    "hva slags arbeid de kunne tenke seg å prøve. Erfaring fra idrett, "
                    "dugnad, frivillig arbeid, ansvar for yngre søsken eller en "
                    "sommerjobb kan si mye om pålitelighet og samarbeid.</p>"
                    "<p>Du trenger ikke å vite hvorfor hullet oppsto. Det er greit å "
                    "spørre åpent, for eksempel «Hva har du brukt tiden på det siste "
                    "året?», men la personen selv bestemme hvor mye de vil fortelle. "
                    "Mange unge er nervøse og sier lite i starten. Det betyr ikke at de "
                    "mangler motivasjon.</p>",
                ),
                (
                    "case_story",
                    {
                        "quote": (
                            "Vi tok inn en gutt på 20 som hadde sittet hjemme i nesten to år. "
                            "De første ukene kom han presis hver dag, men sa nesten ingenting. "
                            "Vi ga ham faste oppgaver med dekkskift og klargjøring av biler, og "
                            "en av mekanikerne ble veileder for ham. Etter tre måneder var det "
                            "han som viste de nye hvordan vi gjør ting. Nå jobber vi mot at han "
                            "skal få læreplass hos oss."
                        ),
                        "role": "daglig leder",
                        "firm_type": "bilverksted i Asker med 8 ansatte",
                    },
                ),
                ("heading", "En trygg start gir mot"),
                (
                    "paragraph",
                    "<p>Unge som har vært lenge utenfor, trenger ofte mer struktur enn "
                    "andre nyansatte. Det handler ikke om å senke kravene, men om å gjøre "
                    "dem tydelige. Gode grep er:</p>"
                    "<ul>"
                    "<li><b>Faste tider og faste oppgaver</b> de første ukene, slik at "
                    "dagen blir forutsigbar.</li>"
                    "<li><b>Én fast veileder</b> som den unge kan spørre om alt.</li>"
                    "<li><b>Korte samtaler ofte</b> i stedet for én lang evaluering etter "
                    "flere måneder.</li>"
                    "<li><b>Ros for konkret innsats</b>, ikke bare for resultatet.</li>"
                    "</ul>"
                    "<p>Inkludering av unge er også en investering i egen rekruttering. "
                    "Mange bransjer mangler fagfolk, og en ung person som får god "
                    "opplæring hos dere, kan bli en lojal medarbeider i mange år.</p>",
                ),
                (
                    "measure",
                    {
                        "measure": "ungdomsinnsatsen",
                        "note": (
                            "NAV prioriterer unge under 30 år med tett oppfølging. Si fra til "
                            "NAV Asker at dere kan ta imot unge, så kan de foreslå kandidater "
                            "og følge opp underveis."
                        ),
                    },
                ),
                (
                    "measure",
                    {
                        "measure": "arbeidstrening",
                        "note": (
                            "Med arbeidstrening kan den unge prøve seg hos dere uten at dere "
                            "betaler lønn. Personen får erfaring og en referanse, og dere blir "
                            "kjent før dere vurderer ansettelse."
                        ),
                    },
                ),
                (
                    "measure",
                    {
                        "measure": "midlertidig-lonnstilskudd",
                        "note": (
                            "Vil dere ansette, kan NAV i en periode dekke en del av lønnen mens "
                            "den unge kommer opp i tempo. Sjekk gjeldende satser og vilkår på "
                            "nav.no."
                        ),
                    },
                ),
                (
                    "paragraph",
                    "<p>Mange unge starter med <a "
                    'href="page:lonnstilskudd-og-arbeidstrening">arbeidstrening</a> og får '
                    "etter hvert et fagbrev. Hvordan det kan gå til, står i <a "
                    'href="page:opplaering-kompetanselop-kurs-og-fagbrev">kompetanseløp, '
                    "kurs og fagbrev</a>. Se også de andre <a "
                    'href="page:malgrupper">målgruppene</a>.</p>',
                ),
                (
                    "checklist",
                    {
                        "title": "Før en ung person starter hos dere",
                        "items": [
                            "Bestem hvem som skal være fast veileder, og sett av tid i kalenderen.",
                            "Lag en enkel oversikt over oppgaver for de to første ukene.",
                            "Avtal tydelig arbeidstid og hvem personen skal melde fra til ved sykdom eller forsinkelse.",
                            "Sett opp et kort oppfølgingsmøte etter første uke, gjerne sammen med NAV.",
                            "Fortell kollegene at en ny person kommer, og hvordan de kan bidra til en god start.",
                        ],
                    },
                ),
                (
                    "reflection",
                    {
                        "question": (
                            "Tenk på din egen første jobb. Hvem ga deg sjansen, og hva gjorde "
                            "de som hjalp deg i gang?"
                        ),
                        "guidance": (
                            "Ofte var det små ting som gjorde forskjellen: noen som forklarte, "
                            "viste tillit eller tålte en feil. Hvordan kan dere gjøre det "
                            "samme for en ung person?"
                        ),
                    },
                ),
            ],
        },
        # ------------------------------------------------------------------
        {
            "slug": "malgruppe-funksjonsevne-og-psykisk-helse",
            "title": "Nedsatt funksjonsevne og psykisk helse: se det personen kan",
            "intro": (
                "Mange med nedsatt funksjonsevne eller psykiske helseutfordringer kan og vil "
                "jobbe. Her lærer du hva du som arbeidsgiver trenger å vite, hva du ikke skal "
                "spørre om, og hvorfor tilrettelegging ofte er enklere enn du tror."
            ),
            "learning_goals": [
                "Du vet at helseopplysninger og diagnoser er private, og hva du kan spørre om i stedet.",
                "Du kan snakke om arbeidsevne og tilrettelegging med utgangspunkt i oppgavene, ikke i diagnoser.",
                "Du kjenner til hjelpemidler, tilskudd og jobbstøtte som gjør tilrettelegging lettere.",
            ],
            "minutes": 30,
            "target_groups": ["nedsatt-funksjonsevne", "psykiske-helseutfordringer"],
            "body": [
                ("heading", "To grupper – svært mange ulike mennesker"),
                (
                    "paragraph",
                    "<p>Nedsatt funksjonsevne kan bety mye forskjellig: svekket syn eller "
                    "hørsel, bevegelseshemning, kroniske smerter, utviklingshemning, "
                    "lese- og skrivevansker eller nevrologiske tilstander. Psykiske "
                    "helseutfordringer spenner fra perioder med angst og depresjon til mer "
                    "alvorlige lidelser. Mange har erfaring med begge deler. Det viktigste "
                    "å ta med seg er at en diagnose aldri forteller deg hva et bestemt "
                    "menneske kan gjøre i en bestemt jobb.</p>"
                    "<p>Mange i disse gruppene har utdanning, erfaring og sterk arbeidslyst. "
                    "Det som holder dem utenfor, er ofte usikkerhet hos arbeidsgiverne – "
                    "ikke hva de faktisk kan.</p>",
                ),
                ("heading", "Hva du ikke skal spørre om"),
                (
                    "paragraph",
                    "<p>Helse er privat. Arbeidsmiljøloven setter klare grenser for hvilke "
                    "helseopplysninger en arbeidsgiver kan be om fra jobbsøkere: bare det "
                    "som er nødvendig for å utføre oppgavene i stillingen. Du skal altså "
                    "ikke spørre hvilken diagnose personen har, hvilke medisiner de tar "
                    "eller om de har vært innlagt.</p>"
                    "<p>Spør heller om jobben:</p>"
                    "<ul>"
                    "<li>«Dette er oppgavene i stillingen. Er det noe her du tror kan bli "
                    "krevende?»</li>"
                    "<li>«Er det noe vi kan legge til rette for, slik at du kan gjøre en god "
                    "jobb?»</li>"
                    "<li>«Hvordan vil du helst få beskjeder og tilbakemeldinger?»</li>"
                    "</ul>"
                    "<p>Hvis personen selv velger å fortelle om helsen sin, skal du "
                    "behandle det fortrolig. Avtal sammen hva kollegene eventuelt skal få "
                    "vite, og hva de ikke skal vite.</p>",
                ),
                (
                    "case_story",
                    {
                        "quote": (
                            "Hun som kom til oss via en jobbspesialist, ville ikke snakke om "
                            "helsen sin, og det var helt greit. Vi snakket i stedet om hva som "
                            "var vanskelig i en travel kantine: mye støy og mange beskjeder på "
                            "en gang. Løsningen ble at hun tok forberedelsene før lunsjrushet og "
                            "fikk en skriftlig dagsplan. Det kostet oss nesten ingenting, og i "
                            "dag er hun en av de mest stabile vi har."
                        ),
                        "role": "kjøkkensjef",
                        "firm_type": "kantine i et kontorbygg i Asker, 6 ansatte",
                    },
                ),
                ("heading", "Tilrettelegging er ofte enkelt"),
                (
                    "paragraph",
                    "<p>Loven gir jobbsøkere og arbeidstakere med funksjonsnedsettelse rett "
                    "til rimelig individuell tilrettelegging. I praksis dreier det seg som "
                    "regel om små justeringer: fleksibel start på dagen, en roligere "
                    "arbeidsplass, pauser ved behov, skriftlige instrukser, litt lengre "
                    "opplæring, et hev-senk-bord "
                    "eller en annen fordeling av oppgaver. For noen passer det å begynne "
                    "med få timer i uka og trappe gradvis opp.</p>"
                    "<p>Se på tilrettelegging som god ledelse. Det som hjelper én person, "
                    "gjør ofte hverdagen bedre for flere. God inkludering betyr at dere "
                    "spør, lytter og justerer underveis – ikke at dere må ha alle svarene "
                    "første dag. Sørg for at personen har en fast veileder som følger med "
                    "på hvordan det går, og som vet hvem de skal kontakte hvis noe blir "
                    "vanskelig.</p>"
                    "<p>I Asker finnes også Fontenehuset, et arbeidsrettet fellesskap for "
                    "mennesker med psykiske helseutfordringer. Gjennom overgangsarbeid kan "
                    "medlemmer prøve en deltidsjobb i en vanlig bedrift med støtte fra "
                    "Fontenehuset – en trygg måte for en liten bedrift å komme i gang "
                    "på.</p>",
                ),
                (
                    "measure",
                    {
                        "measure": "individuell-jobbstotte",
                        "note": (
                            "IPS er for personer med psykiske lidelser eller rusproblemer som "
                            "vil ha vanlig jobb. En jobbspesialist støtter både den ansatte og "
                            "dere som arbeidsgiver, også etter at personen har begynt."
                        ),
                    },
                ),
                (
                    "measure",
                    {
                        "measure": "hjelpemidler-arbeidsplassen",
                        "note": (
                            "NAV kan låne ut eller dekke hjelpemidler og tilpasninger når en "
                            "funksjonsnedsettelse gjør arbeidet vanskelig. Spør NAV hva som "
                            "gjelder i deres tilfelle."
                        ),
                    },
                ),
                (
                    "measure",
                    {
                        "measure": "inkluderingstilskudd",
                        "note": (
                            "Inkluderingstilskudd kan dekke ekstra utgifter dere får ved å "
                            "tilrettelegge for en person som får hjelp fra NAV. Sjekk vilkårene "
                            "på nav.no før dere handler inn noe."
                        ),
                    },
                ),
                (
                    "paragraph",
                    "<p>Praktiske grep for de første ukene finner du i <a "
                    'href="page:tilrettelegging-mentor-og-oppstart">tilrettelegging, mentor '
                    "og oppstart</a>. Tett oppfølging fra NAV eller en tiltaksbedrift er "
                    "beskrevet i <a "
                    'href="page:oppfolgingstrekanten">oppfølgingstrekanten</a>.</p>',
                ),
                (
                    "checklist",
                    {
                        "title": "Slik snakker du om tilrettelegging",
                        "items": [
                            "Ta utgangspunkt i oppgavene i stillingen, ikke i diagnoser.",
                            "Spør hva personen trenger for å gjøre en god jobb, og hva som har fungert før.",
                            "Avtal hva som skal deles med kollegene, og hold deg til avtalen.",
                            "Skriv ned tilretteleggingen dere blir enige om, og avtal når dere ser på den igjen.",
                            "Kontakt NAV eller jobbspesialisten tidlig hvis noe ikke fungerer.",
                        ],
                    },
                ),
                (
                    "reflection",
                    {
                        "question": (
                            "Hvilke oppgaver i bedriften din kunne vært løst på en annen måte – "
                            "med andre arbeidstider, et hjelpemiddel eller en annen fordeling – "
                            "uten at kvaliteten blir dårligere?"
                        ),
                        "guidance": (
                            "Gå gjennom en vanlig arbeidsdag. Ofte er det vaner, og ikke "
                            "egentlige krav, som gjør en jobb vanskelig tilgjengelig."
                        ),
                    },
                ),
            ],
        },
        # ------------------------------------------------------------------
        {
            "slug": "malgruppe-innvandrere-utenfor-arbeidslivet",
            "title": "Innvandrere utenfor arbeidslivet: språk, kompetanse og uskrevne regler",
            "intro": (
                "Mange innvandrere i Asker har utdanning og erfaring som ikke blir brukt. "
                "Her lærer du hva som ofte står i veien, hvordan dere kan senke terskelen, "
                "og hvilke program som kan hjelpe."
            ),
            "learning_goals": [
                "Du forstår hvorfor språk, godkjenning av utdanning og nettverk ofte er de største hindrene.",
                "Du kan forklare de uskrevne reglene i norsk arbeidsliv på en tydelig og respektfull måte.",
                "Du kjenner til introduksjonsprogrammet, Jobbsjansen og mentorprogrammet JobbAsker.",
            ],
            "minutes": 35,
            "target_groups": ["innvandrere-utenfor-arbeidslivet"],
            "body": [
                ("heading", "Mange ulike veier til Norge"),
                (
                    "paragraph",
                    "<p>Innvandrere som står utenfor arbeidslivet, er ingen ensartet "
                    "gruppe. Noen har kommet som flyktninger og har kort skolegang. Andre "
                    "er ingeniører, økonomer eller lærere som flyttet hit fordi partneren "
                    "fikk jobb i et internasjonalt selskap. Ifølge tallene JobbAsker-"
                    "prosjektet bygde på, er omtrent hver sjette Asker-innbygger "
                    "innvandrer. Blant dem finnes mye kompetanse som lokale bedrifter "
                    "trenger.</p>"
                    "<p>Likevel havner mange i jobber langt under utdanningsnivået sitt, "
                    "eller uten jobb i det hele tatt. Årsaken er sjelden mangel på evner. "
                    "Oftere handler det om språk, nettverk, godkjenning av utdanning og de "
                    "uskrevne reglene på norske arbeidsplasser.</p>",
                ),
                ("heading", "Språk, kvalifikasjoner og nettverk"),
                (
                    "paragraph",
                    "<p><b>Språk:</b> Krav om flytende norsk stenger mange ute. Spør deg "
                    "selv hvor godt norsk jobben faktisk krever. Kanskje holder det med "
                    "greit muntlig norsk og litt engelsk i starten, mens det skriftlige "
                    "kommer etter hvert. Norsk lærer man raskest på en arbeidsplass der "
                    "kollegene snakker med en.</p>"
                    "<p><b>Kvalifikasjoner:</b> Utdanning fra et annet land kan være "
                    "vanskelig å vurdere. Det finnes offentlige ordninger for godkjenning "
                    "av utenlandsk utdanning og fagbrev, og NAV eller kommunen kan hjelpe "
                    "personen videre. Se på hva personen har gjort, ikke bare på navnet på "
                    "vitnemålet.</p>"
                    "<p><b>Nettverk:</b> Mange stillinger i Norge blir besatt gjennom "
                    "bekjente. Den som mangler norsk nettverk, kommer sjelden forbi "
                    "døra. En praksisplass, en kaffeprat eller en mentor kan bli starten på "
                    "et nettverk.</p>",
                ),
                ("heading", "De uskrevne kodene"),
                (
                    "paragraph",
                    "<p>Norsk arbeidsliv har mange regler som ingen skriver ned. Man sier "
                    "fra når man ikke forstår. Lederen er lett å snakke med, og det er "
                    "vanlig å komme med egne forslag. Man møter presist, men går gjerne "
                    "hjem i firetida. Lunsjen er kort, og småprat om tur og helg er en del "
                    "av det sosiale. Ingen forventer at en nyansatt kan alt fra første dag; "
                    "opplæring er en selvfølge for alle som begynner.</p>"
                    "<p>For den som kommer fra en mer hierarkisk arbeidskultur, kan det "
                    "føles uhøflig å stille spørsmål til sjefen. Si det derfor rett ut: "
                    "«Her vil vi at du spør.» En fast veileder eller fadder de første "
                    "månedene gjør det lettere å forstå både oppgavene og kulturen. Slik "
                    "blir inkludering noe som skjer i hverdagen, ikke bare på papiret.</p>",
                ),
                ("heading", "Utdanning og erfaring fra et annet land"),
                (
                    "paragraph",
                    "<p>Mange har utdanning eller lang yrkeserfaring fra hjemlandet som ikke står "
                    "på papiret på en måte norske arbeidsgivere kjenner igjen. Spør hva personen "
                    "faktisk har gjort, ikke bare hvilke papirer hun eller han har. En sveiser med "
                    "ti års erfaring kan trenge et kort kurs i norske sikkerhetsregler, ikke en ny "
                    "utdanning. Høyere utdanning og fagbrev fra utlandet kan ofte godkjennes av "
                    "norske myndigheter, og det kan lønne seg å hjelpe til med søknaden.</p>"
                    "<p>Språket læres raskest i en jobb der det snakkes norsk hver dag. Gi den nye "
                    "medarbeideren en fast kollega å spørre, skriv viktige beskjeder enkelt, og "
                    "sjekk at sikkerhetsrutiner er forstått ved å be om at de vises i praksis, ikke "
                    "bare ved å spørre «forstår du?». Mange sier ja for ikke å være til bry. Hvordan "
                    "en veileder kan følge opp, står i "
                    '<a href="page:opplaering-veileder-og-mentor-pa-arbeidsplassen">veileder og '
                    "mentor på arbeidsplassen</a>.</p>",
                ),
                (
                    "case_story",
                    {
                        "quote": (
                            "Vi ansatte en kvinne som nettopp hadde fullført "
                            "introduksjonsprogrammet. Norsken var ikke perfekt, og i starten "
                            "sa hun ja til alt – også når hun ikke hadde forstått. Vi fikk en "
                            "rutine der veilederen ba henne vise hvordan hun ville gjøre "
                            "oppgaven, i stedet for å spørre om hun hadde skjønt det. I dag "
                            "leder hun et team på fire."
                        ),
                        "role": "driftsleder",
                        "firm_type": "renholdsbedrift i Bærum med 30 ansatte",
                    },
                ),
                (
                    "measure",
                    {
                        "measure": "introduksjonsprogrammet",
                        "note": (
                            "Kommunen har ansvaret for introduksjonsprogrammet for flyktninger "
                            "og deres familie. Programmet kombinerer norskopplæring og "
                            "arbeidsrettede aktiviteter, og praksis i en bedrift kan være en "
                            "del av det. Kontakt Asker kommune for gjeldende regler og hvis dere kan tilby "
                            "praksis."
                        ),
                    },
                ),
                (
                    "measure",
                    {
                        "measure": "jobbsjansen",
                        "note": (
                            "Jobbsjansen er et kvalifiseringsprogram for innvandrere som står "
                            "utenfor arbeidslivet. Spør kommunen om programmet finnes lokalt nå, "
                            "og hvordan dere kan bidra med praksis."
                        ),
                    },
                ),
                (
                    "measure",
                    {
                        "measure": "jobbasker-mentorprogram",
                        "note": (
                            "JobbAsker kobler innvandrere med høyere utdanning med mentorer fra "
                            "næringslivet og gir trening i norsk arbeidskultur. Dere kan bidra "
                            "med mentorer, praksisplasser eller en fot innenfor."
                        ),
                    },
                ),
                (
                    "paragraph",
                    "<p>Språk læres best i jobb, med en fast person å spørre. Les om <a "
                    'href="page:opplaering-veileder-og-mentor-pa-arbeidsplassen">veileder '
                    "og mentor på arbeidsplassen</a>, og om veien fra arbeidstrening til "
                    "fast jobb i <a "
                    'href="page:lonnstilskudd-og-arbeidstrening">arbeidstrening og '
                    "lønnstilskudd forklart</a>.</p>",
                ),
                (
                    "checklist",
                    {
                        "title": "Gjør det lettere å komme inn hos dere",
                        "items": [
                            "Vurder hvor mye norsk stillingen faktisk krever, og skriv det tydelig i utlysningen.",
                            "Se på erfaring og praktiske ferdigheter, ikke bare på navnet på utdanningen.",
                            "Forklar de uskrevne reglene høyt: når man spør, når man sier fra, hvordan pauser fungerer.",
                            "Gi den nye en fast veileder eller fadder de første månedene.",
                            "Bruk enkle, skriftlige instrukser og gjerne bilder der det passer.",
                            "Inviter med i det sosiale – lunsj, kaffepauser og firmaarrangementer.",
                        ],
                    },
                ),
                (
                    "reflection",
                    {
                        "question": (
                            "Hvilke uskrevne regler gjelder hos dere? Prøv å skrive ned fem av dem."
                        ),
                        "guidance": (
                            "Be gjerne en kollega som nylig har begynt, om hjelp. Det man har "
                            "vent seg til, er lett å overse. Listen kan bli en del av "
                            "opplæringen for alle nye, ikke bare for dem med innvandrerbakgrunn."
                        ),
                    },
                ),
            ],
        },
    ],
    "training": [
        # ------------------------------------------------------------------
        {
            "slug": "opplaering-plan-for-de-forste-ukene",
            "title": "De første ukene: en god opplæringsplan",
            "intro": (
                "En god start avgjør mye. Her lærer du å lage en enkel opplæringsplan for en "
                "ny medarbeider som kommer via et tiltak, med tydelige oppgaver, faste "
                "avtaler og jevnlig oppfølging."
            ),
            "learning_goals": [
                "Du kan lage en opplæringsplan for de fire første ukene.",
                "Du vet hvordan du deler opp arbeidet i tydelige oppgaver med økende krav.",
                "Du kan avtale oppfølging med den nye medarbeideren, NAV og eventuelle tiltaksarrangører.",
            ],
            "minutes": 30,
            "target_groups": [],
            "body": [
                ("heading", "Hvorfor trenger dere en plan?"),
                (
                    "paragraph",
                    "<p>Den som har stått utenfor arbeidslivet en stund, har mye å lære på "
                    "kort tid: oppgaver, kolleger, rutiner og det sosiale. Uten en plan "
                    "blir opplæringen tilfeldig. Den nye får enten for lite å gjøre og "
                    "kjeder seg, eller for mye på en gang og mister motet. En enkel, "
                    "skriftlig opplæringsplan gjør forventningene tydelige for alle – for "
                    "den nye, for veilederen og for NAV.</p>"
                    "<p>Planen trenger ikke å være lang. Ett ark holder. Det viktigste er "
                    "at den sier hva personen skal lære, når det skal skje, og hvem som "
                    "har ansvaret.</p>",
                ),
                ("heading", "Før første dag"),
                (
                    "paragraph",
                    "<p>Forberedelsene betyr mye. Finn ut hvilket tiltak personen kommer "
                    "på, og hva som er avtalt med NAV om arbeidstid, varighet og "
                    "oppfølging. Gjør klar arbeidsklær, nøkler, tilganger og en fast plass "
                    "å legge fra seg tingene sine. Si fra til kollegene at en ny person "
                    "starter, men del ikke mer enn personen selv har sagt ja til.</p>"
                    "<p>Send gjerne en kort melding dagen før: når og hvor personen skal "
                    "møte, hvem som tar imot, og hva de bør ha med seg. Det senker "
                    "skuldrene hos en som er spent.</p>",
                ),
                ("heading", "Uke for uke"),
                (
                    "paragraph",
                    "<p>Et opplegg for de fire første ukene kan for eksempel se slik "
                    "ut:</p>"
                    "<ul>"
                    "<li><b>Uke 1 – bli kjent:</b> omvisning, sikkerhet og HMS, hilse på "
                    "kollegene, følge veilederen og prøve enkle oppgaver.</li>"
                    "<li><b>Uke 2 – faste oppgaver:</b> to eller tre avgrensede oppgaver "
                    "som personen gjør selv, med veilederen i nærheten.</li>"
                    "<li><b>Uke 3 – mer ansvar:</b> flere oppgaver og litt høyere tempo. "
                    "Personen begynner å planlegge deler av dagen selv.</li>"
                    "<li><b>Uke 4 – se tilbake:</b> en samtale om hva som går bra, hva som "
                    "er vanskelig, og hva neste måned skal handle om.</li>"
                    "</ul>"
                    "<p>Tilpass tempoet til personen. Noen trenger lengre tid i hver fase, "
                    "og det er helt i orden. God opplæring handler om mestring: Det er "
                    "bedre å lykkes med få oppgaver enn å streve med mange.</p>",
                ),
                (
                    "case_story",
                    {
                        "quote": (
                            "Første gang vi tok inn noen på arbeidstrening, hadde vi ingen plan, "
                            "og det ble rotete. Neste gang satte vi oss ned med NAV og laget en "
                            "enkel liste: vanning og stell av planter den første uka, så "
                            "varemottak, og til slutt kassa. Hver fredag brukte vi ti minutter "
                            "på å gå gjennom lista sammen. Det gjorde alt mye enklere, både for "
                            "henne og for oss."
                        ),
                        "role": "eier",
                        "firm_type": "hagesenter i Asker med 10 ansatte",
                    },
                ),
                ("heading", "Følg opp ofte – og kort"),
                (
                    "paragraph",
                    "<p>Korte samtaler hver uke er bedre enn en lang samtale etter tre "
                    "måneder. Spør hva som har gått bra, hva som har vært vanskelig, og "
                    "hva personen vil lære neste uke. Skriv ned det dere blir enige om, og "
                    "oppdater planen. Er det avtalt oppfølging fra NAV eller en "
                    "tiltaksarrangør, ta dem med i samtalene med jevne mellomrom. Slik "
                    "blir inkludering en felles oppgave og ikke noe veilederen må bære "
                    "alene.</p>",
                ),
                (
                    "measure",
                    {
                        "measure": "oppfolging",
                        "note": (
                            "Med tiltaket oppfølging kan en tiltaksarrangør følge opp både den "
                            "nye medarbeideren og dere. Det er nyttig når planen må justeres "
                            "eller noe blir vanskelig."
                        ),
                    },
                ),
                (
                    "measure",
                    {
                        "measure": "arbeidstrening",
                        "note": (
                            "Ved arbeidstrening er det vanlig å avtale hva personen skal prøve "
                            "ut og lære. Lag planen sammen med NAV før oppstart, og sjekk "
                            "gjeldende regler på nav.no."
                        ),
                    },
                ),
                (
                    "paragraph",
                    "<p>Planen fungerer best når én person har ansvaret for den. Hva den "
                    "rollen innebærer, står i <a "
                    'href="page:opplaering-veileder-og-mentor-pa-arbeidsplassen">veileder '
                    "og mentor på arbeidsplassen</a>. Trenger dere støtte underveis, se <a "
                    'href="page:hvem-kan-hjelpe-deg">hvem som kan hjelpe deg</a>.</p>',
                ),
                (
                    "checklist",
                    {
                        "title": "Opplæringsplan – dette bør være med",
                        "items": [
                            "Navnet på veilederen og hvordan den nye får tak i veilederen.",
                            "Arbeidstid, pauser og hvem man melder fra til ved fravær.",
                            "Konkrete oppgaver for hver uke, med økende krav.",
                            "Faste tidspunkter for korte oppfølgingssamtaler.",
                            "Det som er avtalt med NAV eller tiltaksarrangøren.",
                            "Når planen skal vurderes på nytt.",
                        ],
                    },
                ),
                (
                    "reflection",
                    {
                        "question": (
                            "Hvilke oppgaver hos dere egner seg som første oppgaver for en ny "
                            "medarbeider – avgrensede, nyttige og mulige å lære på kort tid?"
                        ),
                        "guidance": (
                            "Se etter oppgaver med en tydelig start og slutt, der resultatet er "
                            "lett å se. Det gir mestring tidlig."
                        ),
                    },
                ),
            ],
        },
        # ------------------------------------------------------------------
        {
            "slug": "opplaering-veileder-og-mentor-pa-arbeidsplassen",
            "title": "Veilederen på arbeidsplassen: rolle, tid og støtte",
            "intro": (
                "En god veileder eller mentor på arbeidsplassen avgjør ofte om inkludering "
                "lykkes. Her lærer du hva rollen innebærer, hvor mye tid den krever, og "
                "hvilken støtte veilederen kan få."
            ),
            "learning_goals": [
                "Du vet hva en veileder eller mentor på arbeidsplassen gjør, og hva som ikke er rollens ansvar.",
                "Du kan planlegge og sette av tid til veilederrollen.",
                "Du kjenner til mentortilskudd fra NAV og muligheten for å få veilederkompetansen dokumentert.",
            ],
            "minutes": 30,
            "target_groups": [],
            "body": [
                ("heading", "Hva gjør en veileder?"),
                (
                    "paragraph",
                    "<p>Veilederen – noen bedrifter sier mentor, fadder eller "
                    "arbeidsplassmentor – er den nye medarbeiderens faste kontaktperson i "
                    "hverdagen. Veilederen viser hvordan oppgavene gjøres, svarer på "
                    "spørsmål, følger med på hvordan det går og sier fra tidlig når noe "
                    "skurrer. Like viktig er den sosiale delen: å ta den nye med til "
                    "lunsj, forklare hvordan ting fungerer og gjøre det trygt å spørre.</p>"
                    "<p>Veilederen er ikke terapeut, saksbehandler eller personalleder. "
                    "Spørsmål om lønn, tiltak, helse og arbeidsavtale hører hjemme hos "
                    "lederen, NAV eller tiltaksarrangøren. For mange veiledere er det en "
                    "lettelse å vite hvor grensene går.</p>",
                ),
                ("heading", "Hvem passer som veileder?"),
                (
                    "paragraph",
                    "<p>En god veileder trenger ikke å være den mest erfarne eller den "
                    "flinkeste faglig. Det viktigste er tålmodighet, lyst til å lære bort "
                    "og evne til å gi tydelige beskjeder. Spør den du har tenkt på, i "
                    "stedet for å pålegge oppgaven. En veileder som selv har sagt ja, gjør "
                    "som regel en bedre jobb.</p>",
                ),
                (
                    "case_story",
                    {
                        "quote": (
                            "Jeg ble spurt om å være mentor for en lærekandidat og var usikker "
                            "på om jeg fikk det til. Sjefen tok bort to timer av de vanlige "
                            "oppgavene mine hver dag de første månedene, og vi tok en prat hver "
                            "fredag. Det var det som gjorde det mulig. Jeg har lært mye selv – "
                            "blant annet å forklare ting jeg har gjort på autopilot i tjue år."
                        ),
                        "role": "rørlegger og mentor",
                        "firm_type": "rørleggerfirma i Asker med 9 ansatte",
                    },
                ),
                ("heading", "Tid og støtte"),
                (
                    "paragraph",
                    "<p>Veilederrollen tar tid, særlig i starten. Regn med at veilederen "
                    "bruker en god del av dagen på opplæring de første ukene, og at "
                    "behovet går ned etter hvert. Sett av tiden i planleggingen, og juster "
                    "veilederens egne mål. Skal veilederen gjøre alt det vanlige i tillegg, "
                    "blir opplæringen det første som ryker.</p>"
                    "<p>Veilederen trenger også støtte selv. Avtal korte, faste møter med "
                    "lederen, og sørg for at veilederen vet hvem hos NAV eller "
                    "tiltaksarrangøren som kan kontaktes. I Sosial Profil er antall "
                    "arbeidsplassmentorer et eget mål – fordi det er menneskene på gulvet "
                    "som gjør inkludering til virkelighet.</p>",
                ),
                ("heading", "Gjør kompetansen synlig"),
                (
                    "paragraph",
                    "<p>Å veilede er en egen kompetanse som fortjener anerkjennelse. En "
                    "måte å synliggjøre den på er validering etter OCN-modellen (Open "
                    "College Network). Da vurderes det personen kan, opp mot skriftlige "
                    "kriterier for et arbeidsområde, og resultatet blir dokumentert. I et "
                    "svensk prosjekt for arbeidsintegrerende sosiale bedrifter ble over "
                    "førti veiledere lært opp i denne metoden. Samme prinsipp kan brukes "
                    "både for veilederen og for den som får opplæring. Spør "
                    "tiltaksarrangørene i Asker om de tilbyr kurs for veiledere eller "
                    "validering.</p>",
                ),
                (
                    "measure",
                    {
                        "measure": "mentor",
                        "note": (
                            "NAV kan gi tilskudd til mentor, slik at en kollega får frigjort tid "
                            "til å veilede en person som trenger ekstra støtte. Avtal dette med "
                            "NAV før oppstart, og sjekk vilkårene på nav.no."
                        ),
                    },
                ),
                (
                    "measure",
                    {
                        "measure": "oppfolging",
                        "note": (
                            "Når en tiltaksarrangør følger opp, får veilederen noen å drøfte "
                            "utfordringer med. Det gjør rollen mindre ensom."
                        ),
                    },
                ),
                (
                    "paragraph",
                    "<p>NAV kan dekke tid til en mentor; les mer i <a "
                    'href="page:tilrettelegging-mentor-og-oppstart">tilrettelegging, mentor '
                    "og oppstart</a>. Når den nye medarbeideren er klar for mer, er <a "
                    'href="page:opplaering-kompetanselop-kurs-og-fagbrev">kompetanseløp, '
                    "kurs og fagbrev</a> neste steg.</p>",
                ),
                (
                    "checklist",
                    {
                        "title": "Støtte til veilederen",
                        "items": [
                            "Spør om personen vil være veileder – ikke pålegg det.",
                            "Sett av fast tid til veiledning, og reduser andre oppgaver tilsvarende.",
                            "Avklar hva som er veilederens ansvar, og hva som hører til leder og NAV.",
                            "Avtal et kort møte mellom leder og veileder hver uke den første tiden.",
                            "Gi veilederen navn og telefonnummer til kontaktpersonen hos NAV eller tiltaksarrangøren.",
                            "Anerkjenn innsatsen, og vurder kurs eller validering av veilederkompetansen.",
                        ],
                    },
                ),
                (
                    "reflection",
                    {
                        "question": (
                            "Hvem hos dere kunne vært en god veileder, og hva ville vedkommende "
                            "trengt for å si ja?"
                        ),
                        "guidance": (
                            "Tenk på tid, opplæring og anerkjennelse. Snakk med personen før du "
                            "bestemmer noe, og spør hva som ville gjort oppgaven overkommelig."
                        ),
                    },
                ),
            ],
        },
        # ------------------------------------------------------------------
        {
            "slug": "opplaering-kompetanselop-kurs-og-fagbrev",
            "title": "Veier til kompetanse: kurs, læreplass og dokumentasjon",
            "intro": (
                "En jobb kan være starten på et lengre kompetanseløp. Her lærer du om "
                "arbeidsmarkedskurs, lærling- og lærekandidatordningen, og hvordan dere kan "
                "dokumentere det personen har lært."
            ),
            "learning_goals": [
                "Du kjenner forskjellen på arbeidsmarkedsopplæring, lærling, lærekandidat og praksiskandidat.",
                "Du kan vurdere hvilket opplæringsløp som passer for en medarbeider hos dere.",
                "Du vet hvordan dere kan dokumentere kompetanse slik at den blir synlig for andre arbeidsgivere.",
            ],
            "minutes": 35,
            "target_groups": ["unge-med-hull-i-cv", "innvandrere-utenfor-arbeidslivet"],
            "body": [
                ("heading", "Fra jobb til kompetanse"),
                (
                    "paragraph",
                    "<p>Mange som kommer inn via et tiltak, mangler formell utdanning. "
                    "Noen sluttet på videregående, andre har utdanning fra et annet land "
                    "som ikke er godkjent her. Det betyr ikke at de lærer lite hos dere. "
                    "Men uten dokumentasjon blir læringen usynlig – både for personen selv "
                    "og for neste arbeidsgiver. Et gjennomtenkt opplæringsløp gjør "
                    "inkludering mer varig.</p>",
                ),
                ("heading", "Arbeidsmarkedsopplæring (AMO)"),
                (
                    "paragraph",
                    "<p>NAV kjøper kurs for arbeidssøkere som trenger kvalifisering for å "
                    "komme i jobb. Det kan være korte yrkesrettede kurs, for eksempel "
                    "innen lager, renhold, service eller helse, eller kurs i norsk og "
                    "arbeidslivskunnskap. Ofte kan kurset kombineres med praksis i en "
                    "bedrift. Har dere behov for folk med en bestemt kompetanse, lønner "
                    "det seg å si fra til NAV. Noen ganger blir kurs satt opp i samarbeid "
                    "med lokale arbeidsgivere.</p>",
                ),
                ("heading", "Lærling, lærekandidat og praksiskandidat"),
                (
                    "paragraph",
                    "<p>Fag- og yrkesopplæringen har flere veier inn:</p>"
                    "<ul>"
                    "<li><b>Lærling:</b> tar hele fagbrevet eller svennebrevet. Bedriften "
                    "må være godkjent lærebedrift, og fylkeskommunen gir "
                    "lærlingtilskudd.</li>"
                    "<li><b>Lærekandidat:</b> har en avtale om opplæring mot et mindre "
                    "omfattende mål enn fullt fagbrev, og avslutter med en kompetanseprøve "
                    "og kompetansebevis. Det passer for mange som trenger mer tid eller et "
                    "tilpasset løp, og kan senere bygges videre på.</li>"
                    "<li><b>Praksiskandidat:</b> voksne med lang og allsidig erfaring fra "
                    "faget kan ta fagprøven uten å ha vært lærling.</li>"
                    "</ul>"
                    "<p>Mange små bedrifter er med i et opplæringskontor, som tar seg av "
                    "mye av papirarbeidet og følger opp lærlinger og lærekandidater. Sjekk "
                    "reglene med fylkeskommunen eller på vilbli.no.</p>",
                ),
                (
                    "case_story",
                    {
                        "quote": (
                            "Han begynte hos oss på arbeidstrening etter et AMO-kurs i lager og "
                            "logistikk. Etter et halvt år hadde han tatt truckførerkurs, og vi "
                            "skrev en lærekandidatkontrakt sammen med opplæringskontoret. I dag "
                            "har han kompetansebevis og snakker om å ta hele fagbrevet. For oss "
                            "var det avgjørende at veilederen hans skrev ned alt han lærte "
                            "underveis."
                        ),
                        "role": "lagersjef",
                        "firm_type": "byggevarehandel med lager i Asker, 25 ansatte",
                    },
                ),
                ("heading", "Dokumenter det som er lært"),
                (
                    "paragraph",
                    "<p>Også når personen ikke tar et formelt løp, bør dere dokumentere "
                    "det de har lært. En god attest er mer enn «har jobbet her i seks "
                    "måneder». Beskriv konkrete oppgaver, hvilket ansvar personen hadde, "
                    "hvilke maskiner eller systemer de kan bruke, og hvilke kurs de har "
                    "tatt. Skriftlige kriterier for hvert arbeidsområde, slik man bruker i "
                    "validering etter OCN-modellen, gjør vurderingen rettferdig og "
                    "tydelig. Veilederen kjenner arbeidet best og bør være med på å "
                    "skrive.</p>",
                ),
                (
                    "measure",
                    {
                        "measure": "arbeidsmarkedsopplaering",
                        "note": (
                            "AMO er kurs NAV kjøper for arbeidssøkere. Spør NAV Asker hvilke "
                            "kurs som finnes nå, og om kurset kan kombineres med praksis hos "
                            "dere."
                        ),
                    },
                ),
                (
                    "measure",
                    {
                        "measure": "fag-og-yrkesopplaering",
                        "note": (
                            "NAV kan i noen tilfeller støtte voksne arbeidssøkere som tar fag- "
                            "eller yrkesopplæring. Hvem som kan få dette, endres over tid – "
                            "sjekk nav.no eller spør NAV."
                        ),
                    },
                ),
                (
                    "paragraph",
                    "<p>Kurs og fagbrev kan kombineres med andre tiltak. Se hele <a "
                    'href="page:tiltak">oversikten over inkluderingstiltak</a>, eller gå '
                    'tilbake til <a href="page:opplaering">området Opplæring</a>.</p>',
                ),
                (
                    "checklist",
                    {
                        "title": "Slik legger dere opp et opplæringsløp",
                        "items": [
                            "Snakk med personen om målet: fast jobb her, kompetansebevis eller fagbrev?",
                            "Finn ut om dere er, eller kan bli, godkjent lærebedrift – gjerne via et opplæringskontor.",
                            "Spør NAV om kurs (AMO) som kan gi nødvendig grunnkompetanse.",
                            "Skriv ned hva personen skal lære, og hvem som har ansvaret for opplæringen.",
                            "Dokumenter fortløpende hva som er lært, med konkrete eksempler.",
                            "Skriv en utfyllende attest når arbeidsforholdet eller tiltaket avsluttes.",
                        ],
                    },
                ),
                (
                    "reflection",
                    {
                        "question": (
                            "Hvis en medarbeider på tiltak sluttet hos dere i morgen, hva ville "
                            "vedkommende kunne vise til av dokumentert kompetanse?"
                        ),
                        "guidance": (
                            "Se på attestene og papirene dere vanligvis gir. Hva mangler for at "
                            "en annen arbeidsgiver skal forstå hva personen kan?"
                        ),
                    },
                ),
            ],
        },
    ],
}
