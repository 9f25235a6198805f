"""Demo validation cases for `seed_demo`, written for the demo (fictional people).

Candidates are workplace mentors in the demo firms, each with a new colleague they
mentor. A unit's portfolio (`PORTFOLIOS`) is written once with placeholders that
each candidate's context fills in (`CANDIDATES`); a case takes all of it or some
pieces. `CASES` lists the cases in the order they are built: the order matters,
because the external moderator's samples are drawn from the verified cases that
are waiting when a case asks for a draw (see validation/demo.py).
"""

from dataclasses import dataclass, field

from lms.accounts.roles import Role


class Stage:
    """How far a demo case is taken, through the services."""

    PLANNED = "planned"
    COLLECTING = "collecting"  # some pieces of evidence, criteria missing
    SUBMITTED = "submitted"  # waiting for the assessor
    NOT_YET = "not_yet"  # decided, some criteria not yet met, sent back
    ASSESSED = "assessed"  # sampled for internal verification, waiting
    VERIFIER_SENT_BACK = "verifier_sent_back"  # back with the assessor
    IN_SAMPLE = "in_sample"  # verified, in a moderation sample, waiting
    MODERATED = "moderated"  # confirmed by the moderator, report written
    CERTIFIED = "certified"  # verified and certified


# People the cases need besides those of lms.accounts.demo:
# (role, e-mail local part, first name, last name).
PEOPLE = [
    (Role.ASSESSOR, "validerer2", "Hilde", "Moen"),
    (Role.CANDIDATE, "kandidat2", "Lene", "Johansen"),
    (Role.CANDIDATE, "kandidat3", "Ole", "Kristiansen"),
    (Role.CANDIDATE, "kandidat4", "Sofie", "Lund"),
    (Role.CANDIDATE, "kandidat5", "Kristian", "Aasen"),
    (Role.CANDIDATE, "kandidat6", "Thea", "Berge"),
]

# Who signs off the quality steps (demo e-mail local parts).
VERIFIER = "kvalitetssikrer"
MODERATOR = "moderator"

# Each candidate's workplace and the people around their mentoring. Keys fill
# the placeholders of the portfolios below.
CANDIDATES = {
    "kandidat": {
        "workplace": "Askerbakeriet",
        "newcomer": "Daniel",
        "measure": "arbeidstrening",
        "leader": "Tone Eriksen",
        "leader_role": "Daglig leder, Askerbakeriet AS",
        "colleague": "Bjørn Aas",
        "colleague_role": "Baker og verneombud, Askerbakeriet AS",
        "nav": "Camilla Hovland",
        "nav_role": "Veileder, NAV Asker",
        "task": "deigdeling og steking av rundstykker",
        "simple": "pakking av brød og vask av benker",
        "safety": "ovnene, eltemaskinen og brannrutinene",
    },
    "kandidat2": {
        "workplace": "Drammen Kantine og Catering",
        "newcomer": "Marius",
        "measure": "lønnstilskudd",
        "leader": "Randi Solheim",
        "leader_role": "Kjøkkensjef, Drammen Kantine og Catering AS",
        "colleague": "Ahmed Yusuf",
        "colleague_role": "Kokk, Drammen Kantine og Catering AS",
        "nav": "Eirik Brekke",
        "nav_role": "Veileder, NAV Drammen",
        "task": "anretning av lunsjbuffeten",
        "simple": "oppvask og påfylling av salatbaren",
        "safety": "stekeovnene, knivene og allergenrutinene",
    },
    "kandidat3": {
        "workplace": "Heggedal Rør og Varme",
        "newcomer": "Ida",
        "measure": "arbeidstrening",
        "leader": "Geir Pettersen",
        "leader_role": "Daglig leder, Heggedal Rør og Varme AS",
        "colleague": "Stian Moe",
        "colleague_role": "Rørleggermester, Heggedal Rør og Varme AS",
        "nav": "Maria Lindqvist",
        "nav_role": "Veileder, NAV Asker",
        "task": "montering av radiatorer",
        "simple": "klargjøring av materiell på lageret",
        "safety": "verktøyet, verneutstyret og sikringen på byggeplass",
    },
    "kandidat4": {
        "workplace": "Lierbyen Hagesenter",
        "newcomer": "Karim",
        "measure": "lønnstilskudd",
        "leader": "Anette Grøndahl",
        "leader_role": "Butikksjef, Lierbyen Hagesenter AS",
        "colleague": "Liv Hagen",
        "colleague_role": "Gartner, Lierbyen Hagesenter AS",
        "nav": "Thomas Berntsen",
        "nav_role": "Veileder, NAV Lier",
        "task": "stell av plantene i veksthuset",
        "simple": "vanning og prismerking",
        "safety": "truckområdet, kjemikalierommet og løfteteknikk",
    },
    "kandidat5": {
        "workplace": "Asker Renhold",
        "newcomer": "Nora",
        "measure": "arbeidstrening",
        "leader": "Siv Halvorsen",
        "leader_role": "Driftsleder, Asker Renhold AS",
        "colleague": "Rune Dale",
        "colleague_role": "Renholdsoperatør og tillitsvalgt, Asker Renhold AS",
        "nav": "Hanne Sørli",
        "nav_role": "Veileder, NAV Asker",
        "task": "renhold av klasserom etter renholdsplanen",
        "simple": "tømming av søppel og påfylling av papir",
        "safety": "renholdsmidlene, maskinene og rutinene for alenearbeid",
    },
    "kandidat6": {
        "workplace": "Bærum Eiendomsdrift",
        "newcomer": "Sander",
        "measure": "arbeidstrening",
        "leader": "Kjell Ove Nilsen",
        "leader_role": "Driftssjef, Bærum Eiendomsdrift AS",
        "colleague": "Petter Lunde",
        "colleague_role": "Vaktmester, Bærum Eiendomsdrift AS",
        "nav": "Ingvild Aune",
        "nav_role": "Veileder, NAV Bærum",
        "task": "ettersyn av fellesarealene i borettslagene",
        "simple": "feiing og plenklipp",
        "safety": "stigene, verktøyet og nøkkelrutinene",
    },
}


