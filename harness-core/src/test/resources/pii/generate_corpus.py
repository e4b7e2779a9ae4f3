#!/usr/bin/env python3
"""Generates corpus.jsonl, Assay's labelled PII corpus (written for the project).

Every value is either a documented test/sample value (card-network test cards, IBAN registry examples, the
NHS/ATO/AWS/jwt.io documentation examples, RFC 5737/3849 documentation addresses, Ofcom drama phone numbers,
NANP 555-01xx fiction numbers) or generated here from a seeded RNG with the check digits computed by this script
(an implementation independent of the Java detectors). None is a real person's data.

Offsets are Python string indexes, i.e. Unicode code points, end exclusive.
Run: python3 generate_corpus.py > corpus.jsonl
"""
import base64, hashlib, json, random, string

R = random.Random(20261126)

# ---- check digits (independent implementations) -------------------------------------------------------------
def luhn_ok(d):
    s = 0
    for i, c in enumerate(reversed(d)):
        v = int(c)
        if i % 2: v = v * 2 - 9 if v > 4 else v * 2
        s += v
    return s % 10 == 0

def luhn_complete(prefix):
    for c in "0123456789":
        if luhn_ok(prefix + c): return prefix + c

def nhs_check(d9):
    s = sum(int(c) * (10 - i) for i, c in enumerate(d9))
    c = 11 - s % 11
    return None if c == 10 else (0 if c == 11 else c)

def pesel(yy, mm, dd, serial4):
    base = f"{yy:02d}{mm:02d}{dd:02d}{serial4:04d}"
    w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]
    return base + str((10 - sum(int(a) * b for a, b in zip(base, w)) % 10) % 10)

NIF = "TRWAGMYFPDXBNJZSQVHLCKE"
def nif(n): return f"{n:08d}{NIF[n % 23]}"
def nie(lead, n7): return f"{lead}{n7:07d}{NIF[int(str('XYZ'.index(lead)) + f'{n7:07d}') % 23]}"

ODD = dict(zip("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ",
               [1,0,5,7,9,13,15,17,19,21,1,0,5,7,9,13,15,17,19,21,2,4,18,20,11,3,6,8,12,14,16,10,22,25,24,23]))
def even(c): return int(c) if c.isdigit() else ord(c) - 65
def cf_check(s15):
    t = sum(ODD[c] if i % 2 == 0 else even(c) for i, c in enumerate(s15))
    return s15 + chr(65 + t % 26)

FI = "0123456789ABCDEFHJKLMNPRSTUVWXY"
def hetu(dd, mm, yy, sep, nnn): return f"{dd:02d}{mm:02d}{yy:02d}{sep}{nnn:03d}" + FI[int(f"{dd:02d}{mm:02d}{yy:02d}{nnn:03d}") % 31]

def se_pnr(yy, mm, dd, nnn, sep="-"):
    nine = f"{yy:02d}{mm:02d}{dd:02d}{nnn:03d}"
    return f"{yy:02d}{mm:02d}{dd:02d}{sep}{nnn:03d}" + luhn_complete(nine)[-1]

D = [[0,1,2,3,4,5,6,7,8,9],[1,2,3,4,0,6,7,8,9,5],[2,3,4,0,1,7,8,9,5,6],[3,4,0,1,2,8,9,5,6,7],[4,0,1,2,3,9,5,6,7,8],
     [5,9,8,7,6,0,4,3,2,1],[6,5,9,8,7,1,0,4,3,2],[7,6,5,9,8,2,1,0,4,3],[8,7,6,5,9,3,2,1,0,4],[9,8,7,6,5,4,3,2,1,0]]
P = [[0,1,2,3,4,5,6,7,8,9],[1,5,7,6,2,8,3,0,9,4],[5,8,0,3,7,9,6,1,4,2],[8,9,1,6,0,4,3,5,2,7],[9,4,5,3,1,2,6,8,7,0],
     [4,2,8,6,5,7,3,9,0,1],[2,7,9,3,8,0,6,4,1,5],[7,0,4,6,9,1,3,2,5,8]]
