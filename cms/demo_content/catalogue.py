"""Catalogue of target groups, providers and inclusion measures (bokmål).

Pure data, no Django imports. See the package docstring for the formats.
Amounts, percentages and durations are deliberately kept general: the rules
change, so every measure points the reader to nav.no or the provider for the
current conditions.
"""

ALL_GROUPS = [
    "unge-med-hull-i-cv",
    "nedsatt-funksjonsevne",
    "psykiske-helseutfordringer",
    "innvandrere-utenfor-arbeidslivet",
]


TARGET_GROUPS = [
    {
        "slug": "unge-med-hull-i-cv",
        "name": "Unge med hull i CV-en",
        "description": (
            "Mange unge har falt ut av skolen eller aldri fått den første jobben, og CV-en "
            "har derfor tomrom. Årsakene kan være mange: en avbrutt videregående, en tung "
            "periode, flytting eller rett og slett mangel på nettverk. Som arbeidsgiver "
            "trenger du ikke vite hvorfor hullet er der. Det som teller, er hva personen kan "
            "og vil nå. Mange unge vokser raskt når de får tydelige oppgaver, en fast person "
            "å spørre og jevnlige tilbakemeldinger. Se den første jobben som en læringsarena: "
            "god opplæring, faste rutiner og en leder som har tro på dem betyr ofte mer enn "
            "karakterer og attester. NAV har en forsterket innsats for unge under 30 år."
        ),
    },
    {
        "slug": "nedsatt-funksjonsevne",
        "name": "Personer med nedsatt funksjonsevne",
        "description": (
            "Nedsatt funksjonsevne kan handle om bevegelse, syn, hørsel, konsentrasjon, "
            "læring eller andre forhold, og den kan være synlig eller usynlig. Mange har "
            "utdanning og erfaring, men møter terskler i rekrutteringen: lokaler som ikke er "
            "tilgjengelige, unødvendig stive krav i stillingsannonsen eller usikkerhet hos "
            "arbeidsgiveren. Du trenger ikke kjenne noen diagnose. Spør heller hva personen "
            "trenger for å gjøre en god jobb, og tilpass ut fra det. Ofte er tilpasningene små "
            "og rimelige, og NAV kan bidra med hjelpemidler, tilskudd og råd. Husk at "
            "personen selv som regel kjenner sine behov best, og at god tilrettelegging ofte "
            "gjør arbeidsplassen bedre for alle."
        ),
    },
    {
        "slug": "psykiske-helseutfordringer",
        "name": "Personer med psykiske helseutfordringer",
        "description": (
            "Psykiske helseutfordringer er vanlige, og svært mange som har eller har hatt "
            "slike plager, står i jobb. Noen har likevel vært borte fra arbeidslivet en "
            "periode og trenger en trygg vei tilbake. For mange er arbeid en viktig del av "
            "bedringen, fordi jobben gir struktur, fellesskap og mestring. Som arbeidsgiver "
            "har du ikke krav på helseopplysninger, og du trenger dem heller ikke. Det du "
            "trenger, er en god samtale om arbeidstid, oppgaver, forventninger og hva dere "
            "gjør hvis en dag blir tung. Forutsigbarhet, litt fleksibilitet og en fast "
            "kontaktperson på jobben er ofte nøkkelen. Jobbspesialister, NAV og Fontenehuset "
            "kan støtte både deg og medarbeideren."
        ),
    },
    {
        "slug": "innvandrere-utenfor-arbeidslivet",
        "name": "Innvandrere utenfor arbeidslivet",
        "description": (
            "Innvandrere som står utenfor arbeidslivet, er en sammensatt gruppe. Noen har "
            "kommet som flyktninger og er midt i norskopplæringen, andre har høyere "
            "utdanning og lang yrkeserfaring fra hjemlandet, men har ikke fått innpass i "
            "Norge. Felles for mange er lite norsk nettverk og få referanser fra norske "
            "arbeidsplasser. Se etter kompetansen, ikke bare etter feilfri norsk: mange "
            "oppgaver kan løses godt med enkelt språk, og språket utvikler seg raskest på "
            "jobb. Vær tydelig på de uskrevne reglene hos dere, og sett av tid til "
            "opplæring. Kommunen, NAV og mentorprogrammer kan hjelpe med språkpraksis, "
            "kvalifisering og oppfølging."
        ),
    },
]


