"""Context words per language: the data behind :mod:`gdprgate.detect.context`.

``CONTEXT_WORDS[key][language]`` holds the words and phrases that, when they
stand near a candidate, make a recognizer with that ``key`` sure of it.
Language ``"any"`` holds names written the same way everywhere (``PESEL``,
``IBAN``, ...). Phrases match case-insensitively on word boundaries, and a
space in a phrase matches any run of spaces, dashes, dots or underscores.

``NEGATIVE`` words say a number is an order, an invoice, a version or a
product code; numeric recognizers drop their score when only those are near.
"""

from __future__ import annotations

CONTEXT_LANGUAGES = ("en", "de", "fr", "es", "it", "nl", "pl", "pt", "sv")


def _words(text: str) -> tuple[str, ...]:
    """The ``|``-separated phrases of ``text``, stripped."""
    return tuple(word.strip() for word in text.split("|") if word.strip())


_BIRTH = {
    "en": "born|born on|date of birth|birth date|birthday|dob|d.o.b|"
    "birthdate|dateofbirth",
    "de": "geboren|geboren am|geb|geburtsdatum|geburtstag|geb. am",
    "fr": "né|née|né le|née le|date de naissance|naissance",
    "es": "nacido|nacida|nacido el|nacida el|fecha de nacimiento|nacimiento|"
    "nací|naci|nació|nacio|nacimos",
    "it": "nato|nata|nato il|nata il|data di nascita|nascita",
    "nl": "geboren|geboren op|geboortedatum|geb",
    "pl": "urodzony|urodzona|urodzony dnia|data urodzenia|ur|urodziłem|"
    "urodziłam|urodził|urodziła",
    "pt": "nascido|nascida|nascido em|data de nascimento|nascimento|nasci|nasceu",
    "sv": "född|född den|född år|födelsedatum|födelsedag|födelseår|föddes",
}
_AGE = {
    "en": "age|aged|years old|year old|yrs old|y/o|yo",
    "de": "alter|im alter von|jahre alt|jahren|jahre|jährig|jährige|jähriger",
    "fr": "âge|âgé|âgée|âgé de|âgée de|ans",
    "es": "edad|años|de edad|tiene",
    "it": "età|anni|di anni",
    "nl": "leeftijd|jaar oud|jaar|jarige|jarig",
    "pl": "wiek|lat|lata|w wieku|letni|letnia|letnie|letniego|letniej|letniemu|"
    "letnim|letnią|letnich|letnimi",
    "pt": "idade|anos|anos de idade",
    "sv": "ålder|i åldern|år gammal|år gamla|åring|årig|år",
}
# Words that make a number near an age word a duration, not an age.
_AGE_NEGATIVE = {
    "en": "ago|since|for|during|after|within|last|next|every|minutes|hours|"
    "days|weeks|months|experience|warranty",
    "de": "vor|seit|für|nach|innerhalb|letzten|nächsten|alle|minuten|stunden|"
    "tage|tagen|wochen|monate|monaten|erfahrung|garantie",
    "fr": "il y a|depuis|pendant|après|dans|derniers|minutes|heures|jours|"
    "semaines|mois|expérience|garantie",
    "es": "hace|desde|durante|después|dentro|últimos|minutos|horas|días|"
    "semanas|meses|experiencia|garantía",
    "it": "fa|da|per|durante|dopo|entro|ultimi|minuti|ore|giorni|settimane|"
    "mesi|esperienza|garanzia",
    "nl": "geleden|sinds|gedurende|na|binnen|afgelopen|minuten|uur|dagen|"
    "weken|maanden|ervaring|garantie|jubileum|contract|opleiding|looptijd",
    "pl": "temu|od|przez|po|ostatnie|minut|godzin|dni|tygodni|miesięcy|"
    "doświadczenia|gwarancji|gwarancja|gwarancję|okres|okresie|umowa|umowę|"
    "plan|jubileusz|staż|stażem",
    "pt": "há|desde|durante|depois|dentro|últimos|minutos|horas|dias|semanas|"
    "meses|experiência|garantia",
    "sv": "sedan|för|under|efter|inom|senaste|nästa|varje|minuter|timmar|"
    "dagar|veckor|månader|erfarenhet|garanti",
}
_PASSPORT = {
    "any": "passport|pass no|pass nr",
    "de": "reisepass|reisepassnummer|passnummer|pass",
    "fr": "passeport|numéro de passeport",
    "es": "pasaporte|número de pasaporte",
    "it": "passaporto|numero di passaporto",
    "nl": "paspoort|paspoortnummer",
    "pl": "paszport|numer paszportu",
    "pt": "passaporte|número do passaporte",
    "sv": "pass|passnummer|passnr",
}
_DRIVER_LICENSE = {
    "en": "driving licence|driving license|driver's license|drivers license|"
    "driver license|driver's licence|licence number|license number|dl",
    "de": "führerschein|führerscheinnummer|fahrerlaubnis",
    "fr": "permis de conduire|permis|numéro de permis",
    "es": "carnet de conducir|permiso de conducir|licencia de conducir|carné",
    "it": "patente|patente di guida",
    "nl": "rijbewijs|rijbewijsnummer",
    "pl": "prawo jazdy|prawa jazdy",
    "pt": "carta de condução|carta de conducao|carteira de motorista",
    "sv": "körkort|körkortsnummer|körkortsnr",
}
_POSTCODE = {
    "en": "postcode|post code|postal code|zip|zip code|address",
    "de": "plz|postleitzahl|anschrift|adresse|wohnort",
    "fr": "code postal|cp|adresse",
    "es": "código postal|cp|dirección|domicilio",
    "it": "cap|codice postale|indirizzo",
    "nl": "postcode|adres|woonplaats",
    "pl": "kod pocztowy|kod|adres",
    "pt": "código postal|morada|endereço",
    "sv": "postnummer|postnr|adress|bostadsort|postort",
}
_PLATE = {
    "en": "licence plate|license plate|number plate|registration|reg|plate|car|"
    "vehicle|lorry|truck|motorbike|motorcycle",
    "de": "kennzeichen|kfz|nummernschild|auto|fahrzeug|pkw|lkw|motorrad",
    "fr": "immatriculation|immatriculé|immatriculée|plaque|voiture|véhicule|"
    "scooter|moto|camion|camionnette",
    "es": "matrícula|placa|coche|vehículo|moto|motocicleta|furgoneta|camión",
    "it": "targa|targata|targato|auto|veicolo|moto|furgone",
    "nl": "kenteken|nummerbord|auto|voertuig|bestelbus",
    "pl": "tablica rejestracyjna|numer rejestracyjny|nr rej|rejestracja|samochód|"
    "samochodem|samochodu|pojazd|pojazdem|pojazdu|motocykl|"
    # "Nr rejestracyjny: KR 4X112", "na tablicach DW 5K321".
    "rejestracyjny|rejestracyjna|rejestracyjne|rejestracyjnym|"
    "tablica|tablice|tablicy|tablicach|tablicami",
    "pt": "matrícula|placa|carro|viatura|veículo|mota",
    "sv": "registreringsnummer|regnummer|reg nr|regnr|registreringsskylt|bil|"
    "bilen|fordon|fordonet",
    # Danish and Finnish have no context language of their own yet.
    "any": "nummerplade|nummerpladen|rekisterinumero|rekisteritunnus|ajoneuvo",
}
_USERNAME = {
    "en": "username|user name|user|login|handle|user id|account|nick|nickname",
    "de": "benutzername|benutzer|nutzername|login|konto",
    "fr": "nom d'utilisateur|identifiant|utilisateur|pseudo|compte",
    "es": "nombre de usuario|usuario|cuenta",
    "it": "nome utente|utente|account",
    "nl": "gebruikersnaam|gebruiker|account",
    "pl": "nazwa użytkownika|login|użytkownik|konto",
    "pt": "nome de utilizador|nome de usuário|utilizador|usuário|conta",
    "sv": "användarnamn|användare|inloggning|konto",
}
# Words that say a street is someone's address, for the English streets
# whose type is an everyday word ("9 Birch Rise", "4 TANNERY YARD"); in
# English, which the streets are, whatever the text's language.
_ADDRESS = {
    "any": "address|addresses|lives at|live at|living at|lives|moved to|"
    "deliver to|delivered to|ship to|shipping|postal|resides|resident|"
    "residence|home|house|flat|apartment|street|road|postcode|post code|zip",
}
_CASE_NUMBER = {
    "en": "application|applications|case|cases|complaint|judgment|file",
    "de": "beschwerde|beschwerden|aktenzeichen|verfahren|urteil|az",
    "fr": "requête|requêtes|affaire|affaires|dossier|arrêt|plainte",
    "es": "demanda|demandas|solicitud|asunto|caso|expediente|sentencia",
    "it": "ricorso|ricorsi|causa|caso|sentenza|fascicolo",
    "nl": "verzoekschrift|zaak|zaaknummer|dossier|uitspraak",
    "pl": "skarga|skargi|sprawa|sprawy|sygnatura|wyrok",
    "pt": "queixa|petição|processo|caso|acórdão",
    "sv": "ansökan|ansökningar|mål|målnummer|ärende|ärendenummer|"
    "diarienummer|dom|klagomål",
}
_PERSON = {
    "en": "mr|mrs|ms|miss|dr|prof|sir|dear|hi|hello|name is|named|called|"
    "i am|i'm|signed|regards",
    "de": "herr|herrn|frau|dr|prof|heiße|name ist|liebe|lieber|hallo|grüße",
    "fr": "m|mme|mlle|monsieur|madame|je m'appelle|appelle|nom|cher|chère",
    "es": "sr|sra|srta|señor|señora|don|doña|me llamo|llamo|nombre|estimado",
    "it": "sig|sig.ra|signor|signora|dott|mi chiamo|chiamo|nome|caro|cara",
    "nl": "dhr|mevr|heer|mevrouw|mijn naam is|naam|heet|beste",
    "pl": "pan|pani|nazywam się|imię|nazwisko|szanowny|szanowna",
    "pt": "sr|sra|senhor|senhora|chamo-me|me chamo|nome|caro|cara",
    "sv": "herr|fru|hej|hejsan|jag heter|heter|mitt namn är|namn|kära|hälsningar",
}
# Parcels and shipments: their numbers name a delivery, not a person.
_SHIPPING = {
    "en": "package|shipment|consignment|waybill|tracking number",
    "de": "sendung|sendungsnummer|paket|paketnummer|trackingnummer|lieferschein|"
    "lieferscheinnummer",
    "fr": "colis|numéro de colis|numéro de suivi|suivi|expédition|envoi",
    "es": "envío|paquete|número de seguimiento|seguimiento",
    "it": "spedizione|pacco|numero di tracciamento|tracciamento",
    "nl": "zending|zendingnummer|pakket|pakketnummer|track en trace|verzending",
    "pl": "przesyłka|przesyłki|numer przesyłki|paczka|paczki",
    "pt": "envio|remessa|número de seguimento|rastreio|rastreamento",
    "sv": "försändelse|försändelsenummer|kolli|kollinummer|paket|paketnummer|"
    "spårningsnummer|spårning",
}
# Order, invoice and article compounds that the other lists do not hold.
_COMPOUNDS = {
    "en": "order id|sku number|item number",
    "de": "bestellnr|rechnungsnr|artikelnr|auftragsnr|belegnummer",
    "fr": "n° de commande|n° de facture|numéro de facture|numéro d'article",
    "es": "número de factura|número de artículo",
    "it": "numero di fattura|numero ordine|codice articolo",
    "nl": "ordernummer|ordernr|bestelnr|factuurnr|artikelnummer|artikelnr",
    "pl": "numer faktury|numer artykułu",
    "pt": "número da fatura|número da encomenda|número do pedido",
    "sv": "ordernr|beställningsnr|fakturanr|artikelnr",
}


