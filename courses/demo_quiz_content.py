"""Demo quizzes for Sosial Profil, one per toolbox area (bokmål).

Pure data, no Django imports. Every question can be answered from the demo
lessons in cms/demo_content and the measures in cms/demo_content/catalogue.py.
No amounts or percentages of subsidies are mentioned; the rules change, and the
lessons point the reader to nav.no.

Format:
    QUIZZES = [
        {
            "key": str, "title": str, "area": str, "instructions": str,
            "pass_mark": int,
            "questions": [
                {
                    "kind": "single" | "multiple" | "true_false",
                    "text": str, "explanation": str, "partial_credit": bool,
                    "measure": measure slug or None,
                    "choices": [{"text": str, "is_correct": bool, "feedback": str}],
                },
            ],
        },
    ]
"""

# Every demo quiz allows this many attempts; the instructions say so.
ATTEMPTS_ALLOWED = 3


def _instructions(topic):
    return (
        f"Fem korte spørsmål om {topic}. Svarene finner du i leksjonene. "
        "Noen spørsmål har flere riktige svar; da står det i spørsmålet. "
        "Du består med 60 prosent riktige. Du har tre forsøk, og det beste "
        "teller; trenger du flere, kan kurslederen gi deg det."
    )


def _true_false(correct_is_true, feedback_true="", feedback_false=""):
    return [
        {"text": "Sant", "is_correct": correct_is_true, "feedback": feedback_true},
        {
            "text": "Usant",
            "is_correct": not correct_is_true,
            "feedback": feedback_false,
        },
    ]


# ---------------------------------------------------------------------------
# Holdninger
# ---------------------------------------------------------------------------

