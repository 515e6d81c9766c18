"""Fixed texts for the client: checklists, good examples, and the rules on volunteer work and
mantelzorg in plain words (B1), with the articles of the Participatiewet they come from."""

from django.utils.translation import gettext_lazy as _

BRIEF_CHECKLIST = [
    _("Je noemt de vacature waarop je reageert, en waar je hem zag."),
    _("In de eerste zin staat waarom je dit werk wilt doen."),
    _("Je geeft één of twee voorbeelden van wat je goed kunt."),
    _("Je schrijft wanneer je kunt werken (bijvoorbeeld: onder schooltijd)."),
    _("De brief is niet langer dan een half A4."),
    _("Je sluit af met: 'Ik vertel u graag meer in een gesprek.'"),
    _("Je naam, telefoonnummer en e-mailadres staan erin."),
    _("Je hebt de naam van het bedrijf goed geschreven."),
]

CV_CHECKLIST = [
    _("Bovenaan: je naam, telefoonnummer en e-mailadres."),
    _("Een paar zinnen over jezelf en het werk dat je zoekt."),
    _("Wat je goed kunt, met een voorbeeld."),
    _("Werk en vrijwilligerswerk, het nieuwste eerst. Ook mantelzorg mag erin."),
    _("Opleidingen en cursussen, ook korte."),
    _("Hooguit twee kantjes."),
]

BRIEF_VOORBEELDEN = [
    (
        _("Begin"),
        _(
            "Op de website van Bakkerij Demodam zag ik dat u een verkoper zoekt voor 16 uur per week. "
            "Ik werk graag met mensen, en brood ruikt elke ochtend weer lekker. Daarom reageer ik."
        ),
    ),
    (
        _("Wat je kunt"),
        _(
            "Vijf jaar heb ik voor mijn moeder gezorgd. Ik ben daardoor rustig en op tijd, ook als het "
            "druk is. Bij de voedselbank help ik elke week mee aan de balie."
        ),
    ),
    (
        _("Afsluiten"),
        _(
            "Ik kan werken op maandag tot en met donderdag, tussen 9 en 14 uur. "
            "Ik vertel u graag meer in een gesprek."
        ),
    ),
]

# The rules on volunteer work, mantelzorg and helping people you know, next to bijstand.
REGELS_VRIJWILLIG = [
    (
        _("Vrijwilligerswerk mag"),
        _(
            "Vrijwilligerswerk mag naast de bijstand. Vertel het je contactpersoon vooraf. Het mag "
            "je kans op betaald werk niet in de weg zitten: je blijft beschikbaar voor werk "
            "(artikel 9 Participatiewet)."
        ),
    ),
    (
        _("Een vrijwilligersvergoeding"),
        _(
            "Krijg je een kleine vergoeding? Die mag je tot een maximum houden (artikel 31, lid 2, "
            "onderdeel k Participatiewet). Geef elke vergoeding door; je contactpersoon vertelt je "
            "hoeveel je mag houden."
        ),
    ),
    (
        _("Mantelzorg telt"),
        _(
            "Zorg je voor iemand in je familie of je buurt? Dat is mantelzorg. Bij zware zorg kan je "
            "contactpersoon je tijdelijk vrijstellen van solliciteren (artikel 9, lid 2 "
            "Participatiewet). Met je contactpersoon spreek je af of mantelzorg meetelt voor je "
            "afspraken."
        ),
    ),
    (
        _("Mensen uit je eigen netwerk helpen"),
        _(
            "Je mag familie, vrienden en buren gewoon helpen, zoals boodschappen doen of oppassen. "
            "Krijg je er geld of iets anders voor? Dan is het inkomen: geef het door (artikel 17 "
            "Participatiewet). Is het eigenlijk werk, zoals elke week betaald schoonmaken? Dan is "
            "het een baan en geef je die door bij 'Mijn werk'. Twijfel je? Vraag het je "
            "contactpersoon."
        ),
    ),
]
