"""Which words of a comment are people's names: titles, context and a name lexicon.

Three kinds of evidence, combined by :func:`themesift.clean.redact.find_names`:

- **Rules**: a title or role before a word ("Dr Patel", "nurse sarah"), or a context
  that only a first name fits ("thanks to Aisha", "Raj on reception").
- **The lexicon** (:mod:`themesift.clean.lexicon`): a capitalised word that is a known
  first or last name and not also a common English word ("Zainab", "Okafor").
- **spaCy NER**: a PERSON entity counts only if a word of it is in the lexicon or a title
  comes before it, so products and drugs ("Chegg", "Amoxicillin") are not taken for
  people; a place, organisation or date entity ("Kingston", "Monday") vetoes the
  lexicon.

Capital letters carry the evidence, so a text that has none worth reading (all lower
case, ALL CAPS or Title Case) is first turned into a *probe* of the same length: lower
case, with titles, roles and known names capitalised (:func:`name_probe`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from themesift.clean.lexicon import NameLexicon, name_key
from themesift.clean.spans import Redaction

__all__ = ["entity_names", "find_context_names", "find_titled_names",
           "cued", "is_cased", "lexicon_names", "may_hold_name", "name_probe", "widen"]

_WORD_RUN = re.compile(r"\S+")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")

# Entities made only of these words are job titles or common false positives.
_NOT_NAMES = frozenset(
    "dr dr. doctor doctors nurse nurses sister matron mr mr. mrs mrs. ms ms. miss prof "
    "professor sir madam consultant surgeon midwife gp staff team receptionist "
    "nhs covid covid-19 a&e thanks thank you hi hello dear email e-mail phone call ring text "
    "please physio physiotherapist physiotherapy therapist therapy carer carers hca ot "
    "mum mummy dad daddy mother father husband wife son daughter baby grandad grandma "
    "grandpa grandmother grandfather nan nana nanna nanny gran granny aunt auntie aunty "
    "uncle brother partner cousin niece nephew grandson granddaughter "
    "rang felt massage".split()
)

# "Dr Patel", "Nurse Kelly Smith", "Mrs O'Neil": the small model often misses these.
# A capitalised name ("Patel", "McAllister", "O'Neill-Brown") or one in capitals ("SMITH").
_NAME_WORD = (r"(?:[A-Z][a-z]*(?:[A-Z][a-z]+)?(?:['’-][A-Z]?[a-z]+)*"
              r"|[A-Z]{2,}(?:['’-][A-Z]+)*)(?![\w'’-])")
_TITLED = re.compile(
    r"\b(?i:Dr|Mr|Mrs|Ms|Mx|Miss|Prof|Professor|Sister|Sr|Matron|Nurse|Doctor|Midwife|HCA"
    r"|Physio|Consultant)"
    rf"\.?[ \t]+(?P<name>(?:[A-Z]\.?[ \t]+)?{_NAME_WORD}(?:[ \t]+{_NAME_WORD})?)"
)
# Capitalised words that follow a title without being a name ("the Nurse Practitioner").
_NOT_NAME_WORDS = frozenset(
    "The A An And But Or So If I It He She They We You His Her Was Were Is Are Has Had Have "
    "Did Does Do On At In For To Of From With Who What When Where Which How This That These "
    "Those Also Then Very Really Just Not No Yes All Always Never Everyone Everything Today "
    "Practitioner Practitioners Specialist Specialists Consultant Consultants Manager Team "
    "Station Led Associate Assistant Unit Ward Department Clinic Surgery Appointment "
    "Appointments Staff Nurse Nurses Doctor Doctors Reception Receptionist Please Thanks "
    "Thank Said Told Explained Came Went Saw Gave Made Took Kept".split()
)

# Capitalised words that are not names: sentence-initial function words and common
# feedback words ("Staff were kind", "Felt safe").  A text whose capitalised words are
# all here (or single letters) cannot hold a name NER would keep, so it skips NER, the
# slowest step of cleaning.  Words that are also first names (Will, May, Grace, ...)
# must not be listed.
_NOT_NAME_CAPS = frozenset(
    "a about above across after afterwards again against all almost alone along already also "
    "although always am among an and another any anyhow anyone anything anyway anywhere are "
    "around as at back be became because become been before being below beside besides "
    "between beyond both but by can can't cannot could couldn't did didn't do does doesn't "
    "doing don't done down due during each either else enough even ever every everyone "
    "everybody everything everywhere except few first for from further get give go had has "
    "have having he her here hers herself him himself his how however i i'd i'll i'm i've if "
    "in indeed into is isn't it it's its itself just keep last least less made make many me "
    "might mine more moreover most mostly much must my myself neither never nevertheless next "
    "no nobody none noone nor not nothing now nowhere of off often on once one only onto or "
    "other others otherwise our ours ourselves out over own perhaps please quite rather really "
    "same see seem seemed several she should since so some somehow someone something sometime "
    "sometimes somewhere still such take than that that's the their them themselves then there "
    "there's these they they're this those though through throughout thus to together too "
    "toward towards under unless until up upon us very via was wasn't we we're well were "
    "what whatever when whenever where whether which while who whoever whole whom whose why "
    "with within without won't would yes yet you you're your yours yourself yourselves "
    "absolutely actually advice amazing answer appointment appointments attentive better "
    "brilliant care caring clean clear comfortable communication contact despite doctor "
    "doctors easy efficient enjoyed especially excellent explain explained extremely "
    "fabulous family fantastic fast feel felt food friendly gave getting given good great "
    "happy health helped helpful helping hospital hot improve information informative kind "
    "kindness knowing lack let like listen listened listening long looked lots lovely making "
    "meals need nice nope nurse nurses nursing ok okay overall patient patients people "
    "perfect personal phone physio pleasant pleased polite practical professional prompt "
    "quick quicker received reception receptionist regular satisfied seeing service sorry "
    "staff stop support talk telephone thank thanks thankyou thank-you think thorough time "
    "took treated treatment understanding useful wait waiting ward wish wonderful".split()
)
_HONORIFICS = frozenset("dr mr mrs ms mx miss prof professor".split())
_CAP_WORD = re.compile(r"[^\W\d_]*[A-Z][^\W\d_]*(?:['’-][^\W\d_]+)*")


_NEXT_WORD = re.compile(r"[ \t]+([A-Z][\w'’-]*)")
_PREV_WORD = re.compile(r"([A-Z][\w'’-]*)[ \t]+$")


def _name_like(word: str) -> bool:
    low = word.lower().replace("’", "'")
    return (len(word) > 1 and low not in _NOT_NAME_CAPS and low not in _NOT_NAMES
            and word.capitalize() not in _NOT_NAME_WORDS)


def _joins(word: str, lexicon: NameLexicon) -> bool:
    """Whether a capitalised word next to a name is part of it ("Anjali" of "Anjali
    Desai"): a known name, and no place word."""
    key = name_key(word)
    return _name_like(word) and _known(key, lexicon) and key not in _PLACE_AFTER


def widen(text: str, span: Redaction, lexicon: NameLexicon) -> Redaction:
    """A name span grown to whole words, and over a capitalised name word just before or
    after it that NER left out ("Anjali" of "Anjali Desai"): no fragment is left.  Only a
    word the ``lexicon`` knows as a name joins ("Hope" of "Hope Sharma", not "Lister" of
    "Lister Wing")."""
    start, end = span.start, span.end
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "'’-"):
        start -= 1
    while end < len(text) and (text[end].isalnum() or text[end] in "'’-"):
        end += 1
    if (m := _PREV_WORD.search(text, 0, start)) and _joins(m.group(1), lexicon):
        start = m.start(1)
    if (m := _NEXT_WORD.match(text, end)) and _joins(m.group(1), lexicon):
        end = m.end(1)
    return Redaction(span.kind, start, end)