QUIZ_HOLDNINGER = {
    "key": "quiz-holdninger",
    "title": "Test deg selv: holdninger",
    "area": "attitudes",
    "instructions": _instructions(
        "hvorfor inkludering lønner seg, fordommer og hvordan lederen forbereder arbeidsplassen"
    ),
    "pass_mark": 60,
    "questions": [
        {
            "kind": "single",
            "text": (
                "FNs bærekraftsmål har også en sosial side. Hvilket mål handler om "
                "anstendig arbeid og økonomisk vekst?"
            ),
            "explanation": (
                "Mål 8 handler om anstendig arbeid og økonomisk vekst, og mål 10 om mindre "
                "ulikhet. Når dere gir noen en vei inn i arbeidslivet, bidrar dere til begge."
            ),
            "partial_credit": False,
            "measure": None,
            "choices": [
                {
                    "text": "Mål 8",
                    "is_correct": True,
                    "feedback": "Riktig – mål 8 handler om anstendig arbeid for alle.",
                },
                {
                    "text": "Mål 13",
                    "is_correct": False,
                    "feedback": "Mål 13 handler om klima, ikke om arbeid.",
                },
                {
                    "text": "Mål 14",
                    "is_correct": False,
                    "feedback": "Mål 14 handler om livet i havet.",
                },
            ],
        },
        {
            "kind": "multiple",
            "text": (
                "Hvilke gevinster trekker bedrifter med erfaring fra inkludering gjerne fram? "
                "Velg alle som passer."
            ),
            "explanation": (
                "Bedrifter som har prøvd, nevner blant annet tilgang på arbeidskraft, nye "
                "perspektiver, lojalitet og stolthet blant de ansatte. Ansvaret for "
                "arbeidsmiljø og sikkerhet er det samme uansett hvem som jobber hos dere."
            ),
            "partial_credit": True,
            "measure": None,
            "choices": [
                {
                    "text": "Arbeidskraft og kompetanse dere ellers ikke ville nådd",
                    "is_correct": True,
                    "feedback": "Ja – mange ville aldri søkt hos dere på vanlig måte.",
                },
                {
                    "text": "Nye perspektiver på løsninger og kundegrupper",
                    "is_correct": True,
                    "feedback": "Ja – en annen bakgrunn gir ofte nye ideer.",
                },
                {
                    "text": "Lojale medarbeidere som blir værende lenge",
                    "is_correct": True,
                    "feedback": "Ja – den som har fått en sjanse, blir ofte lenge.",
                },
                {
                    "text": "Bedriften slipper ansvaret for arbeidsmiljø og sikkerhet",
                    "is_correct": False,
                    "feedback": "Nei – dere har det samme ansvaret som for alle andre ansatte.",
                },
            ],
        },
        {
            "kind": "true_false",
            "text": (
                "Når du forteller andre bedrifter om en god erfaring med en ny medarbeider, "
                "kan du gjerne nevne helsen hans, så lenge historien er positiv."
            ),
            "explanation": (
                "Historien tilhører også medarbeideren. Del aldri helseopplysninger eller "
                "andre personlige forhold uten at personen selv har sagt ja, og la gjerne "
                "vedkommende bestemme hvordan historien fortelles."
            ),
            "partial_credit": False,
            "measure": None,
            "choices": _true_false(
                False,
                feedback_true="Nei – helseopplysninger deles bare hvis personen selv har sagt ja.",
                feedback_false="Riktig – spør alltid medarbeideren først.",
            ),
        },
        {
            "kind": "single",
            "text": (
                "Hvorfor trekkes arbeidstrening fram som nyttig når fordommer skal byttes "
                "ut med egne erfaringer?"
            ),
            "explanation": (
                "Holdninger endres oftest i møtet med et menneske. Arbeidstrening gir en trygg "
                "ramme der dere blir kjent med kandidaten, og der kandidaten får vist hva hun "
                "eller han kan."
            ),
            "partial_credit": False,
            "measure": "arbeidstrening",
            "choices": [
                {
                    "text": (
                        "Den gir en trygg ramme der dere blir kjent med kandidaten, og "
                        "kandidaten får vist hva hun eller han kan"
                    ),
                    "is_correct": True,
                    "feedback": "Riktig – erfaring veier tyngre enn forestillinger.",
                },
                {
                    "text": "Bedriften får vite kandidatens diagnose før oppstart",
                    "is_correct": False,
                    "feedback": "Nei – du trenger ikke kjenne noen diagnose.",
                },
                {
                    "text": "Deltakeren kan erstatte en ordinær ansatt, så bedriften sparer lønn",
                    "is_correct": False,
                    "feedback": "Nei – deltakeren skal komme i tillegg til vanlig bemanning.",
                },
            ],
        },
        {
            "kind": "multiple",
            "text": (
                "Dere skal snart ta imot en ny medarbeider gjennom et tiltak. Hva er lurt "
                "når du forbereder kollegene? Velg alle som passer."
            ),
            "explanation": (
                "Fortell hvorfor bedriften satser på inkludering, og gi rom for spørsmål og "
                "bekymringer før oppstart. Personlige opplysninger tilhører den nye "
                "medarbeideren, som selv bestemmer hva kollegene skal vite."
            ),
            "partial_credit": False,
            "measure": None,
            "choices": [
                {
                    "text": "Fortelle hvorfor bedriften satser på inkludering",
                    "is_correct": True,
                    "feedback": "Ja – når lederen står for valget, blir det lettere for alle.",
                },
                {
                    "text": "Gi rom for spørsmål og bekymringer før den nye starter",
                    "is_correct": True,
                    "feedback": "Ja – det er bedre at bekymringer kommer fram før oppstart.",
                },
                {
                    "text": "Fortelle kollegene om den nyes helse og bakgrunn, så de vet hva de skal ta hensyn til",
                    "is_correct": False,
                    "feedback": "Nei – det er den nye selv som bestemmer hva kollegene skal vite.",
                },
                {
                    "text": "Vente med å si noe til den nye har begynt, så det ikke blir mye prat",
                    "is_correct": False,
                    "feedback": "Nei – ta kollegene med på råd tidlig.",
                },
            ],
        },
    ],
}


# ---------------------------------------------------------------------------
# Tiltak og virkemidler
# ---------------------------------------------------------------------------