INV = [0,4,3,2,1,5,6,7,8,9]
def verhoeff_complete(d):
    c = 0
    for i, ch in enumerate(reversed(d)):
        c = D[c][P[(i + 1) % 8][int(ch)]]
    return d + str(INV[c])

def tfn_ok(d): return sum(int(a) * b for a, b in zip(d, [1,4,3,7,5,8,6,9,10])) % 11 == 0
def dea(letters, d6):
    s = int(d6[0]) + int(d6[2]) + int(d6[4]) + 2 * (int(d6[1]) + int(d6[3]) + int(d6[5]))
    return letters + d6 + str(s % 10)

def iban_make(cc, bban):
    n = int("".join(str(int(c, 36)) for c in bban + cc + "00"))
    return f"{cc}{98 - n % 97:02d}{bban}"
def group4(s): return " ".join(s[i:i + 4] for i in range(0, len(s), 4))

B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
def b58check(payload):
    full = payload + hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4]
    n = int.from_bytes(full, "big"); out = ""
    while n: n, r = divmod(n, 58); out = B58[r] + out
    return "1" * (len(full) - len(full.lstrip(b"\0"))) + out

CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
def polymod(values):
    g = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3]; chk = 1
    for v in values:
        b = chk >> 25; chk = (chk & 0x1ffffff) << 5 ^ v
        for i in range(5): chk ^= g[i] if (b >> i) & 1 else 0
    return chk
def bech32(data, const):
    hrp = "bc"; exp = [ord(x) >> 5 for x in hrp] + [0] + [ord(x) & 31 for x in hrp]
    pm = polymod(exp + data + [0] * 6) ^ const
    return hrp + "1" + "".join(CHARSET[d] for d in data + [(pm >> 5 * (5 - i)) & 31 for i in range(6)])

def rand_digits(n): return "".join(R.choice("0123456789") for _ in range(n))
def rand_alnum(n, alphabet=string.ascii_letters + string.digits): return "".join(R.choice(alphabet) for _ in range(n))

# ---- documents -------------------------------------------------------------------------------------------------
docs = []
def doc(*parts, lang="en"):
    text, spans = "", []
    for p in parts:
        if isinstance(p, tuple):
            spans.append({"entity": p[0], "start": len(text), "end": len(text) + len(p[1])})
            text += p[1]
        else:
            text += p
    docs.append({"text": text, "lang": lang, "spans": spans})

def neg(text, lang="en"): docs.append({"text": text, "lang": lang, "spans": []})

# EMAIL_ADDRESS
for e in ["jane.doe@example.com", "support+billing@mail.example.co.uk", "o'brien@example.ie",
          "first_last@sub.example.org", "x@example.io", "info@example.de"]:
    doc("Please write to ", ("EMAIL_ADDRESS", e), " before Friday.")
doc("Escríbeme a ", ("EMAIL_ADDRESS", "maria.lopez@example.es"), ", gracias 😀", lang="es")
doc("Kontakt: ", ("EMAIL_ADDRESS", "kontakt@example.de"), " (Büro) 🇩🇪", lang="de")
doc("📧 ", ("EMAIL_ADDRESS", "emoji.user@example.net"), " 📧")
for t in ["Mention @jane on the thread.", "The host is user@localhost for tests.", "Address: name@example.notatld.",
          "Broken: a@b and foo@bar.zzz", "Write john at example dot com.", "Decorator @Override on line 3.",
          "Price: 5@3.50 each"]:
    neg(t)