# A first name alone, told by its context: "thanks to Aisha", "ask for Raj", "Emma on
# reception", "Kwabena, the physio".  The words must not be common words (_name_like).
_NAMES = rf"(?P<name>{_NAME_WORD}(?:[ \t]+{_NAME_WORD})?)"
_ROLE_NOUNS = (r"(?:nurse|physio|physiotherapist|receptionist|doctor|midwife|carer|porter|"
               r"consultant|surgeon|therapist|anaesthetist|registrar|cleaner|tutor|teacher|"
               r"lecturer|hca|healthcare[ \t]+assistant|manager|pharmacist|dietitian|"
               r"sister|matron|paramedic|counsellor|mentor|supervisor|assistant)s?\b")
_CONTEXT = [
    re.compile(r"\b(?:[Tt]hanks?(?:[ \t]+you)?,?[ \t]+(?:to[ \t]+)?|[Aa]sk(?:ed)?[ \t]+for[ \t]+"
               r"|[Ss]poke[ \t]+(?:to|with)[ \t]+|[Ss]een[ \t]+by[ \t]+)" + _NAMES),
    re.compile(_NAMES + r"(?:'s)?[ \t]+(?:on|at|from)[ \t]+(?:reception|the[ \t]+desk)\b"),
    re.compile(_NAMES + r",?[ \t]+(?:the|our|my)[ \t]+(?:[a-z]+[ \t]+)?" + _ROLE_NOUNS),
    re.compile(r"\b(?:[Mm]y[ \t]+name[ \t]+is|[Mm]y[ \t]+name's|[Nn]ame:)[ \t]+" + _NAMES),
    re.compile(_NAMES + r"[ \t]+(?:was|is|has[ \t]+been)[ \t]+(?:my|our|his|her|their)[ \t]+"
               r"(?:[a-z]+[ \t]+)?" + _ROLE_NOUNS),
    re.compile(r"\b(?:[Cc]alled|[Nn]amed)[ \t]+" + _NAMES),
    re.compile(_NAMES + r"[ \t]+from[ \t]+(?:the[ \t]+)?(?:[A-Za-z]+[ \t]+){0,2}(?:team|support|"
               r"department|office|desk|IT|HR|pharmacy|reception)\b"),
]