PROVIDERS = [
    {
        "slug": "nav",
        "name": "NAV Asker",
        "kind": "nav",
        "description": (
            "NAV Asker er det lokale NAV-kontoret for hele Asker kommune og et samarbeid "
            "mellom staten og kommunen. Kontoret følger opp jobbsøkere og har egne "
            "markedskontakter som hjelper bedrifter med rekruttering, kandidater og "
            "virkemidler som lønnstilskudd, arbeidstrening og mentor. Er du usikker på hvor "
            "du skal begynne, kan du ringe NAVs arbeidsgivertelefon og be om å bli satt i "
            "kontakt med NAV Asker. Oppdaterte regler for alle tiltak finner du på nav.no."
        ),
        "website": "https://www.nav.no/arbeidsgiver",
        "phone": "55 55 33 36",
        "email": "",
        "address": "",
    },
    {
        "slug": "nav-hjelpemiddelsentral",
        "name": "NAV Hjelpemiddelsentral",
        "kind": "nav",
        "description": (
            "Hvert fylke har en NAV Hjelpemiddelsentral. Sentralen har fagfolk som kjenner "
            "både tekniske løsninger og arbeidsliv, og gir råd om tilrettelegging av "
            "arbeidsplassen når en ansatt eller jobbsøker har varig nedsatt funksjonsevne. "
            "Den formidler hjelpemidler som folketrygden dekker, og kan også gi råd i saker "
            "der bedriften selv betaler. Hjelpemiddelsentralen vurderer dessuten søknader om "
            "funksjonsassistanse i arbeidslivet. Finn riktig sentral og kontaktinformasjon "
            "på nav.no."
        ),
        "website": "https://www.nav.no",
        "phone": "",
        "email": "",
        "address": "",
    },
    {
        "slug": "asker-kommune",
        "name": "Asker kommune",
        "kind": "municipality",
        "description": (
            "Asker kommune har ansvar for introduksjonsprogrammet for nyankomne flyktninger "
            "og for en rekke tjenester som berører arbeid og inkludering, blant annet "
            "kommunale arbeidssentre, psykisk helse og samarbeidet med NAV om de sosiale "
            "tjenestene. Kommunen er også en stor arbeidsgiver og innkjøper, og støtter "
            "lokalt samarbeid om sosial bærekraft. Bedrifter som vil tilby språkpraksis, "
            "arbeidspraksis eller jobb, kan kontakte kommunen via asker.kommune.no."
        ),
        "website": "https://www.asker.kommune.no",
        "phone": "",
        "email": "",
        "address": "",
    },
    {
        "slug": "asker-produkt",
        "name": "Asker Produkt",
        "kind": "work_inclusion_enterprise",
        "description": (
            "Asker Produkt er en arbeidsinkluderingsbedrift i Asker som kombinerer ekte "
            "produksjon med opplæring og tilrettelagt arbeid. Bedriften holder til i "
            "Solbråveien og har blant annet produksjonskjøkken, bakeri, kafé, skilt- og "
            "treproduksjon og vaskeri. Her jobber både personer i varig tilrettelagt arbeid "
            "og personer i arbeidstrening. Asker Produkt er partner i Sosial Profil og kan "
            "være en god samarbeidspartner for bedrifter som vil ta imot kandidater eller "
            "kjøpe varer og tjenester med sosial profil."
        ),
        "website": "https://www.aprod.no",
        "phone": "",
        "email": "",
        "address": "",
    },
    {
        "slug": "fontenehuset-asker",
        "name": "Fontenehuset Asker",
        "kind": "other",
        "description": (
            "Fontenehuset Asker er et arbeidsfellesskap for mennesker som har eller har hatt "
            "psykiske helseutfordringer. Medlemmer og ansatte driver huset sammen gjennom en "
            "arbeidsorientert dag, og medlemskapet er frivillig. Fontenehuset hjelper "
            "medlemmer videre til utdanning og arbeid, blant annet gjennom overgangsarbeid i "
            "vanlige bedrifter, arbeid med støtte og oppfølging av medlemmer som allerede er "
            "i jobb. Fontenehuset er partner i Sosial Profil."
        ),
        "website": "https://www.fontenehusetasker.no",
        "phone": "",
        "email": "",
        "address": "",
    },
    {
        "slug": "asker-naeringsforening",
        "name": "Asker Næringsforening",
        "kind": "other",
        "description": (
            "Asker Næringsforening er interesseorganisasjonen for næringslivet i Asker, med "
            "medlemsbedrifter i alle størrelser fra hele kommunen. Foreningen arrangerer "
            "møteplasser, kurs og nettverk, og har satt sosial bærekraft høyt på agendaen. "
            "Den tok initiativet til Sosial Profil Asker sammen med lokale "
            "arbeidsinkluderingsaktører, kommunen og NAV, og står bak mentorprogrammet "
            "JobbAsker. For små bedrifter er foreningen en naturlig arena for å dele "
            "erfaringer med inkludering."
        ),
        "website": "https://www.askern.no",
        "phone": "",
        "email": "",
        "address": "",
    },
]