# PHONE_NUMBER
for p, pre in [("+1 650-253-0000", "Call "), ("(201) 555-0123", "Phone: "), ("020 7946 0958", "Ring us on "),
               ("+44 20 7946 0018", "UK office "), ("+33 1 99 00 12 34", "Bureau de Paris : "),
               ("+49 30 901820", "Telefon "), ("+91 98765 43210", "Mobile "), ("+55 11 91234-5678", "Celular "),
               ("(416) 555-0199", "Toronto desk ")]:
    doc(pre, ("PHONE_NUMBER", p), " is open 9 to 5.")
for t in ["Order 12345 shipped.", "ISBN 978-3-16-148410-0 is the book.", "Version 1.2.3.4567 released.",
          "The years 2019-2020 were hard.", "We sold 1,234,567 units.", "Room 42, floor 7."]:
    neg(t)

# CREDIT_CARD (card-network test numbers)
for c in ["4242 4242 4242 4242", "4111-1111-1111-1111", "5555555555554444", "3782 822463 10005",
          "6011 1111 1111 1117", "3530111333300000", "5105 1051 0510 5100", "4000 0566 5566 5556"]:
    doc("Charge the card ", ("CREDIT_CARD", c), " please.")
doc("Mi tarjeta es ", ("CREDIT_CARD", "4012 8888 8888 1881"), ".", lang="es")
for t in ["Charge the card 4242 4242 4242 4241 please.", "Card 4111 1111 1111 1112 was declined.",
          "Tracking 1234 5678 9012 3456 in transit.", "Invoice 9999 8888 7777 6666 paid.",
          "Serial 0000 0000 0000 0000.", "Reference 4242424242424242424242 (too long)."]:
    neg(t)

# IBAN_CODE (IBAN registry examples)
for i in ["GB82 WEST 1234 5698 7654 32", "DE89 3704 0044 0532 0130 00", "FR14 2004 1010 0505 0001 3M02 606",
          "NL91ABNA0417164300", "ES91 2100 0418 4502 0005 1332", "CH93 0076 2011 6238 5295 7",
          "IT60 X054 2811 1010 0000 0123 456", "BE68 5390 0754 7034"]:
    doc("Transfer to IBAN ", ("IBAN_CODE", i), " today.")
doc("Überweisung an ", ("IBAN_CODE", group4(iban_make("AT", "1904300234573201"))), " bitte.", lang="de")
for t in ["Transfer to IBAN GB82 WEST 1234 5698 7654 33 today.", "IBAN DE89 3704 0044 0532 0130 01 is wrong.",
          "Code XX12 3456 7890 1234 5678 is not a country.", "NL91ABNA04171643001 has a digit too many.",
          "Model DE12 engine."]:
    neg(t)

# IP_ADDRESS (documentation ranges)
for ip in ["192.0.2.1", "10.0.0.0/8", "2001:db8::1", "198.51.100.23", "203.0.113.7", "::ffff:192.0.2.128",
           "2001:db8:85a3::8a2e:370:7334", "fe80::1/64"]:
    doc("The server at ", ("IP_ADDRESS", ip), " is down.")
for t in ["Bad: 256.1.1.1 and 999.999.999.999.", "Version 1.2.3 shipped.", "At 12:30:45 we met.",
          "Octets 01.02.03.04 with zeros.", "Ratio 3:2:1 was used.", "Path a.b.c.d in the tree."]:
    neg(t)

# URL
for u in ["https://example.com/docs", "http://www.example.org/a?b=1", "www.example.net", "example.co.uk/path",
          "https://example.io", "ftp://files.example.com/pub/file.txt", "http://192.0.2.1:8080/status"]:
    doc("See ", ("URL", u), " for details.")
doc("Visita ", ("URL", "https://example.es/ayuda"), ", por favor.", lang="es")
for t in ["Run setup.py then read README.md.", "Use e.g. and i.e. correctly.", "This is the end.It continues.",
          "Open file.txt and data.csv now.", "The method obj.getValue() returns."]:
    neg(t)