def _with(table: dict[str, str], *extra: dict[str, str]) -> dict[str, str]:
    """``table``'s phrases per language, with the ``extra`` tables' added."""
    return {
        language: "|".join(
            [text, *(more[language] for more in extra if language in more)]
        )
        for language, text in table.items()
    }


_NEGATIVE = {
    "any": "isbn|issn|sku|ean|gtin|asin|upc|version|ver|build|commit|sha|"
    "timestamp|epoch|unix time|millis|tracking|serial|part no|art nr|"
    "part number|part nr|uuid|guid|hash|checksum|md5|sha1|sha256|request id|"
    "trace id|correlation id|session id|transaction id|api key|key|token|"
    "access token|secret|ups|dhl|fedex|gls|dpd|"
    # Danish and Norwegian compounds of order, invoice, article and parcel.
    "ordrenummer|ordrenr|fakturanr|bestillingsnummer|varenummer|varenr|"
    "forsendelsesnummer|sporingsnummer|pakkenummer|sagsnummer|sagsnr|"
    "saksnummer|journalnummer",
    "en": "order|order number|order no|invoice|invoice number|receipt|ticket|"
    "ref|reference|product|item|article|case|transaction|model",
    "de": "bestellung|bestellnummer|auftrag|auftragsnummer|rechnung|"
    "rechnungsnummer|artikel|artikelnummer|produkt|vorgang|ticketnummer|az",
    "fr": "commande|numéro de commande|facture|référence|réf|produit|article|"
    "ticket|dossier",
    "es": "pedido|número de pedido|factura|referencia|ref|producto|artículo|expediente",
    "it": "ordine|numero d'ordine|fattura|riferimento|rif|prodotto|articolo|pratica",
    "nl": "bestelling|bestelnummer|order|factuur|factuurnummer|referentie|"
    "kenmerk|artikel|product",
    "pl": "zamówienie|zamówienia|numer zamówienia|faktura|faktury|produkt|"
    "artykuł|sygnatura",
    "pt": "encomenda|pedido|fatura|factura|referência|produto|artigo",
    "sv": "order|ordernummer|ordernr|beställning|beställningsnummer|faktura|"
    "fakturanummer|fakturanr|kvitto|referens|ref|artikel|artikelnummer|produkt|"
    "ärende|diarienummer",
}