QUIZ_TILTAK = {
    "key": "quiz-tiltak-og-virkemidler",
    "title": "Test deg selv: tiltak og virkemidler",
    "area": "measures",
    "instructions": _instructions(
        "arbeidstrening, lønnstilskudd, inkluderingstilskudd og mentor"
    ),
    "pass_mark": 60,
    "questions": [
        {
            "kind": "single",
            "text": "En person er på arbeidstrening hos dere. Hvem betaler ytelsen hennes?",
            "explanation": (
                "På arbeidstrening er deltakeren ikke ansatt. Hun får ytelsen sin fra NAV, "
                "ikke lønn fra bedriften, og bedriften får ikke lønnstilskudd for "
                "arbeidstrening."
            ),
            "partial_credit": False,
            "measure": "arbeidstrening",
            "choices": [
                {
                    "text": "NAV – deltakeren er ikke ansatt og beholder ytelsen sin fra NAV",
                    "is_correct": True,
                    "feedback": "Riktig – bedriften betaler ikke lønn ved arbeidstrening.",
                },
                {
                    "text": "Bedriften betaler vanlig lønn etter tariff",
                    "is_correct": False,
                    "feedback": "Nei – det gjelder når dere ansetter, for eksempel med lønnstilskudd.",
                },
                {
                    "text": "Ingen – deltakeren får verken lønn eller ytelse i perioden",
                    "is_correct": False,
                    "feedback": "Nei – deltakeren får ytelsen sin fra NAV.",
                },
            ],
        },
        {
            "kind": "multiple",
            "text": "Hva stemmer om midlertidig lønnstilskudd? Velg alle som passer.",
            "explanation": (
                "Med lønnstilskudd ansetter dere personen på vanlige lønns- og arbeidsvilkår, "
                "og NAV dekker en del av lønnskostnadene i en avgrenset periode. Tilskuddet må "
                "være avtalt før arbeidsforholdet starter; sjekk satser og varighet på nav.no."
            ),
            "partial_credit": True,
            "measure": "midlertidig-lonnstilskudd",
            "choices": [
                {
                    "text": "Personen ansettes med ordinær lønn og arbeidsavtale",
                    "is_correct": True,
                    "feedback": "Ja – det er en vanlig ansettelse.",
                },
                {
                    "text": "NAV dekker en del av lønnskostnadene i en periode",
                    "is_correct": True,
                    "feedback": "Ja – tilskuddet veier opp for at den nye ennå ikke er fullt produktiv.",
                },
                {
                    "text": "Tilskuddet må være avtalt før arbeidsforholdet starter",
                    "is_correct": True,
                    "feedback": "Ja – avtalen godkjennes av deg, kandidaten og NAV før oppstart.",
                },
                {
                    "text": "Personen kan få lavere lønn enn kollegene fordi NAV betaler en del",
                    "is_correct": False,
                    "feedback": "Nei – lønns- og arbeidsvilkårene skal være de vanlige.",
                },
            ],
        },
        {
            "kind": "true_false",
            "text": (
                "Inkluderingstilskudd bør avtales med NAV før dere kjøper inn utstyr "
                "eller programvare til tilretteleggingen."
            ),
            "explanation": (
                "Inkluderingstilskudd dekker dokumenterte merkostnader ved tilrettelegging. "
                "Få tilsagnet på plass før innkjøpet, og ta vare på kvitteringene, fordi NAV "
                "betaler etterskuddsvis."
            ),
            "partial_credit": False,
            "measure": "inkluderingstilskudd",
            "choices": _true_false(
                True,
                feedback_true="Riktig – søk før utgiftene påløper.",
                feedback_false="Jo, det stemmer – snakk med NAV før du kjøper noe.",
            ),
        },
        {
            "kind": "single",
            "text": "Hvem er varig lønnstilskudd ment for?",
            "explanation": (
                "Varig lønnstilskudd er for personer som NAV har vurdert til å ha varig og "
                "vesentlig nedsatt arbeidsevne. Behovet vurderes jevnlig, men tilskuddet kan "
                "vare så lenge vilkårene er oppfylt."
            ),
            "partial_credit": False,
            "measure": "varig-lonnstilskudd",
            "choices": [
                {
                    "text": "Personer som NAV har vurdert til å ha varig og vesentlig nedsatt arbeidsevne",
                    "is_correct": True,
                    "feedback": "Riktig – for dem der behovet for støtte ikke går over.",
                },
                {
                    "text": "Alle unge under 30 år som får sin første jobb",
                    "is_correct": False,
                    "feedback": "Nei – for unge er midlertidig lønnstilskudd oftere aktuelt.",
                },
                {
                    "text": "Alle nyansatte i bedrifter med færre enn 20 ansatte",
                    "is_correct": False,
                    "feedback": "Nei – tilskuddet knytter seg til personens arbeidsevne, ikke bedriftens størrelse.",
                },
            ],
        },
        {
            "kind": "multiple",
            "text": "Hva stemmer om tilskudd til mentor? Velg alle som passer.",
            "explanation": (
                "Mentoren er som regel en kollega, og NAV kan dekke tiden hun eller han bruker "
                "på å veilede. Det må være bestemt hvem som er mentor, og avtalen må godkjennes "
                "før mentorperioden starter."
            ),
            "partial_credit": False,
            "measure": "mentor",
            "choices": [
                {
                    "text": "Mentoren er som regel en kollega på arbeidsplassen",
                    "is_correct": True,
                    "feedback": "Ja – en erfaren kollega som viser vei.",
                },
                {
                    "text": "Avtalen må være godkjent før mentorperioden starter",
                    "is_correct": True,
                    "feedback": "Ja – deltakeren, du og NAV godkjenner den først.",
                },
                {
                    "text": "Mentoren må være en ekstern ekspert, for eksempel en psykolog",
                    "is_correct": False,
                    "feedback": "Nei – det gjelder ekspertbistand, ikke mentor.",
                },
                {
                    "text": "Mentoren bør gjøre alle de vanlige oppgavene sine i tillegg",
                    "is_correct": False,
                    "feedback": "Nei – la mentoren slippe noen andre oppgaver i perioden.",
                },
            ],
        },
    ],
}