# MAC_ADDRESS
for m in ["00:1A:2B:3C:4D:5E", "01-23-45-67-89-ab", "0123.4567.89ab", "AC:DE:48:00:11:22"]:
    doc("Device MAC ", ("MAC_ADDRESS", m), " joined.")
for t in ["Broadcast FF:FF:FF:FF:FF:FF is ignored.", "Null 00:00:00:00:00:00 address.", "At 12:34:56 exactly.",
          "Short 00:1A:2B:3C:4D only."]:
    neg(t)

# CRYPTO
addrs = ["1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"]
for _ in range(3): addrs.append(b58check(b"\x00" + bytes(R.randrange(256) for _ in range(20))))
for _ in range(2): addrs.append(b58check(b"\x05" + bytes(R.randrange(256) for _ in range(20))))
addrs.append(bech32([0] + [R.randrange(32) for _ in range(32)], 1))
addrs.append(bech32([1] + [R.randrange(32) for _ in range(52)], 0x2bc830a3))
for a in addrs:
    doc("Send BTC to ", ("CRYPTO", a), " now.")
bad = addrs[1][:-1] + ("a" if addrs[1][-1] != "a" else "b")
badb = addrs[-2][:-1] + ("q" if addrs[-2][-1] != "q" else "p")
mixed = bech32([0] + [R.randrange(32) for _ in range(32)], 0x2bc830a3)  # v0 with bech32m: invalid
for t in [f"Send BTC to {bad} now.", f"Address {badb} is corrupt.", f"Wrong constant {mixed}.",
          "Token 1111111111111111111111111111 here.", "Hash 3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLz0 long."]:
    neg(t)

# DATE_TIME
for d in ["12/31/1999", "2024-01-15", "15.03.2021", "3 March 2020", "March 3, 2020", "2024-01-15T10:30:00Z",
          "31/12/2023", "2023/07/04"]:
    doc("It happened on ", ("DATE_TIME", d), ".")
doc("Geboren am ", ("DATE_TIME", "03.02.1990"), " in Köln.", lang="de")
for t in ["Score 13/13/2020 is not a date.", "Value 2024-13-45 invalid.", "Ratio 99.99.99 here.",
          "Release v3.10.12 is out.", "Chapter 1.2.3 covers it."]:
    neg(t)

# US_SSN (synthetic, valid ranges)
ssns = []
while len(ssns) < 8:
    a, g, s = R.randrange(1, 900), R.randrange(1, 100), R.randrange(1, 10000)
    if a == 666: continue
    ssns.append(f"{a:03d}-{g:02d}-{s:04d}")
for s in ssns[:6]:
    doc("My SSN is ", ("US_SSN", s), ".")
doc("Social security number ", ("US_SSN", ssns[6].replace("-", " ")), " on file.")
doc("Número de seguro social ", ("US_SSN", ssns[7]), ".", lang="es")
for t in ["My SSN is 000-12-3456.", "SSN 666-12-3456 is invalid.", "SSN 123-45-6789 is the sample.",
          "SSN 536-00-1234 has a zero group.", "SSN 536-22-0000 has a zero serial.", "Mixed 536-22.1234 here.",
          "Code 111-11-1111 repeated."]:
    neg(t)

# US_ITIN
for mid in ["70", "88", "90", "94", "50", "65"]:
    doc("ITIN ", ("US_ITIN", f"9{rand_digits(2)}-{mid}-{rand_digits(4)}"), " for tax.")
for t in ["ITIN 912-34-5678 invalid group.", "ITIN 912-89-1234 excluded.", "ITIN 912-93-1234 excluded.",
          "ITIN 912-66-1234 excluded."]:
    neg(t)

# US_PASSPORT (needs context)
for p in ["912345678", "A12345678", "C03005988", "340020013"]:
    doc("US passport number ", ("US_PASSPORT", p), " expires soon.")
for t in ["Order 123456780 shipped.", "Batch A12345678 approved."]:
    neg(t)

