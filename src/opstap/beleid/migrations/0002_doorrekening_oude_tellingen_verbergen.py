"""Results stored before complementary suppression (issue 8) may give a hidden small group back
by subtraction (e.g. clients minus computed = the one person outside the rules). The exact counts
are not kept, so they cannot be suppressed again: hide every count of such a result and keep the
averages and medians (groups of 10 or more). A new recalculation shows the counts again."""

from typing import Any

from django.db import migrations

TELLINGEN = ("met_bijstand", "armoedeval_huishoudens", "uren_uit_bijstand_niet_binnen_40", "beter_af",
             "slechter_af")


def _verberg(scenario: dict[str, Any]) -> None:
    for sleutel in TELLINGEN:
        if isinstance(scenario.get(sleutel), list):
            scenario[sleutel] = [None] * len(scenario[sleutel])
        elif sleutel in scenario:
            scenario[sleutel] = None
    for band in scenario.get("uren_uit_bijstand_banden") or []:
        band["aantal"] = None


def oude_tellingen_verbergen(apps: Any, schema_editor: Any) -> None:
    Doorrekening = apps.get_model("beleid", "Doorrekening")
    for d in Doorrekening.objects.exclude(resultaat={}).iterator():
        r = d.resultaat or {}
        if "basis" not in r or "aantal_totaal" in r:
            continue  # nothing stored yet, or stored under the current rule
        r["aantal_totaal"] = None
        r["aantal_berekend"] = None
        r["aantal_buiten_model"] = None
        r["buiten_model"] = dict.fromkeys(r.get("buiten_model") or {})
        for scenario in ("basis", "variant"):
            if isinstance(r.get(scenario), dict):
                _verberg(r[scenario])
        d.resultaat = r
        d.save(update_fields=["resultaat"])


class Migration(migrations.Migration):
    dependencies = [("beleid", "0001_initial")]

    operations = [migrations.RunPython(oude_tellingen_verbergen, migrations.RunPython.noop)]