@dataclass(frozen=True)
class Piece:
    """One piece of evidence, as a template (placeholders: `CANDIDATES` keys and
    {candidate}, the candidate's first name)."""

    kind: str  # an EvidenceKind value
    title: str
    text: str
    criteria: tuple[str, ...]  # criterion labels: "1.1", "2.3"
    by: str = "candidate"  # or "assessor"
    witness: tuple[str, str] = ("", "")  # name, role
    file: str = ""  # "pdf" or "png": drawn in code from `lines`
    file_name: str = ""
    lines: tuple[str, ...] = ()


PORTFOLIOS = {
    "AM-01": (
        Piece(
            kind="file",
            title="Introduksjonsplan for {newcomer}s første tre uker",
            text="Planen jeg laget sammen med {leader} før {newcomer} begynte. "
            "Den henger også i permen på pauserommet.",
            criteria=("1.2", "4.1"),
            file="pdf",
            file_name="introduksjonsplan.pdf",
            lines=(
                "Introduksjonsplan – {workplace}",
                "Ny medarbeider: {newcomer} ({measure}). Mentor: {candidate}.",
                "",
                "Uke 1, kl. 08–12: omvisning og sikkerhet ({safety}).",
                "    Faste oppgaver: {simple}.",
                "Uke 2, kl. 08–13: {task} sammen med mentor.",
                "    Huskeliste ved arbeidsstasjonen.",
                "Uke 3, kl. 08–14: {task} med mentor i nærheten.",
                "    Samtale med {leader} fredag.",
                "",
                "Avtalt tilrettelegging: kortere dager de første ukene,",
                "skriftlige huskelister, fast pause kl. 10.",
                "",
                "Ansvar: mentor følger opp hver dag; {leader} har ansvar for",
                "arbeidstiden og avtalen med NAV; NAV-veileder følger opp {newcomer}.",
            ),
        ),
        Piece(
            kind="reflection",
            title="Refleksjonsnotat: forberedelsene før {newcomer} begynte",
            text=(
                "Uka før {newcomer} begynte, hadde {leader} og jeg en samtale med "
                "{newcomer} og veilederen fra NAV. Jeg spurte hva som hadde fungert "
                "på tidligere arbeidsplasser, og hva som hadde vært vanskelig. Vi "
                "ble enige om kortere dager de første ukene, at jeg skriver "
                "huskelister for de faste oppgavene, og at {newcomer} kan ta en "
                "pause når det blir mye. Jeg skrev ned avtalen, og alle fikk en "
                "kopi.\n\n"
                "Før oppstart spurte jeg {newcomer} hva kollegaene skulle få vite. "
                "Svaret var at de kunne vite at {newcomer} er her på {measure}, og "
                "at jeg er mentor, men ikke noe om helse eller bakgrunn. På "
                "morgenmøtet sa jeg bare det, og at spørsmål kunne gå til meg. En "
                "kollega spurte senere hvorfor {newcomer} går hjem tidligere. Jeg "
                "svarte at det er avtalt med ledelsen, og at det ikke er mer å si "
                "om det. Det føltes litt kaldt der og da, men jeg tror det var "
                "riktig."
            ),
            criteria=("1.1", "1.3"),
        ),
        Piece(
            kind="witness",
            title="Vitneutsagn fra {leader}",
            text=(
                "Jeg var med på samtalen før oppstart der {candidate} gikk gjennom "
                "hva som skulle tilrettelegges, og jeg fikk en skriftlig oversikt "
                "etterpå. Første dag presenterte {candidate} {newcomer} for alle på "
                "skiftet og fortalte hvem {newcomer} kunne spørre når {candidate} "
                "ikke er på jobb. I uke tre sa {candidate} fra til meg om at "
                "{newcomer} var svært sliten etter lange økter med {task}, og "
                "foreslo å bytte rekkefølge på oppgavene. Vi endret planen samme "
                "dag."
            ),
            criteria=("1.1", "2.2", "4.2"),
            witness=("{leader}", "{leader_role}"),
        ),
        Piece(
            kind="file",
            title="Bilde av sjekklisten for første arbeidsdag",
            text="Sjekklisten vi gikk gjennom sammen. {newcomer} krysset av selv.",
            criteria=("2.1",),
            file="png",
            file_name="sjekkliste-forste-dag.png",
            lines=(
                "Første dag – sjekkliste",
                "[x] Garderobe og pauserom",
                "[x] Nødutganger og brannslukkere",
                "[x] Sikkerhet: {safety}",
                "[x] Hvem spør jeg? {candidate} og {colleague}",
                "[x] Arbeidstid og pauser",
            ),
        ),
        Piece(
            kind="observation",
            title="Observasjon: {candidate} lærer bort {task}",
            text=(
                "Observert på arbeidsplassen i uke tre av introduksjonen, om lag "
                "90 minutter. {candidate} viste først hele oppgaven én gang i "
                "vanlig tempo, så trinn for trinn mens {newcomer} så på. Deretter "
                "gjorde {newcomer} det samme med {candidate} ved siden av. "
                "{candidate} pekte på huskelisten og viste et bilde av hvordan "
                "resultatet skal se ut, i tillegg til å forklare muntlig. Etter en "
                "stund ba {candidate} {newcomer} forklare neste trinn selv, i "
                "stedet for å spørre «skjønner du?». Da noe gikk galt, tok "
                "{candidate} det rolig: «Det skjer med alle, se her.» Mot slutten "
                "fikk {newcomer} en enklere oppgave ({simple}), noe som virket "
                "gjennomtenkt ut fra hvor sliten {newcomer} var."
            ),
            criteria=("2.3", "3.1", "3.2"),
            by="assessor",
        ),
        Piece(
            kind="reflection",
            title="Refleksjonsnotat: da tilretteleggingen måtte endres",
            text=(
                "Jeg har en egen side i notatboka der jeg skriver hva som er "
                "avtalt om tilrettelegging, hvem som har ansvaret og når vi skal se "
                "på det igjen: arbeidstiden ({leader}), huskelistene (meg) og "
                "oppfølgingen fra NAV (veilederen).\n\n"
                "I uke tre så jeg at {newcomer} ble stadig mer sliten utover dagen "
                "og gjorde flere feil etter lunsj. Jeg spurte hvordan det gikk, og "
                "fikk høre at de lange øktene med {task} var tunge. Jeg sa at jeg "
                "ville ta det opp med {leader}, og {newcomer} var enig. Vi flyttet "
                "de tyngste oppgavene til før lunsj. Jeg lærte at det er bedre å "
                "melde fra tidlig enn å vente til neste planlagte samtale."
            ),
            criteria=("4.1", "4.2"),
        ),
        Piece(
            kind="witness",
            title="Vitneutsagn fra {colleague}",
            text=(
                "{candidate} tok {newcomer} med rundt på hele arbeidsplassen første "
                "dag og gikk gjennom sikkerhetsreglene for {safety}, ordentlig og "
                "ikke i forbifarten. {newcomer} ble presentert for meg som den som "
                "kan svare når {candidate} har fri. Jeg har fått noen spørsmål "
                "siden, så det har fungert."
            ),
            criteria=("2.1", "2.2"),
            witness=("{colleague}", "{colleague_role}"),
        ),
    ),
    "AM-02": (
        Piece(
            kind="file",
            title="Referat fra oppfølgingssamtale med {newcomer}, uke 6",
            text="Referatet slik {newcomer} godkjente det, med kommentaren nederst.",
            criteria=("1.2", "1.3"),
            file="pdf",
            file_name="referat-oppfolgingssamtale-uke-6.pdf",
            lines=(
                "Oppfølgingssamtale uke 6 – {workplace}",
                "Til stede: {newcomer} og {candidate} (mentor).",
                "",
                "Mål fra arbeidsplanen:",
                "  1) {task} på egen hånd",
                "  2) møte presis",
                "  3) si fra når noe er uklart",
                "Status: mål 1 nesten nådd, mål 2 nådd hele uka,",
                "mål 3: spør oftere enn før.",
                "",
                "Bra: {newcomer} har selv funnet en bedre rekkefølge",
                "for {simple}.",
                "Neste steg: prøve {task} alene to dager;",
                "mentor ser på resultatet etterpå.",
                "Neste samtale: torsdag om to uker kl. 13.",
                "",
                "Kommentar fra {newcomer}: «Enig. Vil prøve alene én dag først.»",
            ),
        ),
        Piece(
            kind="reflection",
            title="Slik legger jeg opp oppfølgingssamtalene",
            text=(
                "{newcomer} og jeg har en fast samtale annenhver torsdag kl. 13, i "
                "et rolig rom, i tjue minutter. Tidspunktet står i kalenderen for "
                "hele halvåret, så samtalen ikke blir skjøvet når det er travelt. "
                "Jeg tar alltid med arbeidsplanen med målene {newcomer} har satt "
                "sammen med NAV og {leader}, og vi går gjennom ett og ett mål: hva "
                "har gått bra, hva er vanskelig, hva gjør vi nå.\n\n"
                "Etterpå skriver jeg et kort referat som {newcomer} leser og kan "
                "kommentere før det legges i permen. I starten ville {newcomer} "
                "ikke kommentere noe, men nå skriver {newcomer} ofte en setning "
                "selv."
            ),
            criteria=("1.1", "1.2"),
        ),
        Piece(
            kind="observation",
            title="Observasjon av en oppfølgingssamtale",
            text=(
                "Jeg var til stede under en oppfølgingssamtale på om lag 25 "
                "minutter, etter samtykke fra {newcomer}. {candidate} åpnet med to "
                "konkrete ting som hadde gått bra den uka, blant annet at "
                "{newcomer} hadde ryddet arbeidsstasjonen uten å bli bedt om det. "
                "Om det som må endres, sa {candidate}: «Når bestillingene kommer "
                "inn etter ti, må du sjekke lista før du begynner», ikke «du er for "
                "rask og slurvete». {candidate} spurte hva {newcomer} selv trodde "
                "ville hjelpe, og de ble enige om neste steg, som {candidate} skrev "
                "ned og leste opp til slutt."
            ),
            criteria=("2.1", "2.2", "2.3"),
            by="assessor",
        ),
        Piece(
            kind="reflection",
            title="Da {newcomer} begynte å komme for sent",
            text=(
                "I uke fire kom {newcomer} for sent tre dager på rad og var "
                "stillere enn vanlig i pausene. Før det hadde {newcomer} vært "
                "presis hver dag. Jeg tenkte at det kunne være noe utenfor jobben, "
                "og at det ikke var min oppgave å finne ut hva, men at jeg måtte ta "
                "det opp.\n\n"
                "Jeg ba om en prat på tomannshånd og sa hva jeg hadde sett, uten å "
                "anklage: «Jeg har lagt merke til at du har kommet litt senere "
                "denne uka. Hvordan har du det?» {newcomer} fortalte at bussruta "
                "var endret. Vi ble enige om å spørre {leader} om å flytte "
                "starttiden en halvtime, og jeg spurte om det var greit at jeg tok "
                "det opp. {leader} sa ja samme dag."
            ),
            criteria=("3.1", "3.2"),
        ),
        Piece(
            kind="witness",
            title="Vitneutsagn fra {leader}",
            text=(
                "{candidate} holder oppfølgingssamtalene med {newcomer} til fast "
                "tid, også i travle uker. Da {newcomer} kom for sent flere dager, "
                "kom {candidate} til meg med et forslag om å endre starttiden, "
                "etter å ha snakket med {newcomer} først. Det ble tatt opp på en "
                "ryddig og respektfull måte, og vi fant en løsning samme dag."
            ),
            criteria=("1.1", "3.2"),
            witness=("{leader}", "{leader_role}"),
        ),
        Piece(
            kind="discussion",
            title="Faglig samtale om tilbakemeldinger og bekymringer",
            text=(
                "Samtale med {candidate} på om lag 30 minutter. Spørsmål: Hvordan "
                "gir du tilbakemelding på noe som ikke fungerer? {candidate} "
                "beskrev å si hva personen gjør og hva som bør gjøres i stedet, og "
                "å unngå ord som «lat» eller «treg». Spørsmål: Hvilke tegn ser du "
                "etter på at noen ikke har det bra? {candidate} nevnte endringer i "
                "oppmøte, at personen trekker seg unna i pausene, flere feil enn "
                "vanlig og at personen slutter å spørre. {candidate} visste at en "
                "bekymring tas videre til leder eller NAV bare når den ansatte vet "
                "om det, med unntak av når liv eller helse står på spill."
            ),
            criteria=("2.2", "3.1"),
            by="assessor",
        ),
    ),
    "AM-03": (
        Piece(
            kind="reflection",
            title="Hvem gjør hva når {newcomer} er på {measure}",
            text=(
                "{newcomer} er hos oss på {measure}. NAV-veilederen, {nav}, har "
                "ansvaret for vedtaket, for å følge opp {newcomer} og for å vurdere "
                "om tiltaket virker. {leader} har arbeidsgiveransvaret: "
                "arbeidstiden, oppgavene og avtalen med NAV. Jeg er mentor og har "
                "ansvaret for den daglige opplæringen og for å si fra når noe ikke "
                "fungerer. Jobbspesialisten hos tiltaksarrangøren hjelper "
                "{newcomer} med det som ikke handler om selve jobben.\n\n"
                "Bedriften får mentortilskudd for noen av timene mine, og vi har "
                "brukt både arbeidstrening og lønnstilskudd før. Jeg vet nå hva de "
                "ulike virkemidlene krever av oss, for eksempel at lønnstilskudd "
                "betyr en vanlig arbeidsavtale med lønn, mens arbeidstrening ikke "
                "gjør det."
            ),
            criteria=("1.1", "1.2"),
        ),
        Piece(
            kind="file",
            title="Referat fra trepartsmøte med NAV",
            text="Mitt referat fra møtet, sendt til {nav} og {leader} dagen etter.",
            criteria=("2.1", "2.2", "2.3"),
            file="pdf",
            file_name="referat-trepartsmote.pdf",
            lines=(
                "Trepartsmøte – {workplace}",
                "Til stede: {newcomer}, {nav} ({nav_role}),",
                "{leader} og {candidate} (mentor).",
                "",
                "Forberedt av mentor: tre eksempler fra arbeidsplassen,",
                "gått gjennom med {newcomer} på forhånd.",
                "  1. {newcomer} gjør nå {simple} på egen hånd.",
                "  2. {task}: trenger fortsatt støtte ved nye bestillinger.",
                "  3. Oppmøte: presis etter at starttiden ble flyttet.",
                "",
                "Avtalt: tiltaket forlenges i tre måneder.",
                "Mentor lager ny opplæringsplan innen to uker og sender den",
                "til {nav} og {newcomer}.",
            ),
        ),
        Piece(
            kind="witness",
            title="Vitneutsagn fra {nav}",
            text=(
                "{candidate} kom godt forberedt til trepartsmøtet, med konkrete "
                "eksempler fra arbeidsdagen som {newcomer} hadde sett og var enig "
                "i. Det gjorde det lett å bli enige om veien videre. Den nye "
                "opplæringsplanen kom til meg innen fristen. {candidate} delte bare "
                "det som var relevant for arbeidet, og spurte {newcomer} før noe "
                "ble tatt opp i møtet."
            ),
            criteria=("2.2", "2.3", "3.1"),
            witness=("{nav}", "{nav_role}"),
        ),
        Piece(
            kind="discussion",
            title="Faglig samtale om taushetsplikt og notater",
            text=(
                "Samtale med {candidate} på om lag 30 minutter. {candidate} "
                "forklarte forskjellen på det en mentor trenger å vite for å gjøre "
                "jobben, og det som er {newcomer}s private sak. Opplysninger deles "
                "med NAV, leder eller kollegaer bare når {newcomer} har sagt ja, og "
                "bare det som trengs. Notater om {newcomer} skrives i bedriftens "
                "personalsystem, der bare leder og mentor har tilgang, ikke på "
                "lapper eller i private meldinger; papirene fra trepartsmøtet "
                "ligger i et låst skap. {candidate} visste også at notatene skal "
                "slettes når tiltaket er over og de ikke lenger trengs."
            ),
            criteria=("3.1", "3.2"),
            by="assessor",
        ),
    ),
}