# US_BANK_NUMBER (needs context)
for b in ["12345678901", "000123456789", "4099999992", "987654321012345"]:
    doc("Bank account ", ("US_BANK_NUMBER", b), " is closed.")
for t in ["Tracking 12345678901 arrived.", "Population 83000000 people."]:
    neg(t)

# US_DRIVER_LICENSE (needs context)
for d in ["D1234567", "S12345678", "AB123456", "123456789"]:
    doc("Driver license ", ("US_DRIVER_LICENSE", d), " was renewed.")
for t in ["INTRODUCTORY offer for H1 and D3.", "The public record 12345678 is open.",
          "Policy D1234567 renewed."]:
    neg(t)

# UK_NHS
nhs = ["943 476 5919"]
while len(nhs) < 7:
    d9 = rand_digits(9)
    c = nhs_check(d9)
    if c is not None: nhs.append(f"{d9[:3]} {d9[3:6]} {d9[6:]}{c}")
for n in nhs:
    doc("NHS number ", ("UK_NHS", n), " registered.")
doc("Patient ", ("UK_NHS", nhs[1].replace(" ", "-")), " seen 🏥.")
for t in ["NHS number 943 476 5918 registered.", "NHS 401 023 2138 typo.", "Ref 123 456 7890 ok."]:
    neg(t)

# UK_NINO
for n in ["AB 12 34 56 C", "JG103759A", "CE123456D", "PR 65 43 21 B"]:
    doc("National Insurance number ", ("UK_NINO", n), ".")
for t in ["NI BG123456A is not issued.", "NINO GB 12 34 56 A prefix invalid.", "Code AB123456E suffix.",
          "Word INTRODUCTORY."]:
    neg(t)

# ES_NIF / ES_NIE
for n in ["12345678Z"] + [nif(R.randrange(10**7, 10**8)) for _ in range(5)]:
    doc("Mi DNI es ", ("ES_NIF", n), ".", lang="es")
for n in ["X1234567L"] + [nie(R.choice("XYZ"), R.randrange(10**7)) for _ in range(5)]:
    doc("Número NIE ", ("ES_NIE", n), " válido.", lang="es")
def wrong_letter(v): return v[:-1] + next(c for c in NIF if c != v[-1])
for t in ["Mi DNI es 12345678A.", f"DNI {wrong_letter(nif(87654321))} erróneo.", "NIE X1234567A mal.",
          f"NIE {wrong_letter(nie('Z', 7654321))} incorrecto."]:
    neg(t, "es")

# IT_FISCAL_CODE
cfs = ["RSSMRA85T10A562S"]
for _ in range(5):
    s = "".join(R.choice(string.ascii_uppercase) for _ in range(6)) + rand_digits(2) + R.choice("ABCDEHLMPRST") \
        + f"{R.randrange(1, 72):02d}" + R.choice(string.ascii_uppercase) + rand_digits(3)
    cfs.append(cf_check(s))
for c in cfs:
    doc("Il mio codice fiscale è ", ("IT_FISCAL_CODE", c), ".", lang="it")
for t in ["Codice fiscale RSSMRA85T10A562T errato.", "CF ABCDEF12G34H567I sbagliato."]:
    neg(t, "it")

# PL_PESEL
pesels = ["44051401359"] + [pesel(R.randrange(0, 100), R.randrange(1, 13), R.randrange(1, 29), R.randrange(10000))
                            for _ in range(5)]
for p in pesels:
    doc("Numer PESEL: ", ("PL_PESEL", p), ".", lang="pl")
def wrong_last(v): return v[:-1] + str((int(v[-1]) + 1) % 10)
for t in ["Numer PESEL: 44051401358.", f"PESEL {wrong_last(pesel(2, 27, 8, 362))} błędny."]:
    neg(t, "pl")