# ---------------------------------------------------------------------------
# Målgrupper
# ---------------------------------------------------------------------------

QUIZ_MALGRUPPER = {
    "key": "quiz-malgrupper",
    "title": "Test deg selv: målgrupper",
    "area": "target_groups",
    "instructions": _instructions(
        "unge med hull i CV-en, nedsatt funksjonsevne og psykisk helse, og innvandrere "
        "utenfor arbeidslivet"
    ),
    "pass_mark": 60,
    "questions": [
        {
            "kind": "true_false",
            "text": (
                "I et jobbintervju kan du spørre hvilken diagnose søkeren har, og hvilke "
                "medisiner hun tar."
            ),
            "explanation": (
                "Helse er privat. Arbeidsmiljøloven begrenser helseopplysningene du kan be "
                "om til det som er nødvendig for oppgavene i stillingen. Spør heller hva "
                "personen trenger for å gjøre en god jobb."
            ),
            "partial_credit": False,
            "measure": None,
            "choices": _true_false(
                False,
                feedback_true="Nei – diagnoser og medisiner skal du ikke spørre om.",
                feedback_false="Riktig – ta utgangspunkt i oppgavene, ikke i diagnoser.",
            ),
        },
        {
            "kind": "single",
            "text": (
                "Du intervjuer en ung person som ikke har hatt skole eller jobb det siste "
                "året. Hvilket spørsmål passer best?"
            ),
            "explanation": (
                "Du trenger ikke vite hvorfor hullet oppsto. Det er greit å spørre åpent, men "
                "la personen selv bestemme hvor mye hun eller han vil fortelle."
            ),
            "partial_credit": False,
            "measure": None,
            "choices": [
                {
                    "text": "«Hva har du brukt tiden på det siste året?»",
                    "is_correct": True,
                    "feedback": "Riktig – et åpent spørsmål der personen selv styrer svaret.",
                },
                {
                    "text": "«Hva gikk galt, siden du sluttet på skolen?»",
                    "is_correct": False,
                    "feedback": "Dette leter etter feil i stedet for muligheter.",
                },
                {
                    "text": "«Kan du dokumentere nøyaktig hva du gjorde hver måned?»",
                    "is_correct": False,
                    "feedback": "Dette skaper press og sier lite om hva personen kan.",
                },
            ],
        },
        {
            "kind": "multiple",
            "text": (
                "Hvilke grep gir en ung person som har vært lenge utenfor, en trygg start? "
                "Velg alle som passer."
            ),
            "explanation": (
                "Det handler ikke om å senke kravene, men om å gjøre dem tydelige. Faste tider "
                "og oppgaver, én fast veileder, korte samtaler ofte og ros for konkret innsats "
                "er gode grep."
            ),
            "partial_credit": False,
            "measure": None,
            "choices": [
                {
                    "text": "Faste tider og faste oppgaver de første ukene",
                    "is_correct": True,
                    "feedback": "Ja – det gjør dagen forutsigbar.",
                },
                {
                    "text": "Ros for konkret innsats, ikke bare for resultatet",
                    "is_correct": True,
                    "feedback": "Ja – det bygger mestring og mot.",
                },
                {
                    "text": "Fjerne alle krav, så personen ikke blir stresset",
                    "is_correct": False,
                    "feedback": "Nei – kravene skal være tydelige, ikke borte.",
                },
                {
                    "text": "Vente med tilbakemeldinger til én stor evaluering etter noen måneder",
                    "is_correct": False,
                    "feedback": "Nei – korte samtaler ofte fungerer bedre.",
                },
            ],
        },
        {
            "kind": "single",
            "text": "Hva innebærer NAVs ungdomsinnsats for unge under 30 år?",
            "explanation": (
                "Gjennom ungdomsgarantien skal unge som trenger hjelp fra NAV for å komme i "
                "arbeid, få en fast kontaktperson og tidlig, tett og tilpasset oppfølging. "
                "NAV leter derfor aktivt etter bedrifter som kan ta imot unge."
            ),
            "partial_credit": False,
            "measure": "ungdomsinnsatsen",
            "choices": [
                {
                    "text": "De unge får en fast kontaktperson i NAV og tett, tilpasset oppfølging",
                    "is_correct": True,
                    "feedback": "Riktig – og NAV ser etter bedrifter som kan ta imot dem.",
                },
                {
                    "text": "Bedrifter som ansetter unge, slipper å betale lønn det første året",
                    "is_correct": False,
                    "feedback": "Nei – ansatte får vanlig lønn, eventuelt med lønnstilskudd.",
                },
                {
                    "text": "Den gjelder bare unge som har fullført videregående skole",
                    "is_correct": False,
                    "feedback": "Nei – den gjelder unge som trenger hjelp, også uten fullført skole.",
                },
            ],
        },
        {
            "kind": "multiple",
            "text": (
                "Hva står oftest i veien for innvandrere som er utenfor arbeidslivet? "
                "Velg alle som passer."
            ),
            "explanation": (
                "Årsaken er sjelden mangel på evner. Oftere handler det om språkkrav, "
                "manglende norsk nettverk, godkjenning av utdanning og de uskrevne reglene "
                "på norske arbeidsplasser."
            ),
            "partial_credit": True,
            "measure": None,
            "choices": [
                {
                    "text": "Krav om flytende norsk, også der jobben ikke trenger det",
                    "is_correct": True,
                    "feedback": "Ja – spør hvor godt norsk jobben faktisk krever.",
                },
                {
                    "text": "Lite norsk nettverk",
                    "is_correct": True,
                    "feedback": "Ja – mange stillinger blir besatt gjennom bekjente.",
                },
                {
                    "text": "Utdanning fra et annet land som er vanskelig å vurdere",
                    "is_correct": True,
                    "feedback": "Ja – se på hva personen har gjort, ikke bare på vitnemålet.",
                },
                {
                    "text": "Mangel på evner",
                    "is_correct": False,
                    "feedback": "Nei – mange har mye kompetanse som lokale bedrifter trenger.",
                },
            ],
        },
    ],
}