# The assessor's reason for each criterion met, by unit and criterion label.
MET_REASONS = {
    "AM-01": {
        "1.1": "Refleksjonsnotatet og vitneutsagnet fra leder viser en samtale før "
        "oppstart der tilretteleggingen ble avklart og skrevet ned.",
        "1.2": "Introduksjonsplanen dekker tre uker med arbeidstid, oppgaver og "
        "ansvar, og bygger på det som ble avtalt.",
        "1.3": "Refleksjonsnotatet viser at kollegaene bare fikk vite det den nye "
        "hadde sagt ja til, og hvordan spørsmål ble besvart.",
        "2.1": "Sjekklisten og vitneutsagnet fra kollega viser omvisning og "
        "gjennomgang av sikkerhetsreglene første dag.",
        "2.2": "To vitneutsagn bekrefter at den nye ble presentert og fikk vite "
        "hvem som kan svare på spørsmål.",
        "2.3": "Observasjonen viser at oppgavene ble tilpasset dagsformen, med en "
        "enklere oppgave da den nye var sliten.",
        "3.1": "Observasjonen viser forklaring trinn for trinn, med "
        "demonstrasjon, huskeliste og bilde i tillegg til muntlig forklaring.",
        "3.2": "Observasjonen viser at mentoren lot den nye forklare neste trinn "
        "selv og møtte feil med ro.",
        "4.1": "Planen og refleksjonsnotatet viser en oversikt over hva som er "
        "avtalt og hvem som har ansvaret.",
        "4.2": "Refleksjonsnotatet og vitneutsagnet fra leder viser at mentoren "
        "meldte fra, og at planen ble endret samme dag.",
    },
    "AM-02": {
        "1.1": "Refleksjonsnotatet viser faste samtaler annenhver uke, lagt i "
        "kalenderen for hele halvåret.",
        "1.2": "Referatet og refleksjonsnotatet viser at samtalene tar "
        "utgangspunkt i målene i arbeidsplanen.",
        "1.3": "Referatet er kort, og den ansatte har lest og kommentert det.",
        "2.1": "Observasjonen viser at samtalen åpnet med to konkrete ting som "
        "hadde gått bra.",
        "2.2": "Observasjonen viser en tilbakemelding formulert som en handling, "
        "ikke som en egenskap ved personen.",
        "2.3": "Observasjonen viser at neste steg ble avtalt sammen, skrevet ned "
        "og lest opp.",
        "3.1": "Refleksjonsnotatet viser at mentoren kjente igjen endringer i "
        "oppmøte og atferd.",
        "3.2": "Refleksjonsnotatet viser at bekymringen ble tatt opp med den "
        "ansatte først, og med leder etter samtykke.",
    },
    "AM-03": {
        "1.1": "Refleksjonsnotatet beskriver presist ansvaret til NAV, "
        "tiltaksarrangøren, leder og mentor.",
        "1.2": "Refleksjonsnotatet viser kjennskap til arbeidstrening, "
        "lønnstilskudd og mentortilskudd og hva de krever.",
        "2.1": "Referatet viser at mentoren forberedte eksempler og gikk gjennom "
        "dem med den ansatte på forhånd.",
        "2.2": "Referatet og vitneutsagnet fra NAV-veilederen viser konkrete "
        "observasjoner fra arbeidsplassen.",
        "2.3": "Vitneutsagnet bekrefter at opplæringsplanen som ble avtalt, kom "
        "innen fristen.",
        "3.1": "Den faglige samtalen og vitneutsagnet viser at opplysninger deles "
        "bare med samtykke, og bare det som trengs.",
        "3.2": "Den faglige samtalen viser trygg oppbevaring i personalsystemet og "
        "i låst skap, og at notatene slettes når de ikke trengs.",
    },
}