# (the Italian sections draw from their own seeded generator, so the documents after them are unchanged)
_main_state = R.getstate()
R.seed(20261127)
# IT_VAT_CODE (partita IVA: 7-digit number, 3-digit tax office 001-121/888/999, check digit as in Presidio's
# ItVatCodeRecognizer: odd positions summed, even positions doubled minus 9 if > 9)
def piva(n7, office):
    body = f"{n7:07d}{office:03d}"
    x = sum(int(body[2 * i]) for i in range(5))
    y = sum((lambda t: t - 9 if t > 9 else t)(int(body[2 * i + 1]) * 2) for i in range(5))
    return body + str((10 - (x + y) % 10) % 10)
pivas = [piva(R.randrange(10**7), R.randrange(1, 101)) for _ in range(5)] + [piva(1234567, 888)]
for i, v in enumerate(pivas):
    if i % 2:
        doc("La nostra partita IVA è ", ("IT_VAT_CODE", v), ".", lang="it")
    else:
        doc("P.IVA IT", ("IT_VAT_CODE", v), " - sede legale a Milano.", lang="it")
def bad_office(v): return piva(int(v[:7]), 500)
for t in [f"Partita IVA {wrong_last(pivas[0])} errata.", f"Codice {bad_office(pivas[1])} non valido.",
          "Ordine n. 00000000000 annullato.", f"Ticket {wrong_last(pivas[2])} chiuso."]:
    neg(t, "it")

# IT_DRIVER_LICENSE, IT_PASSPORT, IT_IDENTITY_CARD (format and context only, as in Presidio; values random, chosen so
# that they are not also valid DEA numbers, which MEDICAL_LICENSE would take with score 1.0)
def two_letters(): return "".join(R.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(2))
def not_dea(v): return dea(v[:2], v[2:8]) != v[:9]
def it_doc_number():
    while True:
        v = two_letters() + rand_digits(7)
        if not_dea(v): return v
for _ in range(4):
    doc("Numero patente di guida: ", ("IT_DRIVER_LICENSE", two_letters() + rand_digits(7) + R.choice("ABCDEFGHJKLMNPRSTUVWXYZ")),
        ".", lang="it")
doc("La patente ", ("IT_DRIVER_LICENSE", "U1" + "".join(R.choice("BCDEFGH0123456789") for _ in range(7)) + "K"), " è valida.",
    lang="it")
for _ in range(4):
    doc("Il mio passaporto è ", ("IT_PASSPORT", it_doc_number()), ".", lang="it")
doc("Carta d'identità n. ", ("IT_IDENTITY_CARD", two_letters() + " " + rand_digits(7)), ".", lang="it")
doc("Numero della carta d'identità elettronica: ", ("IT_IDENTITY_CARD", rand_digits(7) + two_letters()), ".", lang="it")
doc("CIE ", ("IT_IDENTITY_CARD", two_letters() + rand_digits(5) + two_letters()), " rilasciata dal comune.", lang="it")
doc("Carta di identità ", ("IT_IDENTITY_CARD", two_letters() + rand_digits(5) + two_letters()), ".", lang="it")
for t in [f"Codice prodotto {it_doc_number()} in magazzino.", f"Volo {two_letters()}{rand_digits(7)}X in ritardo.",
          f"Articolo {rand_digits(7)}{two_letters()} esaurito.", f"Lotto {two_letters()}{rand_digits(5)}{two_letters()}."]:
    neg(t, "it")
R.setstate(_main_state)

# AU_ABN (own seeded generator too; check digits computed here)
_main_state = R.getstate()
R.seed(20261128)
def abn_ok(d): return d[0] != "0" and (sum(w * int(c) for w, c in zip([10,1,3,5,7,9,11,13,15,17,19], str(int(d[0]) - 1) + d[1:])) % 89 == 0)
def find(pred, gen):
    while True:
        v = gen()
        if pred(v): return v