def _ascii_shape(text: str) -> str:
    """``text`` with each non-ASCII letter replaced by "A" or "a" of its case, so the
    ASCII rules read "Dr Ó Súilleabháin" as a titled name; the length is kept."""
    if text.isascii():
        return text
    return "".join(c if c.isascii() or not c.isalpha() else "A" if c.isupper() else "a"
                   for c in text)


def find_context_names(text: str) -> list[Redaction]:
    """NAME spans for a first name told by its context ("thanks to Aisha")."""
    text = _ascii_shape(text)
    found = []
    for pattern in _CONTEXT:
        for m in pattern.finditer(text):
            words = list(_WORD_RUN.finditer(m.group("name")))
            keep = [w for w in words[:2] if _name_like(w.group())
                    and w.group().lower() not in _NOT_AFTER_ROLE]  # "Will the doctor"
            if keep and keep[0] is words[0]:
                end = keep[-1].end() if len(keep) == len(words) else words[0].end()
                found.append(Redaction("NAME", m.start("name"), m.start("name") + end))
    return found


def find_titled_names(text: str) -> list[Redaction]:
    """NAME spans for a title followed by capitalised words: "Dr Patel", "Sister Brown"."""
    text = _ascii_shape(text)
    found = []
    pos = 0
    while m := _TITLED.search(text, pos):
        pos = m.start() + 1  # a title right after this one starts its own match
        end = m.start("name")
        words = list(_WORD_RUN.finditer(m.group("name")))
        for k, word in enumerate(words):
            initial = len(word.group().rstrip(".")) == 1 and k + 1 < len(words)
            low = word.group().lower().rstrip(".")
            if (word.group().capitalize() in _NOT_NAME_WORDS and not initial) or low in _ROLES:
                break  # "the Nurse Practitioner", "WAS", "consultant Mr O'Neil"
            end = m.start("name") + word.end()
        if end > m.start("name"):
            found.append(Redaction("NAME", m.start(), end))
            pos = end
    return found