# ---------------------------------------------------------------------------
# Opplæring
# ---------------------------------------------------------------------------

QUIZ_OPPLAERING = {
    "key": "quiz-opplaering",
    "title": "Test deg selv: opplæring",
    "area": "training",
    "instructions": _instructions(
        "opplæringsplanen, veilederen på arbeidsplassen og veier til kompetanse"
    ),
    "pass_mark": 60,
    "questions": [
        {
            "kind": "single",
            "text": "Hvor omfattende må en opplæringsplan for de første ukene være?",
            "explanation": (
                "Planen trenger ikke være lang – ett ark holder. Det viktigste er at den sier "
                "hva personen skal lære, når det skal skje, og hvem som har ansvaret."
            ),
            "partial_credit": False,
            "measure": None,
            "choices": [
                {
                    "text": "Ett ark holder, så lenge den sier hva, når og hvem som har ansvaret",
                    "is_correct": True,
                    "feedback": "Riktig – kort og tydelig er best.",
                },
                {
                    "text": "Den må være en detaljert rapport som NAV skal godkjenne side for side",
                    "is_correct": False,
                    "feedback": "Nei – en enkel plan er nok.",
                },
                {
                    "text": "Det trengs ingen skriftlig plan; opplæringen går seg til",
                    "is_correct": False,
                    "feedback": "Nei – uten plan blir opplæringen lett tilfeldig.",
                },
            ],
        },
        {
            "kind": "multiple",
            "text": "Hva bør være med i opplæringsplanen? Velg alle som passer.",
            "explanation": (
                "En god plan har navnet på veilederen, konkrete oppgaver for hver uke med "
                "økende krav og faste tidspunkter for korte oppfølgingssamtaler. "
                "Helseopplysninger hører ikke hjemme i planen."
            ),
            "partial_credit": True,
            "measure": None,
            "choices": [
                {
                    "text": "Navnet på veilederen og hvordan den nye får tak i henne eller ham",
                    "is_correct": True,
                    "feedback": "Ja – den nye skal vite hvem hun eller han kan spørre.",
                },
                {
                    "text": "Konkrete oppgaver for hver uke, med økende krav",
                    "is_correct": True,
                    "feedback": "Ja – det gir mestring steg for steg.",
                },
                {
                    "text": "Faste tidspunkter for korte oppfølgingssamtaler",
                    "is_correct": True,
                    "feedback": "Ja – kort og ofte er bedre enn langt og sjelden.",
                },
                {
                    "text": "En beskrivelse av medarbeiderens helse og diagnoser",
                    "is_correct": False,
                    "feedback": "Nei – helseopplysninger er private og hører ikke hjemme her.",
                },
            ],
        },
        {
            "kind": "true_false",
            "text": (
                "Veilederen på arbeidsplassen har ansvaret for spørsmål om lønn, tiltak og "
                "arbeidsavtale."
            ),
            "explanation": (
                "Veilederen er den nye medarbeiderens faste kontaktperson i hverdagen, men "
                "ikke personalleder eller saksbehandler. Spørsmål om lønn, tiltak, helse og "
                "arbeidsavtale hører hjemme hos lederen, NAV eller tiltaksarrangøren."
            ),
            "partial_credit": False,
            "measure": None,
            "choices": _true_false(
                False,
                feedback_true="Nei – det hører hjemme hos lederen, NAV eller tiltaksarrangøren.",
                feedback_false="Riktig – det er en lettelse for veilederen å vite hvor grensene går.",
            ),
        },
        {
            "kind": "single",
            "text": "Hva kjennetegner en lærekandidat?",
            "explanation": (
                "En lærekandidat tar opplæring mot et mindre omfattende mål enn fullt fagbrev "
                "og avslutter med en kompetanseprøve og et kompetansebevis. En lærling tar hele "
                "fagbrevet, og en praksiskandidat tar fagprøven på grunnlag av lang erfaring."
            ),
            "partial_credit": False,
            "measure": "fag-og-yrkesopplaering",
            "choices": [
                {
                    "text": "Tar opplæring mot et mindre omfattende mål enn fullt fagbrev og får kompetansebevis",
                    "is_correct": True,
                    "feedback": "Riktig – det kan senere bygges videre på.",
                },
                {
                    "text": "Tar hele fagbrevet eller svennebrevet i en godkjent lærebedrift",
                    "is_correct": False,
                    "feedback": "Det beskriver en lærling.",
                },
                {
                    "text": "Er en voksen med lang erfaring som tar fagprøven uten å ha vært lærling",
                    "is_correct": False,
                    "feedback": "Det beskriver en praksiskandidat.",
                },
                {
                    "text": "Går på et kort kurs som NAV kjøper for arbeidssøkere",
                    "is_correct": False,
                    "feedback": "Det beskriver arbeidsmarkedsopplæring (AMO).",
                },
            ],
        },
        {
            "kind": "multiple",
            "text": "Hva stemmer om arbeidsmarkedsopplæring (AMO)? Velg alle som passer.",
            "explanation": (
                "AMO er kurs som NAV kjøper for arbeidssøkere som trenger kvalifisering, og "
                "kurs kan noen ganger settes opp sammen med bedrifter som mangler folk. "
                "Bedriften søker ikke selv om kursplass; det avtaler jobbsøkeren med NAV."
            ),
            "partial_credit": False,
            "measure": "arbeidsmarkedsopplaering",
            "choices": [
                {
                    "text": "NAV kjøper kursene for arbeidssøkere som trenger kvalifisering",
                    "is_correct": True,
                    "feedback": "Ja – for eksempel bransjekurs eller arbeidsrettet norsk.",
                },
                {
                    "text": "Kurs kan noen ganger settes opp i samarbeid med bedrifter som mangler folk",
                    "is_correct": True,
                    "feedback": "Ja – si fra til NAV hvilken kompetanse dere trenger.",
                },
                {
                    "text": "Bedriften søker selv om kursplass for jobbsøkeren",
                    "is_correct": False,
                    "feedback": "Nei – det avtaler jobbsøkeren med NAV.",
                },
                {
                    "text": "Et AMO-kurs gir alltid et fullt fagbrev",
                    "is_correct": False,
                    "feedback": "Nei – AMO er kortere kurs; fagbrev tas gjennom fag- og yrkesopplæring.",
                },
            ],
        },
    ],
}