abns = ["51824753556"] + [find(abn_ok, lambda: str(R.randrange(1, 10)) + rand_digits(10)) for _ in range(4)]
for i, v in enumerate(abns):
    shown = f"{v[:2]} {v[2:5]} {v[5:8]} {v[8:]}" if i % 2 == 0 else v
    doc("Our ABN is ", ("AU_ABN", shown), ".")
for t in ["Our ABN is 51 824 753 557.", f"ABN {wrong_last(abns[1])} cancelled."]:
    neg(t)
R.setstate(_main_state)

# FI_PERSONAL_IDENTITY_CODE
for h in ["131052-308T"] + [hetu(R.randrange(1, 29), R.randrange(1, 13), R.randrange(100), R.choice("-A"),
                                 R.randrange(2, 900)) for _ in range(5)]:
    doc("Henkilötunnus ", ("FI_PERSONAL_IDENTITY_CODE", h), " on oikein.", lang="fi")
for t in ["Henkilötunnus 131052-308U väärin.", "Koodi 311299-999X ei."]:
    neg(t, "fi")

# SE_PERSONNUMMER
for p in ["811228-9874"] + [se_pnr(R.randrange(100), R.randrange(1, 13), R.randrange(1, 29), R.randrange(1000))
                            for _ in range(5)]:
    doc("Personnummer ", ("SE_PERSONNUMMER", p), " är giltigt.", lang="sv")
for t in ["Personnummer 811228-9875 är fel.", "Nummer 811328-9874 har månad 13."]:
    neg(t, "sv")

# IN_AADHAAR
for _ in range(6):
    a = verhoeff_complete(str(R.randrange(2, 10)) + rand_digits(10))
    doc("आधार संख्या ", ("IN_AADHAAR", f"{a[:4]} {a[4:8]} {a[8:]}"), " है।", lang="hi")
a_bad = wrong_last(verhoeff_complete("23456789012"))
for t in [f"Aadhaar {a_bad[:4]} {a_bad[4:8]} {a_bad[8:]} wrong.", "आधार 1234 5678 9012 अमान्य।"]:
    neg(t)

# IN_PAN
for p in ["ABCPE1234F", "AAAPL1234C", "BNZAA2318J", "AFZPK7190K"]:
    doc("PAN ", ("IN_PAN", p), " linked.")
for t in ["Code ABCDE1234F not a PAN.", "ID ABC1234567 other."]:
    neg(t)

# CA_SIN
sins = []
while len(sins) < 6:
    s = luhn_complete(str(R.choice([1, 2, 3, 4, 5, 6, 7, 9])) + rand_digits(7))
    sins.append(f"{s[:3]} {s[3:6]} {s[6:]}")
for s in sins:
    doc("Social insurance number ", ("CA_SIN", s), ".")
s_bad = wrong_last(luhn_complete("13069254"))
for t in ["SIN 046 454 287 wrong.", f"SIN {s_bad[:3]} {s_bad[3:6]} {s_bad[6:]} wrong."]:
    neg(t)

# AU_TFN
tfns = ["123 456 782"]
while len(tfns) < 6:
    d = rand_digits(9)
    if tfn_ok(d): tfns.append(f"{d[:3]} {d[3:6]} {d[6:]}")
for t in tfns:
    doc("Tax file number ", ("AU_TFN", t), " lodged.")
for t in ["TFN 123 456 789 wrong.", "TFN 987 654 321 wrong."]:
    neg(t)

# MEDICAL_LICENSE (DEA)
for _ in range(5):
    doc("DEA certificate ", ("MEDICAL_LICENSE", dea(R.choice("ABFM") + R.choice(string.ascii_uppercase), rand_digits(6))),
        " on file.")
for t in ["DEA AB1234567 mismatch.", "Code ZZ1234563 other."]:
    neg(t)