def may_hold_name(text: str, lexicon: NameLexicon) -> bool:
    """Whether NER could change what is found in ``text``: it has an honorific ("Mrs
    s.", "Dr p"), or a capitalised word (not a function or feedback word) that the
    ``lexicon`` knows as a name.  NER's people count only when a word of theirs is a
    known name or a title comes first (which the title rule finds without NER), and its
    vetoes only undo known names; so texts without either skip NER, the slowest step."""
    if _TITLE_THEN_CAP.search(text):
        return True  # "The physiotherapist Okonkwo-Adeyemi": NER may take the name
    for word in _CAP_WORD.findall(text):
        low = word.lower().replace("’", "'")
        if low in _HONORIFICS:
            return True
        if len(word) > 1 and low not in _NOT_NAME_CAPS and low not in _NOT_NAMES and any(
                lexicon.is_name(part) for part in name_key(word).split("-") if part):
            return True
    return False


# Words after which a name is a place or building ("Victoria Ward", "Lister Wing",
# "Queen Elizabeth Hospital", "St Thomas'"), never a person.
_PLACE_AFTER = frozenset(
    "ward wards wing building buildings hospital hospitals unit centre center clinic surgery "
    "practice house road street lane avenue court lodge suite theatre theatres block royal "
    "infirmary park school college university academy pharmacy trust way drive close place "
    "square hall library station browser app software tablets tablet mg ml village town city "
    "county general district medical health foundation institute hospice mall estate "
    "primary secondary campus".split())
_PLACE_BEFORE = frozenset(
    "st saint queen queens king kings prince princess café cafe coffee christmas".split())
_CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december mon tue tues wed thu thur "
    "thurs fri sat sun jan feb mar apr jun jul aug sep sept oct nov dec christmas easter "
    "xmas eid ramadan diwali hanukkah passover lent vaisakhi".split())
# A role before a word makes it a name when the word is a known name ("nurse grace");
# a title makes even an NER person of unknown words one ("Dr Mbeki-Ogunbanjo").
_TITLES = frozenset(
    "dr doctor mr mrs ms mx miss prof professor sister matron nurse midwife consultant "
    "physio physiotherapist receptionist hca carer porter surgeon sr therapist".split())
_ROLES = _TITLES | frozenset(
    "tutor teacher "
    "lecturer mentor supervisor volunteer clerk domestic cleaner chaplain radiographer "
    "sonographer phlebotomist pharmacist paramedic registrar anaesthetist counsellor "
    "dietitian".split())
_THANKS = frozenset("thanks thank thankyou thanx thx called named tell ask asked".split())
_CUE_GAP = frozenset("to you u ya so much very for".split())  # "thank you so much to"
_TITLE_THEN_CAP = re.compile(r"(?i:\b(?:" + "|".join(sorted(_TITLES)) + r")\.?)[ \t]+[A-Z]")

# ... but not these words, which follow a role in ordinary sentences ("the nurse will").
_NOT_AFTER_ROLE = frozenset(
    "will may can could would should must might shall was is were are be been did do does "
    "had has have said told came went gave took made kept and or but the a an who that "
    "which practitioner practitioners specialist specialists manager team station led "
    "associate assistant unit ward department clinic surgery appointment staff nurse nurses "
    "doctor doctors reception receptionist please thanks thank".split())
# NER labels that say a span is not a person.  Not ORG: the small English model calls
# many a sentence-initial first name an ORG ("Tariq is a great tutor").
_NOT_PERSON = frozenset("GPE LOC FAC DATE TIME LANGUAGE".split())
# Abbreviations and chat words that the name lists hold as names.
_CHAT = frozenset("pre esp ive im hes shes thats dont cant wont didnt asap coz cos lol omg "
                  "etc eg ie vs fab brill thai indian chinese french polish english "
                  "african asian".split())