# What a number a model found is, when it is no one's: the ``negative``
# words less the legal case words (a case number is a direct identifier).
_NUMBER_NEGATIVE = {
    "any": _NEGATIVE["any"],
    "en": "order|order number|order no|invoice|invoice number|receipt|ticket|"
    "product|item|article|transaction|model",
    "de": "bestellung|bestellnummer|auftrag|auftragsnummer|rechnung|"
    "rechnungsnummer|artikel|artikelnummer|produkt|ticketnummer",
    "fr": "commande|numéro de commande|facture|produit|article|ticket",
    "es": "pedido|número de pedido|factura|producto|artículo",
    "it": "ordine|numero d'ordine|fattura|prodotto|articolo",
    "nl": "bestelling|bestelnummer|order|factuur|factuurnummer|artikel|product",
    "pl": "zamówienie|zamówienia|numer zamówienia|faktura|faktury|produkt|artykuł",
    "pt": "encomenda|pedido|fatura|factura|produto|artigo",
    "sv": "order|ordernummer|ordernr|beställning|beställningsnummer|faktura|"
    "fakturanummer|fakturanr|kvitto|artikel|artikelnummer|produkt",
}

# Whose number it is: these words near a number keep it, whatever
# ``number_negative`` word stands near it too ("invoice for customer ...").
_NUMBER_OWNER = {
    "any": "id|ident|idfa|gaid|aaid|adid",
    "en": "customer|client|patient|member|account|user|employee|citizen|"
    "personal|identity|user id|userid|customer id|account id|client id|"
    "member id|patient id|device|device id|advertising|advertising id|"
    "android id|install id|installation id",
    "de": "kunde|kunden|kundennummer|patient|patientin|mitglied|"
    "mitgliedsnummer|konto|versichert|versichertennummer|personal",
    "fr": "client|cliente|patient|patiente|adhérent|membre|compte|assuré",
    "es": "cliente|paciente|socio|afiliado|cuenta|asegurado",
    "it": "cliente|paziente|socio|iscritto|conto|assicurato",
    "nl": "klant|klantnummer|patiënt|lid|lidnummer|rekening|verzekerde",
    "pl": "klient|klienta|pacjent|pacjenta|członek|konto|ubezpieczony",
    "pt": "cliente|paciente|sócio|associado|conta|segurado|utente",
    "sv": "kund|kunden|kundnummer|patient|medlem|medlemsnummer|konto|försäkrad|"
    "anställd|personal",
}