# secrets
doc("aws_access_key_id = ", ("AWS_ACCESS_KEY", "AKIAIOSFODNN7EXAMPLE"))
doc("Key ", ("AWS_ACCESS_KEY", "AKIA" + rand_alnum(16, string.ascii_uppercase + "234567")), " leaked.")
neg("Prefix AKIA1234 is short.")
for p in ["ghp_", "gho_", "ghs_"]:
    doc("token: ", ("GITHUB_TOKEN", p + rand_alnum(36)), " (revoke)")
neg("Token ghp_short is not valid.")
doc("SLACK_BOT_TOKEN=", ("SLACK_TOKEN", f"xoxb-{rand_digits(12)}-{rand_digits(13)}-{rand_alnum(24)}"))
neg("Channel xoxq-12345 is not a token.")
jwt_io = ("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2M"
          "jM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c")
doc("Authorization: Bearer ", ("JWT", jwt_io))
hdr = base64.urlsafe_b64encode(b'{"notjson').decode().rstrip("=")
neg("Not a JWT: eyJhbGciOiJIUzI1NiJ9 alone.")
neg(f"Bad header {hdr}.eyJ4IjoxfQ.c2ln here.")
body = "\n".join(base64.b64encode(bytes(R.randrange(256) for _ in range(48))).decode() for _ in range(6))
doc("Here is the key:\n", ("PRIVATE_KEY", "-----BEGIN RSA PRIVATE KEY-----\n" + body + "\n-----END RSA PRIVATE KEY-----"),
    "\nKeep it safe.")
neg("-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----")
neg("-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----")
doc("api_key = ", ("API_KEY", rand_alnum(32)))
doc("The secret token is ", ("API_KEY", rand_alnum(40)), ".")
for t in ["Commit a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9 merged.", "UUID 123e4567-e89b-12d3-a456-426614174000.",
          "Identifier ThisIsAVeryLongCamelCaseName2 in code."]:
    neg(t)

# mixed multilingual and emoji documents
doc("こんにちは 👋 メール ", ("EMAIL_ADDRESS", "taro@example.jp"), " 電話 ", ("PHONE_NUMBER", "+44 20 7946 0123"),
    " カード ", ("CREDIT_CARD", "4242 4242 4242 4242"), lang="ja")
doc("🙂🙃 Bonjour, IBAN ", ("IBAN_CODE", "FR14 2004 1010 0505 0001 3M02 606"), " et 📞 ", ("PHONE_NUMBER", "+33 1 99 00 45 67"),
    ".", lang="fr")
doc("𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ", ("EMAIL_ADDRESS", "math@example.org"), " 𝔞𝔫𝔡 IP ", ("IP_ADDRESS", "198.51.100.77"), " 🚀")
neg("Nothing here: the weather in Zürich was 21 degrees and 🌧 for 3 days.")
neg("Le 3e étage, porte 12, code 4711.", "fr")
neg("Die Rechnung Nr. 2023-0042 über 1.299,00 EUR ist bezahlt.", "de")

# sanity: documented sample values pass the independent checks, the negatives built to fail do fail
assert luhn_ok("4242424242424242") and not luhn_ok("4242424242424241")
assert nhs_check("943476591") == 9 and nhs_check("943476591") != 8
assert pesel(44, 5, 14, 135)[-1] == "9"
assert nif(12345678) == "12345678Z" and nie("X", 1234567) == "X1234567L"
assert cf_check("RSSMRA85T10A562") == "RSSMRA85T10A562S"
assert hetu(13, 10, 52, "-", 308) == "131052-308T"
assert tfn_ok("123456782") and not tfn_ok("123456789")
assert abn_ok("51824753556") and not abn_ok("51824753557")
assert all(luhn_ok(v) for v in pivas) and not luhn_ok(wrong_last(pivas[0]))
for i in ["GB82WEST12345698765432", "DE89370400440532013000", "NL91ABNA0417164300"]:
    assert iban_make(i[:2], i[4:]) == i
assert not luhn_ok(s_bad) and a_bad != verhoeff_complete("23456789012")

for d in docs:
    print(json.dumps(d, ensure_ascii=False))