MEASURES = [
    {
        "slug": "midlertidig-lonnstilskudd",
        "name": "Midlertidig lønnstilskudd",
        "provider": "nav",
        "kind": "wage_subsidy",
        "area": "measures",
        "target_groups": list(ALL_GROUPS),
        "summary": (
            "NAV dekker en del av lønnskostnadene i en periode når du ansetter en person som "
            "har problemer med å få vanlig jobb. Målet er en varig ansettelse."
        ),
        "who_may_use": (
            "Alle arbeidsgivere, private og offentlige, kan bruke ordningen. Den som "
            "ansettes, må være tilknyttet NAV, og NAV må ha vurdert at personen trenger "
            "lønnstilskudd for å komme i jobb, for eksempel på grunn av lite arbeidserfaring, "
            "lang tid utenfor arbeidslivet eller nedsatt arbeidsevne. Du ansetter på vanlige "
            "vilkår, med ordinær lønn og arbeidsavtale, i hel- eller deltid. Hvor stor del av "
            "lønnen som dekkes og hvor lenge, avhenger av personens behov og gjeldende regler. "
            "Sjekk satser og varighet på nav.no."
        ),
        "how_to_apply": (
            "<p>Lønnstilskuddet må være avtalt før arbeidsforholdet starter.</p>"
            "<ol>"
            "<li>Kontakt NAV Asker eller arbeidsgivertelefonen (55 55 33 36) og fortell om "
            "stillingen, eller om kandidaten du har i tankene.</li>"
            "<li>NAV vurderer om kandidaten kan få lønnstilskudd.</li>"
            "<li>Du eller NAV-veilederen oppretter en digital avtale. Kandidaten, du og NAV "
            "godkjenner den før oppstart.</li>"
            "<li>Skriv en vanlig arbeidsavtale og avtal hvordan dere følger opp.</li>"
            "<li>Send refusjonskrav digitalt etter hver tilskuddsperiode.</li>"
            "</ol>"
        ),
        "link": "https://www.nav.no/arbeidsgiver/midlertidig-lonnstilskudd",
    },
    {
        "slug": "varig-lonnstilskudd",
        "name": "Varig lønnstilskudd",
        "provider": "nav",
        "kind": "wage_subsidy",
        "area": "measures",
        "target_groups": ["nedsatt-funksjonsevne", "psykiske-helseutfordringer"],
        "summary": (
            "Langvarig lønnstilskudd når du ansetter en person med varig og vesentlig nedsatt "
            "arbeidsevne. NAV vurderer tilskuddet jevnlig sammen med bedriften."
        ),
        "who_may_use": (
            "For arbeidsgivere som ansetter, eller allerede har ansatt, en person som NAV har "
            "vurdert til å ha varig og vesentlig nedsatt arbeidsevne, for eksempel personer "
            "med hel eller gradert uføretrygd. Stillingen er ordinær, med vanlig lønn og "
            "arbeidsavtale. Tilskuddet kan vare så lenge vilkårene er oppfylt, men nivået "
            "justeres etter hvor mye tilrettelegging som trengs, og faller bort hvis "
            "arbeidsevnen bedres. Gjeldende satser og øvre grenser står på nav.no."
        ),
        "how_to_apply": (
            "<ol>"
            "<li>Kontakt NAV Asker, gjerne markedskontakten, og beskriv arbeidsoppgavene og "
            "hvilken kandidat det gjelder.</li>"
            "<li>NAV avklarer om kandidaten oppfyller vilkårene for varig lønnstilskudd.</li>"
            "<li>Avtalen opprettes digitalt av deg eller NAV og godkjennes av alle tre parter "
            "før oppstart.</li>"
            "<li>Avtal faste oppfølgingsmøter. NAV går gjennom tilskuddet med dere med jevne "
            "mellomrom.</li>"
            "<li>Send refusjonskrav digitalt etter hver periode.</li>"
            "</ol>"
            "<p>Spør samtidig om mentor eller inkluderingstilskudd kan være aktuelt.</p>"
        ),
        "link": "https://www.nav.no/arbeidsgiver/varig-lonnstilskudd",
    },
    {
        "slug": "arbeidstrening",
        "name": "Arbeidstrening",
        "provider": "nav",
        "kind": "work_trial",
        "area": "measures",
        "target_groups": list(ALL_GROUPS),
        "summary": (
            "La en jobbsøker prøve seg i vanlige arbeidsoppgaver hos dere og få erfaring og "
            "referanse. Deltakeren er ikke ansatt og får sin ytelse fra NAV."
        ),
        "who_may_use": (
            "Arbeidstrening passer for jobbsøkere med lite eller mangelfull arbeidserfaring, "
            "eller med nedsatt arbeidsevne, som NAV mener trenger denne formen for hjelp. Alle "
            "ordinære virksomheter kan tilby arbeidstrening. Deltakeren skal komme i tillegg "
            "til vanlig bemanning, ikke erstatte ansatte, og skal ha en fast person å jobbe "
            "sammen med. Bedriften får ikke lønnstilskudd for arbeidstrening, men kan søke "
            "inkluderingstilskudd eller mentor ved ekstra kostnader. Varigheten tilpasses "
            "behovet; se nav.no."
        ),
        "how_to_apply": (
            "<ol>"
            "<li>Meld interesse til NAV Asker eller en arbeidsinkluderingsbedrift, eller snakk "
            "med en jobbsøker som har en NAV-veileder.</li>"
            "<li>Hold et møte med kandidaten og NAV der dere avklarer mål, oppgaver, "
            "arbeidstid og hvem som er kontaktperson hos dere.</li>"
            "<li>Avtalen om arbeidstrening opprettes digitalt og godkjennes av deg, deltakeren "
            "og NAV. Ingen kan starte før NAV har godkjent.</li>"
            "<li>Følg opp i hverdagen og ha jevnlige samtaler med NAV. Vurder underveis om "
            "arbeidstreningen kan føre til ansettelse, eventuelt med lønnstilskudd.</li>"
            "</ol>"
        ),
        "link": "https://www.nav.no/arbeidsgiver",
    },
    {
        "slug": "mentor",
        "name": "Mentor (tilskudd til mentor)",
        "provider": "nav",
        "kind": "mentor",
        "area": "support",
        "target_groups": list(ALL_GROUPS),
        "summary": (
            "NAV kan dekke timene en kollega bruker på å veilede en ny medarbeider eller "
            "deltaker. Mentoren gir trygghet, opplæring og en fast person å spørre."
        ),
        "who_may_use": (
            "Tilskudd til mentor gis til arbeidsgivere når en deltaker eller ansatt trenger "
            "ekstra veiledning eller opplæring på jobben, oftest sammen med arbeidstrening, "
            "lønnstilskudd eller opplæringstiltak. Det kan også gis når en person med nedsatt "
            "arbeidsevne trenger det for å få eller beholde vanlig arbeid. Mentoren er som "
            "regel en kollega, og tilskuddet dekker lønn for de avtalte mentortimene. "
            "Omfang og varighet tilpasses behovet; se nav.no for gjeldende regler."
        ),
        "how_to_apply": (
            "<ol>"
            "<li>Velg en kollega som har tid, tålmodighet og lyst til å være mentor, og anslå "
            "hvor mange timer i uken som trengs.</li>"
            "<li>Ta det opp med NAV-veilederen eller markedskontakten før oppstart.</li>"
            "<li>Avtalen om mentortilskudd opprettes digitalt av deg eller NAV. Det må være "
            "bestemt hvem som skal være mentor.</li>"
            "<li>Deltakeren, du og NAV godkjenner avtalen før mentorperioden starter.</li>"
            "<li>Før en enkel oversikt over mentortimene og søk om refusjon digitalt.</li>"
            "</ol>"
        ),
        "link": "https://www.nav.no/arbeidsgiver/mentor",
    },
    {
        "slug": "inkluderingstilskudd",
        "name": "Inkluderingstilskudd",
        "provider": "nav",
        "kind": "adaptation",
        "area": "measures",
        "target_groups": list(ALL_GROUPS),
        "summary": (
            "Dekker dokumenterte ekstrakostnader når dere tilrettelegger for en deltaker eller "
            "nyansatt, for eksempel utstyr, programvare, arbeidstøy eller vurdering av behov."
        ),
        "who_may_use": (
            "For ordinære arbeidsgivere som får merutgifter til tilrettelegging for en person "
            "som deltar i et arbeidsrettet tiltak, som arbeidstrening eller lønnstilskudd, "
            "eller som får annen arbeidsrettet bistand fra NAV. Tilskuddet dekker kostnader "
            "ut over det bedriften normalt har ved en ansettelse, opp til en øvre sats. Det "
            "dekker ikke hjelpemidler som folketrygden betaler gjennom hjelpemiddelsentralen, "
            "og heller ikke utgifter som dekkes på annen måte. Sjekk maksimalbeløpet på nav.no."
        ),
        "how_to_apply": (
            "<ol>"
            "<li>Kartlegg sammen med medarbeideren hva som trengs, og hent inn pristilbud.</li>"
            "<li>Snakk med NAV-veilederen om behovet før du kjøper noe.</li>"
            "<li>Få avtalen eller tilsagnet om inkluderingstilskudd på plass digitalt før "
            "innkjøpet gjøres.</li>"
            "<li>Gjennomfør tilretteleggingen.</li>"
            "<li>Send refusjonskrav med kvitteringer som viser hva som er kjøpt, beløp og "
            "betalingsdato.</li>"
            "</ol>"
            "<p>Ta vare på all dokumentasjon; NAV betaler etterskuddsvis.</p>"
        ),
        "link": "https://www.nav.no/arbeidsgiver/inkluderingstilskudd",
    },
    {
        "slug": "arbeidsmarkedsopplaering",
        "name": "Arbeidsmarkedsopplæring (AMO-kurs)",
        "provider": "nav",
        "kind": "training",
        "area": "training",
        "target_groups": ["unge-med-hull-i-cv", "innvandrere-utenfor-arbeidslivet"],
        "summary": (
            "Kortere kurs som NAV kjøper inn for jobbsøkere, for eksempel bransjekurs, "
            "sertifikater eller arbeidsrettet norsk. Kan settes opp i samarbeid med bedrifter "
            "som mangler folk."
        ),
        "who_may_use": (
            "Arbeidsmarkedsopplæring er for jobbsøkere som trenger ny eller oppdatert "
            "kompetanse for å få jobb, og som NAV har vurdert har behov for det. For "
            "arbeidsgivere er ordningen interessant når dere sliter med å rekruttere: NAV kan "
            "i noen tilfeller sette opp kurs i samarbeid med en eller flere bedrifter, gjerne "
            "med praksis hos dere, slik at deltakerne er klare for jobb etterpå. Kurstilbudet "
            "varierer over tid og fra sted til sted."
        ),
        "how_to_apply": (
            "<ol>"
            "<li>Beskriv rekrutteringsbehovet for markedskontakten i NAV Asker: hvilke "
            "stillinger, hvilke ferdigheter og når dere trenger folk.</li>"
            "<li>Spør om det finnes, eller kan settes opp, et arbeidsmarkedskurs som passer, "
            "og om dere kan bidra med praksisplasser eller undervisning.</li>"
            "<li>Delta gjerne i utvelgelsen av kandidater og i praksisdelen.</li>"
            "<li>Vurder ansettelse etter kurset, eventuelt med lønnstilskudd eller mentor.</li>"
            "</ol>"
            "<p>Bedriften søker ikke selv om kursplass; det avtaler jobbsøkeren med NAV.</p>"
        ),
        "link": "https://www.nav.no/arbeidsgiver",
    },
    {
        "slug": "fag-og-yrkesopplaering",
        "name": "Opplæring: fag- og yrkesopplæring",
        "provider": "nav",
        "kind": "training",
        "area": "training",
        "target_groups": [
            "unge-med-hull-i-cv",
            "innvandrere-utenfor-arbeidslivet",
            "nedsatt-funksjonsevne",
        ],
        "summary": (
            "NAV kan gi voksne jobbsøkere opplæring som fører fram til fagbrev, svennebrev, "
            "praksisbrev eller kompetansebevis, ofte med læretid i en vanlig bedrift."
        ),
        "who_may_use": (
            "Tiltaket er for voksne jobbsøkere som NAV vurderer trenger formell kompetanse for "
            "å få varig jobb, for eksempel unge som ikke fullførte videregående, innvandrere "
            "med erfaring men uten norsk fagbrev, eller personer som må omskolere seg. "
            "Bedrifter som er eller kan bli godkjent lærebedrift, kan ta imot lærlinger eller "
            "lærekandidater. Opplæringen skjer i samarbeid med fylkeskommunen og ofte et "
            "opplæringskontor, og lærebedrifter kan få lærlingtilskudd. Se nav.no for "
            "gjeldende vilkår."
        ),
        "how_to_apply": (
            "<ol>"
            "<li>Finn ut om bedriften er godkjent lærebedrift. Hvis ikke, kontakt "
            "fylkeskommunen eller opplæringskontoret i bransjen.</li>"
            "<li>Fortell NAV Asker hvilke fag dere trenger folk i.</li>"
            "<li>NAV og fylkeskommunen avklarer hvilke kandidater som kan få fag- og "
            "yrkesopplæring, og hvordan skole og praksis kombineres.</li>"
            "<li>Inngå lærekontrakt eller opplæringskontrakt og avtal oppfølging.</li>"
            "<li>Spør om mentor eller lønnstilskudd kan brukes i deler av løpet.</li>"
            "</ol>"
        ),
        "link": "https://www.nav.no/arbeidsgiver",
    },
    {
        "slug": "funksjonsassistanse",
        "name": "Funksjonsassistanse i arbeidslivet",
        "provider": "nav",
        "kind": "adaptation",
        "area": "support",
        "target_groups": ["nedsatt-funksjonsevne"],
        "summary": (
            "Praktisk hjelp i arbeidshverdagen for ansatte med omfattende fysisk "
            "funksjonsnedsettelse eller sterkt nedsatt syn. NAV dekker lønn til assistenten."
        ),
        "who_may_use": (
            "Ordningen gjelder personer som er i jobb eller skal begynne i jobb, og som har en "
            "omfattende og varig fysisk funksjonsnedsettelse eller er blinde eller sterkt "
            "svaksynte. Assistenten hjelper med praktiske gjøremål som forflytning, bæring, "
            "av- og påkledning, måltider, ledsaging eller jobbreiser, men utfører ikke selve "
            "arbeidsoppgavene. Annen tilrettelegging og hjelpemidler skal være vurdert først. "
            "NAV innvilger for en periode om gangen og vurderer omfanget jevnlig; se nav.no."
        ),
        "how_to_apply": (
            "<ol>"
            "<li>Snakk med medarbeideren om hvilke praktiske gjøremål som er krevende, og hva "
            "dere allerede har prøvd av tilrettelegging.</li>"
            "<li>Kontakt NAV Hjelpemiddelsentral eller NAV Asker for en vurdering. Ofte kommer "
            "hjelpemiddelsentralen på besøk.</li>"
            "<li>Avklar hvem som kan være assistent, for eksempel en kollega som frikjøpes "
            "eller en som ansettes, og hvor mange timer det gjelder.</li>"
            "<li>Arbeidsgiver og arbeidstaker sender søknaden sammen.</li>"
            "<li>Ved innvilgelse betaler NAV tilskuddet etterskuddsvis til assistentens "
            "arbeidsgiver.</li>"
            "</ol>"
        ),
        "link": "https://www.nav.no/arbeidsgiver",
    },
    {
        "slug": "hjelpemidler-arbeidsplassen",
        "name": "Hjelpemidler og tilrettelegging på arbeidsplassen",
        "provider": "nav-hjelpemiddelsentral",
        "kind": "adaptation",
        "area": "measures",
        "target_groups": ["nedsatt-funksjonsevne"],
        "summary": (
            "Hjelpemiddelsentralen gir råd om tilrettelegging og formidler hjelpemidler når en "
            "ansatt eller jobbsøker har varig nedsatt funksjonsevne."
        ),
        "who_may_use": (
            "Arbeidstakere og jobbsøkere med varig og vesentlig nedsatt funksjonsevne kan få "
            "hjelpemidler fra folketrygden når det er nødvendig for å få eller beholde arbeid, "
            "for eksempel tilpassede arbeidsstoler, lese- og skriveprogrammer, hørselstekniske "
            "løsninger eller ombygging av maskiner. Utstyr som er vanlig på tilsvarende "
            "arbeidsplasser, er arbeidsgivers ansvar etter arbeidsmiljøloven. "
            "Hjelpemiddelsentralen gir også råd når bedriften betaler selv. Hjelpemidlene "
            "følger personen og kan tas med til en ny jobb."
        ),
        "how_to_apply": (
            "<ol>"
            "<li>Start med en samtale med medarbeideren om hva som gjør arbeidet vanskelig, og "
            "hva dere kan løse selv.</li>"
            "<li>Bruk gjerne bedriftshelsetjenesten, en ergoterapeut eller en fysioterapeut "
            "til en arbeidsplassvurdering.</li>"
            "<li>Søknaden om hjelpemidler sendes av den ansatte, ofte med hjelp fra en "
            "fagperson. Du bidrar med en beskrivelse av arbeidsplassen og oppgavene.</li>"
            "<li>Kontakt NAV Hjelpemiddelsentral for råd om løsninger, også der bedriften "
            "betaler.</li>"
            "<li>Følg opp at hjelpemidlet faktisk fungerer i hverdagen.</li>"
            "</ol>"
        ),
        "link": "https://www.nav.no/arbeidsgiver/tilretteleggingsplikt",
    },
    {
        "slug": "ekspertbistand",
        "name": "Ekspertbistand",
        "provider": "nav",
        "kind": "follow_up",
        "area": "support",
        "target_groups": ["nedsatt-funksjonsevne", "psykiske-helseutfordringer"],
        "summary": (
            "Tilskudd til å leie inn en nøytral ekspert når en ansatt har langt eller hyppig "
            "sykefravær og dere står fast. Eksperten kartlegger og foreslår løsninger."
        ),
        "who_may_use": (
            "Alle arbeidsgivere kan søke når en ansatt har eller har hatt langvarig eller "
            "gjentatt sykefravær, og vanlig oppfølging og tilrettelegging ikke har løst "
            "situasjonen. Den ansatte, lederen og NAV må være enige om at ekspertbistand er "
            "riktig. Eksperten må være ekstern og ha relevant godkjent utdanning eller "
            "autorisasjon, for eksempel psykolog, ergoterapeut eller arbeidsmiljøspesialist. "
            "Tilskuddet dekker ikke behandling og har et øvre beløp; se nav.no."
        ),
        "how_to_apply": (
            "<ol>"
            "<li>Gjennomfør den vanlige sykefraværsoppfølgingen og prøv ut tilrettelegging "
            "sammen med den ansatte.</li>"
            "<li>Kontakt NAV, forklar situasjonen og avklar om ekspertbistand er aktuelt.</li>"
            "<li>Finn en ekstern ekspert sammen med den ansatte og hent inn pristilbud.</li>"
            "<li>Søk digitalt og vent på svar før eksperten begynner.</li>"
            "<li>Etter oppdraget sender du ekspertens rapport og fakturaen til NAV for "
            "refusjon.</li>"
            "</ol>"
        ),
        "link": "https://www.nav.no/arbeidsgiver/ekspertbistand",
    },
    {
        "slug": "individuell-jobbstotte",
        "name": "Individuell jobbstøtte (IPS)",
        "provider": "nav",
        "kind": "follow_up",
        "area": "support",
        "target_groups": ["psykiske-helseutfordringer", "unge-med-hull-i-cv"],
        "summary": (
            "IPS er en metode der en jobbspesialist hjelper personer med psykiske helse- eller "
            "rusutfordringer raskt ut i vanlig jobb, og følger opp både dem og arbeidsgiveren."
        ),
        "who_may_use": (
            "IPS er for personer med psykiske lidelser og/eller rusproblemer som får "
            "behandling og ønsker vanlig lønnet arbeid. Det finnes også en egen variant for "
            "unge. Jobbspesialisten samarbeider tett med behandlerne og NAV, og tilbudet finnes "
            "der NAV og helsetjenesten har bygget det opp; spør NAV Asker. For arbeidsgivere "
            "betyr IPS en fast kontaktperson som kjenner kandidaten, hjelper med tilpasninger "
            "og følger opp så lenge det trengs. Bedriften trenger ingen spesiell kompetanse."
        ),
        "how_to_apply": (
            "<ol>"
            "<li>Du søker ikke selv. Ofte er det jobbspesialisten som tar kontakt med deg på "
            "vegne av en kandidat.</li>"
            "<li>Vil du være en åpen dør, si fra til NAV Asker at dere gjerne møter "
            "IPS-kandidater.</li>"
            "<li>Hold et uformelt møte med kandidaten og jobbspesialisten om oppgaver, "
            "arbeidstid og forventninger.</li>"
            "<li>Avtal hvordan og hvor ofte jobbspesialisten følger opp, og hvem du ringer hvis "
            "noe skjer.</li>"
            "<li>Kombiner eventuelt med lønnstilskudd eller mentor etter avtale med NAV.</li>"
            "</ol>"
        ),
        "link": "https://www.nav.no/arbeidsgiver",
    },
    {
        "slug": "arbeidsforberedende-trening",
        "name": "Arbeidsforberedende trening (AFT)",
        "provider": "asker-produkt",
        "kind": "work_trial",
        "area": "training",
        "target_groups": [
            "nedsatt-funksjonsevne",
            "psykiske-helseutfordringer",
            "unge-med-hull-i-cv",
        ],
        "summary": (
            "Arbeidstrening og avklaring i regi av en arbeidsinkluderingsbedrift, først i et "
            "tilrettelagt miljø og deretter gjerne ute i vanlige bedrifter som din."
        ),
        "who_may_use": (
            "AFT er for personer med nedsatt arbeidsevne som trenger en tettere og mer "
            "tilrettelagt vei til arbeid enn vanlig arbeidstrening. NAV bestemmer hvem som får "
            "plass, og tiltaket gjennomføres av godkjente arbeidsinkluderingsbedrifter. "
            "Deltakerne prøver ut oppgaver, får opplæring og finner ut hva de kan jobbe med. "
            "En viktig del skjer i ordinære bedrifter, og her kan din virksomhet bidra med "
            "utprøvingsplasser, med en veileder fra arbeidsinkluderingsbedriften i ryggen."
        ),
        "how_to_apply": (
            "<ol>"
            "<li>Kontakt Asker Produkt eller NAV Asker og spør hvilke AFT-tilbud som finnes "
            "lokalt, og fortell at dere kan ta imot deltakere til utprøving.</li>"
            "<li>Beskriv hvilke oppgaver og arbeidstider dere kan tilby, og hvem som blir "
            "kontaktperson hos dere.</li>"
            "<li>Møt deltakeren og veilederen før oppstart og lag en enkel plan.</li>"
            "<li>Veilederen følger opp både deltakeren og dere underveis.</li>"
            "<li>Når deltakeren er klar, drøft om neste steg kan være arbeidstrening, "
            "lønnstilskudd eller ansettelse hos dere.</li>"
            "</ol>"
        ),
        "link": "https://www.aprod.no",
    },
    {
        "slug": "varig-tilrettelagt-arbeid",
        "name": "Varig tilrettelagt arbeid (VTA)",
        "provider": "asker-produkt",
        "kind": "adaptation",
        "area": "measures",
        "target_groups": ["nedsatt-funksjonsevne"],
        "summary": (
            "Varig, tilrettelagt arbeid for personer med uføretrygd, i hovedsak i en "
            "arbeidsinkluderingsbedrift. Vanlige bedrifter kan bidra gjennom oppdrag og kjøp."
        ),
        "who_may_use": (
            "VTA er for personer som har eller ventes å få uføretrygd, og som trenger "
            "spesiell tilrettelegging og oppfølging for å kunne jobbe. NAV tildeler plassene. "
            "Arbeidstakerne er ansatt i arbeidsinkluderingsbedriften, for eksempel Asker "
            "Produkt, og lager varer og tjenester for et ekte marked. Ordinære bedrifter kan "
            "bidra ved å kjøpe varer og tjenester eller gi faste produksjonsoppdrag. Det finnes "
            "også en variant der arbeidet skjer i en ordinær virksomhet; da gjelder egne regler."
        ),
        "how_to_apply": (
            "<ol>"
            "<li>Kontakt Asker Produkt og spør hvilke produkter, tjenester og oppdrag de kan "
            "levere, for eksempel mat, bakevarer, skilt eller vask.</li>"
            "<li>Vurder om dere kan gi faste oppdrag som gir meningsfylt arbeid over tid.</li>"
            "<li>Ønsker dere at en VTA-arbeidstaker skal jobbe hos dere, drøft det med Asker "
            "Produkt og NAV Asker.</li>"
            "<li>Avtal kontaktpersoner og rutiner for kvalitet, levering og oppfølging.</li>"
            "</ol>"
            "<p>Innkjøp fra arbeidsinkluderingsbedrifter er en enkel måte å ta sosialt ansvar "
            "på, også for de minste bedriftene.</p>"
        ),
        "link": "https://www.aprod.no",
    },
    {
        "slug": "oppfolging",
        "name": "Oppfølging (tiltaket)",
        "provider": "nav",
        "kind": "follow_up",
        "area": "support",
        "target_groups": list(ALL_GROUPS),
        "summary": (
            "NAV kjøper oppfølging fra en tiltaksleverandør som støtter både jobbsøkeren og deg "
            "som arbeidsgiver, slik at ansettelsen blir god og varig."
        ),
        "who_may_use": (
            "Tiltaket er for personer som trenger ekstra støtte for å få eller beholde en "
            "jobb, for eksempel etter arbeidstrening eller i starten av en ny stilling. "
            "Oppfølgingen gis av en tiltaksleverandør på oppdrag fra NAV, eller av NAV selv. "
            "For bedriften betyr det en fast kontaktperson som kan hjelpe med opplæring, "
            "tilpasninger og samtaler hvis noe skurrer. Varigheten tilpasses behovet og kan "
            "forlenges etter NAVs vurdering; se nav.no."
        ),
        "how_to_apply": (
            "<ol>"
            "<li>Når du vurderer å ansette eller ta imot en kandidat, spør NAV om vedkommende "
            "har eller kan få oppfølging.</li>"
            "<li>Be om navn og telefonnummer til oppfølgeren før oppstart.</li>"
            "<li>Hold et oppstartsmøte med medarbeideren, oppfølgeren og nærmeste leder.</li>"
            "<li>Avtal faste, korte samtaler, for eksempel annenhver uke i starten.</li>"
            "<li>Ta kontakt med oppfølgeren tidlig hvis noe begynner å gå skeis.</li>"
            "</ol>"
        ),
        "link": "https://www.nav.no/arbeidsgiver",
    },
    {
        "slug": "introduksjonsprogrammet",
        "name": "Introduksjonsprogrammet",
        "provider": "asker-kommune",
        "kind": "training",
        "area": "training",
        "target_groups": ["innvandrere-utenfor-arbeidslivet"],
        "summary": (
            "Kommunens fulltids kvalifiseringsprogram for nyankomne flyktninger. Bedrifter kan "
            "bidra med språkpraksis, arbeidspraksis eller deltidsjobb underveis."
        ),
        "who_may_use": (
            "Programmet er for nyankomne flyktninger og deres familiegjenforente mellom 18 og "
            "55 år, etter integreringsloven. Det tilpasses den enkelte og kan inneholde "
            "norskopplæring, samfunnskunnskap, grunnskole, fagopplæring og arbeidsrettede "
            "elementer. Hvor lenge det varer, avhenger av deltakerens mål. Arbeidsgivere kan "
            "samarbeide med kommunen om språkpraksis, arbeidspraksis eller lønnet deltidsarbeid "
            "som en del av programmet."
        ),
        "how_to_apply": (
            "<ol>"
            "<li>Kontakt Asker kommune og be om å få snakke med dem som jobber med "
            "introduksjonsprogrammet og praksisplasser.</li>"
            "<li>Beskriv hvilke oppgaver dere kan tilby, hvor mye norsk som trengs, og hvem som "
            "kan være kontaktperson.</li>"
            "<li>Avtal praksisperiode, arbeidstid og mål sammen med deltakeren og "
            "programrådgiveren.</li>"
            "<li>Legg inn enkle språkgrep i hverdagen, som ordlister og faste fraser.</li>"
            "<li>Gi tilbakemelding og referanse, og vurder ansettelse med støtte fra NAV.</li>"
            "</ol>"
        ),
        "link": "https://www.asker.kommune.no",
    },
    {
        "slug": "jobbsjansen",
        "name": "Jobbsjansen",
        "provider": "asker-kommune",
        "kind": "training",
        "area": "target_groups",
        "target_groups": ["innvandrere-utenfor-arbeidslivet"],
        "summary": (
            "Statlig finansiert kvalifiseringsprogram som kommuner kan tilby hjemmeværende "
            "innvandrerkvinner langt fra arbeidslivet. Tidlig utplassering i bedrift står "
            "sentralt."
        ),
        "who_may_use": (
            "Hovedmålgruppen er hjemmeværende innvandrerkvinner mellom 18 og 55 år som ikke er "
            "i jobb eller utdanning og trenger kvalifisering. Kommuner søker IMDi om tilskudd "
            "til Jobbsjansen-prosjekter, så tilbudet finnes ikke i alle kommuner til enhver "
            "tid. Programmet legger vekt på tidlig utplassering på vanlige arbeidsplasser med "
            "tett oppfølging. For arbeidsgivere betyr det motiverte deltakere og en "
            "programrådgiver som støtter underveis."
        ),
        "how_to_apply": (
            "<ol>"
            "<li>Spør Asker kommune om kommunen har et Jobbsjansen-tilbud nå, og hvem som er "
            "kontaktperson.</li>"
            "<li>Fortell hvilke arbeidsoppgaver og praksisplasser dere kan tilby, og hvilke "
            "tider på dagen som passer.</li>"
            "<li>Møt deltakeren og programrådgiveren og avtal mål, arbeidstid og "
            "oppfølging.</li>"
            "<li>Gi en fast kollega ansvar for opplæring og språkstøtte i hverdagen.</li>"
            "<li>Vurder ansettelse ved slutten av praksisperioden, eventuelt med lønnstilskudd "
            "fra NAV.</li>"
            "</ol>"
        ),
        "link": "https://www.asker.kommune.no",
    },
    {
        "slug": "overgangsarbeid-fontenehuset",
        "name": "Overgangsarbeid i Fontenehuset",
        "provider": "fontenehuset-asker",
        "kind": "work_trial",
        "area": "target_groups",
        "target_groups": ["psykiske-helseutfordringer"],
        "summary": (
            "Tidsavgrensede deltidsjobber i vanlige bedrifter for medlemmer av Fontenehuset. "
            "Bedriften betaler ordinær lønn, og Fontenehuset gir opplæring og støtte."
        ),
        "who_may_use": (
            "Overgangsarbeid er for medlemmer av Fontenehuset Asker som vil tilbake til "
            "arbeidslivet etter en periode med psykiske helseutfordringer. Stillingen er et "
            "samarbeid mellom bedriften og Fontenehuset: et medlem har jobben i en avgrenset "
            "periode, får vanlig lønn og reelle oppgaver, og deretter tar et nytt medlem over. "
            "I motsetning til arbeidstrening er medlemmet altså ansatt hos dere. "
            "Fontenehuset lærer opp, følger opp og bidrar til at jobben blir gjort også ved "
            "fravær. Passer for bedrifter med en stabil, avgrenset deltidsoppgave."
        ),
        "how_to_apply": (
            "<ol>"
            "<li>Ta kontakt med Fontenehuset Asker og fortell om en oppgave som kan passe, "
            "gjerne noen timer i uken.</li>"
            "<li>Fontenehuset kommer på besøk for å lære seg jobben og avtale rammene.</li>"
            "<li>Dere inngår en avtale om overgangsarbeid, og medlemmet ansettes med ordinær "
            "lønn for perioden.</li>"
            "<li>Avtal kontaktperson hos dere og faste samtaler med Fontenehuset.</li>"
            "<li>Når perioden er over, tar et nytt medlem over plassen.</li>"
            "</ol>"
        ),
        "link": "https://www.fontenehusetasker.no",
    },
    {
        "slug": "jobbasker-mentorprogram",
        "name": "JobbAsker mentorprogram",
        "provider": "asker-naeringsforening",
        "kind": "mentor",
        "area": "attitudes",
        "target_groups": ["innvandrere-utenfor-arbeidslivet"],
        "summary": (
            "Mentorprogram fra Asker Næringsforening der ledere og fagfolk i lokalt næringsliv "
            "hjelper innvandrere med utdanning og erfaring inn i relevant arbeid."
        ),
        "who_may_use": (
            "Programmet retter seg mot innvandrere i Asker, ofte med høyere utdanning og "
            "yrkeserfaring fra hjemlandet, som ikke har fått jobb som svarer til kompetansen. "
            "Deltakerne får samlinger om norsk arbeidskultur, søknader og intervju, "
            "nettverksbygging og en personlig mentor. Ledere og fagpersoner i lokale "
            "virksomheter kan melde seg som mentorer. Programmet har vært drevet som pilot med "
            "offentlig støtte, så innhold og opptak kan variere fra år til år."
        ),
        "how_to_apply": (
            "<ol>"
            "<li>Kontakt Asker Næringsforening og spør når neste runde av JobbAsker "
            "starter.</li>"
            "<li>Meld deg eller en kollega som mentor, og sett av tid til faste møter i "
            "programperioden.</li>"
            "<li>Del nettverket ditt: inviter mentee med på bedriftsbesøk, møter eller "
            "hospitering.</li>"
            "<li>Gi ærlige råd om CV, søknader og uskrevne regler i bransjen.</li>"
            "<li>Si fra om ledige stillinger i bedriften og hos samarbeidspartnere.</li>"
            "</ol>"
        ),
        "link": "https://www.askern.no",
    },
    {
        "slug": "ungdomsinnsatsen",
        "name": "Ungdomsinnsatsen i NAV",
        "provider": "nav",
        "kind": "follow_up",
        "area": "target_groups",
        "target_groups": ["unge-med-hull-i-cv"],
        "summary": (
            "NAVs forsterkede innsats for unge under 30 år som trenger hjelp til å komme i jobb "
            "eller utdanning: fast kontaktperson, tett oppfølging og tilpassede tiltak."
        ),
        "who_may_use": (
            "Gjennom ungdomsgarantien, innført i 2023, skal unge mellom 16 og 30 år som "
            "trenger hjelp fra NAV for å komme i arbeid, få en fast kontaktperson og tidlig, "
            "tett og tilpasset oppfølging. For arbeidsgivere betyr det at NAV aktivt leter "
            "etter bedrifter som kan tilby arbeidstrening, sommerjobb, læreplass eller fast "
            "jobb, ofte kombinert med lønnstilskudd, mentor eller oppfølging. Alle bedrifter "
            "kan bidra, også de minste."
        ),
        "how_to_apply": (
            "<ol>"
            "<li>Ring NAV Asker eller arbeidsgivertelefonen (55 55 33 36) og si at dere kan ta "
            "imot unge.</li>"
            "<li>Beskriv oppgavene og hva som kreves, og vær åpen for kandidater uten lang "
            "erfaring.</li>"
            "<li>Møt ungdommen sammen med kontaktpersonen i NAV og avtal hva som passer: "
            "arbeidstrening, lønnstilskudd eller direkte ansettelse.</li>"
            "<li>Gi ungdommen en fast kollega å spørre og tydelige oppgaver de første "
            "ukene.</li>"
            "<li>Hold jevnlig kontakt med NAV og gi tilbakemelding underveis.</li>"
            "</ol>"
        ),
        "link": "https://www.nav.no/arbeidsgiver",
    },
]