# Identifiers are mostly called by their own name in every language; the
# generic words ("ID number", "Ausweis", ...) are shared by all of them.
_ID_GENERIC = {
    "en": "id|id number|identity number|identification number|national id|"
    "social security|social security number|ssn|tax id|tax number|tin|"
    "personal number|insurance number",
    "de": "ausweis|ausweisnummer|personalausweis|identifikationsnummer|"
    "steuernummer|sozialversicherungsnummer|versicherungsnummer",
    "fr": "numéro d'identification|numéro fiscal|sécurité sociale|"
    "numéro de sécurité sociale|identifiant fiscal|carte vitale",
    "es": "documento de identidad|número de identificación|seguridad social|"
    "número fiscal|identificación fiscal",
    "it": "numero di identificazione|carta d'identità|codice|previdenza",
    "nl": "identiteitsnummer|sofinummer|fiscaal nummer|persoonsnummer",
    "pl": "numer identyfikacyjny|numer ewidencyjny|dowód osobisty",
    "pt": "número de identificação|número fiscal|contribuinte|"
    "número de contribuinte|segurança social",
    "sv": "id-nummer|identitetsnummer|identifikationsnummer|id-kort|"
    "legitimation|skattenummer|försäkringsnummer",
}


# Words that say a number is a telephone number.
_PHONE = {
    "en": "phone|telephone|tel|mobile|cell|call|fax|whatsapp|number",
    "de": "telefon|tel|handy|mobil|mobilnummer|rufnummer|anrufen|fax|nummer",
    "fr": "téléphone|tél|tel|portable|mobile|appeler|fax|numéro",
    "es": "teléfono|tel|móvil|llamar|fax|número",
    "it": "telefono|tel|cellulare|chiamare|fax|numero",
    "nl": "telefoon|tel|mobiel|bellen|fax|nummer",
    "pl": "telefon|tel|komórka|zadzwoń|faks|numer",
    "pt": "telefone|tel|telemóvel|celular|ligar|fax|número",
    "sv": "telefon|telefonnummer|tel|mobil|mobilnummer|ring|ringa|fax|nummer",
    # Danish and Finnish have no context language of their own yet.
    "any": "tlf|puh|puhelin",
}
# The words that label a telephone number itself (a JSON key, a CSV
# header, "mobile:"), without the looser "number" or "call".
_PHONE_LABEL = {
    "en": "phone|telephone|tel|mobile|cell|cellphone|fax|whatsapp|phone number|"
    "mobile number",
    "de": "telefon|telefonnummer|tel|handy|handynummer|mobil|mobilnummer|rufnummer|fax",
    "fr": "téléphone|tél|tel|portable|mobile|fax",
    "es": "teléfono|telefono|tel|móvil|movil|celular|fax",
    "it": "telefono|tel|cellulare|cell|fax",
    "nl": "telefoon|telefoonnummer|tel|mobiel|mobiele nummer|fax",
    "pl": "telefon|tel|komórka|komorka|nr tel|faks",
    "pt": "telefone|tel|telemóvel|telemovel|celular|fax",
    "sv": "telefon|telefonnummer|tel|mobil|mobilnummer|fax",
}