# ---------------------------------------------------------------------------
# Støtte og samarbeid
# ---------------------------------------------------------------------------

QUIZ_STOTTE = {
    "key": "quiz-stotte-og-samarbeid",
    "title": "Test deg selv: støtte og samarbeid",
    "area": "support",
    "instructions": _instructions(
        "samarbeid med NAV og arbeidsinkluderingsbedriftene, oppfølgingstrekanten og "
        "nettverk mellom bedrifter"
    ),
    "pass_mark": 60,
    "questions": [
        {
            "kind": "single",
            "text": (
                "Du ringer markedskontakten i NAV for første gang. Hva er lurest å "
                "begynne med?"
            ),
            "explanation": (
                "Start med bedriftens behov, ikke med tiltakene. Når markedskontakten vet "
                "hvilke oppgaver og arbeidstider dere har, kan hun eller han lete bredt etter "
                "kandidater og foreslå riktig ordning."
            ),
            "partial_credit": False,
            "measure": None,
            "choices": [
                {
                    "text": "Bedriftens behov: oppgavene som venter, arbeidstidene og hva som skal til for å lykkes",
                    "is_correct": True,
                    "feedback": "Riktig – da kan NAV finne både kandidat og riktig ordning.",
                },
                {
                    "text": "En liste over alle tilskuddene dere ønsker å få",
                    "is_correct": False,
                    "feedback": "Tiltakene kommer etterpå; start med behovet.",
                },
                {
                    "text": "Å be om en full oversikt over regelverket før du sier noe om bedriften",
                    "is_correct": False,
                    "feedback": "Du trenger ikke kunne systemet – det er markedskontaktens jobb.",
                },
            ],
        },
        {
            "kind": "multiple",
            "text": "Hvem er de tre partene i oppfølgingstrekanten? Velg alle som passer.",
            "explanation": (
                "Oppfølgingstrekanten består av deg som arbeidsgiver, den nye medarbeideren og "
                "en oppfølger fra NAV, en arbeidsinkluderingsbedrift eller for eksempel en "
                "jobbspesialist. Trekanten fungerer bare når alle tre snakker sammen."
            ),
            "partial_credit": True,
            "measure": "oppfolging",
            "choices": [
                {
                    "text": "Deg som arbeidsgiver",
                    "is_correct": True,
                    "feedback": "Ja – du har ansvaret for hverdagen på jobben.",
                },
                {
                    "text": "Den nye medarbeideren",
                    "is_correct": True,
                    "feedback": "Ja – medarbeideren sier fra og er med på å finne løsninger.",
                },
                {
                    "text": "En oppfølger fra NAV, en arbeidsinkluderingsbedrift eller en jobbspesialist",
                    "is_correct": True,
                    "feedback": "Ja – oppfølgeren kjenner regelverket og personen.",
                },
                {
                    "text": "Bedriftens kunder",
                    "is_correct": False,
                    "feedback": "Nei – kundene er ikke en del av trekanten.",
                },
            ],
        },
        {
            "kind": "true_false",
            "text": (
                "Står dere fast i et langt eller gjentatt sykefravær, selv etter vanlig "
                "oppfølging og tilrettelegging, kan NAV gi tilskudd til ekspertbistand."
            ),
            "explanation": (
                "Med ekspertbistand kan dere leie inn en nøytral, ekstern ekspert som "
                "kartlegger situasjonen og foreslår løsninger. Den ansatte, lederen og NAV må "
                "være enige, og tilskuddet dekker ikke behandling."
            ),
            "partial_credit": False,
            "measure": "ekspertbistand",
            "choices": _true_false(
                True,
                feedback_true="Riktig – søk og vent på svar før eksperten begynner.",
                feedback_false="Jo, det stemmer – ekspertbistand er laget for slike situasjoner.",
            ),
        },
        {
            "kind": "single",
            "text": (
                "En ny medarbeider har hatt økende fravær de siste ukene. Hva anbefaler "
                "leksjonen at du gjør?"
            ),
            "explanation": (
                "Vent ikke til neste planlagte møte. Ta en rolig prat, beskriv det du ser uten "
                "å tolke det, spør hva som kan hjelpe, og ring deretter oppfølgeren."
            ),
            "partial_credit": False,
            "measure": None,
            "choices": [
                {
                    "text": "Ta en rolig prat, beskriv det du ser uten å tolke, og kontakt oppfølgeren",
                    "is_correct": True,
                    "feedback": "Riktig – tidlig kontakt gjør det lettere å finne små grep.",
                },
                {
                    "text": "Vente til neste planlagte oppfølgingsmøte",
                    "is_correct": False,
                    "feedback": "Nei – ta tak i det med en gang.",
                },
                {
                    "text": "Spørre hvilken diagnose som ligger bak fraværet",
                    "is_correct": False,
                    "feedback": "Nei – du trenger ikke helseopplysninger; spør hva som kan hjelpe.",
                },
                {
                    "text": "Avslutte arbeidsforholdet med en gang",
                    "is_correct": False,
                    "feedback": "Nei – prøv først små grep sammen med oppfølgeren.",
                },
            ],
        },
        {
            "kind": "multiple",
            "text": (
                "Hvordan kan en liten bedrift bidra til inkludering uten å ansette noen "
                "med en gang? Velg alle som passer."
            ),
            "explanation": (
                "Dere kan bli mentor i JobbAsker og dele tid, nettverk og bransjekunnskap, "
                "eller kjøpe varer og tjenester fra en arbeidsinkluderingsbedrift. Deltakere "
                "på arbeidstrening skal komme i tillegg til vanlig bemanning, ikke erstatte den."
            ),
            "partial_credit": False,
            "measure": "jobbasker-mentorprogram",
            "choices": [
                {
                    "text": "Bli mentor i JobbAsker-programmet til Asker Næringsforening",
                    "is_correct": True,
                    "feedback": "Ja – du deler tid, nettverk og kunnskap om bransjen.",
                },
                {
                    "text": "Kjøpe varer og tjenester fra en arbeidsinkluderingsbedrift",
                    "is_correct": True,
                    "feedback": "Ja – det skaper arbeid for folk som ellers ville stått utenfor.",
                },
                {
                    "text": "Bruke deltakere på arbeidstrening i stedet for å ansette vanlige folk",
                    "is_correct": False,
                    "feedback": "Nei – arbeidstrening skal ikke erstatte ordinære ansatte.",
                },
                {
                    "text": "Markedsføre sertifiseringen som en offisiell norsk standard",
                    "is_correct": False,
                    "feedback": "Nei – sertifiseringen er foreløpig ikke en norsk standard.",
                },
            ],
        },
    ],
}


QUIZZES = [
    QUIZ_HOLDNINGER,
    QUIZ_TILTAK,
    QUIZ_MALGRUPPER,
    QUIZ_OPPLAERING,
    QUIZ_STOTTE,
]