def _plain(key: str, lexicon: NameLexicon) -> bool:
    """A known name that is no common or feedback word ("zainab", "okafor")."""
    if "-" in key:
        return any(_plain(part, lexicon) for part in key.split("-") if len(part) > 2)
    return (len(key) > 1 and lexicon.is_plain_name(key) and key not in _NOT_NAME_CAPS
            and key not in _NOT_NAMES and key not in _CALENDAR and key not in _ROLES
            and key not in _CHAT and key not in _PLACE_BEFORE and key not in _PLACE_AFTER)


def _known(key: str, lexicon: NameLexicon) -> bool:
    """A known name, common words included ("grace", "brown")."""
    if "-" in key:
        return any(_known(part, lexicon) for part in key.split("-") if part)
    return (len(key) > 1 and lexicon.is_name(key) and key not in _CALENDAR
            and key not in _NOT_AFTER_ROLE and key not in _NOT_NAME_CAPS
            and key not in _NOT_NAMES)


def is_cased(text: str) -> bool:
    """Whether capital letters in ``text`` tell names apart: it has both cases and is
    neither mostly ALL CAPS nor Title Case."""
    if text == text.lower() or text == text.upper():
        return False
    long = [w for w in _WORD.findall(text)[1:] if len(w) > 3]  # the first word is capitalised
    # Title Case Or Mostly Capitals
    return len(long) < 4 or sum(w[0].isupper() for w in long) < 0.8 * len(long)


def cued(words: Sequence[re.Match[str]], i: int) -> bool:
    """Whether thanks or a request come just before word ``i``: "thanks to", "thank you
    so much to", "ask for", "tell"."""
    j = i - 1
    while j >= 0 and i - j <= 4 and name_key(words[j].group()) in _CUE_GAP:
        j -= 1
    return j >= 0 and i - j <= 4 and name_key(words[j].group()) in _THANKS


def name_probe(text: str, lexicon: NameLexicon) -> str:
    """``text`` itself when :func:`is_cased`; else the same text in lower case with
    titles, roles, known names and the word after an honorific capitalised.

    The probe has the length of ``text``, so spans found in it apply to ``text``.
    """
    cased = is_cased(text)
    low = text if cased else text.lower()
    if len(low) != len(text):  # a character whose lower case is longer: leave it
        return text
    chars = list(low)
    words = list(_WORD.finditer(low))
    for i, m in enumerate(words):
        key = name_key(m.group())
        before = name_key(words[i - 1].group()) if i else ""
        if len(before) == 1 and i > 1 and name_key(words[i - 2].group()) in _HONORIFICS:
            before = "dr"  # "dr s. raghunathan": the initial is part of the name
        if cased:  # only "dr patel" in a cased text: capitals are evidence there
            if (before in _HONORIFICS and before != "miss" and m.group().islower()
                    and key not in lexicon.common and key not in _NOT_NAME_CAPS
                    and key not in _NOT_AFTER_ROLE):
                chars[m.start()] = chars[m.start()].upper()
            continue
        cue = cued(words, i)
        after_role = (before in _ROLES or cue) and key not in _NOT_AFTER_ROLE
        plain = len(key) > 2 and _plain(key, lexicon)  # not "co", "pm"
        if (key in _ROLES or plain or (after_role and _known(key, lexicon))
                or (before in _HONORIFICS and key not in _NOT_NAME_CAPS
                    and key not in _NOT_AFTER_ROLE)):
            chars[m.start()] = chars[m.start()].upper()
    return "".join(chars)