# The Polish identity card by its own words: "dowód osobisty", "nr dowodu",
# "dowodem osobistym", "seria i numer dowodu".
_PL_ID_CARD = (
    "dowód osobisty|dowód|dowodu|dowodem|dowodzie|dowód osob|dowodu osobistego|"
    "dowodem osobistym|nr dowodu|numer dowodu|seria i numer dowodu|"
    "seria i nr dowodu|seria dowodu"
)


def _identifier(names: str) -> dict[str, str]:
    """The generic identifier words plus the identifier's own ``names``."""
    return {**_ID_GENERIC, "any": names}


_RAW: dict[str, dict[str, str]] = {
    "birth": _BIRTH,
    "age": _AGE,
    "age_negative": _AGE_NEGATIVE,
    "passport": _PASSPORT,
    "driver_license": _DRIVER_LICENSE,
    "postcode": _POSTCODE,
    "address": _ADDRESS,
    "plate": _PLATE,
    "username": _USERNAME,
    "person": _PERSON,
    "case_number": _CASE_NUMBER,
    "negative": _with(_NEGATIVE, _SHIPPING, _COMPOUNDS),
    "phone": _PHONE,
    "phone_label": _PHONE_LABEL,
    "number_negative": _with(_NUMBER_NEGATIVE, _SHIPPING, _COMPOUNDS),
    "barcode": {"any": "ean|ean-13|ean13|ean-8|gtin|upc|barcode|strichcode|"
    "code-barres|código de barras|codice a barre|streepjescode|kod kreskowy|"
    "código de barras|streckkod"},
    "number_owner": _NUMBER_OWNER,
    "de_tax_id": _identifier("steuer-id|steuerid|idnr|identifikationsnummer|"
    "steuerliche identifikationsnummer|steueridentifikationsnummer"),
    "de_pension": _identifier("rentenversicherungsnummer|rvnr|rv-nummer|"
    "sozialversicherungsnummer|svnr|versicherungsnummer"),
    "fr_nir": _identifier("nir|insee|numéro insee|sécu|numéro de sécu|nss"),
    "fr_spi": _identifier("spi|numéro spi|numéro fiscal de référence|nif"),
    "es_dni": _identifier("dni|nif|d.n.i|documento nacional de identidad"),
    "es_nie": _identifier("nie|n.i.e|número de identidad de extranjero"),
    "es_nss": _identifier("nss|naf|número de la seguridad social|afiliación"),
    "it_fiscal_code": _identifier("codice fiscale|cf|c.f"),
    "nl_bsn": _identifier("bsn|burgerservicenummer|sofinummer"),
    "be_national_number": _identifier("rijksregisternummer|numéro national|"
    "numéro de registre national|rrn|nn|insz|niss|nationaal nummer"),
    "at_social_security": _identifier("sozialversicherungsnummer|svnr|"
    "versicherungsnummer|sv-nummer|e-card"),
    "pl_pesel": _identifier("pesel"),
    "pl_nip": _identifier("nip|numer identyfikacji podatkowej"),
    "pl_id_card": _identifier(_PL_ID_CARD),
    "pl_id_card_name": {"any": _PL_ID_CARD},
    "pt_nif": _identifier("nif|contribuinte|número de contribuinte"),
    "pt_citizen_card": _identifier("cc|cartão de cidadão|cartao de cidadao|"
    "documento de identificação|bi"),
    "pt_citizen_card_name": {"any": "cc|cartão de cidadão|cartao de cidadao|"
    "cartão do cidadão|cartao do cidadao|n.º do cc|bi"},
    "se_personnummer": _identifier("personnummer|personnr|pnr|pers nr|"
    "samordningsnummer"),
    "fi_hetu": _identifier("henkilötunnus|hetu|personbeteckning"),
    "dk_cpr": _identifier("cpr|cpr-nummer|cpr-nr|personnummer"),
    "ie_ppsn": _identifier("pps|ppsn|pps number|personal public service"),
    "uk_nino": _identifier("national insurance|ni number|nino|nin"),
    "uk_nhs": _identifier("nhs|nhs number|nhs no"),
    "us_ssn": _identifier("ssn|ssns|social security|social security number|"
    "soc sec|ss#|ss no"),
    "vat": _identifier("vat|vat number|vat id|ust-idnr|ust-id|ustid|"
    "umsatzsteuer|tva|n° tva|iva|partita iva|btw|btw-nummer|nip ue|"
    "moms|alv|cvr|mwst|uid"),
    "bic": _identifier("bic|swift|swift code|bic code|swift/bic|bic/swift"),
    "imei": _identifier("imei"),
    "iban": {"any": "iban|iban nr|iban no"},
    "mac": {"any": "mac|mac address|mac-adresse|macadresse|adresse mac|"
    "dirección mac|indirizzo mac|mac-adres|adres mac|endereço mac|hwaddr|"
    "ether|bssid"},
    "credit_card": {"any": "card|credit card|debit card|card number|card no|"
    "maestro|visa|mastercard|amex|jcb|diners|karte|kreditkarte|kartennummer|"
    "carte|carte bancaire|numéro de carte|tarjeta|carta|kaart|karta|cartão|kort"},
    "credit_card_negative": {"any": "imei|isbn|ean|tracking"},
    "ip": {"any": "ip|ips|ipv4|ipv6|ip address|ip-adresse|adresse ip|"
    "dirección ip|indirizzo ip|ip-adres|adres ip|endereço ip|host|hostname|"
    "server|client|gateway|router|dns|proxy|subnet|inet|addr|ping|ssh"},
    "ip_negative": {"any": "version|versions|ver|build|release|firmware|"
    "table|figure|fig|section|chapter|paragraph|clause|step|"
    "tabelle|abbildung|abschnitt|kapitel|tableau|chapitre|tabla|sección|"
    "capítulo|tabella|sezione|capitolo|tabel|hoofdstuk|tabela|rozdział|secção"},
}  # fmt: skip

CONTEXT_WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    key: {language: _words(text) for language, text in table.items()}
    for key, table in _RAW.items()
}