ASSESS_REASON = "Alle kriterier er oppfylt, og hvert kriterium er begrunnet med bevis."
VERIFY_REASON = (
    "Enig i vurderingen: begrunnelsene viser til bevis som dekker hvert kriterium."
)
MODERATE_REASON = "Bekreftet: vurderingen og kvalitetssikringen følger kriteriene."


@dataclass(frozen=True)
class DemoCase:
    candidate: str  # e-mail local part
    unit: str  # unit code
    assessor: str  # e-mail local part
    stage: str
    pieces: tuple[int, ...] | None = None  # of the unit's portfolio; None: all
    not_yet: dict[str, str] = field(default_factory=dict)  # label → reason
    reason: str = ""  # why it was sent back
    report: str = ""  # the moderator's report on the sample


CASES = [
    # Certified first: they never wait in the moderator's pool.
    DemoCase("kandidat", "AM-01", "validerer", Stage.CERTIFIED),
    DemoCase("kandidat5", "AM-01", "validerer2", Stage.CERTIFIED),
    DemoCase(
        "kandidat5",
        "AM-03",
        "validerer2",
        Stage.MODERATED,
        report=(
            "Utvalget er vurdert og kvalitetssikret i tråd med kriteriene i "
            "AM-03. Bevisene er varierte (refleksjonsnotat, referat, vitneutsagn "
            "fra NAV-veileder og faglig samtale), og hver begrunnelse viser til "
            "konkrete bevis. Råd til senteret: be kandidatene datere referatene "
            "sine, så det er lett å se rekkefølgen i saken."
        ),
    ),
    DemoCase("kandidat4", "AM-01", "validerer2", Stage.IN_SAMPLE),
    DemoCase("kandidat3", "AM-01", "validerer", Stage.ASSESSED),
    DemoCase(
        "kandidat4",
        "AM-02",
        "validerer",
        Stage.VERIFIER_SENT_BACK,
        reason=(
            "Handlingspunkter: 1) Begrunnelsen for 2.2 viser bare til "
            "observasjonen; skriv også hva i den faglige samtalen som viser "
            "tilbakemeldinger som handlinger. 2) Begrunnelsen for 3.2 bør vise "
            "til vitneutsagnet fra leder, ikke bare til refleksjonsnotatet. Resten "
            "av vurderingen er jeg enig i."
        ),
    ),
    DemoCase("kandidat2", "AM-01", "validerer", Stage.SUBMITTED),
    DemoCase(
        "kandidat",
        "AM-02",
        "validerer",
        Stage.NOT_YET,
        pieces=(0, 1, 2, 3),
        not_yet={
            "2.2": "Observasjonen viser én god tilbakemelding, men det trengs "
            "flere eksempler på at du beskriver det som bør endres som "
            "handlinger. Et referat der dette kommer fram, vil vise det.",
            "3.2": "Refleksjonsnotatet viser en god samtale med den ansatte, men "
            "ikke hvordan saken ble tatt opp med leder. Et vitneutsagn fra "
            "leder vil vise dette.",
        },
        reason=(
            "Godt arbeid med samtalene og referatene. To kriterier er ikke "
            "oppfylt ennå: 2.2 og 3.2. Se begrunnelsen ved hvert av dem, legg til "
            "bevis og send inn på nytt."
        ),
    ),
    DemoCase("kandidat", "AM-03", "validerer", Stage.COLLECTING, pieces=(0, 1)),
    DemoCase("kandidat6", "AM-02", "validerer2", Stage.COLLECTING, pieces=(0, 1)),
    DemoCase("kandidat2", "AM-02", "validerer", Stage.PLANNED),
]