def _inside(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def _near_place(words: Sequence[re.Match[str]], i: int) -> bool:
    """Whether word ``i`` names a place: "Victoria Ward", "Queen Elizabeth"."""
    after = name_key(words[i + 1].group()) if i + 1 < len(words) else ""
    before = name_key(words[i - 1].group()).rstrip(".") if i else ""
    return after in _PLACE_AFTER or before in _PLACE_BEFORE


def _full_name(words: Sequence[re.Match[str]], i: int, lexicon: NameLexicon) -> bool:
    """Word ``i`` and a neighbour are both capitalised known names, one a plain first
    name ("Oluwaseun Evans"): NER's ORG or GPE for them is overruled."""
    pair = [j for j in (i - 1, i + 1) if 0 <= j < len(words) and words[j].group()[0].isupper()]
    me = name_key(words[i].group())
    return any(_known(other := name_key(words[j].group()), lexicon)
               and (me in lexicon.first or other in lexicon.first)
               and _plain(other, lexicon) and not _near_place(words, j) for j in pair)


def _in_place(words: Sequence[re.Match[str]], i: int, lexicon: NameLexicon) -> bool:
    """Whether word ``i`` is part of a place name: one of two to four words ("Milton
    Keynes", "Barrow in Furness"), or alone when it is no first name ("Leeds"); or of a
    venue's name ("Costa", "WH Smith"; :meth:`NameLexicon.in_venue`)."""
    if lexicon.in_venue([w.group() for w in words[max(0, i - 2):i + 3]], min(i, 2)):
        return True  # "Costa", "WH Smith": a shop, café or app
    if not lexicon.places:
        return False

    def key(j: int) -> str:
        return words[j].group().casefold().replace("\u2019", "'")

    for size in (4, 3, 2):  # only the windows around word i: no pass over the whole text
        for start in range(max(0, i - size + 1), min(i, len(words) - size) + 1):
            if " ".join(key(j) for j in range(start, start + size)) in lexicon.places:
                return True
    return key(i) in lexicon.places and name_key(words[i].group()) not in lexicon.first


def lexicon_names(probe: str, entities: Sequence[tuple[int, int, str]],
                  lexicon: NameLexicon) -> list[Redaction]:
    """NAME spans for capitalised words of ``probe`` that the lexicon knows as names
    (and not as common words), unless NER calls them a place, organisation or date, or
    a place word is next to them ("Victoria Ward")."""
    other = [(s, e) for s, e, label in entities if label in _NOT_PERSON]
    words = list(_WORD.finditer(probe))
    found = []
    for i, m in enumerate(words):
        word = m.group()
        if not word[0].isupper() or not _plain(name_key(word), lexicon):
            continue
        if word.isupper() and len(word) <= 4 and probe != probe.upper():
            continue  # an acronym in a cased text: "BMA", "NHS"
        if _near_place(words, i) or _in_place(words, i, lexicon):
            continue
        if _inside(m.start(), m.end(), other) and not _full_name(words, i, lexicon):
            continue
        found.append(widen(probe, Redaction("NAME", m.start(), m.end()), lexicon))
    return found


def entity_names(probe: str, entities: Sequence[tuple[int, int, str]],
                 lexicon: NameLexicon, cased: bool = False) -> list[Redaction]:
    """NAME spans for NER's PERSON entities that look like names: a word of the entity
    is a known name, or a title or role comes just before it ("Dr Mbeki-Ogunbanjo"),
    and no place word ends it or follows it ("the Lister Wing")."""
    found = []
    words = list(_WORD.finditer(probe))
    for start, end, label in entities:
        if label != "PERSON":
            continue
        inner = [i for i, m in enumerate(words) if m.start() >= start and m.end() <= end]
        keys = [name_key(words[i].group()) for i in inner]
        if not keys or all(k in _NOT_NAMES or k in _ROLES for k in keys):
            continue
        if all(_in_place(words, i, lexicon) for i in inner):
            continue  # "Milton Keynes"
        before = name_key(words[inner[0] - 1].group()).rstrip(".") if inner[0] else ""
        if (keys[0] in _PLACE_BEFORE or keys[-1] in _PLACE_AFTER or before in _PLACE_BEFORE
                or _near_place(words, inner[-1])):
            continue
        if cased and before not in _ROLES and all(words[i].group().islower() for i in inner):
            continue  # "Staff have to don and doff PPE": lower case in a cased comment
        opens = not probe[:start].strip() or probe[:start].rstrip()[-1] in ".!?"
        if opens and before not in _ROLES and len(keys) == 1 and keys[0] in lexicon.common:
            continue  # "Bill payments are a rip off", "Grace period": no other evidence
        if before in _TITLES or any(_known(k, lexicon) for k in keys if k not in _NOT_NAMES):
            found.append(widen(probe, Redaction("NAME", start, end), lexicon))
    return found
